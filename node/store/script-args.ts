// One argument builder per store script (keys first, then ARGV, as each script's header names them) and the commands' reply types.
import type { StoreKeys } from './store-keys.js';
import type { Box } from './message-status.js';

/** Replies of the store's scripts, as ioredis returns them (see each `lua/*.lua` header). */
export interface StoreCommands {
  ffxCreateOutbound(...args: string[]): Promise<number>;
  ffxStoreInbound(...args: string[]): Promise<[string | null, string | null, string | null] | null>;
  ffxTransitionOutbound(...args: string[]): Promise<[number, string, number]>;
  ffxClaimDelivery(...args: string[]): Promise<[string, string, ...Array<string | number>]>;
  ffxMarkInboundAnswered(...args: string[]): Promise<[number, string]>;
  ffxPurgeContents(...args: string[]): Promise<string[]>;
  ffxAdmitInbound(
    ...args: string[]
  ): Promise<[number, (string | null)?, (string | null)?, (string | null)?]>;
  ffxListPage(
    ...args: string[]
  ): Promise<[number, number, number, string, string, ...Array<Array<string | number | null>>]>;
  ffxThread(...args: string[]): Promise<[number, ...Array<Array<string | null>>]>;
  ffxReindex(...args: string[]): Promise<number>;
}

const ms = (n: number | undefined) => (n === undefined ? '' : String(n));

/** `create-outbound-5.lua`. */
export function createOutboundArgs(
  k: StoreKeys,
  a: {
    id: string;
    to: string;
    score: number;
    pending: boolean;
    retainUntilMs?: number;
    at: string;
    history: readonly string[];
    fields: Record<string, string>;
  },
): string[] {
  return [
    k.msg('out', a.id),
    k.history('out', a.id),
    k.box('out'),
    k.pending(a.to),
    k.retain(),
    k.prefix,
    String(a.score),
    a.id,
    a.pending ? '1' : '0',
    ms(a.retainUntilMs),
    a.at,
    String(a.history.length),
    ...a.history,
    ...Object.entries(a.fields).flat(),
  ];
}

/** `store-inbound-4.lua`. */
export function storeInboundArgs(
  k: StoreKeys,
  a: {
    id: string;
    score: number;
    entry: string;
    retainUntilMs?: number;
    fields: Record<string, string>;
  },
): string[] {
  return [
    k.msg('in', a.id),
    k.history('in', a.id),
    k.box('in'),
    k.retain(),
    k.prefix,
    String(a.score),
    a.id,
    a.entry,
    ms(a.retainUntilMs),
    ...Object.entries(a.fields).flat(),
  ];
}

/** `transition-outbound-4.lua`. */
export function transitionOutboundArgs(
  k: StoreKeys,
  a: {
    id: string;
    to: string;
    score: number;
    status: string;
    allowed: readonly string[];
    at: string;
    entry: string;
    pending: 'add' | 'rem' | '';
    dead: 'add' | 'rem' | '';
    countAttempt: boolean;
    fields: Record<string, string>;
  },
): string[] {
  return [
    k.msg('out', a.id),
    k.history('out', a.id),
    k.pending(a.to),
    k.dead(),
    k.prefix,
    a.id,
    String(a.score),
    a.status,
    a.allowed.join(','),
    a.at,
    a.entry,
    a.pending,
    a.dead,
    a.countAttempt ? '1' : '0',
    ...Object.entries(a.fields).flat(),
  ];
}

/** `claim-delivery-3.lua`. */
export function claimDeliveryArgs(
  k: StoreKeys,
  a: { id: string; now: string; usableKids: readonly string[]; at: string },
): string[] {
  return [
    k.msg('out', a.id),
    k.history('out', a.id),
    k.box('out'),
    a.now,
    a.usableKids.join(','),
    a.at,
    k.prefix,
    a.id,
  ];
}

/** `mark-inbound-answered-3.lua`. */
export function markInboundAnsweredArgs(
  k: StoreKeys,
  a: { id: string; at: string; entry: string; replyId: string },
): string[] {
  return [
    k.msg('in', a.id),
    k.history('in', a.id),
    k.box('in'),
    k.prefix,
    a.id,
    a.at,
    a.entry,
    a.replyId,
  ];
}

/** `purge-contents-1.lua`. */
export function purgeContentsArgs(k: StoreKeys, a: { now: Date; limit: number }): string[] {
  return [k.retain(), String(a.now.getTime()), String(a.limit), k.prefix, a.now.toISOString()];
}

/** `admit-inbound.lua` (one key, or two when the envelope's id could be read). */
export function admitInboundArgs(
  k: StoreKeys,
  a: { rateKey: string; ttlSeconds: number; id?: string },
): string[] {
  const keys = a.id === undefined ? [a.rateKey] : [a.rateKey, k.msg('in', a.id)];
  return [String(keys.length), ...keys, String(a.ttlSeconds)];
}

/** `list-page.lua` (the box index and one key per filter index). */
export function listPageArgs(
  k: StoreKeys,
  a: {
    box: Box;
    filters: readonly string[];
    limit: number;
    window: number;
    fromMs?: number;
    toMs?: number;
    cursor?: { score: number; id: string };
    countReplies: boolean;
    fields: readonly string[];
  },
): string[] {
  const keys = [k.box(a.box), ...a.filters];
  return [
    String(keys.length),
    ...keys,
    k.msgPrefix(a.box),
    String(a.limit),
    String(a.window),
    a.fromMs === undefined ? '-inf' : String(a.fromMs),
    a.toMs === undefined ? '+inf' : String(a.toMs),
    a.cursor ? String(a.cursor.score) : '',
    a.cursor ? a.cursor.id : '',
    a.countReplies ? k.indexPrefix('in', 'reply') : '',
    ...a.fields,
  ];
}

/** `thread-2.lua`. */
export function threadArgs(
  k: StoreKeys,
  a: { correlationId: string; limit: number; fields: readonly string[] },
): string[] {
  return [
    k.index('out', 'corr', a.correlationId),
    k.index('in', 'corr', a.correlationId),
    String(a.limit),
    k.prefix,
    ...a.fields,
  ];
}

/** `reindex-1.lua`. */
export function reindexArgs(
  k: StoreKeys,
  a: { box: Box; id: string; score: number; refs: readonly string[] },
): string[] {
  return [k.msg(a.box, a.id), k.prefix, a.box, a.id, String(a.score), JSON.stringify(a.refs)];
}
