// Issue 19 through two real node processes: what AL's policy withholds from RS does not leave through the free text.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { eventually, testFederation } from '../fixtures/federation.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

const body = parse(
  readFileSync(
    new URL('../../policies/tests/bodies/trace-request-free-text.yaml', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

describe('personal data in free text between AL and RS (separate processes)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;

  before(async () => {
    ({ fed } = await testFederation('freetext'));
    await fed.start('AL');
    await fed.start('RS');
  });

  after(async () => {
    await fed.stopAll();
  });

  it("AL's local API preview shows the analyst each finding with its span before sending", async () => {
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const preview = await al.call<Schemas['PolicyPreview']>('POST', '/v1/policies/preview', {
      to: 'RS',
      type: 'trace-request',
      handling: { code: 'H1', purpose: 'criminal-investigation' },
      body,
    });
    const text = body.specialInstructions as string;
    const shown = (preview.freeText ?? [])
      .filter((f) => f.pointer === '/specialInstructions')
      .map((f) => `${f.action} ${f.kind}: ${text.slice(f.span.start, f.span.end)}`);
    expect(shown).to.deep.equal([
      'kept name: Dritan Krasniqi',
      'generalised date-of-birth: 14.03.1991',
      'redacted address: Rruga e Kavajes 112',
      'kept address: Tirana',
      'redacted document: AB1234567',
    ]);
    expect((preview.body as { specialInstructions: string }).specialInstructions).to.equal(
      'Possessor Dritan Krasniqi, born 1991, lives at [address withheld], Tirana; passport [document number withheld].',
    );
  });

  it("RS receives the officer's sentence with the date of birth as its year, street and passport withheld, the name as its structured field", async () => {
    expect(body.specialInstructions).to.equal(
      'Possessor Dritan Krasniqi, born 14.03.1991, lives at Rruga e Kavajes 112, Tirana; passport AB1234567.',
    );
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const rs = await fed.client('RS', 'marko.petrovic', ['analyst']);
    const sent = await al.submit({
      type: 'trace-request',
      to: ['RS'],
      handling: {
        code: 'H1',
        purpose: 'criminal-investigation',
        legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      },
      body,
    } as unknown as Schemas['SubmitRequest']);
    const result = sent.results[0]!;
    expect(result.status).to.equal('queued');
    const delivered = await al.waitForStatus(result.messageId, ['delivered', 'rejected', 'failed']);
    expect(delivered.summary.status).to.equal('delivered');
    const received = await eventually('the request in RS inbox', async () =>
      rs.inboxMessage(result.messageId),
    );
    const message = received.message as {
      body: {
        specialInstructions: string;
        recovery: { circumstances: string };
        possessor: Record<string, unknown>;
      };
      policy: { decisionHash: string };
    };
    expect(message.body.specialInstructions).to.equal(
      'Possessor Dritan Krasniqi, born 1991, lives at [address withheld], Tirana; passport [document number withheld].',
    );
    // The structured fields as RS gets them: the name kept, the date of birth its year.
    expect(message.body.possessor.name).to.equal('Dritan Krasniqi');
    expect(message.body.possessor.dateOfBirth).to.equal('1991');
    expect(message.body.possessor).not.to.have.property('identityDocument');
    const everything = JSON.stringify(received);
    for (const secret of ['14.03.1991', '1991-03-14', 'Kavaj', 'AB1234567'])
      expect(everything, secret).not.to.contain(secret);
    expect(message.policy.decisionHash).to.equal(delivered.decision!.decisionHash);
    // AL's outbox keeps what was done to the text: kinds, fields and spans, never the text.
    const kept = delivered.decision!.freeText ?? [];
    expect(
      kept.filter((f) => f.action !== 'kept').map((f) => `${f.action} ${f.kind}`),
    ).to.include.members(['generalised date-of-birth', 'redacted address', 'redacted document']);
    expect(JSON.stringify(delivered.decision)).not.to.contain('14.03.1991');
  });
});
