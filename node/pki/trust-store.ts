// The node's key material and the verified federation directory, refreshed on a schedule.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import {
  FfxError,
  digestOf,
  verifyDirectory,
  type TrustedDirectory,
} from '../../protocol/index.js';

/** Where the node's keys and the directory come from (resolved, absolute paths). */
export interface TrustSources {
  nodeId: string;
  rootCa: string;
  directory: { source: string; refreshSeconds: number; graceSeconds: number };
  sig: { key: string; cert: string };
  enc: Array<{ key: string; cert: string }>;
  tls: { key: string; cert: string };
}

/** A private key with the thumbprint (`kid`) of its certificate. */
export interface KeyWithKid {
  key: KeyObject;
  kid: string;
  cert: X509Certificate;
}

/**
 * Holds what the node trusts and signs with. Keys are parsed once at start; the directory is
 * verified at start and again on every refresh, and replaced only by a directory that verifies
 * and whose sequence is not older (a stale or rolled-back directory is never installed).
 * Emits `'directory'` after a new directory is installed and `'refresh-error'` when a refresh fails.
 */
export class TrustStore extends EventEmitter {
  readonly nodeId: string;
  readonly rootCaPem: string;
  readonly sig: KeyWithKid;
  readonly enc: KeyWithKid[];
  readonly tls: { keyPem: string; certPem: string };
  readonly #sources: TrustSources;
  readonly #now: () => Date;
  #directory: TrustedDirectory;
  #timer: NodeJS.Timeout | undefined;

  private constructor(
    sources: TrustSources,
    material: {
      rootCaPem: string;
      sig: KeyWithKid;
      enc: KeyWithKid[];
      tls: { keyPem: string; certPem: string };
      directory: TrustedDirectory;
    },
    now: () => Date,
  ) {
    super();
    this.nodeId = sources.nodeId;
    this.#sources = sources;
    this.rootCaPem = material.rootCaPem;
    this.sig = material.sig;
    this.enc = material.enc;
    this.tls = material.tls;
    this.#directory = material.directory;
    this.#now = now;
  }

  /** Reads keys and certificates, verifies the directory and checks that it lists this node. */
  static async load(
    sources: TrustSources,
    now: () => Date = () => new Date(),
  ): Promise<TrustStore> {
    const rootCaPem = await readFile(sources.rootCa, 'utf8');
    const readPair = async (p: { key: string; cert: string }): Promise<KeyWithKid> => {
      const cert = new X509Certificate(await readFile(p.cert));
      const key = createPrivateKey(await readFile(p.key));
      return { key, cert, kid: digestOf(cert.raw) };
    };
    const sig = await readPair(sources.sig);
    const enc = await Promise.all(sources.enc.map(readPair));
    const tls = {
      keyPem: await readFile(sources.tls.key, 'utf8'),
      certPem: await readFile(sources.tls.cert, 'utf8'),
    };
    const directory = await fetchAndVerify(sources, rootCaPem, now());
    const store = new TrustStore(sources, { rootCaPem, sig, enc, tls, directory }, now);
    store.#assertListed(directory);
    return store;
  }

  /** The directory in force. */
  get directory(): TrustedDirectory {
    return this.#directory;
  }

  /**
   * Fetches and verifies the directory again; installs it when it verifies and is not older than
   * the one in force. Resolves to whether a new directory was installed; never throws (a failed
   * refresh keeps the current directory and emits `'refresh-error'`).
   */
  async refresh(): Promise<boolean> {
    try {
      const next = await fetchAndVerify(this.#sources, this.rootCaPem, this.#now());
      if (next.payload.sequence < this.#directory.payload.sequence) {
        throw new Error(
          `directory sequence ${next.payload.sequence} is older than the one in force (${this.#directory.payload.sequence})`,
        );
      }
      if (next.payload.sequence === this.#directory.payload.sequence) return false;
      this.#assertListed(next);
      this.#directory = next;
      this.emit('directory', next);
      return true;
    } catch (err) {
      this.emit('refresh-error', err);
      return false;
    }
  }

  /** Starts the refresh schedule. */
  start(): void {
    this.stop();
    this.#timer = setInterval(
      () => void this.refresh(),
      this.#sources.directory.refreshSeconds * 1000,
    );
    this.#timer.unref();
  }

  /** Stops the refresh schedule. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Throws FFX-DIRECTORY-STALE when the directory is past nextUpdate + grace: the node must not send. */
  assertCanSend(): void {
    const now = this.#now();
    if (this.#directory.isStale(now)) {
      throw new FfxError(
        'FFX-DIRECTORY-STALE',
        `federation directory sequence ${this.#directory.payload.sequence} expired (nextUpdate ${this.#directory.payload.nextUpdate} plus grace); refusing to send until a fresh one is loaded`,
      );
    }
  }

  #assertListed(directory: TrustedDirectory): void {
    if (!directory.member(this.nodeId)) {
      throw new Error(`the federation directory does not list this node (${this.nodeId})`);
    }
  }
}

async function fetchAndVerify(
  sources: TrustSources,
  rootCaPem: string,
  now: Date,
): Promise<TrustedDirectory> {
  const src = sources.directory.source;
  let jws: string;
  if (/^https:\/\//.test(src)) {
    const res = await fetch(src, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`fetching the directory from ${src} answered HTTP ${res.status}`);
    jws = (await res.text()).trim();
  } else {
    jws = (await readFile(src, 'utf8')).trim();
  }
  return verifyDirectory(jws, { rootCaPem, now, graceSeconds: sources.directory.graceSeconds });
}

/** Parses a PEM certificate (convenience for callers holding PEM text). */
export function parseCertificate(pem: string | Buffer): X509Certificate {
  return new X509Certificate(pem);
}
