// The validity of a certificate as of now, in the words and flags the console shows.
import type { components } from '../../generated/openapi.js';

type CertificateState = components['schemas']['CertificateState'];

/** A certificate expiring within this many days is flagged. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The state of one certificate at `now`: revoked, not yet valid, expired, expiring (within 30
 * days of notAfter) or valid, with the whole days left.
 *
 * @example
 * certificateState({ use: 'tls', kid, serial: '1f', notBefore, notAfter }, false, new Date());
 * // { …, daysLeft: 364, state: 'valid', expiringSoon: false }
 */
export function certificateState(
  c: {
    use: CertificateState['use'];
    kid: string;
    serial: string;
    notBefore: string;
    notAfter: string;
    subject?: string;
  },
  revoked: boolean,
  now: Date,
): CertificateState {
  const notBefore = new Date(c.notBefore);
  const notAfter = new Date(c.notAfter);
  const left = notAfter.getTime() - now.getTime();
  const daysLeft = Math.floor(left / DAY_MS);
  const expired = left <= 0;
  const expiringSoon = !expired && left <= EXPIRY_WARNING_DAYS * DAY_MS;
  const state: CertificateState['state'] = revoked
    ? 'revoked'
    : now < notBefore
      ? 'not-yet-valid'
      : expired
        ? 'expired'
        : expiringSoon
          ? 'expiring'
          : 'valid';
  return {
    use: c.use,
    kid: c.kid,
    serial: c.serial,
    ...(c.subject ? { subject: c.subject } : {}),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft,
    state,
    expiringSoon,
  };
}

/**
 * Warnings in words for one holder's certificates, per use: a use whose newest usable
 * certificate expires within 30 days (an older one expiring while a newer one is listed is a
 * rotation, not a warning), or a use with no usable certificate at all.
 */
export function certificateWarnings(
  holder: string,
  certificates: CertificateState[],
  uses: Array<CertificateState['use']> = ['sig', 'enc', 'tls'],
): string[] {
  const out: string[] = [];
  for (const use of uses) {
    const usable = certificates
      .filter((c) => c.use === use && (c.state === 'valid' || c.state === 'expiring'))
      .sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter));
    const newest = usable[0];
    if (!newest) {
      out.push(`${holder} has no valid ${use} certificate`);
    } else if (newest.expiringSoon) {
      out.push(
        `the ${use} certificate of ${holder} (serial ${newest.serial}) expires on ${newest.notAfter.slice(0, 10)}, in ${newest.daysLeft} days`,
      );
    }
  }
  return out;
}
