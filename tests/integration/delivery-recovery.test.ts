// Delivery survives outages: peer down then up, sender SIGKILLed mid-burst, two senders on one Redis.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { freePort } from '../../node/dev/private-redis.js';
import { LocalApiClient } from '../../node/dev/local-api-client.js';
import { eventually, testFederation } from '../fixtures/federation.js';
import { burst, inboxIds, outboxIds, statuses } from '../fixtures/traffic.js';

describe('delivery recovery (real node processes, real Redis)', function () {
  this.timeout(240_000);
  const started: Array<{ stopAll(): Promise<void> }> = [];

  afterEach(async () => {
    // A failed assertion must not leave processes holding the next test's ports.
    while (started.length > 0) await started.pop()!.stopAll();
  });

  it('delivers everything once when the peer comes up after messages were queued for it', async () => {
    const { fed } = await testFederation('peerdown');
    started.push(fed);
    await fed.start('AL');
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const { accepted } = await burst(al, 20, 'MK');
    expect(accepted).to.have.length(20);
    await eventually(
      'a failed attempt on the down peer',
      async () => (await al.outboxMessage(accepted[0]!)).summary.attempts >= 1,
    );
    const before = await statuses(al, accepted);
    expect([...before.values()].every((s) => s === 'queued' || s === 'sending')).to.equal(true);
    // Half of them as an earlier version stored them, without the recipient kid: delivery
    // checks their envelope itself before it claims them, and they go out all the same.
    const redis = new Redis(fed.options.redisUrl);
    try {
      const legacy = accepted.slice(0, 10);
      for (const id of legacy)
        await redis.hdel(`${fed.options.redisPrefix}AL:msg:out:${id}`, 'recipientKid');
      const kids = await Promise.all(
        legacy.map((id) =>
          redis.hget(`${fed.options.redisPrefix}AL:msg:out:${id}`, 'recipientKid'),
        ),
      );
      expect(kids.every((k) => k === null)).to.equal(true);
    } finally {
      redis.disconnect();
    }
    await fed.start('MK');
    const mk = await fed.client('MK', 'officer.mk', ['analyst']);
    await eventually('all 20 delivered', async () =>
      [...(await statuses(al, accepted)).values()].every((s) => s === 'delivered'),
    );
    const ids = await inboxIds(mk);
    console.log(
      `      peer down then up: sent ${accepted.length} (10 stored without their recipient kid), delivered ${accepted.length}, inbox ${ids.length}`,
    );
    expect(ids.slice().sort()).to.deep.equal(accepted.slice().sort());
    await fed.stopAll();
  });

  it('delivers every accepted message exactly once after the sender is SIGKILLed mid-burst and restarted', async () => {
    const { fed } = await testFederation('sigkill');
    started.push(fed);
    const sender = await fed.start('AL');
    await fed.start('ME');
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const me = await fed.client('ME', 'officer.me', ['analyst']);
    const submitting = burst(al, 200, 'ME', 8);
    await eventually(
      'the receiver has started receiving',
      async () => (await inboxIds(me)).length >= 20,
      60_000,
      50,
    );
    await sender.kill('SIGKILL');
    const first = await submitting;
    expect(first.accepted.length).to.be.greaterThan(20);
    await sender.start();
    const al2 = await fed.client('AL', 'arta.hoxha', ['analyst']);
    // What the dead process could not accept is submitted again: all 200 must end delivered.
    const rest = await burst(al2, first.failed, 'ME', 8, 1000);
    const accepted = [...first.accepted, ...rest.accepted];
    const failed = first.failed;
    expect(accepted).to.have.length(200);
    // A submission the process stored just before it died was never answered: the client sent
    // it again, so the outbox may hold a few more than 200. Each must be delivered exactly once.
    const outbox = await outboxIds(al2);
    expect(outbox).to.include.members(accepted);
    await eventually(
      `all ${outbox.length} outbox messages delivered`,
      async () => [...(await statuses(al2, outbox)).values()].every((s) => s === 'delivered'),
      120_000,
      500,
    );
    const ids = await inboxIds(me);
    console.log(
      `      sender SIGKILL: sent 200, accepted before the kill ${first.accepted.length}, refused by the dead process and sent again ${failed}, stored but unanswered ${outbox.length - accepted.length}, delivered ${outbox.length}, inbox ${ids.length} (unique ${new Set(ids).size})`,
    );
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.slice().sort()).to.deep.equal(outbox.slice().sort());
    await fed.stopAll();
  });

  it('shares one Redis between two sender processes without duplicate deliveries', async () => {
    const { fed } = await testFederation('twosenders');
    started.push(fed);
    await fed.start('AL');
    const second = await fed.start('AL', 'second', { peerPort: await freePort() });
    await fed.start('XK');
    const a = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const b = new LocalApiClient(second.ready.localApi, a.token);
    const [ra, rb] = await Promise.all([burst(a, 50, 'XK', 4, 0), burst(b, 50, 'XK', 4, 1000)]);
    const accepted = [...ra.accepted, ...rb.accepted];
    expect(accepted).to.have.length(100);
    await eventually('all 100 delivered', async () =>
      [...(await statuses(a, accepted)).values()].every((s) => s === 'delivered'),
    );
    const xk = await fed.client('XK', 'officer.xk', ['analyst']);
    const ids = await inboxIds(xk);
    const attempts = await Promise.all(
      accepted.map(async (id) => (await a.outboxMessage(id)).summary.attempts),
    );
    const metrics = await (await fetch(`${fed.process('XK').ready.localApi}/v1/metrics`)).text();
    const duplicates = metrics
      .split('\n')
      .filter((l) => l.startsWith('ffx_messages_received_total') && l.includes('duplicate="true"'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    console.log(
      `      two senders: sent 100, delivered 100, inbox ${ids.length}, redeliveries seen by receiver ${duplicates}`,
    );
    expect(ids.slice().sort()).to.deep.equal(accepted.slice().sort());
    expect(attempts.every((n) => n === 1)).to.equal(true);
    expect(duplicates).to.equal(0);
    await fed.stopAll();
  });
});
