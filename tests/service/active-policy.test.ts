// The node's policy in force with the node's clock: a version activated by another process applies after the recheck time of that clock.
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import { ActivePolicy } from '../../node/service/active-policy.js';
import { NodeEvents } from '../../node/service/node-events.js';
import { TrustStore } from '../../node/pki/trust-store.js';
import { parsePolicyText } from '../../node/policy/index.js';
import { testNodeConfig } from '../fixtures/node-config.js';
import { testRedis } from '../fixtures/redis.js';

describe('ActivePolicy', function () {
  this.timeout(60_000);

  it('asks Redis for the active version again when the injected clock has moved on, not the wall clock', async () => {
    const { config } = await testNodeConfig('AL', 'activepolicy');
    const trust = await TrustStore.load({ nodeId: 'AL', ...config.pki }, () => new Date());
    const redis = testRedis();
    let t = Date.parse('2026-12-01T12:00:00Z');
    const clock = () => new Date(t);
    const open = () =>
      ActivePolicy.open({
        redis,
        prefix: config.redis.prefix,
        trust,
        events: new NodeEvents(),
        log: pino({ level: 'silent' }),
        bootstrapFile: config.policy.file,
        now: clock,
      });
    const here = await open();
    const other = await open();
    try {
      expect((await here.current())!.version).to.equal(1);
      // Another process of the node activates version 2.
      const doc = parsePolicyText(await readFile(config.policy.file, 'utf8'), config.policy.file);
      const v = await other.store.createDraft(doc, 'officer.one', 'same rules again');
      await other.store.propose(v.version, 'officer.one');
      await other.store.approve(v.version, 'officer.two');
      await other.store.activate(v.version, 'officer.two');
      expect(v.version).to.equal(2);
      // The node's clock has not moved: the cached version stands, whatever the wall clock says.
      await new Promise((r) => setTimeout(r, 600));
      expect((await here.current())!.version).to.equal(1);
      t += 501;
      expect((await here.current())!.version).to.equal(2);
    } finally {
      await here.close();
      await other.close();
    }
  });
});
