// Submitting with the node's parts on real Redis and a fixed clock: per destination queued or denied, a bad request changes nothing.
import { expect } from 'chai';
import { submitMessage, type SubmitDeps } from '../../node/message-flow/submit-message.js';
import { NodeError } from '../../node/errors.js';
import { storyTraceRequest } from '../../node/dev/demo-story.js';
import { nodeParts, type NodeParts } from '../fixtures/node-parts.js';

describe('submitMessage', function () {
  this.timeout(60_000);
  const at = new Date();
  const now = () => at;
  const actor = { sub: 'arta.hoxha', role: 'analyst' };
  let al: NodeParts;
  let deps: SubmitDeps;

  before(async () => {
    al = await nodeParts('AL', 'submit', now);
    deps = {
      store: al.store,
      trust: al.trust,
      queues: al.queues,
      policy: al.policy,
      events: al.events,
      defaultTtlSeconds: 3600,
      retentionDays: 30,
      now,
    };
  });
  after(() => al.close());
  beforeEach(() => al.emitted.splice(0));

  it('seals, stores and queues for an allowed destination, and stores a denied one with its reasons only', async () => {
    const req = { ...storyTraceRequest(), to: ['RS', 'EU-DE'] };
    const { results } = await submitMessage(deps, actor, req);
    expect(results.map((r) => [r.to, r.status])).to.deep.equal([
      ['RS', 'queued'],
      ['EU-DE', 'denied'],
    ]);
    const [toRs, toDe] = results;
    expect(toDe!.reasons!.length).to.be.greaterThan(0);
    expect(toDe!.decision?.effect).to.equal('deny');

    const sent = (await al.store.get('out', toRs!.messageId))!;
    expect(sent.status).to.equal('queued');
    expect(sent.createdAt).to.equal(at.toISOString());
    expect(Date.parse(sent.expiresAt) - at.getTime()).to.equal(3600_000);
    expect(sent.jwe).to.be.a('string');
    expect((sent.decision as { effect?: string } | undefined)?.effect).to.equal('allow');
    const job = await al.queues.queue('RS').getJob(toRs!.messageId);
    expect(job?.data).to.deep.equal({ messageId: toRs!.messageId, expiresAt: sent.expiresAt });

    const denied = (await al.store.get('out', toDe!.messageId))!;
    expect(denied.status).to.equal('denied');
    expect(denied.jwe).to.equal(undefined);
    expect(await al.queues.queue('EU-DE').getJob(toDe!.messageId)).to.equal(undefined);

    expect(al.emitted.map((e) => e.name)).to.deep.equal(['decision', 'submitted', 'decision']);
    expect(al.emitted[1]!.payload).to.deep.include({ messageId: toRs!.messageId, to: 'RS', actor });
  });

  it('refuses a destination that is not a member before anything is decided or stored', async () => {
    const before = (await al.store.list('out', { limit: 100 })).items.length;
    const req = { ...storyTraceRequest(), to: ['RS', 'XX'] };
    const err = await submitMessage(deps, actor, req).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(NodeError);
    expect((err as NodeError).code).to.equal('NODE-VALIDATION');
    expect((err as NodeError).problems.map((p) => p.pointer)).to.include('/to/1');
    expect((await al.store.list('out', { limit: 100 })).items.length).to.equal(before);
    expect(al.emitted).to.deep.equal([]);
  });

  it('refuses a body that does not match its schema, naming the pointer, and stores nothing', async () => {
    const before = (await al.store.list('out', { limit: 100 })).items.length;
    const req = storyTraceRequest();
    const body = { ...(req.body as Record<string, unknown>), firearm: 'a pistol' };
    const err = await submitMessage(deps, actor, { ...req, body } as typeof req).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as NodeError).code).to.equal('NODE-VALIDATION');
    expect((err as NodeError).problems.some((p) => p.pointer.startsWith('/body/firearm'))).to.equal(
      true,
    );
    expect((await al.store.list('out', { limit: 100 })).items.length).to.equal(before);
  });
});
