// The replay-store interface the receiver consults, and an in-memory one for tools and tests.

/** Remembers which message ids a sender has used. The node's is in Redis. */
export interface ReplayStore {
  /** True when `id` from `from` was seen before. */
  seen(from: string, id: string): boolean | Promise<boolean>;
}

/**
 * A replay store in memory, for the CLI and tests. `remember` is separate from `seen` because a
 * receiver records an id only once the message has been accepted.
 *
 * @example const replay = new MemoryReplayStore(); await open(jwe, { ...opts, replay }); replay.remember('AL', id);
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #ids = new Set<string>();

  seen(from: string, id: string): boolean {
    return this.#ids.has(`${from}\u0000${id}`);
  }

  remember(from: string, id: string): void {
    this.#ids.add(`${from}\u0000${id}`);
  }
}
