// No private key, bearer token or message body ever reaches a log or the audit journal.
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORY_BODIES, storyTraceRequest } from '../../node/dev/demo-story.js';
import { LocalApiClient } from '../../node/dev/local-api-client.js';
import { eventually, testFederation } from '../fixtures/federation.js';
import { testPki } from '../fixtures/pki.js';
import type { components } from '../../generated/openapi.js';

type SubmitRequest = components['schemas']['SubmitRequest'];

describe('security: log hygiene (real node processes)', function () {
  this.timeout(120_000);

  it('keeps keys, tokens and bodies out of every log line and journal entry', async () => {
    const pki = await testPki();
    const { fed, stateDir } = await testFederation('sec-logs', { logLevel: 'debug' });
    await fed.start('AL');
    await fed.start('RS');
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const rs = await fed.client('RS', 'marko.petrovic', ['analyst']);
    const sent = await al.submit(storyTraceRequest());
    const id = sent.results[0]!.messageId;
    await al.waitForStatus(id, ['delivered']);
    await eventually('RS has it', async () => (await rs.inbox()).items.some((m) => m.id === id));
    await rs.inboxMessage(id);
    // A refused token and a refused body are logged as refusals, never echoed.
    await new LocalApiClient(al.baseUrl, `${al.token}x`).outbox().catch(() => undefined);
    await al
      .submit({
        type: 'trace-request',
        to: ['RS'],
        handling: { code: 'H1', purpose: 'criminal-investigation' },
        body: { possessor: { name: 'Secret Person Zz' } },
      } as unknown as SubmitRequest)
      .catch(() => undefined);
    await fed.stopAll();

    const forbidden = [
      'PRIVATE KEY',
      al.token,
      rs.token,
      al.token.split('.')[2]!,
      STORY_BODIES.traceRequest.possessor.name,
      STORY_BODIES.traceRequest.possessor.address.street,
      STORY_BODIES.traceRequest.possessor.dateOfBirth,
      STORY_BODIES.traceRequest.firearm.serialNumber,
      'Secret Person Zz',
      pki.members.AL!.sig.keyPem.split('\n')[1]!,
    ];
    let files = 0;
    let bytes = 0;
    for (const node of await readdir(stateDir)) {
      for (const f of await readdir(join(stateDir, node)).catch(() => [] as string[])) {
        if (!/\.(log|jsonl)$/.test(f)) continue;
        const text = await readFile(join(stateDir, node, f), 'utf8');
        files++;
        bytes += text.length;
        for (const s of forbidden)
          expect(text.includes(s), `${node}/${f} contains ${s.slice(0, 24)}…`).to.equal(false);
      }
    }
    console.log(
      `      scanned ${files} log and journal files (${bytes} bytes) for ${forbidden.length} secrets: none found`,
    );
    expect(files).to.be.greaterThan(2);
    expect(bytes).to.be.greaterThan(1000);
  });
});
