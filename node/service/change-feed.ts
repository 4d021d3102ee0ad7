// Changes of messages published on Redis by the store, fanned out to this process's live streams.
import type { Redis } from 'ioredis';
import { NodeError } from '../errors.js';
import type { components } from '../../generated/openapi.js';

type MessageChange = components['schemas']['MessageChange'];

/** What a change feed needs. */
export interface ChangeFeedOptions {
  /** Opens the dedicated subscriber connection (a subscribed connection can do nothing else). */
  connect: () => Redis;
  /** `<prefix>events`, where the store's scripts publish every creation and status change. */
  channel: string;
  /** Streams this process serves at most; one more is refused with NODE-UNAVAILABLE. */
  maxStreams: number;
}

type Listener = (change: MessageChange) => void;

/**
 * One Redis subscription per node process, shared by all its live streams. The store publishes
 * every change from the script that makes it, so a stream of any process sees the changes of
 * every process of the node. The subscriber connection is opened with the first stream and closed
 * with the last, so an idle node holds no extra connection and stopping the server (which ends
 * every stream) leaves none behind.
 *
 * @example
 * const feed = new ChangeFeed({ connect: () => createRedis(url, 'ffx-AL-events'), channel: 'ffx:AL:events', maxStreams: 100 });
 * const stop = await feed.subscribe((c) => console.log(c.change, c.id));
 * stop();
 */
export class ChangeFeed {
  readonly #o: ChangeFeedOptions;
  readonly #listeners = new Set<Listener>();
  #redis: Redis | undefined;
  #ready: Promise<unknown> | undefined;

  constructor(options: ChangeFeedOptions) {
    this.#o = options;
  }

  /** Streams open now. */
  get size(): number {
    return this.#listeners.size;
  }

  /**
   * Adds a listener; resolves once the subscription is in place (no change published after that
   * is missed) to the function that removes it. NODE-UNAVAILABLE when `maxStreams` are open.
   */
  async subscribe(listener: Listener): Promise<() => void> {
    if (this.#listeners.size >= this.#o.maxStreams) {
      throw new NodeError(
        'NODE-UNAVAILABLE',
        `this node process already serves ${this.#o.maxStreams} live update streams; try again later`,
      );
    }
    this.#listeners.add(listener);
    if (!this.#redis) {
      const redis = this.#o.connect();
      this.#redis = redis;
      redis.on('message', (_channel: string, text: string) => this.#dispatch(text));
      // A subscriber that loses Redis resubscribes by itself when it reconnects.
      redis.on('error', () => undefined);
      this.#ready = redis.subscribe(this.#o.channel);
    }
    try {
      await this.#ready;
    } catch (err) {
      this.#remove(listener);
      throw new NodeError(
        'NODE-UNAVAILABLE',
        'live updates are unavailable: Redis does not answer',
        {
          cause: err,
        },
      );
    }
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.#remove(listener);
    };
  }

  #remove(listener: Listener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size === 0 && this.#redis) {
      const redis = this.#redis;
      this.#redis = undefined;
      this.#ready = undefined;
      redis.quit().catch(() => redis.disconnect());
    }
  }

  #dispatch(text: string): void {
    let raw: {
      box?: unknown;
      id?: unknown;
      status?: unknown;
      previous?: unknown;
      peer?: unknown;
      type?: unknown;
      at?: unknown;
    };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch {
      return;
    }
    if ((raw.box !== 'in' && raw.box !== 'out') || typeof raw.id !== 'string') return;
    const status = String(raw.status) as MessageChange['status'];
    const change: MessageChange = {
      change:
        raw.previous === undefined || raw.previous === null || raw.previous === ''
          ? 'created'
          : status === 'delivered'
            ? 'delivered'
            : status === 'answered'
              ? 'answered'
              : 'status',
      box: raw.box,
      id: raw.id,
      status,
      ...(typeof raw.previous === 'string' && raw.previous !== ''
        ? { previous: raw.previous as MessageChange['status'] }
        : {}),
      ...(typeof raw.type === 'string' ? { type: raw.type as MessageChange['type'] } : {}),
      ...(typeof raw.peer === 'string' ? { peer: raw.peer } : {}),
      at: typeof raw.at === 'string' ? raw.at : new Date().toISOString(),
    };
    for (const l of this.#listeners) l(change);
  }
}
