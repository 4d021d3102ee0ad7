// The audit journal of one node process: append-only JSON lines, hash-chained, signed checkpoints.
import { open as openFile, mkdir, stat, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { constants, sign, type KeyObject } from 'node:crypto';
import { CHECKPOINT_TYP, GENESIS_HASH, chainedLine } from './entry-hash.js';

/** How the journal is opened. */
export interface AuditJournalOptions {
  file: string;
  nodeId: string;
  /** The node's private signing key (RSA) and the kid of its sig certificate. */
  signingKey: KeyObject;
  signingKid: string;
  /** A signed checkpoint after this many entries (default 100)… */
  checkpointEvery?: number;
  /** …and at least this often while entries are written (default 60 s). */
  checkpointSeconds?: number;
  /** Entries kept in memory while the file cannot be written (default 10000); older ones are dropped and declared. */
  maxBacklog?: number;
  now?: () => Date;
}

/** The journal's health, for readiness and metrics. */
export interface JournalStatus {
  healthy: boolean;
  backlog: number;
  dropped: number;
  lastError: string | null;
  entries: number;
  lastSeq: number;
}

/** Fields never written to the journal: it records digests and decisions, not contents. */
const CONTENT_FIELDS = new Set(['body', 'message', 'jwe', 'envelope', 'token', 'authorization']);

interface Pending {
  type: string;
  at: string;
  fields: Record<string, unknown>;
}

/**
 * The journal LED Art. 25 asks for: who did what, when, why and for whom, tamper-evident.
 * `append` never blocks and never throws, so the journal can never stop traffic: entries are
 * chained and written in batches by a background writer; when the file cannot be written they
 * wait in a bounded backlog (the oldest are dropped when it is full, and a `gap` entry then
 * declares how many were lost). Chaining happens at write time, so a dropped entry leaves a
 * declared gap, never a broken chain. Every `checkpointEvery` entries, every `checkpointSeconds`
 * and on close, a `checkpoint` entry carries a JWS (PS256) over the chain head, signed with the
 * node's key, and the file is fsynced. A checkpoint that cannot be signed is written as a
 * chained `checkpoint-failed` entry with the reason, and the journal reports unhealthy until a
 * signature succeeds again: entries keep flowing to the file rather than piling up in memory.
 *
 * @example
 * const journal = await AuditJournal.open({ file, nodeId: 'AL', signingKey, signingKid });
 * journal.append('submitted', { messageId, to: 'RS', actor: { sub: 'arta.hoxha', role: 'analyst' } });
 * await journal.close();
 */
export class AuditJournal {
  readonly #o: Required<Omit<AuditJournalOptions, 'now'>> & { now: () => Date };
  #fd: FileHandle | undefined;
  #queue: Pending[] = [];
  #seq: number;
  #prev: string;
  #sinceCheckpoint = 0;
  /** Type of the last entry written: a checkpoint right after a checkpoint would sign nothing new. */
  #lastType = '';
  #entries = 0;
  #dropped = 0;
  #droppedUndeclared = 0;
  #lastError: string | null = null;
  /** Why the last checkpoint could not be signed; cleared by the next signed one. */
  #signError: string | null = null;
  #writing: Promise<void> | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #checkpointTimer: NodeJS.Timeout;
  #closed = false;

  private constructor(o: AuditJournalOptions, head: { seq: number; hash: string }) {
    this.#o = {
      checkpointEvery: 100,
      checkpointSeconds: 60,
      maxBacklog: 10_000,
      now: () => new Date(),
      ...o,
    };
    this.#seq = head.seq;
    this.#prev = head.hash;
    this.#checkpointTimer = setInterval(() => {
      if (this.#sinceCheckpoint > 0 || this.#queue.length > 0) void this.checkpoint();
    }, this.#o.checkpointSeconds * 1000);
    this.#checkpointTimer.unref();
  }

  /**
   * Opens (or creates) the journal file and continues its chain. A last line torn by a crash
   * (no newline at the end) is cut off and the cut is recorded in a `journal-opened` entry.
   */
  static async open(o: AuditJournalOptions): Promise<AuditJournal> {
    await mkdir(dirname(o.file), { recursive: true });
    const { head, tornBytes } = await readHead(o.file);
    const journal = new AuditJournal(o, head);
    journal.#fd = await openFile(o.file, 'a');
    journal.append('journal-opened', {
      nodeId: o.nodeId,
      ...(tornBytes > 0 ? { recovered: true, truncatedBytes: tornBytes } : {}),
    });
    return journal;
  }

  /**
   * Queues an entry; returns at once and never throws. Content fields (`body`, `message`, `jwe`,
   * `envelope`, `token`, `authorization`) are stripped at any depth, never written, and their
   * paths listed in `stripped`; so an error text passed as `message` is not kept either (its
   * `code` is). The fields are copied as plain JSON now, so later changes by the caller do not
   * reach the journal; a value that is not JSON (a cycle, a BigInt) is recorded as `unserializable`.
   */
  append(type: string, fields: Record<string, unknown>): void {
    if (this.#closed) return;
    try {
      this.#queue.push({ type, at: this.#o.now().toISOString(), fields: plainFields(fields) });
    } catch (err) {
      // Only a broken `now` gets here: the entry is still recorded, with the wall clock.
      this.#queue.push({
        type,
        at: new Date().toISOString(),
        fields: { unserializable: (err as Error).message },
      });
    }
    if (this.#queue.length > this.#o.maxBacklog) {
      const over = this.#queue.length - this.#o.maxBacklog;
      this.#queue.splice(0, over);
      this.#dropped += over;
      this.#droppedUndeclared += over;
    }
    this.#schedule();
  }

  /** Resolves when everything appended so far is written (or the writer gave up for now). */
  async flush(): Promise<void> {
    await this.#drain();
    if (this.#queue.length > 0 && !this.#retryTimer) {
      this.#schedule();
      await this.#drain();
    }
  }

  async #drain(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Writes a signed checkpoint over the chain head and fsyncs the file. */
  async checkpoint(): Promise<void> {
    if (this.#closed) return;
    // Signed when written, so it covers exactly the entry before it.
    this.#queue.push({ type: 'checkpoint', at: '', fields: {} });
    this.#schedule();
    await this.flush();
    try {
      await this.#fd?.sync();
    } catch (err) {
      this.#lastError = (err as Error).message;
    }
  }

  /** Health and counters. */
  status(): JournalStatus {
    return {
      healthy:
        this.#lastError === null &&
        this.#signError === null &&
        this.#queue.length < this.#o.maxBacklog,
      backlog: this.#queue.length,
      dropped: this.#dropped,
      lastError: this.#lastError ?? this.#signError,
      entries: this.#entries,
      lastSeq: this.#seq,
    };
  }

  /** A final checkpoint, then the file is closed; later appends are ignored. */
  async close(): Promise<void> {
    if (this.#closed) return;
    clearInterval(this.#checkpointTimer);
    await this.checkpoint().catch(() => undefined);
    this.#closed = true;
    // One last attempt for a backlog waiting on a retry; what still fails stays in status().
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    await this.flush().catch(() => undefined);
    await this.#fd?.close();
    this.#fd = undefined;
  }

  #schedule(): void {
    if (this.#writing || this.#retryTimer) return;
    // Any failure (even signing) becomes lastError and a retry, never an unhandled rejection.
    this.#writing = this.#writeBatch()
      .catch((err: unknown) => this.#failed(err))
      .finally(() => {
        this.#writing = undefined;
        if (this.#queue.length > 0 && !this.#retryTimer && this.#lastError === null)
          this.#schedule();
      });
  }

  /** Records a write failure and retries in a second; entries wait in the backlog meanwhile. */
  #failed(err: unknown): void {
    this.#lastError = (err as Error).message;
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#schedule();
    }, 1000);
    this.#retryTimer.unref();
  }

  /**
   * A compact JWS (PS256: RSASSA-PSS, SHA-256, salt 32) over `payload`, signed on libuv's thread
   * pool: an RSA signature takes milliseconds, which the event loop does not wait for.
   */
  async #sign(payload: Record<string, unknown>): Promise<string> {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64({ alg: 'PS256', typ: CHECKPOINT_TYP, kid: this.#o.signingKid })}.${b64(payload)}`;
    const signature = await new Promise<Buffer>((resolve, reject) => {
      try {
        sign(
          'sha256',
          Buffer.from(input),
          { key: this.#o.signingKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
          (err, sig) => (err ? reject(err) : resolve(sig)),
        );
      } catch (err) {
        // A key that cannot sign at all is refused before any work is queued.
        reject(err as Error);
      }
    });
    return `${input}.${signature.toString('base64url')}`;
  }

  async #writeBatch(): Promise<void> {
    // Let the appends of the current tick join this batch.
    await new Promise((r) => setImmediate(r));
    if (this.#queue.length === 0) return;
    if (!this.#fd) {
      // The file was lost after an error (a remounted or full volume): open it again by path.
      try {
        this.#fd = await openFile(this.#o.file, 'a');
      } catch (err) {
        this.#failed(err);
        return;
      }
    }
    const batch = this.#queue.slice(0, 1000);
    const lines: string[] = [];
    let seq = this.#seq;
    let prev = this.#prev;
    let lastType = this.#lastType;
    let signError = this.#signError;
    const chain = (type: string, at: string, fields: Record<string, unknown>) => {
      lastType = type;
      seq++;
      const { hash, line } = chainedLine({ seq, at, type, ...fields, prev });
      prev = hash;
      lines.push(line);
    };
    /** The checkpoint entry over the chain so far: signed, or declared unsigned with the reason. */
    const checkpoint = async () => {
      const at = this.#o.now().toISOString();
      try {
        const jws = await this.#sign({
          nodeId: this.#o.nodeId,
          seq: seq + 1,
          prev,
          entries: seq + 1,
          at,
        });
        signError = null;
        chain('checkpoint', at, { nodeId: this.#o.nodeId, jws });
      } catch (err) {
        // Entries still get written and chained; the missing signature is declared, not hidden.
        signError = `cannot sign a checkpoint: ${(err as Error).message}`;
        chain('checkpoint-failed', at, { nodeId: this.#o.nodeId, reason: signError });
        // As after a signed one: the next checkpoint waits for new entries.
        lastType = 'checkpoint';
      }
    };
    const lost = this.#droppedUndeclared;
    if (lost > 0)
      chain('gap', this.#o.now().toISOString(), {
        lost,
        reason: 'journal backlog full while the file could not be written',
      });
    for (const p of batch) {
      // A checkpoint right after a checkpoint would sign nothing new.
      if (p.type !== 'checkpoint') chain(p.type, p.at, p.fields);
      else if (lastType !== 'checkpoint') await checkpoint();
    }
    try {
      if (lines.length > 0) await this.#fd.appendFile(`${lines.join('\n')}\n`);
    } catch (err) {
      const fd = this.#fd;
      this.#fd = undefined;
      await fd.close().catch(() => undefined);
      this.#failed(err);
      return;
    }
    this.#lastError = null;
    this.#queue.splice(0, batch.length);
    this.#droppedUndeclared -= lost;
    this.#entries += lines.length;
    const lastCheckpoint = batch.map((p) => p.type).lastIndexOf('checkpoint');
    this.#sinceCheckpoint =
      lastCheckpoint < 0 ? this.#sinceCheckpoint + lines.length : batch.length - 1 - lastCheckpoint;
    this.#seq = seq;
    this.#prev = prev;
    this.#lastType = lastType;
    this.#signError = signError;
    if (this.#sinceCheckpoint >= this.#o.checkpointEvery) {
      this.#sinceCheckpoint = 0;
      setImmediate(() => void this.checkpoint());
    }
  }
}

/** Names of the entry's own chain fields, which `append` never lets a caller set. */
const CHAIN_FIELDS = new Set(['seq', 'at', 'type', 'prev', 'hash']);

/**
 * The fields as plain JSON without content fields: what is hashed is exactly what is written
 * and read back (a Date becomes its ISO string, `undefined` disappears).
 */
function plainFields(fields: Record<string, unknown>): Record<string, unknown> {
  const stripped: string[] = [];
  const strip = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => strip(x, `${path}/${i}`));
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (CONTENT_FIELDS.has(k)) stripped.push(`${path}/${k}`);
      else if (!(path === '' && CHAIN_FIELDS.has(k))) out[k] = strip(x, `${path}/${k}`);
    }
    return out;
  };
  let clean: Record<string, unknown>;
  try {
    const plain = JSON.parse(JSON.stringify(fields ?? {})) as unknown;
    if (plain === null || typeof plain !== 'object' || Array.isArray(plain))
      return { unserializable: 'the fields are not an object' };
    clean = (strip(plain, '') ?? {}) as Record<string, unknown>;
  } catch (err) {
    return { unserializable: (err as Error).message };
  }
  // Top-level names stay as before ("body"); deeper ones are JSON pointers ("/details/body").
  if (stripped.length > 0)
    clean.stripped = stripped.map((p) => (p.lastIndexOf('/') === 0 ? p.slice(1) : p));
  return clean;
}

/** The chain head of an existing journal file, cutting off a torn last line. */
async function readHead(
  file: string,
): Promise<{ head: { seq: number; hash: string }; tornBytes: number }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return { head: { seq: 0, hash: GENESIS_HASH }, tornBytes: 0 };
  }
  if (size === 0) return { head: { seq: 0, hash: GENESIS_HASH }, tornBytes: 0 };
  const fd = await openFile(file, 'r');
  try {
    const len = Math.min(size, 256 * 1024);
    const buf = Buffer.alloc(len);
    await fd.read(buf, 0, len, size - len);
    const text = buf.toString('utf8');
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0 && len < size) throw new Error(`no line end in its last ${len} bytes`);
    const tornBytes = Buffer.byteLength(text.slice(lastNewline + 1));
    // No newline at all: the first line itself was torn, and nothing before it is complete.
    const complete = lastNewline < 0 ? '' : text.slice(0, lastNewline);
    const lastLine = complete.slice(complete.lastIndexOf('\n') + 1);
    await fd.close();
    if (tornBytes > 0) await truncate(file, size - tornBytes);
    if (!lastLine) return { head: { seq: 0, hash: GENESIS_HASH }, tornBytes };
    const last = JSON.parse(lastLine) as { seq: number; hash: string };
    return { head: { seq: last.seq, hash: last.hash }, tornBytes };
  } catch (err) {
    await fd.close().catch(() => undefined);
    throw new Error(
      `cannot continue the audit journal ${file}: its last entry is unreadable (${(err as Error).message})`,
      { cause: err },
    );
  }
}
