// Protocol test inputs: realistic messages of each type and the keys of the test PKI.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { certificateKid } from '../../certs-dev/index.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { expect } from 'chai';
import {
  FfxError,
  seal,
  verifyDirectory,
  type FfxCode,
  type TrustedDirectory,
} from '../../protocol/index.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

/** Keys of one member: private sig/enc keys and the kids of their certificates. */
export interface MemberKeys {
  sig: { key: KeyObject; kid: string };
  enc: { key: KeyObject; kid: string; publicKey: KeyObject };
}

/** The test PKI with parsed keys and the verified directory. */
export interface ProtocolWorld {
  pki: TestPki;
  directory: TrustedDirectory;
  keys(id: string): MemberKeys;
}

let world: Promise<ProtocolWorld> | undefined;

/** The run's protocol world (keys parsed once). */
export function protocolWorld(): Promise<ProtocolWorld> {
  world ??= (async () => {
    const pki = await testPki();
    const directory = await verifyDirectory(pki.directoryJws, {
      rootCaPem: pki.rootCaPem,
      now: new Date(),
    });
    const cache = new Map<string, MemberKeys>();
    return {
      pki,
      directory,
      keys(id: string) {
        if (!cache.has(id)) {
          const m = pki.members[id]!;
          cache.set(id, {
            sig: { key: createPrivateKey(m.sig.keyPem), kid: certificateKid(m.sig.certPem) },
            enc: {
              key: createPrivateKey(m.enc.keyPem),
              kid: certificateKid(m.enc.certPem),
              publicKey: createPublicKey(m.enc.certPem),
            },
          });
        }
        return cache.get(id)!;
      },
    };
  })();
  return world;
}

/** The bodies of each message type. */
export const BODIES = {
  'trace-request': STORY_BODIES.traceRequest,
  'trace-response': STORY_BODIES.traceResponse,
  'hit-notification': STORY_BODIES.hit,
} as const;

/** A schema-valid message of `type` from `from` to `to`, created `now`, valid for an hour. */
export function message(
  type: keyof typeof BODIES,
  from = 'AL',
  to = 'RS',
  now = new Date(),
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    v: 1,
    id: uuidv7({ msecs: now.getTime() }),
    type,
    from,
    to,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
    ...(type === 'trace-response' ? { inReplyTo: uuidv7() } : {}),
    handling: {
      code: 'H1',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      containsPersonalData: type === 'trace-request',
    },
    policy: { id: `${from}-sharing`, version: 1, decisionHash: 'A'.repeat(43) },
    body: structuredClone(BODIES[type]),
    ...over,
  };
}

/** Seals `m` with `from`'s signing key for `to`'s encryption key. */
export async function sealFor(
  w: ProtocolWorld,
  m: Record<string, unknown>,
  signer = String(m.from),
  recipient = String(m.to),
): Promise<string> {
  const s = w.keys(signer);
  const r = w.keys(recipient);
  return seal({
    message: m,
    signingKey: s.sig.key,
    signingKid: s.sig.kid,
    recipientKey: r.enc.publicKey,
    recipientKid: r.enc.kid,
  });
}

/** What the receiver `self` passes to `open`. */
export function openOptions(w: ProtocolWorld, self = 'RS', now = new Date()) {
  const k = w.keys(self);
  return {
    self,
    decryptionKeys: [{ kid: k.enc.kid, key: k.enc.key }],
    directory: w.directory,
    now,
  };
}

/** Awaits `p` and asserts it was refused with exactly `code`; resolves to the error. */
export async function refusedWith(p: Promise<unknown>, code: FfxCode): Promise<FfxError> {
  try {
    await p;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(FfxError);
    expect((err as FfxError).code, (err as Error).message).to.equal(code);
    return err as FfxError;
  }
  throw new Error(`accepted, but ${code} was expected`);
}
