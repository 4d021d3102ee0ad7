// Mocha root hooks: a Redis for the run, and run-wide teardown of shared fixtures.
import { runTeardowns } from './fixtures/cleanup.js';
import { ensureTestRedis } from './fixtures/redis.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await ensureTestRedis();
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await runTeardowns();
  },
};
