// The attention list from narrow dependencies: a real trust store of the test PKI, a real store on Redis, an injected clock.
import { expect } from 'chai';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { TrustStore } from '../../node/pki/trust-store.js';
import { MessageStore } from '../../node/store/message-store.js';
import { attentionItems, type AttentionDeps } from '../../node/service/attention.js';
import { nodeCertificates } from '../../node/service/node-certificates.js';
import { certificateState, certificateWarnings } from '../../node/service/certificate-state.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { redisUrl, testPrefix } from '../fixtures/redis.js';

const DAY = 86_400_000;

describe('attentionItems', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let trust: TrustStore;
  let redis: Redis;
  let store: MessageStore;
  let journal: { healthy: boolean; backlog: number; dropped: number; lastError: string | null };

  before(async () => {
    pki = await testPki();
    const m = (name: string) => join(pki.out, 'members', 'AL', name);
    trust = await TrustStore.load({
      nodeId: 'AL',
      rootCa: join(pki.out, 'root-ca.cert.pem'),
      directory: {
        source: join(pki.out, 'directory.jws'),
        refreshSeconds: 3600,
        graceSeconds: 86400,
      },
      sig: { key: m('sig.key.pem'), cert: m('sig.cert.pem') },
      enc: [{ key: m('enc.key.pem'), cert: m('enc.cert.pem') }],
      tls: { key: m('tls.key.pem'), cert: m('tls.cert.pem') },
    });
    redis = new Redis(redisUrl);
  });

  beforeEach(() => {
    store = new MessageStore(redis, testPrefix('attention'));
    journal = { healthy: true, backlog: 0, dropped: 0, lastError: null };
    keys = { ok: true, source: 'https://idp.example/jwks' };
  });

  after(() => redis.disconnect());

  let keys: { ok: boolean; source: string; lastError?: string };
  const deps = (now: Date, redisOk = true): AttentionDeps => ({
    trust,
    store,
    journal: { status: () => journal },
    tokenKeys: () => keys,
    redisOk: () => Promise.resolve(redisOk),
    now: () => now,
  });
  const issuedAt = () => new Date(pki.directory.issuedAt);

  it('is empty for a fresh node', async () => {
    expect((await attentionItems(deps(new Date()))).items).to.deep.equal([]);
  });

  it('warns of certificates expiring within 30 days and of a directory past its next update', async () => {
    const now = new Date(issuedAt().getTime() + 340 * DAY);
    const { items } = await attentionItems(deps(now));
    const codes = items.map((i) => i.code);
    expect(codes.filter((c) => c === 'certificate-expiring')).to.have.length(3);
    expect(codes).to.include('directory-stale');
    const sig = items.find(
      (i) => i.code === 'certificate-expiring' && /sig certificate/.test(i.message),
    )!;
    expect(sig.severity).to.equal('warning');
    expect(sig.message).to.match(
      /^this node's sig certificate \(serial [0-9a-f]+\) expires on \d{4}-\d\d-\d\d, in 2[0-9] days$/,
    );
    expect(items[0]!.severity).to.equal('critical');
  });

  it('names a directory past nextUpdate within its grace as a warning, past grace as critical', async () => {
    const next = Date.parse(pki.directory.nextUpdate);
    const within = await attentionItems(deps(new Date(next + 3600_000)));
    expect(within.items.map((i) => [i.code, i.severity])).to.deep.equal([
      ['directory-past-next-update', 'warning'],
    ]);
    expect(within.items[0]!.at).to.equal(pki.directory.nextUpdate);
    const past = await attentionItems(deps(new Date(next + 2 * DAY)));
    expect(past.items[0]).to.include({ code: 'directory-stale', severity: 'critical' });
    expect(past.items[0]!.message).to.match(/refuses to send/);
  });

  it('flags expired certificates as critical', async () => {
    const { items } = await attentionItems(deps(new Date(issuedAt().getTime() + 400 * DAY)));
    const expired = items.filter((i) => i.code === 'certificate-expired');
    expect(expired).to.have.length(3);
    expect(
      expired.every((i) => i.severity === 'critical' && /expired on/.test(i.message)),
    ).to.equal(true);
  });

  it('counts dead letters', async () => {
    for (let i = 0; i < 2; i++) {
      const id = uuidv7();
      const now = new Date();
      await store.createOutbound({
        id,
        type: 'trace-request',
        from: 'AL',
        to: 'RS',
        status: 'queued',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
        jwe: 'x.y.z.w.v',
      });
      const r = await store.transition(id, 'failed', { detail: { code: 'FFX-EXPIRED' } });
      expect(r.ok).to.equal(true);
    }
    const { items } = await attentionItems(deps(new Date()));
    expect(items).to.deep.equal([
      {
        code: 'dead-letters',
        severity: 'warning',
        message:
          '2 messages could not be delivered and wait in the dead-letter list for a retry or purge',
        count: 2,
      },
    ]);
  });

  it('reports a failing journal as critical, a large backlog as a warning, Redis down as critical', async () => {
    journal = { healthy: false, backlog: 12, dropped: 0, lastError: 'EACCES: permission denied' };
    let r = await attentionItems(deps(new Date()));
    expect(r.items).to.deep.equal([
      {
        code: 'journal-failing',
        severity: 'critical',
        message:
          'the audit journal cannot be written (EACCES: permission denied); 12 entries wait, 0 were dropped',
        count: 12,
      },
    ]);
    journal = { healthy: true, backlog: 5, dropped: 0, lastError: null };
    expect((await attentionItems(deps(new Date()))).items).to.deep.equal([]);
    journal = { healthy: true, backlog: 250, dropped: 0, lastError: null };
    r = await attentionItems(deps(new Date()));
    expect(r.items.map((i) => [i.code, i.count])).to.deep.equal([['journal-backlog', 250]]);
    journal = { healthy: true, backlog: 0, dropped: 0, lastError: null };
    r = await attentionItems(deps(new Date(), false));
    expect(r.items.map((i) => [i.code, i.severity])).to.deep.equal([['redis-down', 'critical']]);
    keys = { ok: false, source: 'https://idp.example/jwks', lastError: 'connect ECONNREFUSED' };
    r = await attentionItems(deps(new Date()));
    expect(r.items).to.deep.equal([
      {
        code: 'token-keys-unavailable',
        severity: 'critical',
        message:
          'the keys that sign-in tokens are checked with (https://idp.example/jwks) could not be fetched (connect ECONNREFUSED); signed-in calls are refused until they are',
      },
    ]);
  });
});

describe('nodeCertificates and certificateState', () => {
  it('lists the node’s certificates as the directory lists them', async () => {
    const pki = await testPki();
    const m = (name: string) => join(pki.out, 'members', 'RS', name);
    const trust = await TrustStore.load({
      nodeId: 'RS',
      rootCa: join(pki.out, 'root-ca.cert.pem'),
      directory: {
        source: join(pki.out, 'directory.jws'),
        refreshSeconds: 3600,
        graceSeconds: 86400,
      },
      sig: { key: m('sig.key.pem'), cert: m('sig.cert.pem') },
      enc: [{ key: m('enc.key.pem'), cert: m('enc.cert.pem') }],
      tls: { key: m('tls.key.pem'), cert: m('tls.cert.pem') },
    });
    const r = nodeCertificates({ trust, now: () => new Date() });
    expect(r.certificates.map((c) => [c.use, c.listed, c.state])).to.deep.equal([
      ['sig', true, 'valid'],
      ['enc', true, 'valid'],
      ['tls', true, 'valid'],
    ]);
    const listed = pki.directory.members.find((x) => x.id === 'RS')!.certificates;
    for (const c of r.certificates) expect(listed.map((l) => l.serial)).to.include(c.serial);
  });

  it('says valid, expiring, expired, not yet valid or revoked, and warns only for the newest of a use', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const cert = (notAfter: string, notBefore = '2026-01-01T00:00:00Z') => ({
      use: 'tls' as const,
      kid: 'k',
      serial: '1f',
      notBefore,
      notAfter,
    });
    expect(certificateState(cert('2027-06-01T00:00:00Z'), false, now).state).to.equal('valid');
    const soon = certificateState(cert('2026-12-21T12:00:00Z'), false, now);
    expect([soon.state, soon.daysLeft, soon.expiringSoon]).to.deep.equal(['expiring', 20, true]);
    expect(certificateState(cert('2026-11-30T00:00:00Z'), false, now).state).to.equal('expired');
    expect(
      certificateState(cert('2027-12-01T00:00:00Z', '2026-12-02T00:00:00Z'), false, now).state,
    ).to.equal('not-yet-valid');
    expect(certificateState(cert('2027-06-01T00:00:00Z'), true, now).state).to.equal('revoked');
    const rotating = [
      certificateState(cert('2026-12-10T00:00:00Z'), false, now),
      certificateState({ ...cert('2027-12-10T00:00:00Z'), serial: '20' }, false, now),
    ];
    expect(certificateWarnings('RS', rotating, ['tls'])).to.deep.equal([]);
    expect(certificateWarnings('RS', rotating.slice(0, 1), ['tls'])).to.deep.equal([
      'the tls certificate of RS (serial 1f) expires on 2026-12-10, in 9 days',
    ]);
    expect(certificateWarnings('RS', [], ['sig'])).to.deep.equal([
      'RS has no valid sig certificate',
    ]);
  });
});
