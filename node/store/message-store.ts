// Outbox and inbox of one node in Redis: message records, status history, indexes, idempotent receive.
import type { Redis } from 'ioredis';
import {
  outboundTransitions,
  terminalOutbound,
  type MessageStatus,
  type OutboundStatus,
} from './message-status.js';
import { NodeError } from '../errors.js';

/** Which side of the node a message is on. */
export type Box = 'out' | 'in';

/** One step of a message's status history. */
export interface HistoryEntry {
  status: MessageStatus;
  at: string;
  detail?: Record<string, unknown>;
}

/** A message record as stored; the local API maps it to its response schema. */
export interface StoredMessage {
  id: string;
  box: Box;
  type: string;
  from: string;
  to: string;
  status: MessageStatus;
  createdAt: string;
  expiresAt: string;
  updatedAt: string;
  inReplyTo?: string;
  correlationId?: string;
  /** The message as sealed (outbound, after policy) or as opened (inbound). */
  message?: unknown;
  /** The sealed envelope (outbound), kept for retries with identical bytes and as proof. */
  jwe?: string;
  /** base64url SHA-256 of the envelope bytes. */
  digest?: string;
  /** The signed receipt: received from the peer (outbound) or issued by us (inbound). */
  receipt?: string;
  /** The outbound policy decision (explanation without personal data). */
  decision?: unknown;
  lastError?: { code: string; message: string };
  attempts: number;
  submittedBy?: string;
  answeredBy?: string;
  /** When the contents were deleted at the end of their retention. */
  purgedAt?: string;
  history: HistoryEntry[];
}

/** What `createOutbound` needs. */
export interface NewOutbound {
  id: string;
  type: string;
  from: string;
  to: string;
  /**
   * `accepted` (stored, its delivery job not yet added), `queued` (accepted and queued in one
   * step, for a caller that adds the job right after: the history gets both entries) or `denied`.
   */
  status: 'accepted' | 'queued' | 'denied';
  createdAt: string;
  expiresAt: string;
  inReplyTo?: string;
  correlationId?: string;
  message?: unknown;
  jwe?: string;
  /** The kid of the recipient's encryption certificate the envelope is sealed for. */
  recipientKid?: string;
  digest?: string;
  decision?: unknown;
  submittedBy?: string;
  detail?: Record<string, unknown>;
  /** When the contents are to be deleted (epoch ms); see `purgeExpiredContents`. */
  retainUntilMs?: number;
}

/** What `storeInbound` needs. */
export interface NewInbound {
  id: string;
  type: string;
  from: string;
  to: string;
  createdAt: string;
  expiresAt: string;
  receivedAt: string;
  inReplyTo?: string;
  correlationId?: string;
  message: unknown;
  digest: string;
  receipt: string;
  /** When the contents are to be deleted (epoch ms); see `purgeExpiredContents`. */
  retainUntilMs?: number;
}

/** Result of `storeInbound`: stored now, or an earlier delivery of the same id already was. */
export type StoreInboundResult =
  { stored: true } | { stored: false; from: string; digest: string; receipt: string };

/** Result of a status transition (`attempt`: the new attempt count, when one was counted). */
export type TransitionResult =
  { ok: true; attempt?: number } | { ok: false; current: MessageStatus | null };

/**
 * Result of `claimForDelivery`: claimed (the attempt counted, the envelope to send), or why not:
 * `gone` (no such message, or not waiting for delivery), `expired`, `key` (sealed for a key that
 * is not among the usable ones), `unchecked` (stored without its recipient kid, by an earlier
 * version: the caller checks the envelope itself and claims with `transition`).
 */
export type ClaimResult =
  | { kind: 'claimed'; attempt: number; jwe: string; to: string; createdAt: string }
  | { kind: 'gone'; current: MessageStatus | null }
  | { kind: 'expired' }
  | { kind: 'key'; jwe: string }
  | { kind: 'unchecked'; jwe: string; to: string; createdAt: string };

/** Filters of `list`. */
export interface ListQuery {
  status?: MessageStatus;
  type?: string;
  peer?: string;
  limit: number;
  /** Opaque cursor returned by the previous page. */
  cursor?: string;
}

const TRANSITION = `
local cur = redis.call('HGET', KEYS[1], 'status')
if not cur then return {0, '', 0} end
local allowed = ARGV[2]
if allowed ~= '*' and not string.find(',' .. allowed .. ',', ',' .. cur .. ',', 1, true) then
  return {0, cur, 0}
end
local entry = ARGV[4]
local attempt = 0
if ARGV[9] == '1' then
  -- A delivery attempt is counted in the same step that claims the message for it.
  attempt = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  local e = cjson.decode(entry)
  e['detail'] = e['detail'] or {}
  e['detail']['attempt'] = attempt
  entry = cjson.encode(e)
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updatedAt', ARGV[3])
for i = 10, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('RPUSH', KEYS[2], entry)
if ARGV[5] == 'add' then redis.call('ZADD', KEYS[3], ARGV[6], ARGV[7]) elseif ARGV[5] == 'rem' then redis.call('ZREM', KEYS[3], ARGV[7]) end
if ARGV[8] == 'add' then redis.call('ZADD', KEYS[4], ARGV[6], ARGV[7]) elseif ARGV[8] == 'rem' then redis.call('ZREM', KEYS[4], ARGV[7]) end
return {1, cur, attempt}
`;

const CLAIM = `
local v = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'recipientKid', 'jwe', 'to', 'createdAt')
local cur = v[1]
if not cur then return {'gone', ''} end
if cur ~= 'accepted' and cur ~= 'queued' and cur ~= 'sending' then return {'gone', cur} end
if not (v[2] and v[4] and v[5] and v[6]) then return {'gone', cur} end
-- ISO 8601 UTC timestamps of one format compare as strings.
if v[2] <= ARGV[1] then return {'expired', cur} end
if not v[3] then return {'unchecked', cur, v[4], v[5], v[6]} end
if not string.find(',' .. ARGV[2] .. ',', ',' .. v[3] .. ',', 1, true) then return {'key', cur, v[4]} end
local attempt = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'status', 'sending', 'updatedAt', ARGV[3])
redis.call('RPUSH', KEYS[2], cjson.encode({status = 'sending', at = ARGV[3], detail = {attempt = attempt}}))
return {'claimed', cur, attempt, v[4], v[5], v[6]}
`;

const CREATE_OUTBOUND = `
local n = tonumber(ARGV[1])
for i = 2, n + 1 do redis.call('RPUSH', KEYS[2], ARGV[i]) end
local b = n + 1
redis.call('HSET', KEYS[1], unpack(ARGV, b + 6))
redis.call('ZADD', KEYS[3], ARGV[b + 1], ARGV[b + 2])
if ARGV[b + 3] == '1' then redis.call('ZADD', KEYS[4], ARGV[b + 1], ARGV[b + 2]) end
if ARGV[b + 4] ~= '' then redis.call('ZADD', KEYS[5], ARGV[b + 4], ARGV[b + 5]) end
return 1
`;

const STORE_INBOUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'from', 'digest', 'receipt')
end
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[2])
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[4], ARGV[4], 'in:' .. ARGV[2]) end
return false
`;

const PURGE_CONTENTS = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local purged = {}
for _, member in ipairs(due) do
  local box, id = string.match(member, '^(%a+):(.+)$')
  local key = ARGV[3] .. 'msg:' .. box .. ':' .. id
  local status = redis.call('HGET', key, 'status')
  if box == 'out' and (status == 'accepted' or status == 'queued' or status == 'sending') then
    -- Still being delivered: its envelope is needed; look again in an hour.
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + 3600000, member)
  else
    if status then
      redis.call('HDEL', key, 'message', 'jwe')
      redis.call('HSET', key, 'purgedAt', ARGV[4])
      table.insert(purged, member)
    end
    redis.call('ZREM', KEYS[1], member)
  end
end
return purged
`;

/**
 * Counts one envelope in its sender's rate window (the window's key expires after ARGV[1]
 * seconds) and, when ARGV[2] is '1', reads the receipt of the inbound id KEYS[2] in the same
 * round trip: the count, then from, digest and receipt (nil when not stored).
 */
const ADMIT_INBOUND = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if ARGV[2] ~= '1' then return {n} end
local v = redis.call('HMGET', KEYS[2], 'from', 'digest', 'receipt')
return {n, v[1], v[2], v[3]}
`;

type AdmitCommand = (
  rateKey: string,
  msgKey: string,
  ttlSeconds: string,
  lookup: string,
) => Promise<[number, (string | null)?, (string | null)?, (string | null)?]>;
type TransitionCommand = (
  msgKey: string,
  historyKey: string,
  pendingKey: string,
  deadKey: string,
  ...args: string[]
) => Promise<[number, string, number]>;
type CreateOutboundCommand = (
  msgKey: string,
  historyKey: string,
  boxKey: string,
  pendingKey: string,
  retainKey: string,
  ...args: string[]
) => Promise<number>;
type PurgeCommand = (retainKey: string, ...args: string[]) => Promise<string[]>;
type ClaimCommand = (
  msgKey: string,
  historyKey: string,
  ...args: string[]
) => Promise<[string, string, ...Array<string | number>]>;
type StoreInboundCommand = (
  msgKey: string,
  historyKey: string,
  boxKey: string,
  retainKey: string,
  ...args: string[]
) => Promise<[string | null, string | null, string | null] | null>;

interface StoreCommands {
  ffxTransition: TransitionCommand;
  ffxCreateOutbound: CreateOutboundCommand;
  ffxStoreInbound: StoreInboundCommand;
  ffxPurgeContents: PurgeCommand;
  ffxClaim: ClaimCommand;
  ffxAdmitInbound: AdmitCommand;
}

/**
 * The outbox and inbox of one node in Redis, under the node's key prefix. Every change of
 * status is atomic (Lua) and checked against the allowed transitions, so concurrent workers and
 * processes sharing one Redis cannot move a message backwards.
 *
 * @example
 * const store = new MessageStore(redis, 'ffx:AL:');
 * await store.createOutbound({ id, type: 'trace-request', from: 'AL', to: 'RS', status: 'accepted', … });
 * await store.transition('out', id, 'queued');
 */
export class MessageStore {
  readonly #redis: Redis & StoreCommands;
  readonly #prefix: string;
  readonly #now: () => Date;

  constructor(redis: Redis, prefix: string, now: () => Date = () => new Date()) {
    if (!('ffxTransition' in redis)) {
      redis.defineCommand('ffxTransition', { numberOfKeys: 4, lua: TRANSITION });
      redis.defineCommand('ffxCreateOutbound', { numberOfKeys: 5, lua: CREATE_OUTBOUND });
      redis.defineCommand('ffxStoreInbound', { numberOfKeys: 4, lua: STORE_INBOUND });
      redis.defineCommand('ffxPurgeContents', { numberOfKeys: 1, lua: PURGE_CONTENTS });
      redis.defineCommand('ffxClaim', { numberOfKeys: 2, lua: CLAIM });
      redis.defineCommand('ffxAdmitInbound', { numberOfKeys: 2, lua: ADMIT_INBOUND });
    }
    this.#redis = redis as Redis & StoreCommands;
    this.#prefix = prefix;
    this.#now = now;
  }

  #msgKey(box: Box, id: string): string {
    return `${this.#prefix}msg:${box}:${id}`;
  }
  #historyKey(box: Box, id: string): string {
    return `${this.#prefix}msg:${box}:${id}:history`;
  }
  #boxKey(box: Box): string {
    return `${this.#prefix}box:${box}`;
  }
  #pendingKey(peer: string): string {
    return `${this.#prefix}pending:${peer}`;
  }
  #deadKey(): string {
    return `${this.#prefix}dead`;
  }
  #retainKey(): string {
    return `${this.#prefix}retain`;
  }

  /**
   * Records a new outbound message (accepted for delivery, accepted and queued, or denied by the
   * outbound policy) in one atomic step: record, history, outbox index, pending index and, when
   * given, the end of its retention.
   */
  async createOutbound(m: NewOutbound): Promise<void> {
    const at = this.#now().toISOString();
    const fields = compact({
      id: m.id,
      box: 'out',
      type: m.type,
      from: m.from,
      to: m.to,
      status: m.status,
      createdAt: m.createdAt,
      expiresAt: m.expiresAt,
      updatedAt: at,
      inReplyTo: m.inReplyTo,
      correlationId: m.correlationId,
      message: m.message === undefined ? undefined : JSON.stringify(m.message),
      jwe: m.jwe,
      recipientKid: m.recipientKid,
      digest: m.digest,
      decision: m.decision === undefined ? undefined : JSON.stringify(m.decision),
      submittedBy: m.submittedBy,
      attempts: '0',
    });
    const detail = m.detail ? { detail: m.detail } : {};
    const history: HistoryEntry[] =
      m.status === 'queued'
        ? [
            { status: 'accepted', at, ...detail },
            { status: 'queued', at },
          ]
        : [{ status: m.status, at, ...detail }];
    await this.#redis.ffxCreateOutbound(
      this.#msgKey('out', m.id),
      this.#historyKey('out', m.id),
      this.#boxKey('out'),
      this.#pendingKey(m.to),
      this.#retainKey(),
      String(history.length),
      ...history.map((e) => JSON.stringify(e)),
      String(Date.parse(m.createdAt)),
      m.id,
      m.status === 'denied' ? '0' : '1',
      m.retainUntilMs === undefined ? '' : String(m.retainUntilMs),
      `out:${m.id}`,
      ...Object.entries(fields).flat(),
    );
  }

  /**
   * Moves an outbound message to `status` if its current status allows it, appending to its
   * history and keeping the pending and dead-letter indexes in step. `fields` are set (or, with
   * an empty string, removed) in the same atomic step; with `countAttempt` the attempt counter is
   * incremented in it too and the new count is returned (and recorded in the history entry).
   * Callers that hold the message's `to` and `createdAt` pass them and save a round trip.
   */
  async transition(
    id: string,
    status: OutboundStatus,
    options: {
      detail?: Record<string, unknown>;
      fields?: Record<string, string>;
      /** Narrower predecessors than the lifecycle allows (e.g. `queued` only from `accepted`). */
      onlyFrom?: readonly OutboundStatus[];
      countAttempt?: boolean;
      /** The message's addressing, when the caller already read it. */
      known?: { to: string; createdAt: string };
    } = {},
  ): Promise<TransitionResult> {
    let known = options.known;
    if (!known) {
      const [to, createdAt] = await this.#redis.hmget(this.#msgKey('out', id), 'to', 'createdAt');
      if (!to || !createdAt) return { ok: false, current: null };
      known = { to, createdAt };
    }
    const at = this.#now().toISOString();
    const entry: HistoryEntry = {
      status,
      at,
      ...(options.detail ? { detail: options.detail } : {}),
    };
    const pendingOp = terminalOutbound.has(status) ? 'rem' : 'add';
    const deadOp = status === 'failed' ? 'add' : status === 'queued' ? 'rem' : '';
    const extra = Object.entries(options.fields ?? {}).flat();
    const [ok, cur, attempt] = await this.#redis.ffxTransition(
      this.#msgKey('out', id),
      this.#historyKey('out', id),
      this.#pendingKey(known.to),
      this.#deadKey(),
      status,
      (options.onlyFrom ?? outboundTransitions[status]).join(','),
      at,
      JSON.stringify(entry),
      pendingOp,
      String(Date.parse(known.createdAt)),
      id,
      deadOp,
      options.countAttempt ? '1' : '0',
      ...extra,
    );
    if (ok !== 1) return { ok: false, current: (cur || null) as MessageStatus | null };
    return options.countAttempt ? { ok: true, attempt } : { ok: true };
  }

  /**
   * Claims an outbound message for one delivery attempt in one step: it must be waiting for
   * delivery, not expired at `now`, and sealed for one of `usableKids` (the peer's encryption
   * certificates that may still be used); then it becomes `sending`, the attempt is counted and
   * recorded in its history, and the envelope is returned. Otherwise nothing changes and the
   * reason is returned. The message is already in the pending index (every status it may be
   * claimed from keeps it there).
   */
  async claimForDelivery(
    id: string,
    options: { now: Date; usableKids: readonly string[] },
  ): Promise<ClaimResult> {
    const r = await this.#redis.ffxClaim(
      this.#msgKey('out', id),
      this.#historyKey('out', id),
      options.now.toISOString(),
      options.usableKids.join(','),
      this.#now().toISOString(),
    );
    const [kind, cur] = r;
    const text = (i: number) => String(r[i]);
    switch (kind) {
      case 'claimed':
        return { kind, attempt: Number(r[2]), jwe: text(3), to: text(4), createdAt: text(5) };
      case 'expired':
        return { kind };
      case 'key':
        return { kind, jwe: text(2) };
      case 'unchecked':
        return { kind, jwe: text(2), to: text(3), createdAt: text(4) };
      default:
        return { kind: 'gone', current: (cur || null) as MessageStatus | null };
    }
  }

  /** Marks an inbound message answered (a reply was sent for it). */
  async markInboundAnswered(id: string, replyId: string): Promise<TransitionResult> {
    const at = this.#now().toISOString();
    const entry: HistoryEntry = { status: 'answered', at, detail: { replyId } };
    const [ok, cur] = await this.#redis.ffxTransition(
      this.#msgKey('in', id),
      this.#historyKey('in', id),
      `${this.#prefix}none`,
      `${this.#prefix}none`,
      'answered',
      'received,answered',
      at,
      JSON.stringify(entry),
      '',
      '0',
      id,
      '',
      '0',
      'answeredBy',
      replyId,
    );
    return ok === 1 ? { ok: true } : { ok: false, current: (cur || null) as MessageStatus | null };
  }

  /**
   * Stores an inbound message with the receipt issued for it (and the end of its retention),
   * unless the id is already stored:
   * then nothing changes and the earlier sender, digest and receipt are returned (a redelivery
   * gets the original receipt; a different envelope under the same id is a replay).
   */
  async storeInbound(m: NewInbound): Promise<StoreInboundResult> {
    const entry: HistoryEntry = { status: 'received', at: m.receivedAt };
    const fields = compact({
      id: m.id,
      box: 'in',
      type: m.type,
      from: m.from,
      to: m.to,
      status: 'received',
      createdAt: m.createdAt,
      expiresAt: m.expiresAt,
      updatedAt: m.receivedAt,
      receivedAt: m.receivedAt,
      inReplyTo: m.inReplyTo,
      correlationId: m.correlationId,
      message: JSON.stringify(m.message),
      digest: m.digest,
      receipt: m.receipt,
      attempts: '0',
    });
    const existing = await this.#redis.ffxStoreInbound(
      this.#msgKey('in', m.id),
      this.#historyKey('in', m.id),
      this.#boxKey('in'),
      this.#retainKey(),
      String(Date.parse(m.receivedAt)),
      m.id,
      JSON.stringify(entry),
      m.retainUntilMs === undefined ? '' : String(m.retainUntilMs),
      ...Object.entries(fields).flat(),
    );
    if (!existing) return { stored: true };
    const [from, digest, receipt] = existing;
    return { stored: false, from: from ?? '', digest: digest ?? '', receipt: receipt ?? '' };
  }

  /**
   * Counts an envelope against its sender's rate window `rateKey` (kept `ttlSeconds`) and, for
   * an envelope whose id could be read, finds the receipt of that id if it was stored before:
   * the receiver's admission in one round trip. `earlier` is null without an id or when the
   * id is new.
   */
  async admitInbound(
    rateKey: string,
    ttlSeconds: number,
    id: string | undefined,
  ): Promise<{ count: number; earlier: { from: string; digest: string; receipt: string } | null }> {
    const [count, from, digest, receipt] = await this.#redis.ffxAdmitInbound(
      rateKey,
      id === undefined ? `${this.#prefix}none` : this.#msgKey('in', id),
      String(ttlSeconds),
      id === undefined ? '0' : '1',
    );
    return {
      count: Number(count),
      earlier: from && digest && receipt ? { from, digest, receipt } : null,
    };
  }

  /** Whether an inbound id is already stored (the replay check of the protocol). */
  async hasInbound(id: string): Promise<boolean> {
    return (await this.#redis.exists(this.#msgKey('in', id))) === 1;
  }

  /** One message with its history, or null. */
  async get(box: Box, id: string): Promise<StoredMessage | null> {
    const [[, raw], [, hist]] = (await this.#redis
      .multi()
      .hgetall(this.#msgKey(box, id))
      .lrange(this.#historyKey(box, id), 0, -1)
      .exec()) as [[Error | null, Record<string, string>], [Error | null, string[]]];
    if (!raw || !raw.id) return null;
    return toStored(raw, hist ?? []);
  }

  /** Only the envelope and addressing of an outbound message (the delivery hot path). */
  async envelope(id: string): Promise<{
    to: string;
    jwe: string;
    status: MessageStatus;
    createdAt: string;
    expiresAt: string;
  } | null> {
    const [to, jwe, status, createdAt, expiresAt] = await this.#redis.hmget(
      this.#msgKey('out', id),
      'to',
      'jwe',
      'status',
      'createdAt',
      'expiresAt',
    );
    if (!to || !jwe || !status || !createdAt || !expiresAt) return null;
    return { to, jwe, status: status as MessageStatus, createdAt, expiresAt };
  }

  /**
   * A page of the outbox or inbox, newest first. Filters apply to the page as it is scanned;
   * the cursor continues after the last message returned.
   */
  async list(box: Box, q: ListQuery): Promise<{ items: StoredMessage[]; nextCursor?: string }> {
    const items: StoredMessage[] = [];
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    let max = after ? String(after.score) : '+inf';
    let skipping = after !== null;
    let last: { score: number; id: string } | null = null;
    const batch = Math.max(q.limit * 2, 50);
    let offset = 0;
    for (let scanned = 0; items.length < q.limit && scanned < 10_000;) {
      const page = await this.#redis.zrevrangebyscore(
        this.#boxKey(box),
        max,
        '-inf',
        'WITHSCORES',
        'LIMIT',
        offset,
        batch,
      );
      if (page.length === 0) break;
      offset += page.length / 2;
      for (let i = 0; i < page.length && items.length < q.limit; i += 2) {
        const id = page[i]!;
        const score = Number(page[i + 1]);
        scanned++;
        if (skipping) {
          // Entries up to and including the cursor's own were on the previous page.
          if (score === after!.score) {
            if (id === after!.id) skipping = false;
            continue;
          }
          skipping = false;
        }
        last = { score, id };
        const m = await this.get(box, id);
        if (!m) continue;
        if (q.status && m.status !== q.status) continue;
        if (q.type && m.type !== q.type) continue;
        if (q.peer && (box === 'out' ? m.to : m.from) !== q.peer) continue;
        items.push(m);
      }
      if (page.length < batch * 2) break;
    }
    return items.length === q.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }

  /** Outbound ids that still have delivery work (for recovery after a restart). */
  async pendingIds(peer: string): Promise<string[]> {
    return this.#redis.zrange(this.#pendingKey(peer), 0, -1);
  }

  /** Age in seconds of the oldest message still pending for `peer`, or null when none is. */
  async oldestPendingAge(peer: string): Promise<number | null> {
    const first = await this.#redis.zrange(this.#pendingKey(peer), 0, 0, 'WITHSCORES');
    if (first.length < 2) return null;
    return Math.max(0, (this.#now().getTime() - Number(first[1])) / 1000);
  }

  /** Dead-lettered (failed) outbound message ids, oldest first. */
  async deadLetters(limit: number): Promise<string[]> {
    return this.#redis.zrange(this.#deadKey(), 0, limit - 1);
  }

  /**
   * Deletes the contents of messages whose retention ended, at most `limit` per call; ids,
   * statuses, digests, receipts and history stay (redelivery, replay protection and audit still
   * work). An outbound message still being delivered keeps its envelope until it is done.
   * Resolves to the `box:id` of each message purged.
   */
  async purgeExpiredContents(limit = 500): Promise<string[]> {
    const now = this.#now();
    return this.#redis.ffxPurgeContents(
      this.#retainKey(),
      String(now.getTime()),
      String(limit),
      this.#prefix,
      now.toISOString(),
    );
  }

  /** Removes a dead letter from the dead-letter index without retrying it (admin purge). */
  async purgeDeadLetter(id: string): Promise<boolean> {
    return (await this.#redis.zrem(this.#deadKey(), id)) === 1;
  }
}

function compact(o: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function toStored(raw: Record<string, string>, hist: string[]): StoredMessage {
  const parse = (s: string | undefined): unknown => (s === undefined ? undefined : JSON.parse(s));
  const m: StoredMessage = {
    id: raw.id!,
    box: raw.box as Box,
    type: raw.type!,
    from: raw.from!,
    to: raw.to!,
    status: raw.status as MessageStatus,
    createdAt: raw.createdAt!,
    expiresAt: raw.expiresAt!,
    updatedAt: raw.updatedAt!,
    attempts: Number(raw.attempts ?? 0),
    history: hist.map((h) => JSON.parse(h) as HistoryEntry),
  };
  if (raw.inReplyTo) m.inReplyTo = raw.inReplyTo;
  if (raw.correlationId) m.correlationId = raw.correlationId;
  if (raw.message) m.message = parse(raw.message);
  if (raw.jwe) m.jwe = raw.jwe;
  if (raw.digest) m.digest = raw.digest;
  if (raw.receipt) m.receipt = raw.receipt;
  if (raw.decision) m.decision = parse(raw.decision);
  if (raw.lastError) m.lastError = parse(raw.lastError) as { code: string; message: string };
  if (raw.submittedBy) m.submittedBy = raw.submittedBy;
  if (raw.answeredBy) m.answeredBy = raw.answeredBy;
  if (raw.purgedAt) m.purgedAt = raw.purgedAt;
  return m;
}

function encodeCursor(c: { score: number; id: string }): string {
  return Buffer.from(`${c.score}/${c.id}`).toString('base64url');
}

/** Parses a cursor; a malformed one is a validation error of the request. */
function decodeCursor(cursor: string): { score: number; id: string } {
  const [s, id] = Buffer.from(cursor, 'base64url').toString().split('/');
  const score = Number(s);
  if (!Number.isFinite(score) || !id) {
    throw new NodeError('NODE-VALIDATION', 'cursor is malformed', {
      problems: [{ pointer: '/cursor', message: 'not a cursor returned by this API' }],
    });
  }
  return { score, id };
}
