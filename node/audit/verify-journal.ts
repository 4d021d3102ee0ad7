// Verifies an audit journal file: every link of the hash chain and every signed checkpoint.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { CHECKPOINT_TYP, GENESIS_HASH, entryHash } from './entry-hash.js';

/** The outcome of a verification; `firstBroken` names the first line that does not hold. */
export interface VerifyResult {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** Declared gaps (entries the node had to drop while it could not write). */
  gaps: number;
  /** Entries after the last signed checkpoint (chained, not yet signed). */
  unsignedTail: number;
  firstBroken?: { line: number; seq?: number; reason: string };
}

/**
 * Verifies a journal: each line is JSON; `seq` counts up by one from 1; `prev` is the previous
 * entry's hash (so a removed or reordered entry breaks the chain); `hash` recomputes (so an
 * edited entry breaks it); each checkpoint's JWS verifies with the key of its `kid`, is by
 * `nodeId` when given, and signs this very position of the chain. Stops at the first broken
 * link and says which and why. Entries cut off after the last checkpoint cannot be noticed by
 * the file alone: compare `entries` with the last checkpoint an auditor saw.
 *
 * @example const r = await verifyJournal('audit-main.jsonl', { publicKeys, nodeId: 'AL' });
 */
export async function verifyJournal(
  file: string,
  o: { publicKeys: Map<string, KeyObject>; nodeId?: string },
): Promise<VerifyResult> {
  const r: VerifyResult = { ok: true, entries: 0, checkpoints: 0, gaps: 0, unsignedTail: 0 };
  const broken = (line: number, reason: string, seq?: number): VerifyResult => ({
    ...r,
    ok: false,
    firstBroken: { line, reason, ...(seq !== undefined ? { seq } : {}) },
  });
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let line = 0;
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  for await (const text of lines) {
    line++;
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(text) as Record<string, unknown>;
      if (!e || typeof e !== 'object' || Array.isArray(e)) throw new Error('not an object');
    } catch {
      return broken(line, 'not a JSON entry: the line was edited or cut');
    }
    const seq = typeof e.seq === 'number' ? e.seq : undefined;
    if (seq !== expectedSeq) {
      return broken(
        line,
        `seq ${String(e.seq)} where ${expectedSeq} was expected: an entry was removed, inserted or reordered`,
        seq,
      );
    }
    if (e.prev !== prev) {
      return broken(
        line,
        "prev does not match the previous entry's hash: an entry was removed or reordered",
        seq,
      );
    }
    if (e.hash !== entryHash(e)) {
      return broken(line, 'hash mismatch: the entry was edited', seq);
    }
    if (e.type === 'checkpoint') {
      const problem = await checkpointProblem(e, o, r.entries + 1);
      if (problem) return broken(line, problem, seq);
      r.checkpoints++;
      r.unsignedTail = 0;
    } else {
      r.unsignedTail++;
    }
    if (e.type === 'gap') r.gaps++;
    r.entries++;
    prev = e.hash as string;
    expectedSeq++;
  }
  return r;
}

async function checkpointProblem(
  e: Record<string, unknown>,
  o: { publicKeys: Map<string, KeyObject>; nodeId?: string },
  entries: number,
): Promise<string | undefined> {
  if (typeof e.jws !== 'string') return 'checkpoint without a signature';
  let kid: unknown;
  let typ: unknown;
  try {
    ({ kid, typ } = decodeProtectedHeader(e.jws));
  } catch {
    return 'checkpoint signature is not a JWS';
  }
  if (typ !== CHECKPOINT_TYP) return `checkpoint JWS typ must be ${CHECKPOINT_TYP}`;
  const key = typeof kid === 'string' ? o.publicKeys.get(kid) : undefined;
  if (!key) return `checkpoint signed with unknown key ${String(kid)}`;
  let payload: Record<string, unknown>;
  try {
    const v = await compactVerify(e.jws, key, { algorithms: ['PS256'] });
    payload = JSON.parse(Buffer.from(v.payload).toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'checkpoint signature invalid';
  }
  if (payload.seq !== e.seq || payload.prev !== e.prev)
    return 'checkpoint signs another position of the chain';
  if (payload.entries !== entries)
    return `checkpoint counts ${String(payload.entries)} entries, the file has ${entries}`;
  if (o.nodeId && payload.nodeId !== o.nodeId)
    return `checkpoint signed for node ${String(payload.nodeId)}, not ${o.nodeId}`;
  return undefined;
}
