// Backoff of delivery retries: exponential, jittered, capped, never past expiry.
import { expect } from 'chai';
import { backoffDelay } from '../../node/delivery/backoff.js';

describe('backoffDelay', () => {
  const opts = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt within half and all of the step', () => {
    for (const [n, step] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [6, 32_000],
    ] as const) {
      expect(backoffDelay(n, opts, () => 0, 1e9)).to.equal(step / 2);
      expect(backoffDelay(n, opts, () => 1, 1e9)).to.equal(step);
    }
  });

  it('caps at maxMs however many attempts were made', () => {
    expect(backoffDelay(40, opts, () => 1, 1e9)).to.equal(60_000);
    expect(backoffDelay(2000, opts, () => 1, 1e9)).to.equal(60_000);
  });

  it('spreads retries of many senders (jitter)', () => {
    let seed = 1;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, opts, rng, 1e9)));
    expect(delays.size).to.be.greaterThan(40);
  });

  it('never schedules a retry after the message expires', () => {
    expect(backoffDelay(10, opts, () => 1, 1500)).to.equal(1500);
    expect(backoffDelay(10, opts, () => 1, -5)).to.equal(0);
  });
});
