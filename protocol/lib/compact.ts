// Strict parsing of compact JOSE serialisations and their protected headers, before any key is used.
import { FfxError } from '../errors.js';

const B64URL = /^[A-Za-z0-9_-]*$/;

/** The protected header of a compact JWS or JWE, parsed but not trusted. */
export type ProtectedHeader = Record<string, unknown>;

/**
 * Splits a compact serialisation into `parts` base64url segments; anything else is FFX-MALFORMED.
 * `what` names the object in error messages ("envelope", "signed message", "receipt").
 */
export function splitCompact(text: string, parts: 3 | 5, what: string): string[] {
  const segments = text.split('.');
  if (segments.length !== parts) {
    throw new FfxError(
      'FFX-MALFORMED',
      `${what} is not a compact ${parts === 5 ? 'JWE' : 'JWS'}: ${segments.length} dot-separated parts instead of ${parts}`,
    );
  }
  segments.forEach((s, i) => {
    if (!B64URL.test(s)) {
      throw new FfxError('FFX-MALFORMED', `${what} part ${i + 1} is not base64url`);
    }
  });
  return segments;
}

/** Decodes and parses a protected header segment: a JSON object or FFX-MALFORMED. */
export function parseHeader(segment: string, what: string): ProtectedHeader {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new FfxError('FFX-MALFORMED', `${what} protected header is not JSON`);
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) {
    throw new FfxError('FFX-MALFORMED', `${what} protected header is not a JSON object`);
  }
  return header as ProtectedHeader;
}

/** Requires `header[name]` to be a non-empty string of at most 200 characters. */
export function headerString(header: ProtectedHeader, name: string, what: string): string {
  const v = header[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) {
    throw new FfxError('FFX-MALFORMED', `${what} protected header lacks a string "${name}"`);
  }
  return v;
}

/**
 * Refuses a protected header with any field outside `allowed` (FFX-MALFORMED): the profile's
 * headers are closed, so a field a receiver does not know cannot change what it verifies.
 */
export function onlyFields(
  header: ProtectedHeader,
  allowed: readonly string[],
  what: string,
): void {
  const extra = Object.keys(header).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    throw new FfxError(
      'FFX-MALFORMED',
      `${what} protected header carries ${extra.map((k) => JSON.stringify(k)).join(', ')}, which the profile does not define`,
    );
  }
}

/** Refuses any algorithm but `expected` (and any `crit`/`zip`/`jku`/`jwk`/`x5u`), before keys are touched. */
export function pinAlgorithm(
  header: ProtectedHeader,
  name: 'alg' | 'enc',
  expected: string,
  what: string,
): void {
  const got = header[name];
  if (got !== expected) {
    throw new FfxError(
      'FFX-ALG',
      `${what} uses ${name} ${JSON.stringify(got ?? null)}; the profile allows only ${expected}`,
    );
  }
  for (const forbidden of ['crit', 'zip', 'jku', 'jwk', 'x5u', 'b64']) {
    if (forbidden in header) {
      throw new FfxError(
        'FFX-ALG',
        `${what} protected header carries "${forbidden}", which the profile forbids`,
      );
    }
  }
}
