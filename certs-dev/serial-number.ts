// Certificate serial numbers: random, positive, and one canonical spelling (lowercase hex).
import { randomBytes } from 'node:crypto';

/**
 * A fresh random serial number: 16 bytes as lowercase hex. The first byte is kept in 0x10–0x7f, so
 * the DER INTEGER is positive, needs no leading zero byte and its hex has no leading zero — the
 * digits are then exactly Node's `X509Certificate.serialNumber` (which is upper case).
 *
 * @param rng Source of random bytes (injectable for reproducible material).
 * @example
 * randomSerial(); // '5c0f…' (32 hex digits)
 */
export function randomSerial(rng: (size: number) => Uint8Array = randomBytes): string {
  const bytes = Buffer.from(rng(16));
  bytes[0] = 0x10 + (bytes[0]! % 0x70);
  return bytes.toString('hex');
}

/**
 * The canonical spelling of a serial number as the directory stores it: lowercase hex without
 * leading zeros (zero itself stays `0`). Accepts Node's upper-case `serialNumber`, a `0x` prefix
 * and colon-separated forms, so serials compare as plain strings afterwards.
 *
 * @throws RangeError when `serial` is not hexadecimal.
 * @example
 * normaliseSerial(new X509Certificate(pem).serialNumber) === entry.serial;
 */
export function normaliseSerial(serial: string): string {
  const hex = serial.trim().replace(/^0x/i, '').replace(/:/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new RangeError(`not a hexadecimal serial number: ${serial}`);
  return hex.replace(/^0+(?=.)/, '');
}
