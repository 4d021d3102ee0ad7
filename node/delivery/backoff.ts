// Retry delay of a delivery attempt: exponential backoff with jitter, never past the message's expiry.

/** Backoff settings from the node configuration. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attemptsMade` (1 after the first failure): `base * 2^(n-1)` capped
 * at `maxMs`, with "equal jitter" (between half and all of it) so that a fleet of senders whose
 * peer came back does not retry in lockstep; clamped so the last retry happens at expiry.
 *
 * @example backoffDelay(3, { baseMs: 1000, maxMs: 60000 }, Math.random, 3_600_000) // 2000..4000
 */
export function backoffDelay(
  attemptsMade: number,
  options: BackoffOptions,
  random: () => number,
  msUntilExpiry: number,
): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(0, Math.min(Math.round(jittered), msUntilExpiry));
}
