// The demo story on four real node processes: statuses, verified receipts, policy effects, journals.
import { expect } from 'chai';
import { join } from 'node:path';
import { compactVerify } from 'jose';
import { verifyDirectory, type TrustedDirectory } from '../../protocol/index.js';
import { verifyJournal } from '../../node/audit/index.js';
import { signingKeys } from '../fixtures/journals.js';
import { STORY_BODIES, playStory, type StoryResult } from '../../node/dev/demo-story.js';
import { ffx } from '../fixtures/cli.js';
import { testFederation } from '../fixtures/federation.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

describe('demo story (AL, RS, MD, EU-DE as separate processes)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let stateDir: string;
  let story: StoryResult;
  let directory: TrustedDirectory;

  before(async () => {
    ({ fed, pki, stateDir } = await testFederation('story'));
    for (const id of ['AL', 'RS', 'MD', 'EU-DE']) await fed.start(id);
    directory = await verifyDirectory(pki.directoryJws, {
      rootCaPem: pki.rootCaPem,
      now: new Date(),
    });
    story = await playStory(fed);
  });

  after(async () => {
    await fed.stopAll();
  });

  /** Verifies a receipt's signature with the receiver's sig certificate from the directory. */
  async function receiptOf(jws: string, receiver: string): Promise<Record<string, unknown>> {
    const { protectedHeader, payload } = await compactVerify(jws, async (h) => {
      const c = directory.certificateByKid(String(h.kid));
      if (!c || c.memberId !== receiver || c.use !== 'sig')
        throw new Error(`receipt signed by ${String(h.kid)}, not ${receiver}'s sig key`);
      return c.publicKey;
    });
    expect(protectedHeader.alg).to.equal('PS256');
    return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  }

  it('delivers the trace request to RS with a signed receipt over the exact envelope', async () => {
    const d = story.traceRequest.detail;
    expect(['delivered', 'answered']).to.include(d.summary.status);
    expect(d.history.map((h) => h.status)).to.include.members([
      'accepted',
      'queued',
      'sending',
      'delivered',
    ]);
    const r = await receiptOf(d.receipt!.jws, 'RS');
    expect(r).to.include({
      status: 'accepted',
      messageId: story.traceRequest.id,
      from: 'RS',
      to: 'AL',
      digest: d.digest,
    });
  });

  it("applies AL's outbound policy: RS receives every seized item and the possessor generalised", () => {
    const decision = story.traceRequest.detail.decision!;
    expect(decision.effect).to.equal('allow');
    expect(decision.transformations.map((t) => t.pointer)).to.include('/possessor/dateOfBirth');
    const received = story.traceRequest.received.message as {
      body: { possessor?: Record<string, unknown>; items: unknown[] };
      policy: Record<string, unknown>;
    };
    const possessor = received.body.possessor!;
    expect(possessor.dateOfBirth).to.equal('1986');
    expect(JSON.stringify(possessor)).not.to.contain('Idromeno');
    expect(received.body.items).to.deep.equal(STORY_BODIES.seizure.items);
    expect(received.policy).to.include({
      id: decision.policy.id,
      version: decision.policy.version,
      decisionHash: decision.decisionHash,
    });
  });

  it('counts the items answered: 2 of 6 (one pending) after the first answer, 6 of 6 after the second', () => {
    const partial = story.partialResponse.request;
    expect(partial.summary.status).to.equal('answered');
    expect(partial.summary.answers).to.deep.equal({
      items: 6,
      answered: 2,
      pending: 1,
      responses: 1,
    });
    expect(partial.answers!.byItem.map((i) => `${i.itemId} ${i.status}`)).to.deep.equal([
      'HH-01 completed',
      'HH-02 unanswered',
      'HH-03 unanswered',
      'HH-04 completed',
      'HH-05 pending',
      'HH-06 unanswered',
    ]);
    const done = story.traceResponse.request;
    expect(done.summary.answers).to.deep.equal({ items: 6, answered: 6, pending: 0, responses: 2 });
    const byItem = Object.fromEntries(done.answers!.byItem.map((i) => [i.itemId, i]));
    expect(byItem['HH-01']).to.include({
      status: 'completed',
      responseId: story.partialResponse.id,
    });
    expect(byItem['HH-03']).to.include({ status: 'unable', responseId: story.traceResponse.id });
    expect(byItem['HH-05']).to.include({ status: 'completed', responseId: story.traceResponse.id });
    const timeline = story.timeline.map((e) => e.text).join('\n');
    expect(timeline).to.contain('2 of 6 items answered in 1 response (HH-05 pending)');
    expect(timeline).to.contain('6 of 6 items answered in 2 responses');
  });

  it("shows the answered items in AL's outbox listing and in `ffx list outbox`", async () => {
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const page = await al.outbox('?type=trace-request');
    const listed = page.items.find((m) => m.id === story.traceRequest.id)!;
    expect(listed.answers).to.deep.equal({ items: 6, answered: 6, pending: 0, responses: 2 });
    const cli = await ffx(['list', 'outbox', '--url', al.baseUrl, '--token', al.token]);
    expect(cli.code, cli.stderr).to.equal(0);
    const line = cli.stdout.split('\n').find((l) => l.startsWith(story.traceRequest.id))!;
    expect(line).to.match(/\ttrace-request\tAL → RS\tanswered\t\S+\t6\/6 items answered$/);
  });

  it('marks the request answered when the trace responses arrive', async () => {
    expect(story.partialResponse.detail.summary.status).to.equal('delivered');
    expect(story.traceResponse.detail.summary.status).to.equal('delivered');
    expect(story.traceResponse.request.summary.status).to.equal('answered');
    expect(story.traceResponse.request.summary.answeredBy).to.equal(story.traceResponse.id);
    const r = await receiptOf(story.traceResponse.detail.receipt!.jws, 'AL');
    expect(r).to.include({ status: 'accepted', from: 'AL', to: 'RS' });
    const rs = await fed.client('RS', 'marko.petrovic', ['analyst']);
    const inbound = await rs.inboxMessage(story.traceRequest.id);
    expect(inbound.summary.status).to.equal('answered');
  });

  it('sends the confirmed hit to the allowed destinations and explains the refused one', async () => {
    const denied = story.hit.results.filter((r) => r.status === 'denied');
    const queued = story.hit.results.filter((r) => r.status === 'queued');
    expect(denied).to.have.length(1);
    expect(denied[0]!.reasons!.length).to.be.greaterThan(0);
    expect(denied[0]!.decision!.effect).to.equal('deny');
    expect(queued).to.have.length(2);
    for (const q of queued) {
      const d = story.hit.delivered[q.to]!;
      expect(d.summary.status).to.equal('delivered');
      const r = await receiptOf(d.receipt!.jws, q.to);
      expect(r).to.include({ status: 'accepted', messageId: q.messageId, digest: d.digest });
      expect(story.hit.received[q.to]!.summary).to.include({
        id: q.messageId,
        from: 'RS',
        status: 'received',
      });
    }
    const rs = await fed.client('RS', 'marko.petrovic', ['analyst']);
    const refused = await rs.outboxMessage(denied[0]!.messageId);
    expect(refused.summary.status).to.equal('denied');
    expect(refused.message).to.equal(undefined);
  });

  it('keeps an audit journal per node whose chain and checkpoints verify', async () => {
    await fed.stopAll();
    for (const id of ['AL', 'RS', 'MD', 'EU-DE']) {
      const v = await verifyJournal(join(stateDir, id, 'audit-main.jsonl'), {
        publicKeys: signingKeys(pki),
        nodeId: id,
      });
      expect(v.ok, `${id}: ${JSON.stringify(v.firstBroken)}`).to.equal(true);
      expect(v.entries).to.be.greaterThan(2);
    }
  });
});
