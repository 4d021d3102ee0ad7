// Outbox and inbox of one node in Redis: message records, status history, indexes, idempotent receive.
import type { Redis } from 'ioredis';
import {
  outboundTransitions,
  terminalOutbound,
  type Box,
  type MessageStatus,
  type OutboundStatus,
} from './message-status.js';
import { NodeError } from '../errors.js';
import { defineStoreScripts } from './load-scripts.js';
import { messageRefs } from './message-refs.js';
import {
  admitInboundArgs,
  claimDeliveryArgs,
  createOutboundArgs,
  listPageArgs,
  markInboundAnsweredArgs,
  purgeContentsArgs,
  reindexArgs,
  storeInboundArgs,
  threadArgs,
  transitionOutboundArgs,
  type StoreCommands,
} from './script-args.js';
import { storeKeys, type StoreKeys } from './store-keys.js';

export type { Box } from './message-status.js';

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

/**
 * Filters of `list`; any combination. `from` and `to` bound createdAt (ISO 8601; `from`
 * inclusive, `to` exclusive); `peer` is the recipient of an outbound and the sender of an
 * inbound message; `ref` is an exact reference of the body (see `messageRefs`).
 */
export interface ListQuery {
  status?: MessageStatus;
  type?: string;
  peer?: string;
  from?: string;
  to?: string;
  correlationId?: string;
  inReplyTo?: string;
  ref?: string;
  limit: number;
  /** Opaque cursor returned by the previous page. */
  cursor?: string;
}

/**
 * A message as a list shows it: the record without its contents, envelope, receipt, decision
 * and history (`get` reads those). `replies`: on an outbox list, how many inbound messages
 * answer it (`inReplyTo` its id).
 */
export type ListedMessage = Omit<
  StoredMessage,
  'message' | 'jwe' | 'digest' | 'receipt' | 'decision' | 'history'
> & { replies?: number };

/**
 * How many messages match a list's filters: `exact`, or at least `count` and at most `atMost`
 * (filters combined: the matches on the first page, and the entries of the most selective
 * filter's index in the date range).
 */
export interface ListTotal {
  count: number;
  exact: boolean;
  atMost?: number;
}

/** A page of `list`, newest first. */
export interface ListPage {
  items: ListedMessage[];
  /** Present while more entries may match; a page may be short (or empty) and still have one. */
  nextCursor?: string;
  /** On every page of at most one indexed filter; on the first page of combined filters. */
  total?: ListTotal;
}

/** Delivery work waiting for one peer (readiness). */
export interface PeerPending {
  peer: string;
  pending: number;
  /** Age in seconds of the oldest pending message, or null when none is pending. */
  oldestPendingSeconds: number | null;
}

/** A case thread: the messages of both boxes with one correlationId, oldest first. */
export interface Thread {
  items: ListedMessage[];
  /** Messages of the thread in both boxes (more than `items` when the limit cut it). */
  total: number;
}

/** Result of `migrateIndexes`. */
export interface IndexMigration {
  /** False when the store already had the current indexes (nothing was read). */
  ran: boolean;
  indexed: { out: number; in: number };
}

/** The version of the indexes this code keeps; `migrateIndexes` brings older stores to it. */
export const INDEX_VERSION = '1';

/** Entries one `list` call examines at most, whatever the store holds (see `list`). */
export const LIST_WINDOW = 2000;

/** Messages one `thread` returns at most. */
export const THREAD_LIMIT = 500;

// Record fields of a listed message, in the order the list and thread scripts return them.
const LISTED_FIELDS = [
  'box',
  'type',
  'from',
  'to',
  'status',
  'createdAt',
  'expiresAt',
  'updatedAt',
  'attempts',
  'inReplyTo',
  'correlationId',
  'submittedBy',
  'answeredBy',
  'lastError',
  'purgedAt',
] as const;

/**
 * The outbox and inbox of one node in Redis, under the node's key prefix. Every change of a
 * record is one Lua script (`lua/`) that checks the allowed transitions, keeps the indexes in
 * step and publishes the change on `<prefix>events`, so concurrent workers and processes
 * sharing one Redis cannot move a message backwards and lists never see a half-indexed record.
 *
 * @example
 * const store = new MessageStore(redis, 'ffx:AL:');
 * await store.migrateIndexes();
 * await store.createOutbound({
 *   id, type: 'trace-request', from: 'AL', to: 'RS', status: 'accepted',
 *   createdAt, expiresAt, jwe, recipientKid, message,
 * });
 * await store.transition(id, 'queued', { onlyFrom: ['accepted'] });
 * const page = await store.list('out', { limit: 50, peer: 'RS', status: 'queued' });
 */
export class MessageStore {
  readonly #redis: Redis & StoreCommands;
  readonly #keys: StoreKeys;
  readonly #now: () => Date;

  constructor(redis: Redis, prefix: string, now: () => Date = () => new Date()) {
    defineStoreScripts(redis);
    this.#redis = redis as Redis & StoreCommands;
    this.#keys = storeKeys(prefix);
    this.#now = now;
  }

  /** The Redis channel on which every creation and change of status is published. */
  get changesChannel(): string {
    return this.#keys.events();
  }

  /**
   * Records a new outbound message (accepted for delivery, accepted and queued, or denied by the
   * outbound policy) in one atomic step: record, history, outbox and filter indexes, pending
   * index and, when given, the end of its retention.
   */
  async createOutbound(m: NewOutbound): Promise<void> {
    const at = this.#now().toISOString();
    const refs = messageRefs(m.message);
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
      refs: refs.length > 0 ? JSON.stringify(refs) : undefined,
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
      ...createOutboundArgs(this.#keys, {
        id: m.id,
        to: m.to,
        score: scoreOf(m.createdAt, '/createdAt'),
        pending: m.status !== 'denied',
        ...(m.retainUntilMs === undefined ? {} : { retainUntilMs: m.retainUntilMs }),
        at,
        history: history.map((e) => JSON.stringify(e)),
        fields,
      }),
    );
  }

  /**
   * Moves an outbound message to `status` if its current status allows it, appending to its
   * history and keeping the status, pending and dead-letter indexes in step. `fields` are set
   * (or, with an empty string, removed) in the same atomic step; with `countAttempt` the attempt
   * counter is incremented in it too and the new count is returned (and recorded in the history
   * entry). Callers that hold the message's `to` and `createdAt` pass them and save a round trip.
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
      const [to, createdAt] = await this.#redis.hmget(this.#keys.msg('out', id), 'to', 'createdAt');
      if (!to || !createdAt) return { ok: false, current: null };
      known = { to, createdAt };
    }
    const at = this.#now().toISOString();
    const entry: HistoryEntry = {
      status,
      at,
      ...(options.detail ? { detail: options.detail } : {}),
    };
    const [ok, cur, attempt] = await this.#redis.ffxTransitionOutbound(
      ...transitionOutboundArgs(this.#keys, {
        id,
        to: known.to,
        score: scoreOf(known.createdAt, '/createdAt'),
        status,
        allowed: options.onlyFrom ?? outboundTransitions[status],
        at,
        entry: JSON.stringify(entry),
        pending: terminalOutbound.has(status) ? 'rem' : 'add',
        dead: status === 'failed' ? 'add' : status === 'queued' ? 'rem' : '',
        countAttempt: options.countAttempt === true,
        fields: options.fields ?? {},
      }),
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
    const r = await this.#redis.ffxClaimDelivery(
      ...claimDeliveryArgs(this.#keys, {
        id,
        now: options.now.toISOString(),
        usableKids: options.usableKids,
        at: this.#now().toISOString(),
      }),
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
    const [ok, cur] = await this.#redis.ffxMarkInboundAnswered(
      ...markInboundAnsweredArgs(this.#keys, { id, at, entry: JSON.stringify(entry), replyId }),
    );
    return ok === 1 ? { ok: true } : { ok: false, current: (cur || null) as MessageStatus | null };
  }

  /**
   * Stores an inbound message with the receipt issued for it (and the end of its retention),
   * unless the id is already stored: then nothing changes and the earlier sender, digest and
   * receipt are returned (a redelivery gets the original receipt; a different envelope under
   * the same id is a replay).
   */
  async storeInbound(m: NewInbound): Promise<StoreInboundResult> {
    const entry: HistoryEntry = { status: 'received', at: m.receivedAt };
    const refs = messageRefs(m.message);
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
      refs: refs.length > 0 ? JSON.stringify(refs) : undefined,
      digest: m.digest,
      receipt: m.receipt,
      attempts: '0',
    });
    const existing = await this.#redis.ffxStoreInbound(
      ...storeInboundArgs(this.#keys, {
        id: m.id,
        score: scoreOf(m.createdAt, '/createdAt'),
        entry: JSON.stringify(entry),
        ...(m.retainUntilMs === undefined ? {} : { retainUntilMs: m.retainUntilMs }),
        fields,
      }),
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
      ...admitInboundArgs(this.#keys, { rateKey, ttlSeconds, ...(id === undefined ? {} : { id }) }),
    );
    return {
      count: Number(count),
      earlier: from && digest && receipt ? { from, digest, receipt } : null,
    };
  }

  /** One message with its history, or null. */
  async get(box: Box, id: string): Promise<StoredMessage | null> {
    const [[, raw], [, hist]] = (await this.#redis
      .multi()
      .hgetall(this.#keys.msg(box, id))
      .lrange(this.#keys.history(box, id), 0, -1)
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
      this.#keys.msg('out', id),
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
   * A page of the outbox or inbox, newest first, in one round trip whatever the store holds.
   * Every filter but the createdAt range has an index (a sorted set by createdAt, kept by the
   * scripts that change records); the range bounds whichever index is walked. With one filter
   * its index is walked and counted exactly (ZCOUNT). With several, the one with the fewest
   * entries in the range is walked and each entry is checked against the others (ZSCORE),
   * until the page is full and at most `LIST_WINDOW` entries: intersecting whole indexes
   * (ZINTERSTORE) would cost as much as the smaller index holds, which grows with the store,
   * and counting beyond the page would cost the window on every page. So a sparse combination
   * may give a short page with a cursor, and its total is a range (the page's matches, the
   * walked index's entries) unless the walk reached the end of the range.
   *
   * The cursor names the last entry examined (createdAt and id), so messages stored meanwhile
   * with a later createdAt never shift the pages that follow.
   */
  async list(box: Box, q: ListQuery): Promise<ListPage> {
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
    const fromMs = q.from === undefined ? undefined : scoreOf(q.from, '/from');
    const toMs = q.to === undefined ? undefined : scoreOf(q.to, '/to');
    const k = this.#keys;
    const filters = [
      q.status === undefined ? undefined : k.index(box, 'status', q.status),
      q.peer === undefined ? undefined : k.index(box, 'peer', q.peer),
      q.type === undefined ? undefined : k.index(box, 'type', q.type),
      q.correlationId === undefined ? undefined : k.index(box, 'corr', q.correlationId),
      q.inReplyTo === undefined ? undefined : k.index(box, 'reply', q.inReplyTo),
      q.ref === undefined ? undefined : k.index(box, 'ref', q.ref),
    ].filter((f): f is string => f !== undefined);
    const limit = Math.max(1, Math.floor(q.limit));
    const [count, exact, atMost, nextScore, nextId, ...rows] = await this.#redis.ffxListPage(
      ...listPageArgs(k, {
        box,
        filters,
        limit,
        window: Math.max(LIST_WINDOW, limit),
        ...(fromMs === undefined ? {} : { fromMs }),
        ...(toMs === undefined ? {} : { toMs }),
        ...(cursor ? { cursor } : {}),
        countReplies: box === 'out',
        fields: LISTED_FIELDS,
      }),
    );
    const items = rows.map((r) =>
      toListed(r.slice(2), String(r[0]), box === 'out' ? Number(r[1]) : undefined),
    );
    return {
      items,
      ...(nextId ? { nextCursor: encodeCursor({ score: Number(nextScore), id: nextId }) } : {}),
      ...(Number(count) < 0
        ? {}
        : Number(exact) === 1
          ? { total: { count: Number(count), exact: true } }
          : { total: { count: Number(count), exact: false, atMost: Number(atMost) } }),
    };
  }

  /**
   * A case thread: the messages of both boxes that carry `correlationId` (the request, its
   * responses, hits and later messages), oldest first, at most `limit` (and `THREAD_LIMIT`)
   * of them, in one round trip.
   */
  async thread(correlationId: string, limit = THREAD_LIMIT): Promise<Thread> {
    const [total, ...rows] = await this.#redis.ffxThread(
      ...threadArgs(this.#keys, {
        correlationId,
        limit: Math.max(1, Math.min(Math.floor(limit), THREAD_LIMIT)),
        fields: LISTED_FIELDS,
      }),
    );
    return {
      total: Number(total),
      items: rows.map((r) => toListed(r.slice(2), String(r[1]), undefined)),
    };
  }

  /** Outbound ids that still have delivery work (for recovery after a restart). */
  async pendingIds(peer: string): Promise<string[]> {
    return this.#redis.zrange(this.#keys.pending(peer), 0, -1);
  }

  /** Age in seconds of the oldest message still pending for `peer`, or null when none is. */
  async oldestPendingAge(peer: string): Promise<number | null> {
    const first = await this.#redis.zrange(this.#keys.pending(peer), 0, 0, 'WITHSCORES');
    if (first.length < 2) return null;
    return Math.max(0, (this.#now().getTime() - Number(first[1])) / 1000);
  }

  /**
   * Per peer, how many messages wait for delivery (ZCARD) and the age of the oldest (its
   * score), for all `peers` in one round trip whatever their queues hold (readiness).
   */
  async pendingByPeer(peers: readonly string[]): Promise<PeerPending[]> {
    if (peers.length === 0) return [];
    const pipeline = this.#redis.pipeline();
    for (const peer of peers) {
      pipeline.zcard(this.#keys.pending(peer));
      pipeline.zrange(this.#keys.pending(peer), 0, 0, 'WITHSCORES');
    }
    const replies = (await pipeline.exec()) ?? [];
    const now = this.#now().getTime();
    return peers.map((peer, i) => {
      const [cardErr, card] = replies[2 * i] ?? [null, 0];
      const [firstErr, first] = replies[2 * i + 1] ?? [null, []];
      if (cardErr) throw cardErr;
      if (firstErr) throw firstErr;
      const oldest = (first as string[])[1];
      return {
        peer,
        pending: Number(card),
        oldestPendingSeconds:
          oldest === undefined ? null : Math.max(0, (now - Number(oldest)) / 1000),
      };
    });
  }

  /** Dead-lettered (failed) outbound message ids, oldest first. */
  async deadLetters(limit: number): Promise<string[]> {
    return this.#redis.zrange(this.#keys.dead(), 0, limit - 1);
  }

  /**
   * Deletes the contents of messages whose retention ended, at most `limit` per call; ids,
   * statuses, digests, receipts and history stay (redelivery, replay protection and audit still
   * work), and so do their indexes but the reference search (the references came from the
   * contents). An outbound message still being delivered keeps its envelope until it is done.
   * Resolves to the `box:id` of each message purged.
   */
  async purgeExpiredContents(limit = 500): Promise<string[]> {
    return this.#redis.ffxPurgeContents(
      ...purgeContentsArgs(this.#keys, { now: this.#now(), limit }),
    );
  }

  /** Removes a dead letter from the dead-letter index without retrying it (admin purge). */
  async purgeDeadLetter(id: string): Promise<boolean> {
    return (await this.#redis.zrem(this.#keys.dead(), id)) === 1;
  }

  /**
   * Builds the filter indexes of messages stored by an earlier version, at start: in batches
   * of `batch` (ZSCAN of each box index, one read and one write round trip per batch), each
   * record indexed by its current fields in one script (idempotent: running it again, or
   * alongside another node process, changes nothing), inbound messages rescored from their
   * receipt time to their createdAt. Then the store is marked, and later starts read one key.
   * Messages created meanwhile are indexed by the scripts that create them.
   */
  async migrateIndexes(
    options: { batch?: number; onBatch?: (done: { out: number; in: number }) => void } = {},
  ): Promise<IndexMigration> {
    const k = this.#keys;
    const indexed = { out: 0, in: 0 };
    if ((await this.#redis.get(k.indexVersion())) === INDEX_VERSION) return { ran: false, indexed };
    const batch = options.batch ?? 500;
    for (const box of ['out', 'in'] as const) {
      let cursor = '0';
      do {
        const [next, flat] = await this.#redis.zscan(k.box(box), cursor, 'COUNT', batch);
        cursor = next;
        const ids = flat.filter((_, i) => i % 2 === 0);
        if (ids.length === 0) continue;
        const read = this.#redis.pipeline();
        for (const id of ids) read.hmget(k.msg(box, id), 'createdAt', 'message');
        const records = (await read.exec()) ?? [];
        const write = this.#redis.pipeline() as ReturnType<Redis['pipeline']> & {
          ffxReindex(...args: string[]): unknown;
        };
        ids.forEach((id, i) => {
          const [err, v] = records[i] ?? [null, null];
          if (err) throw err;
          const [createdAt, message] = (v as [string | null, string | null] | null) ?? [null, null];
          const score = createdAt ? Date.parse(createdAt) : NaN;
          if (!Number.isFinite(score)) return;
          const refs = message ? messageRefs(parseOrUndefined(message)) : [];
          write.ffxReindex(...reindexArgs(k, { box, id, score, refs }));
        });
        for (const [err, done] of (await write.exec()) ?? []) {
          if (err) throw err;
          if (done === 1) indexed[box]++;
        }
        options.onBatch?.({ ...indexed });
      } while (cursor !== '0');
    }
    await this.#redis.set(k.indexVersion(), INDEX_VERSION);
    return { ran: true, indexed };
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

/** A listed message from the fields `LISTED_FIELDS` names, in that order. */
function toListed(
  values: ReadonlyArray<string | number | null>,
  id: string,
  replies: number | undefined,
): ListedMessage {
  const raw: Record<string, string> = {};
  LISTED_FIELDS.forEach((f, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) raw[f] = String(v);
  });
  const m: ListedMessage = {
    id,
    box: raw.box as Box,
    type: raw.type!,
    from: raw.from!,
    to: raw.to!,
    status: raw.status as MessageStatus,
    createdAt: raw.createdAt!,
    expiresAt: raw.expiresAt!,
    updatedAt: raw.updatedAt!,
    attempts: Number(raw.attempts ?? 0),
  };
  if (raw.inReplyTo) m.inReplyTo = raw.inReplyTo;
  if (raw.correlationId) m.correlationId = raw.correlationId;
  if (raw.submittedBy) m.submittedBy = raw.submittedBy;
  if (raw.answeredBy) m.answeredBy = raw.answeredBy;
  if (raw.lastError) m.lastError = JSON.parse(raw.lastError) as { code: string; message: string };
  if (raw.purgedAt) m.purgedAt = raw.purgedAt;
  if (replies !== undefined) m.replies = replies;
  return m;
}

/** A stored JSON field, or undefined when it does not parse (a record is indexed without it). */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Epoch ms of an ISO 8601 time; one that does not parse is a validation error at `pointer`. */
function scoreOf(iso: string, pointer: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) {
    throw new NodeError('NODE-VALIDATION', `${pointer.slice(1)} is not a date-time`, {
      problems: [{ pointer, message: 'not an ISO 8601 date-time' }],
    });
  }
  return ms;
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
