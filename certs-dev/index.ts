// The dev PKI library: what the CLI, the demo and the tests use to make keys, certificates and directories.
export { buildDirectory, type BuildDirectoryOptions } from './build-directory.js';
export { certificateKid, certificateSerial } from './certificate-kid.js';
export { createRootCa, type CaMaterial, type RootCaOptions } from './create-root-ca.js';
export { createTokenIssuer, DEV_ISSUER } from './create-token-issuer.js';
export { DevPkiError, devPkiErrorCatalogue, type DevPkiErrorCode } from './dev-pki-error.js';
export { devPkiLayout } from './dev-pki-layout.js';
export { directoryCertificate } from './directory-certificate.js';
export { generateDevPki, type DevPkiOptions } from './generate-dev-pki.js';
export { generateRsaKeyPair, type PemKeyPair } from './generate-rsa-key-pair.js';
export {
  issueCertificate,
  type CertificateUse,
  type IssueInput,
  type Subject,
} from './issue-certificate.js';
export { loadDevFederation } from './load-dev-federation.js';
export { loadDevPki } from './load-dev-pki.js';
export { normaliseSerial, randomSerial } from './serial-number.js';
export { DIRECTORY_TYP, signDirectory } from './sign-directory.js';
export type * from './types.js';
