// The evidence bundle of one sent message: journal entries up to a signed checkpoint, receipts, directory, policy.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { canonicalJson } from '../lib/canonical-json.js';
import type { components } from '../../generated/openapi.js';

/** The bundle's format (schemas/local-api.schema.json#/$defs/EvidenceBundle). */
export type EvidenceBundle = components['schemas']['EvidenceBundle'];

/** A journal entry as read back from the file. */
type Entry = Record<string, unknown>;

/** base64url SHA-256 of the canonical JSON of a policy document: the policy version's hash. */
export function policyDocumentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('base64url');
}

/** Why a bundle cannot be built (no such message in the journal, no checkpoint yet, …). */
export class BundleError extends Error {
  constructor(
    readonly reason: 'unknown-message' | 'not-covered' | 'no-policy',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The consecutive journal entries from the first entry about `messageId` to the first signed
 * checkpoint at or after its last one: with the checkpoint they can be hash-chained and the
 * signature checked without the rest of the journal. Entries of other messages in between are
 * included (the journal holds ids, codes and digests, no contents). Throws a BundleError when the
 * message has no entry, or no signed checkpoint follows its last entry yet.
 */
export async function messageEntries(file: string, messageId: string): Promise<Entry[]> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  const kept: Entry[] = [];
  let lastOwn = -1;
  for await (const text of lines) {
    let e: Entry;
    try {
      e = JSON.parse(text) as Entry;
    } catch {
      // A torn line: the journal's own verification reports it; the bundle stops before it.
      break;
    }
    const own = e.messageId === messageId;
    if (kept.length === 0 && !own) continue;
    kept.push(e);
    if (own) lastOwn = kept.length - 1;
    else if (e.type === 'checkpoint' && typeof e.jws === 'string' && lastOwn >= 0) {
      lines.close();
      return kept;
    }
  }
  if (lastOwn < 0)
    throw new BundleError('unknown-message', `the journal has no entry about message ${messageId}`);
  throw new BundleError(
    'not-covered',
    `no signed checkpoint follows the last journal entry about message ${messageId} yet`,
  );
}

/** What a bundle is built from besides the journal file. */
export interface BundleSources {
  nodeId: string;
  messageId: string;
  /** The signed receipts of the message as the store keeps them. */
  receipts: string[];
  directoryJws: string;
  rootCaPem: string;
  /** The policy version recorded for the message's decision, by version number. */
  policyDocument: (version: number) => Promise<{ id: string; document: unknown } | null>;
  now: Date;
}

/**
 * Builds the evidence bundle of a sent message from the journal file and what the node keeps.
 *
 * @example const bundle = await buildEvidenceBundle(journal.file, { nodeId: 'AL', messageId, … });
 */
export async function buildEvidenceBundle(file: string, s: BundleSources): Promise<EvidenceBundle> {
  const entries = await messageEntries(file, s.messageId);
  const decision = entries.find(
    (e) => e.type === 'decision' && e.messageId === s.messageId && e.direction === 'outbound',
  );
  const stamp = decision?.policy as { id?: string; version?: number } | undefined;
  if (typeof stamp?.version !== 'number')
    throw new BundleError(
      'no-policy',
      `the journal records no outbound policy decision for message ${s.messageId}`,
    );
  const policy = await s.policyDocument(stamp.version);
  if (!policy)
    throw new BundleError(
      'no-policy',
      `policy version ${stamp.version} of message ${s.messageId} is no longer in the policy store`,
    );
  return {
    format: 'ffx-evidence-bundle',
    version: 1,
    nodeId: s.nodeId,
    messageId: s.messageId,
    createdAt: s.now.toISOString(),
    journal: { entries },
    receipts: s.receipts,
    directory: s.directoryJws.trim(),
    rootCa: s.rootCaPem,
    policy: {
      id: policy.id,
      version: stamp.version,
      documentHash: policyDocumentHash(policy.document),
      document: policy.document as Record<string, unknown>,
    },
  };
}
