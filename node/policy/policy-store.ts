// Versions of a node's sharing policy in Redis: draft → proposed → approved → active, four eyes.
import type { Redis } from 'ioredis';
import { checkPolicy } from './check-policy.js';
import { compilePolicy } from './compile-policy.js';
import { PolicyError } from './policy-error.js';
import type { FederationContext, PolicyDocument } from './types.js';

/** States of a policy version. */
export type PolicyState = 'draft' | 'proposed' | 'approved' | 'active' | 'superseded';

/** One version with its document and the history of its states (who and when). */
export interface PolicyVersionRecord {
  policyId: string;
  version: number;
  state: PolicyState;
  author: string;
  createdAt: string;
  comment?: string;
  document: PolicyDocument;
  history: Array<{ state: PolicyState; actor: string; at: string }>;
}

/** A state change, for the audit journal. */
export interface PolicyChange {
  action: 'draft' | 'propose' | 'approve' | 'activate' | 'rollback' | 'install';
  actor: string;
  policyId: string;
  version: number;
  at: string;
  /** The version that was active before an activation or rollback. */
  previous?: number;
}

const TRANSITION = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return {'NOTFOUND', ''} end
if not string.find(',' .. ARGV[1] .. ',', ',' .. state .. ',', 1, true) then return {'STATE', state} end
if ARGV[3] == '1' and redis.call('HGET', KEYS[1], 'author') == ARGV[4] then return {'FOUREYES', state} end
redis.call('HSET', KEYS[1], 'state', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[5])
return {'OK', state}
`;

const ACTIVATE = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return {'NOTFOUND', ''} end
if not string.find(',' .. ARGV[1] .. ',', ',' .. state .. ',', 1, true) then return {'STATE', state} end
local cur = redis.call('GET', KEYS[3])
if cur and ARGV[6] == 'nx' then return {'EXISTS', cur} end
if cur == ARGV[2] then return {'STATE', 'active'} end
if cur then
  redis.call('HSET', ARGV[4] .. cur, 'state', 'superseded')
  redis.call('RPUSH', ARGV[4] .. cur .. ':history', ARGV[5])
end
redis.call('HSET', KEYS[1], 'state', 'active')
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], ARGV[2])
return {'OK', cur or ''}
`;

type LuaResult = Promise<[string, string]>;
type StoreRedis = Redis & {
  ffxPolicyTransition: (...a: string[]) => LuaResult;
  ffxPolicyActivate: (...a: string[]) => LuaResult;
};

/**
 * The versioned policy store of one node (all its processes share it through Redis). Versions are
 * immutable documents; only their state moves, atomically (Lua), with who and when recorded:
 * a compliance officer drafts and proposes, another approves (four eyes), activation is one
 * atomic pointer move (the previous active version becomes `superseded`), and rollback activates
 * a superseded version again. A document with errors is never stored, and is checked again
 * against the current federation before it becomes active.
 *
 * @example
 * const store = new PolicyStore(redis, 'ffx:AL:', () => ctx, () => new Date());
 * const v = await store.createDraft(doc, 'officer.one');
 * await store.propose(v.version, 'officer.one');
 * await store.approve(v.version, 'officer.two');
 * await store.activate(v.version, 'officer.two');
 */
export class PolicyStore {
  readonly #redis: StoreRedis;
  readonly #p: string;
  readonly #ctx: () => FederationContext;
  readonly #now: () => Date;
  readonly #onChange: ((e: PolicyChange) => void) | undefined;

  constructor(
    redis: Redis,
    prefix: string,
    ctx: () => FederationContext,
    now: () => Date,
    options: { onChange?: (e: PolicyChange) => void } = {},
  ) {
    if (!('ffxPolicyTransition' in redis)) {
      redis.defineCommand('ffxPolicyTransition', { numberOfKeys: 2, lua: TRANSITION });
      redis.defineCommand('ffxPolicyActivate', { numberOfKeys: 3, lua: ACTIVATE });
    }
    this.#redis = redis as StoreRedis;
    this.#p = `${prefix}policy:`;
    this.#ctx = ctx;
    this.#now = now;
    this.#onChange = options.onChange;
  }

  #meta(v: number | string): string {
    return `${this.#p}v:${v}`;
  }

  /** Stores a new draft; a document with errors is refused (POLICY-INVALID) and nothing is stored. */
  async createDraft(
    document: unknown,
    author: string,
    comment?: string,
  ): Promise<PolicyVersionRecord> {
    const errors = checkPolicy(document, this.#ctx()).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new PolicyError(
        'POLICY-INVALID',
        `the policy has ${errors.length} error${errors.length > 1 ? 's' : ''}; nothing was stored`,
        errors,
      );
    }
    const doc = document as PolicyDocument;
    const version = await this.#redis.incr(`${this.#p}seq`);
    const at = this.#now().toISOString();
    await this.#redis
      .multi()
      .set(`${this.#meta(version)}:doc`, JSON.stringify(doc))
      .hset(this.#meta(version), {
        policyId: doc.id,
        state: 'draft',
        author,
        createdAt: at,
        ...(comment ? { comment } : {}),
      })
      .rpush(
        `${this.#meta(version)}:history`,
        JSON.stringify({ state: 'draft', actor: author, at }),
      )
      .zadd(`${this.#p}versions`, version, String(version))
      .exec();
    this.#changed('draft', author, doc.id, version, at);
    return (await this.get(version))!;
  }

  /** draft → proposed. */
  propose(version: number, actor: string): Promise<PolicyVersionRecord> {
    return this.#transition(version, ['draft'], 'proposed', actor, false, 'propose');
  }

  /** proposed → approved, by anyone but the author (four eyes: POLICY-FOUR-EYES otherwise). */
  approve(version: number, actor: string): Promise<PolicyVersionRecord> {
    return this.#transition(version, ['proposed'], 'approved', actor, true, 'approve');
  }

  /** approved → active, atomically; the version active before becomes superseded. */
  activate(version: number, actor: string): Promise<PolicyVersionRecord> {
    return this.#activate(version, ['approved'], actor, 'activate');
  }

  /** Activates again a version that was active before (superseded). */
  rollback(version: number, actor: string): Promise<PolicyVersionRecord> {
    return this.#activate(version, ['superseded'], actor, 'rollback');
  }

  /**
   * Installs and activates `document` when no version is active (a node's first start, recorded
   * as done by `actor`); returns null, changing nothing, when a version is already active.
   */
  async bootstrap(document: unknown, actor: string): Promise<PolicyVersionRecord | null> {
    if ((await this.activeVersion()) !== null) return null;
    const draft = await this.createDraft(
      document,
      actor,
      'installed at first start from the configured policy file',
    );
    try {
      return await this.#activate(draft.version, ['draft'], actor, 'install', true);
    } catch (err) {
      if (err instanceof PolicyError && err.code === 'POLICY-STATE') return null;
      throw err;
    }
  }

  /** One version, or null. */
  async get(version: number): Promise<PolicyVersionRecord | null> {
    const [[, meta], [, doc], [, history]] = (await this.#redis
      .multi()
      .hgetall(this.#meta(version))
      .get(`${this.#meta(version)}:doc`)
      .lrange(`${this.#meta(version)}:history`, 0, -1)
      .exec()) as [[null, Record<string, string>], [null, string | null], [null, string[]]];
    if (!meta?.state || !doc) return null;
    return {
      policyId: meta.policyId!,
      version,
      state: meta.state as PolicyState,
      author: meta.author!,
      createdAt: meta.createdAt!,
      ...(meta.comment ? { comment: meta.comment } : {}),
      document: JSON.parse(doc) as PolicyDocument,
      history: history.map((h) => JSON.parse(h) as PolicyVersionRecord['history'][number]),
    };
  }

  /** Every version, newest first, and the active one. */
  async list(): Promise<{ active: number | null; items: PolicyVersionRecord[] }> {
    const versions = await this.#redis.zrevrange(`${this.#p}versions`, 0, -1);
    const items = (await Promise.all(versions.map((v) => this.get(Number(v))))).filter(
      (r): r is PolicyVersionRecord => r !== null,
    );
    return { active: await this.activeVersion(), items };
  }

  /** The active version, or null. */
  async active(): Promise<PolicyVersionRecord | null> {
    const v = await this.activeVersion();
    return v === null ? null : this.get(v);
  }

  /** The active version number (one cheap read), or null. */
  async activeVersion(): Promise<number | null> {
    const v = await this.#redis.get(`${this.#p}active`);
    return v === null ? null : Number(v);
  }

  async #transition(
    version: number,
    from: string[],
    to: PolicyState,
    actor: string,
    fourEyes: boolean,
    action: PolicyChange['action'],
  ): Promise<PolicyVersionRecord> {
    const at = this.#now().toISOString();
    const [outcome, state] = await this.#redis.ffxPolicyTransition(
      this.#meta(version),
      `${this.#meta(version)}:history`,
      from.join(','),
      to,
      fourEyes ? '1' : '0',
      actor,
      JSON.stringify({ state: to, actor, at }),
    );
    this.#refused(outcome, state, version, `${action} needs state ${from.join(' or ')}`);
    const r = (await this.get(version))!;
    this.#changed(action, actor, r.policyId, version, at);
    return r;
  }

  async #activate(
    version: number,
    from: string[],
    actor: string,
    action: PolicyChange['action'],
    onlyIfNone = false,
  ): Promise<PolicyVersionRecord> {
    const record = await this.get(version);
    if (!record) throw new PolicyError('POLICY-NOT-FOUND', `no policy version ${version}`);
    // The federation may have changed since the draft was checked: an invalid version never becomes active.
    compilePolicy(record.document, this.#ctx(), version);
    const at = this.#now().toISOString();
    const [outcome, previous] = await this.#redis.ffxPolicyActivate(
      this.#meta(version),
      `${this.#meta(version)}:history`,
      `${this.#p}active`,
      from.join(','),
      String(version),
      JSON.stringify({ state: 'active', actor, at }),
      this.#p + 'v:',
      JSON.stringify({ state: 'superseded', actor, at }),
      onlyIfNone ? 'nx' : '',
    );
    if (outcome === 'EXISTS')
      throw new PolicyError('POLICY-STATE', `version ${previous} is already active`);
    this.#refused(outcome, previous, version, `${action} needs state ${from.join(' or ')}`);
    const r = (await this.get(version))!;
    this.#changed(action, actor, r.policyId, version, at, previous ? Number(previous) : undefined);
    return r;
  }

  #refused(outcome: string, state: string, version: number, need: string): void {
    if (outcome === 'OK') return;
    if (outcome === 'NOTFOUND')
      throw new PolicyError('POLICY-NOT-FOUND', `no policy version ${version}`);
    if (outcome === 'FOUREYES') {
      throw new PolicyError(
        'POLICY-FOUR-EYES',
        `version ${version} must be approved by someone other than its author (four eyes)`,
      );
    }
    throw new PolicyError('POLICY-STATE', `version ${version} is ${state}: ${need}`);
  }

  #changed(
    action: PolicyChange['action'],
    actor: string,
    policyId: string,
    version: number,
    at: string,
    previous?: number,
  ): void {
    this.#onChange?.({
      action,
      actor,
      policyId,
      version,
      at,
      ...(previous !== undefined ? { previous } : {}),
    });
  }
}
