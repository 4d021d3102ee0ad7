// When each peer last took a message with a receipt, kept in Redis for every process of the node.
import type { Redis } from 'ioredis';
import type { NodeEvents } from './node-events.js';

/**
 * Remembers the time of the last successful delivery per peer: one sorted set
 * `<prefix>peers:last-delivered` (member = peer id, score = epoch ms), written with `ZADD GT`, so
 * processes delivering at the same time never move a peer's time backwards.
 *
 * @example
 * const activity = new PeerActivity(redis, 'ffx:AL:', () => new Date());
 * activity.observe(events);
 * (await activity.lastDelivered()).get('RS'); // '2026-12-01T20:31:07.112Z'
 */
export class PeerActivity {
  readonly #redis: Redis;
  readonly #key: string;
  readonly #now: () => Date;
  /** The last failed write (the overview then shows an older time; delivery is not affected). */
  lastError: string | null = null;

  constructor(redis: Redis, prefix: string, now: () => Date) {
    this.#redis = redis;
    this.#key = `${prefix}peers:last-delivered`;
    this.#now = now;
  }

  /** Records every `delivered` event of this process. */
  observe(events: NodeEvents): void {
    events.on('delivered', (e) => {
      this.record(e.to, this.#now()).catch((err: unknown) => {
        this.lastError = (err as Error).message;
      });
    });
  }

  /** Records a delivery to `peer` at `at` (kept only when later than the one recorded). */
  async record(peer: string, at: Date): Promise<void> {
    await this.#redis.zadd(this.#key, 'GT', at.getTime(), peer);
  }

  /** Peer id → ISO time of its last recorded delivery. */
  async lastDelivered(): Promise<Map<string, string>> {
    const flat = await this.#redis.zrange(this.#key, 0, -1, 'WITHSCORES');
    const out = new Map<string, string>();
    for (let i = 0; i < flat.length; i += 2)
      out.set(flat[i]!, new Date(Number(flat[i + 1])).toISOString());
    return out;
  }
}
