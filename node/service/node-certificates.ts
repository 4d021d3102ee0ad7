// The node's own certificates (sig, enc, tls) with their expiry and whether the directory lists them.
import { X509Certificate } from 'node:crypto';
import { digestOf } from '../../protocol/index.js';
import type { TrustStore } from '../pki/trust-store.js';
import { certificateState } from './certificate-state.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the node's certificates are read from. */
export type NodeCertificateDeps = {
  trust: Pick<TrustStore, 'nodeId' | 'directory' | 'sig' | 'enc' | 'tls'>;
  now: () => Date;
};

/**
 * The certificates this node signs, decrypts and connects with, as of now: subject, serial,
 * validity (flagged within 30 days of expiry), revoked or not, and whether the directory in force
 * lists each for this node (a certificate the directory does not list is refused by every peer).
 */
export function nodeCertificates(deps: NodeCertificateDeps): Schemas['NodeCertificates'] {
  const { trust } = deps;
  const now = deps.now();
  const directory = trust.directory;
  const held: Array<{ use: 'sig' | 'enc' | 'tls'; cert: X509Certificate }> = [
    { use: 'sig', cert: trust.sig.cert },
    ...trust.enc.map((e) => ({ use: 'enc' as const, cert: e.cert })),
    { use: 'tls', cert: new X509Certificate(trust.tls.certPem) },
  ];
  const certificates = held.map(({ use, cert }) => {
    const kid = digestOf(cert.raw);
    const serial = cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
    const listed = directory.certificateByKid(kid);
    return {
      ...certificateState(
        {
          use,
          kid,
          serial,
          notBefore: new Date(cert.validFrom).toISOString(),
          notAfter: new Date(cert.validTo).toISOString(),
          subject: cert.subject.replace(/\n/g, ', '),
        },
        directory.isRevoked(serial),
        now,
      ),
      listed: !!listed && listed.memberId === trust.nodeId && listed.use === use,
    };
  });
  return { nodeId: trust.nodeId, certificates };
}
