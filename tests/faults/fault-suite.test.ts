// Fault suite: each scenario runs its own nodes and its own AOF redis-server, injects one fault,
// and proves that every accepted submission is delivered exactly once and every journal verifies.
import { expect } from 'chai';
import { rm } from 'node:fs/promises';
import { freePort, startPrivateRedis, type RedisHandle } from '../../node/dev/private-redis.js';
import type { DevFederationRunner, RunnerOptions } from '../../node/dev/dev-federation-runner.js';
import type { LocalApiClient } from '../../node/dev/local-api-client.js';
import { eventually, FAST_DELIVERY, testFederation } from '../fixtures/federation.js';
import { pkiWithRevocation, testPki, type TestPki } from '../fixtures/pki.js';
import { verifyJournals } from '../fixtures/journals.js';
import { allHaveStatus, burst, hit, inboxIds, metricSum, outboxIds } from '../fixtures/traffic.js';
import { ChaosProxy } from '../fixtures/chaos-proxy.js';
import { Redis } from 'ioredis';
import { MessageStore } from '../../node/store/message-store.js';

interface Scenario {
  redis: RedisHandle;
  fed: DevFederationRunner;
  stateDir: string;
  pki: TestPki;
}

const open: Array<() => Promise<void>> = [];

/** A scenario's own AOF redis-server (appendfsync always) and federation runner. */
async function scenario(label: string, overrides: Partial<RunnerOptions> = {}): Promise<Scenario> {
  const redis = await startPrivateRedis({ aof: true });
  const { fed, pki, stateDir } = await testFederation(label, { redisUrl: redis.url, ...overrides });
  open.push(async () => {
    await fed.stopAll();
    await redis.stop();
  });
  return { redis, fed, stateDir, pki };
}

/**
 * Waits until every message of the sender's outbox is delivered, then checks the receiver holds
 * each exactly once and every journal verifies. The outbox, not the list of answered
 * submissions, is the truth: a submission stored just before a crash was never answered, was
 * sent again by the client, and both copies are legitimate messages.
 */
async function assertDeliveredOnce(
  s: Scenario,
  sender: LocalApiClient,
  receiver: LocalApiClient,
  accepted: string[],
  what: string,
  extra = '',
): Promise<void> {
  const outbox = await outboxIds(sender);
  expect(outbox).to.include.members(accepted);
  await eventually(
    `all ${outbox.length} outbox messages delivered`,
    () => allHaveStatus(sender, outbox, 'delivered'),
    180_000,
    500,
  );
  const ids = await inboxIds(receiver);
  const unique = new Set(ids);
  await s.fed.stopAll();
  const journals = await verifyJournals(s.stateDir, s.pki);
  console.log(
    `      ${what}: accepted ${accepted.length}, stored but unanswered ${outbox.length - accepted.length}, delivered ${outbox.length}, inbox entries ${ids.length} (unique ${unique.size})${extra}; ${journals.length} journals verify`,
  );
  expect(unique.size, 'inbox entries are unique').to.equal(ids.length);
  expect(ids.slice().sort()).to.deep.equal(outbox.slice().sort());
}

describe('fault suite (own AOF redis-server per scenario, real node processes)', function () {
  this.timeout(300_000);

  before(async () => {
    await testPki();
  });

  afterEach(async () => {
    while (open.length > 0) await open.pop()!();
  });

  it('receiver down for a while: everything queued is delivered once it is back', async () => {
    const s = await scenario('f-down');
    await s.fed.start('AL');
    const al = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    const { accepted } = await burst(al, 100, 'BA');
    expect(accepted).to.have.length(100);
    await eventually(
      'failed attempts on the absent receiver',
      async () => (await al.outboxMessage(accepted[0]!)).summary.attempts >= 2,
      60_000,
    );
    await s.fed.start('BA');
    const ba = await s.fed.client('BA', 'officer.ba', ['analyst']);
    await assertDeliveredOnce(s, al, ba, accepted, 'receiver down', ', sent 100');
  });

  it('receiver SIGKILLed mid-burst and restarted: every accepted message delivered exactly once', async () => {
    const s = await scenario('f-rkill');
    await s.fed.start('AL');
    const receiver = await s.fed.start('BA');
    const al = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    const ba = await s.fed.client('BA', 'officer.ba', ['analyst']);
    const sending = burst(al, 200, 'BA', 8);
    await eventually(
      'the receiver has started receiving',
      async () => (await inboxIds(ba)).length >= 30,
      60_000,
      50,
    );
    await receiver.kill('SIGKILL');
    const { accepted } = await sending;
    expect(accepted).to.have.length(200);
    await new Promise((r) => setTimeout(r, 1500));
    await receiver.start();
    const ba2 = await s.fed.client('BA', 'officer.ba', ['analyst']);
    await assertDeliveredOnce(s, al, ba2, accepted, 'receiver SIGKILL', ', sent 200');
  });

  it('sender SIGKILLed mid-burst and restarted: every accepted message delivered exactly once', async () => {
    const s = await scenario('f-skill');
    const sender = await s.fed.start('AL');
    await s.fed.start('BA');
    const al = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    const ba = await s.fed.client('BA', 'officer.ba', ['analyst']);
    const sending = burst(al, 200, 'BA', 8);
    await eventually(
      'the receiver has started receiving',
      async () => (await inboxIds(ba)).length >= 30,
      60_000,
      50,
    );
    await sender.kill('SIGKILL');
    const first = await sending;
    await sender.start();
    const al2 = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    // What the dead process could not accept is submitted again: all 200 must end delivered.
    const rest = await burst(al2, first.failed, 'BA', 8, 1000);
    const accepted = [...first.accepted, ...rest.accepted];
    expect(accepted).to.have.length(200);
    await assertDeliveredOnce(
      s,
      al2,
      ba,
      accepted,
      'sender SIGKILL',
      `, sent 200, refused while down and sent again ${first.failed}`,
    );
  });

  it('Redis SIGKILLed mid-burst and restarted on its AOF: nothing accepted is lost', async () => {
    const s = await scenario('f-redis');
    await s.fed.start('AL');
    await s.fed.start('BA');
    const al = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    const ba = await s.fed.client('BA', 'officer.ba', ['analyst']);
    const sending = burst(al, 200, 'BA', 8);
    await eventually(
      'the receiver has started receiving',
      async () => (await inboxIds(ba)).length >= 30,
      60_000,
      50,
    );
    const { dir, port } = s.redis;
    s.redis.process!.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    const restarted = await startPrivateRedis({ aof: true, dir: dir!, port: port! });
    open.unshift(async () => {
      await restarted.stop();
      await rm(dir!, { recursive: true, force: true });
    });
    const first = await sending;
    const rest = await burst(al, first.failed, 'BA', 8, 1000);
    const accepted = [...first.accepted, ...rest.accepted];
    expect(accepted).to.have.length(200);
    await assertDeliveredOnce(
      s,
      al,
      ba,
      accepted,
      'Redis SIGKILL',
      `, sent 200, refused while Redis was down and sent again ${first.failed}`,
    );
  });

  it('a proxy that resets, drops and delays answers beyond the timeout: delivered once, redeliveries answered with the original receipt', async () => {
    const s = await scenario('f-chaos', { delivery: { ...FAST_DELIVERY, attemptTimeoutMs: 1500 } });
    const rsPort = await freePort();
    // The dice are loaded so that a run with few (kept-alive) connections still meets every
    // fault: reset, dropped answer, delayed answer, then two clean connections, and again.
    const dice = [0.05, 0.25, 0.45, 0.9, 0.9];
    let roll = 0;
    const proxy = await ChaosProxy.start(
      s.pki.peerPorts.RS!,
      rsPort,
      { reset: 0.15, dropAnswer: 0.2, delayAnswer: 0.15, delayMs: 2500, idleCloseMs: 300 },
      () => dice[roll++ % dice.length]!,
    );
    open.push(() => proxy.close());
    await s.fed.start('AL');
    await s.fed.start('RS', 'main', { peerPort: rsPort });
    const al = await s.fed.client('AL', 'arta.hoxha', ['analyst']);
    const rs = await s.fed.client('RS', 'marko.petrovic', ['analyst']);
    const { accepted } = await burst(al, 100, 'RS', 8);
    expect(accepted).to.have.length(100);
    await eventually(
      'all delivered through the proxy',
      () => allHaveStatus(al, accepted, 'delivered'),
      180_000,
      500,
    );
    const redeliveries = await metricSum(
      s.fed.process('RS').ready.localApi,
      'ffx_messages_received_total',
      'duplicate="true"',
    );
    const st = proxy.stats;
    expect(st.reset, 'connections reset').to.be.greaterThan(0);
    expect(st.dropped + st.delayed, 'answers dropped or delayed').to.be.greaterThan(0);
    await assertDeliveredOnce(
      s,
      al,
      rs,
      accepted,
      'chaos proxy',
      `, sent 100, proxy connections ${st.connections} (reset ${st.reset}, answers dropped ${st.dropped}, delayed ${st.delayed}), redeliveries answered idempotently ${redeliveries}`,
    );
  });

  it('clock skew within the window is accepted; beyond it the receiver refuses with FFX-FUTURE and stores nothing', async () => {
    const s = await scenario('f-skew');
    const ahead = await testFederation('f-skew-ahead', {
      redisUrl: s.redis.url,
      env: { FFX_FAULT_CLOCK_OFFSET_MS: String(120_000) },
    });
    open.push(() => ahead.fed.stopAll());
    await s.fed.start('BA');
    await ahead.fed.start('AL');
    const al = await ahead.fed.client('AL', 'arta.hoxha', ['analyst']);
    const ba = await s.fed.client('BA', 'officer.ba', ['analyst']);
    const within = await burst(al, 20, 'BA');
    await eventually(
      'within-window messages delivered',
      () => allHaveStatus(al, within.accepted, 'delivered'),
      60_000,
      300,
    );
    await ahead.fed.stopAll();

    const far = await testFederation('f-skew-far', {
      redisUrl: s.redis.url,
      env: { FFX_FAULT_CLOCK_OFFSET_MS: String(900_000) },
    });
    open.push(() => far.fed.stopAll());
    await far.fed.start('AL');
    const alFar = await far.fed.client('AL', 'arta.hoxha', ['analyst']);
    const beyond = await burst(alFar, 10, 'BA');
    await eventually(
      'the receiver refused with FFX-FUTURE',
      async () => {
        const m = await alFar.outboxMessage(beyond.accepted[0]!);
        return m.summary.lastError?.code === 'FFX-FUTURE' && m.summary.attempts >= 2;
      },
      60_000,
      300,
    );
    const inbox = await inboxIds(ba);
    const statuses = await Promise.all(
      beyond.accepted.map(async (id) => (await alFar.outboxMessage(id)).summary.status),
    );
    console.log(
      `      clock skew: +120 s sent 20, delivered 20; +900 s sent 10, delivered 0, inbox ${inbox.length}, statuses ${[...new Set(statuses)].join(',')}`,
    );
    expect(inbox.slice().sort()).to.deep.equal(within.accepted.slice().sort());
    expect(
      statuses.every((x) => x === 'queued' || x === 'sending'),
      'retried until expiry, not lost',
    ).to.equal(true);
    await far.fed.stopAll();
    await s.fed.stopAll();
    for (const st of [s.stateDir, ahead.stateDir, far.stateDir]) await verifyJournals(st, s.pki);
  });

  it("a peer's encryption certificate revoked in a new directory while messages to it are queued: none delivered, all dead-lettered with FFX-CERT-REVOKED; retried by an admin once the peer has a new key, all delivered but one whose contents were purged (409)", async () => {
    const { pkiDir, revoke, replace } = await pkiWithRevocation('BA', 'enc', {
      issueLater: true,
    });
    const s = await scenario('f-revoke', { pkiDir });
    const al = await (async () => {
      await s.fed.start('AL', 'main', { directoryRefreshSeconds: 5 });
      return s.fed.client('AL', 'arta.hoxha', ['analyst']);
    })();
    const { accepted } = await burst(al, 20, 'BA');
    expect(accepted).to.have.length(20);

    const localApi = s.fed.process('AL').ready.localApi;
    const installed = (what: string, sequence: number) =>
      eventually(
        what,
        async () => {
          const r = (await (await fetch(`${localApi}/v1/ready`)).json()) as {
            checks: { directory: { sequence: number } };
          };
          return r.checks.directory.sequence === sequence;
        },
        30_000,
        500,
      );
    await installed('AL installed the directory revoking the key', await revoke());
    await s.fed.start('BA');
    const baClient = await s.fed.client('BA', 'officer.ba', ['analyst']);
    await eventually(
      'every queued message dead-lettered',
      () => allHaveStatus(al, accepted, 'failed'),
      60_000,
      300,
    );
    const codes = await Promise.all(
      accepted.map(async (id) => (await al.outboxMessage(id)).summary.lastError?.code),
    );
    const inbox = await inboxIds(baClient);
    let refused = '';
    try {
      await al.submit(hit('BA', 999));
    } catch (err) {
      refused = String((err as { status?: number }).status);
    }
    console.log(
      `      revoked peer: queued 20, delivered 0, dead-lettered ${codes.filter((c) => c === 'FFX-CERT-REVOKED').length}, inbox ${inbox.length}, new submission answered HTTP ${refused}`,
    );
    expect(codes.every((c) => c === 'FFX-CERT-REVOKED')).to.equal(true);
    expect(inbox).to.have.length(0);
    expect(refused).to.equal('503');

    // The peer gets a new key (its node restarts with it); an admin retries every dead letter,
    // and each is sealed again for the new key and delivered.
    // While the peer has no valid key, a retry is refused and changes nothing.
    const admin = await s.fed.client('AL', 'ops.admin', ['admin']);
    let early = '';
    try {
      await admin.call('POST', `/v1/dead-letters/${accepted[0]!}/retry`);
    } catch (err) {
      early = String((err as { status?: number }).status);
    }
    expect(early).to.equal('503');
    expect((await al.outboxMessage(accepted[0]!)).summary.status).to.equal('failed');
    // One dead letter reaches the end of its retention: the node's own purge deletes its
    // contents, and a retry can then only be refused (409), leaving it failed.
    const purgedId = accepted.at(-1)!;
    const redis = new Redis(s.redis.url);
    try {
      const prefix = `${s.fed.options.redisPrefix}AL:`;
      await redis.zadd(`${prefix}retain`, Date.now() - 1000, `out:${purgedId}`);
      expect(await new MessageStore(redis, prefix).purgeExpiredContents()).to.deep.equal([
        `out:${purgedId}`,
      ]);
    } finally {
      redis.disconnect();
    }
    let purgedRetry: { status?: number; problem?: Record<string, unknown> } = {};
    try {
      await admin.call('POST', `/v1/dead-letters/${purgedId}/retry`);
    } catch (err) {
      purgedRetry = err as typeof purgedRetry;
    }
    expect(purgedRetry.status).to.equal(409);
    expect(purgedRetry.problem?.code).to.equal('NODE-CONFLICT');
    expect(String(purgedRetry.problem?.detail)).to.match(/contents were deleted/);
    expect((await al.outboxMessage(purgedId)).summary.status).to.equal('failed');
    const retried = accepted.filter((id) => id !== purgedId);
    await installed('AL installed the directory with the new key', await replace());
    await s.fed.process('BA').stop();
    await s.fed.process('BA').start();
    for (const id of retried) await admin.call('POST', `/v1/dead-letters/${id}/retry`);
    await eventually(
      'every retried message delivered',
      () => allHaveStatus(al, retried, 'delivered'),
      60_000,
      300,
    );
    const history = (await al.outboxMessage(accepted[0]!)).history;
    const received = await inboxIds(await s.fed.client('BA', 'officer.ba', ['analyst']));
    console.log(
      `      after a new key: retried ${retried.length}, delivered ${retried.length}, inbox ${received.length}; the one whose contents were purged: retry answered HTTP ${purgedRetry.status}, still failed`,
    );
    expect(received.slice().sort()).to.deep.equal(retried.slice().sort());
    expect((await al.outboxMessage(purgedId)).summary.status).to.equal('failed');
    expect(history.find((h) => h.status === 'queued' && h.detail?.retriedBy)?.detail).to.include({
      resealed: true,
    });
    await s.fed.stopAll();
    await verifyJournals(s.stateDir, s.pki);
  });
});
