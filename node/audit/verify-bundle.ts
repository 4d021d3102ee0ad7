// Verifies an evidence bundle offline: directory, journal chain, checkpoint, receipts, policy hash.
import { compactVerify, decodeProtectedHeader } from 'jose';
import { digestOf, verifyDirectory } from '../../protocol/index.js';
import { compileSchema } from '../../protocol/validate.js';
import localApi from '../../schemas/local-api.schema.json' with { type: 'json' };
import type { TrustedDirectory } from '../../protocol/trusted-directory.js';
import { CHECKPOINT_TYP, entryHash } from './entry-hash.js';
import { policyDocumentHash, type EvidenceBundle } from './evidence-bundle.js';

/** One check of a bundle: its name, whether it holds, and the facts or the failure in words. */
export interface BundleCheck {
  check: 'format' | 'directory' | 'journal-chain' | 'checkpoint' | 'receipt' | 'policy';
  ok: boolean;
  detail: string;
}

/** What the bundle proves when every check holds. */
export interface BundleFacts {
  messageId: string;
  from: string;
  to: string;
  type: string;
  submittedAt: string;
  officer: string;
  purpose: string;
  legalBasis?: string;
  policy: { id: string; version: number; documentHash: string };
  receipt?: { status: string; receivedAt: string };
}

/** The outcome: ok only when every check holds; `statement` answers the auditor's question. */
export interface BundleVerification {
  ok: boolean;
  trustAnchor: string;
  checks: BundleCheck[];
  facts?: BundleFacts;
  statement?: string;
}

type Entry = Record<string, unknown>;

const bundleShape = compileSchema({ $ref: `${localApi.$id}#/$defs/EvidenceBundle` });

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Verifies an evidence bundle without a node, Redis or network: (1) the federation directory's
 * signature chains to the trust anchor — `rootCaPem` when the operator gives one, otherwise the
 * root CA carried in the bundle (which proves only consistency, and is said so); (2) the journal
 * entries hash-chain one to the next, each hash recomputes, and they end in a checkpoint; (3) that
 * checkpoint's JWS verifies with a sig certificate the directory lists for the node and signs
 * exactly that position of the chain; (4) each receipt is signed with a sig certificate of the
 * recipient, names this message and both parties, its own digest is the one the journal's
 * `delivered` entry records and the envelope digest it confirms is the one the `submitted` entry
 * records; (5) the policy document hashes to the bundle's policy hash and its id and version are
 * the journal's decision. Certificates are checked at the time they were used (submission and
 * checkpoint time), not today. Every failing check is named with its reason.
 *
 * @example const r = await verifyEvidenceBundle(JSON.parse(text), { rootCaPem });
 */
export async function verifyEvidenceBundle(
  input: unknown,
  o: { rootCaPem?: string; rootSource?: string } = {},
): Promise<BundleVerification> {
  const checks: BundleCheck[] = [];
  const add = (check: BundleCheck['check'], ok: boolean, detail: string) =>
    checks.push({ check, ok, detail });
  const shape = bundleShape(input);
  const trustAnchor = o.rootCaPem
    ? `the root CA given by the operator (${o.rootSource ?? '--root'})`
    : 'the root CA inside the bundle (no --root given: this shows the bundle is consistent, not that its root is the federation root)';
  if (!shape.valid) {
    add(
      'format',
      false,
      `not an evidence bundle of version 1: ${shape.errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`,
    );
    return { ok: false, trustAnchor, checks };
  }
  const b = input as EvidenceBundle;
  add('format', true, `evidence bundle version ${b.version} of message ${b.messageId}`);
  const entries = b.journal.entries as Entry[];
  const own = (type: string) => entries.find((e) => e.type === type && e.messageId === b.messageId);
  const submitted = own('submitted');
  const decision = entries.find(
    (e) => e.type === 'decision' && e.messageId === b.messageId && e.direction === 'outbound',
  );
  const delivered = entries.filter((e) => e.type === 'delivered' && e.messageId === b.messageId);
  const checkpoint = entries.at(-1);
  const usedAt = new Date(str(submitted?.at) || str(checkpoint?.at) || b.createdAt);

  // 1. The directory, at the time the message was sent.
  let directory: TrustedDirectory | undefined;
  try {
    directory = await verifyDirectory(b.directory, {
      rootCaPem: o.rootCaPem ?? b.rootCa,
      now: usedAt,
    });
    add(
      'directory',
      true,
      `federation directory ${directory.payload.sequence} is signed by an operator certificate of ${trustAnchor}`,
    );
  } catch (err) {
    add('directory', false, `federation directory: ${(err as Error).message}`);
  }

  // 2. The hash chain of the entries.
  let chainOk = entries.length > 0;
  let chainDetail = entries.length === 0 ? 'the bundle holds no journal entries' : '';
  for (let i = 0; i < entries.length && chainOk; i++) {
    const e = entries[i]!;
    const prev = entries[i - 1];
    if (e.hash !== entryHash(e)) {
      chainOk = false;
      chainDetail = `entry seq ${String(e.seq)} (${str(e.type)}): hash mismatch, the entry was edited`;
    } else if (prev && (e.seq !== (prev.seq as number) + 1 || e.prev !== prev.hash)) {
      chainOk = false;
      chainDetail = `entry seq ${String(e.seq)} does not follow seq ${String(prev.seq)}: an entry was removed, inserted or reordered`;
    }
  }
  if (chainOk && checkpoint?.type !== 'checkpoint') {
    chainOk = false;
    chainDetail = 'the entries do not end in a signed checkpoint';
  }
  if (chainOk && !submitted) {
    chainOk = false;
    chainDetail = `no submitted entry about message ${b.messageId}`;
  }
  add(
    'journal-chain',
    chainOk,
    chainOk
      ? `${entries.length} entries, seq ${String(entries[0]!.seq)} to ${String(checkpoint!.seq)}, chain intact`
      : chainDetail,
  );

  // 3. The checkpoint's signature by the node.
  if (!directory || checkpoint?.type !== 'checkpoint') {
    add(
      'checkpoint',
      false,
      !directory
        ? 'not checked: the directory that lists the node signing certificate did not verify'
        : 'the entries do not end in a checkpoint',
    );
  } else {
    add('checkpoint', ...(await checkpointCheck(checkpoint, b.nodeId, directory)));
  }

  // 4. The receipts.
  if (b.receipts.length === 0) add('receipt', false, 'the bundle holds no signed receipt');
  const receipts: Array<{ status: string; receivedAt: string }> = [];
  for (const [i, jws] of b.receipts.entries()) {
    const r = await receiptCheck(jws, i, b, directory, submitted, delivered);
    add('receipt', r.ok, r.detail);
    if (r.receipt) receipts.push(r.receipt);
  }

  // 5. The policy version.
  const stamp = decision?.policy as { id?: string; version?: number } | undefined;
  const hash = policyDocumentHash(b.policy.document);
  if (hash !== b.policy.documentHash)
    add(
      'policy',
      false,
      `policy document hashes to ${hash}, not to the bundle's policy hash ${b.policy.documentHash}`,
    );
  else if (!stamp || stamp.id !== b.policy.id || stamp.version !== b.policy.version)
    add(
      'policy',
      false,
      `the journal's decision was under policy ${String(stamp?.id)} version ${String(stamp?.version)}, the bundle holds ${b.policy.id} version ${b.policy.version}`,
    );
  else if (
    typeof (stamp as { documentHash?: unknown }).documentHash === 'string' &&
    (stamp as { documentHash: string }).documentHash !== hash
  )
    add(
      'policy',
      false,
      `the journal records policy hash ${(stamp as { documentHash: string }).documentHash}, the bundled document hashes to ${hash}`,
    );
  else
    add(
      'policy',
      true,
      `policy ${b.policy.id} version ${b.policy.version}, document hash ${hash}, as the journal's decision records`,
    );

  const ok = checks.every((c) => c.ok);
  if (!ok || !submitted) return { ok, trustAnchor, checks };
  const receipt = receipts.find((r) => r.status === 'accepted') ?? receipts[0];
  const facts: BundleFacts = {
    messageId: b.messageId,
    from: b.nodeId,
    to: str(submitted.to),
    type: str(submitted.messageType),
    submittedAt: str(submitted.at),
    officer: str((submitted.actor as { sub?: string } | undefined)?.sub),
    purpose: str(submitted.purpose),
    ...(submitted.legalBasis ? { legalBasis: str(submitted.legalBasis) } : {}),
    policy: { id: b.policy.id, version: b.policy.version, documentHash: hash },
    ...(receipt ? { receipt } : {}),
  };
  const statement =
    `Message ${facts.messageId} (${facts.type}) was sent by ${facts.from} to ${facts.to} on ` +
    `${facts.submittedAt.slice(0, 10)} at ${facts.submittedAt.slice(11, 19)} UTC by ${facts.officer} ` +
    `for ${facts.purpose}${facts.legalBasis ? ` (legal basis: ${facts.legalBasis})` : ''} under policy ` +
    `${facts.policy.id} version ${facts.policy.version} (hash ${hash}), and ${facts.to} ` +
    (receipt?.status === 'accepted'
      ? `received it on ${receipt.receivedAt.slice(0, 10)} at ${receipt.receivedAt.slice(11, 19)} UTC (signed receipt).`
      : `refused it on ${receipt!.receivedAt.slice(0, 10)} (signed negative receipt).`);
  return { ok, trustAnchor, checks, facts, statement };
}

async function checkpointCheck(
  e: Entry,
  nodeId: string,
  directory: TrustedDirectory,
): Promise<[boolean, string]> {
  const jws = str(e.jws);
  let kid: unknown;
  let typ: unknown;
  try {
    ({ kid, typ } = decodeProtectedHeader(jws));
  } catch {
    return [false, `checkpoint seq ${String(e.seq)}: its signature is not a JWS`];
  }
  if (typ !== CHECKPOINT_TYP) return [false, `checkpoint JWS typ must be ${CHECKPOINT_TYP}`];
  let cert;
  try {
    cert = directory.checkCertificate(str(kid), {
      memberId: nodeId,
      use: 'sig',
      now: new Date(str(e.at)),
    });
  } catch (err) {
    return [false, `checkpoint seq ${String(e.seq)}: ${(err as Error).message}`];
  }
  let payload: Record<string, unknown>;
  try {
    const v = await compactVerify(jws, cert.publicKey, { algorithms: ['PS256'] });
    payload = JSON.parse(Buffer.from(v.payload).toString('utf8')) as Record<string, unknown>;
  } catch {
    return [
      false,
      `checkpoint seq ${String(e.seq)}: signature does not verify with ${nodeId}'s certificate ${cert.serial}`,
    ];
  }
  if (payload.seq !== e.seq || payload.prev !== e.prev || payload.nodeId !== nodeId)
    return [false, `checkpoint seq ${String(e.seq)} signs another position of the chain or node`];
  return [
    true,
    `checkpoint seq ${String(e.seq)} of ${str(e.at)} signed by ${nodeId} with certificate ${cert.serial}`,
  ];
}

async function receiptCheck(
  jws: string,
  i: number,
  b: EvidenceBundle,
  directory: TrustedDirectory | undefined,
  submitted: Entry | undefined,
  delivered: Entry[],
): Promise<{ ok: boolean; detail: string; receipt?: { status: string; receivedAt: string } }> {
  const name = `receipt ${i + 1}`;
  const fail = (detail: string) => ({ ok: false, detail: `${name}: ${detail}` });
  const to = str(submitted?.to);
  if (!directory) return fail('not checked: the directory did not verify');
  let kid: unknown;
  try {
    ({ kid } = decodeProtectedHeader(jws));
  } catch {
    return fail('not a JWS');
  }
  let payload: Record<string, unknown>;
  let serial: string;
  try {
    const unverified = JSON.parse(
      Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const cert = directory.checkCertificate(str(kid), {
      memberId: to,
      use: 'sig',
      now: new Date(str(unverified.receivedAt) || str(submitted?.at)),
    });
    serial = cert.serial;
    const v = await compactVerify(jws, cert.publicKey, { algorithms: ['PS256'] });
    payload = JSON.parse(Buffer.from(v.payload).toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    const m = (err as Error).message;
    return fail(
      /signature/i.test(m) ||
        (err as { code?: string }).code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
        ? `signature does not verify with ${to}'s certificate`
        : m,
    );
  }
  if (payload.messageId !== b.messageId || payload.from !== to || payload.to !== b.nodeId)
    return fail(
      `is for message ${str(payload.messageId)} from ${str(payload.from)} to ${str(payload.to)}, not ${b.messageId} from ${to} to ${b.nodeId}`,
    );
  const own = digestOf(jws);
  if (!delivered.some((d) => d.receiptDigest === own) && payload.status === 'accepted')
    return fail(
      `its digest ${own} is not the receipt digest the journal's delivered entry records`,
    );
  if (payload.digest !== submitted?.digest)
    return fail(
      `confirms envelope digest ${str(payload.digest)}, the journal recorded ${str(submitted?.digest)} at submission`,
    );
  return {
    ok: true,
    detail: `${name}: ${str(payload.status)} by ${to} at ${str(payload.receivedAt)}, signed with certificate ${serial}, digest as journaled`,
    receipt: { status: str(payload.status), receivedAt: str(payload.receivedAt) },
  };
}
