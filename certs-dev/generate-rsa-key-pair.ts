// RSA key pairs from Node's native generator (orders of magnitude faster than forge's own).
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

/** An RSA key pair as PEM: PKCS#8 private key, SPKI public key. */
export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * Generates an RSA key pair (e = 65537) on the libuv thread pool, so several run in parallel.
 *
 * @param bits Modulus length: 2048 at least; the federation default is 3072, tests use 2048.
 * @throws RangeError for fewer than 2048 or more than 8192 bits.
 * @example const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair(3072);
 */
export async function generateRsaKeyPair(bits = 3072): Promise<PemKeyPair> {
  if (!Number.isInteger(bits) || bits < 2048 || bits > 8192) {
    throw new RangeError(`RSA key size must be an integer from 2048 to 8192 bits, not ${bits}`);
  }
  const { privateKey, publicKey } = await generate('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
