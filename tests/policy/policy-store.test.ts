// The versioned policy store on real Redis: lifecycle, four eyes, rollback, racing activations.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { PolicyError, PolicyStore, type PolicyChange } from '../../node/policy/index.js';
import { redisUrl, testPrefix, testRedis } from '../fixtures/redis.js';
import { ctx, policyWith } from './fixtures.js';

describe('PolicyStore', () => {
  let store: PolicyStore;
  let prefix: string;
  let changes: PolicyChange[];
  const clock = () => new Date('2026-11-23T09:00:00.000Z');

  beforeEach(() => {
    prefix = testPrefix('policy-store');
    changes = [];
    store = new PolicyStore(testRedis(), prefix, () => ctx, clock, {
      onChange: (e) => changes.push(e),
    });
  });

  const doc = (n: number) => policyWith([{ id: `rule-${n}`, effect: 'allow' }]);

  async function approved(n: number, author = 'officer.one', approver = 'officer.two') {
    const v = await store.createDraft(doc(n), author, `version ${n}`);
    await store.propose(v.version, author);
    await store.approve(v.version, approver);
    return v.version;
  }

  async function refusal(p: Promise<unknown>): Promise<PolicyError> {
    try {
      await p;
    } catch (err) {
      expect(err).to.be.instanceOf(PolicyError);
      return err as PolicyError;
    }
    throw new Error('the store accepted it');
  }

  it('moves a version draft → proposed → approved → active, recording who and when', async () => {
    const v = await approved(1);
    const r = await store.activate(v, 'officer.two');
    expect(r.state).to.equal('active');
    expect(r.history.map((h) => `${h.state} by ${h.actor}`)).to.deep.equal([
      'draft by officer.one',
      'proposed by officer.one',
      'approved by officer.two',
      'active by officer.two',
    ]);
    expect(await store.activeVersion()).to.equal(v);
    expect(changes.map((c) => c.action)).to.deep.equal(['draft', 'propose', 'approve', 'activate']);
    expect(changes[3]).to.deep.include({
      actor: 'officer.two',
      version: v,
      at: '2026-11-23T09:00:00.000Z',
    });
  });

  it('refuses approval by the author (four eyes) and changes nothing', async () => {
    const v = await store.createDraft(doc(1), 'officer.one');
    await store.propose(v.version, 'officer.one');
    const e = await refusal(store.approve(v.version, 'officer.one'));
    expect(e.code).to.equal('POLICY-FOUR-EYES');
    expect((await store.get(v.version))!.state).to.equal('proposed');
  });

  it('refuses steps out of order and unknown versions', async () => {
    const v = await store.createDraft(doc(1), 'officer.one');
    expect((await refusal(store.activate(v.version, 'officer.two'))).code).to.equal('POLICY-STATE');
    expect((await refusal(store.approve(v.version, 'officer.two'))).message).to.match(
      /is draft: approve needs state proposed/,
    );
    expect((await refusal(store.propose(999, 'officer.one'))).code).to.equal('POLICY-NOT-FOUND');
  });

  it('never stores a policy with errors, so it can never become active', async () => {
    const e = await refusal(
      store.createDraft(
        policyWith([{ id: 'a', effect: 'allow', when: { to: { in: ['XX'] } } }]),
        'officer.one',
      ),
    );
    expect(e.code).to.equal('POLICY-INVALID');
    expect(e.problems[0]!.pointer).to.equal('/outbound/0/when/to/in/0');
    expect((await store.list()).items).to.have.length(0);
  });

  it('rolls back to an earlier version: atomic pointer move, the newer one superseded', async () => {
    const v1 = await approved(1);
    await store.activate(v1, 'officer.two');
    const v2 = await approved(2);
    await store.activate(v2, 'officer.two');
    expect((await store.get(v1))!.state).to.equal('superseded');
    const back = await store.rollback(v1, 'officer.one');
    expect(back.state).to.equal('active');
    expect((await store.get(v2))!.state).to.equal('superseded');
    expect(await store.activeVersion()).to.equal(v1);
    expect(changes.at(-1)).to.deep.include({ action: 'rollback', version: v1, previous: v2 });
    expect((await refusal(store.rollback(v1, 'officer.one'))).code).to.equal('POLICY-STATE');
  });

  it('installs a bootstrap policy only when nothing is active', async () => {
    const first = await store.bootstrap(doc(1), 'system');
    expect(first!.state).to.equal('active');
    expect(await store.bootstrap(doc(2), 'system')).to.equal(null);
    expect(await store.activeVersion()).to.equal(first!.version);
  });

  it('keeps one active version when two activations race from two connections', async () => {
    const a = await approved(1);
    const b = await approved(2);
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const other = new PolicyStore(connection, prefix, () => ctx, clock);
    try {
      const results = await Promise.allSettled([
        store.activate(a, 'officer.two'),
        other.activate(b, 'officer.three'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').length).to.be.at.least(1);
      const list = await store.list();
      const active = list.items.filter((i) => i.state === 'active');
      expect(active).to.have.length(1);
      expect(list.active).to.equal(active[0]!.version);
      const loser = active[0]!.version === a ? b : a;
      expect((await store.get(loser))!.state).to.be.oneOf(['superseded', 'approved']);
    } finally {
      connection.disconnect();
    }
  });
});
