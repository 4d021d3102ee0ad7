// Console sessions in real Redis: ids hashed, absolute end and idle time, one-use pending sign-ins.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { SessionStore, type ConsoleSession } from '../../../node/http/console/session-store.js';
import { redisUrl, testPrefix } from '../../fixtures/redis.js';

describe('SessionStore (real Redis)', () => {
  let redis: Redis;
  let prefix: string;
  let clock: number;

  before(() => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  });
  beforeEach(() => {
    prefix = testPrefix('sessions');
    clock = Date.parse('2026-12-01T10:00:00Z');
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
  });
  after(() => redis.disconnect());

  const store = (idleSeconds = 1800) =>
    new SessionStore({ redis, prefix, idleSeconds, now: () => clock });
  const session = (over: Partial<ConsoleSession> = {}): ConsoleSession => ({
    sub: 'analyst.al',
    roles: ['analyst'],
    csrfToken: 'c'.repeat(43),
    createdAt: clock,
    expiresAt: clock + 3_600_000,
    accessToken: 'opaque-access-token',
    ...over,
  });

  it('stores a session under the SHA-256 of its random id, never under the id itself', async () => {
    const s = store();
    const id = await s.create(session());
    expect(id).to.match(/^[A-Za-z0-9_-]{43}$/);
    const keys = await redis.keys(`${prefix}*`);
    const hashed = createHash('sha256').update(id).digest('base64url');
    expect(keys).to.deep.equal([`${prefix}console:session:${hashed}`]);
    expect(keys.join()).not.to.include(id);
    expect(await s.get(id)).to.deep.equal(session());
  });

  it('ends a session at its absolute end even while it is used, and deletes it', async () => {
    const s = store();
    const id = await s.create(session());
    clock += 3_599_000;
    expect(await s.get(id)).to.not.equal(undefined);
    // The Redis expiry never reaches past the session's end.
    expect(await redis.pttl((await redis.keys(`${prefix}*`))[0]!)).to.be.at.most(1000);
    clock += 1000;
    expect(await s.get(id)).to.equal(undefined);
    expect(await redis.keys(`${prefix}*`)).to.deep.equal([]);
  });

  it('ends a session not used for its idle time, and renews the idle time on each use', async () => {
    const s = store(1);
    const id = await s.create(session());
    await new Promise((r) => setTimeout(r, 600));
    expect(await s.get(id)).to.not.equal(undefined);
    await new Promise((r) => setTimeout(r, 600));
    expect(await s.get(id), 'renewed by the use 600 ms ago').to.not.equal(undefined);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await s.get(id)).to.equal(undefined);
  });

  it('answers undefined for unknown, malformed and corrupted sessions, and does not store an already ended one', async () => {
    const s = store();
    expect(await s.get('A'.repeat(43))).to.equal(undefined);
    expect(await s.get('../../etc')).to.equal(undefined);
    expect(await s.get('')).to.equal(undefined);
    const id = await s.create(session());
    const [key] = await redis.keys(`${prefix}*`);
    await redis.set(key!, '{"sub":"x"}', 'KEEPTTL');
    expect(await s.get(id)).to.equal(undefined);
    // A record that is no session is removed.
    expect(await redis.exists(key!)).to.equal(0);
    await redis.set(key!, 'not json');
    expect(await s.get(id)).to.equal(undefined);
    expect(await redis.exists(key!)).to.equal(0);
    await s.create(session({ expiresAt: clock }));
    expect(await redis.keys(`${prefix}*`)).to.deep.equal([]);
  });

  it('updates only a session that still exists, and deletes one', async () => {
    const s = store();
    const id = await s.create(session());
    expect(await s.update(id, session({ accessToken: 'renewed' }))).to.equal(true);
    expect((await s.get(id))!.accessToken).to.equal('renewed');
    await s.delete(id);
    expect(await s.get(id)).to.equal(undefined);
    expect(await s.update(id, session())).to.equal(false);
    expect(await redis.keys(`${prefix}*`)).to.deep.equal([]);
  });

  it('hands out a pending sign-in once', async () => {
    const s = store();
    const pending = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/console/' };
    const id = await s.startSignIn(pending);
    expect(await redis.ttl((await redis.keys(`${prefix}*`))[0]!)).to.be.within(590, 600);
    expect(await s.takeSignIn(id)).to.deep.equal(pending);
    expect(await s.takeSignIn(id)).to.equal(undefined);
    expect(await s.takeSignIn('bad id')).to.equal(undefined);
  });
});
