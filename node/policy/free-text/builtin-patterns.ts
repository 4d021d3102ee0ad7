// The detector's built-in patterns of personal data: documents, phones, e-mail, IBANs, vehicle plates.
import type { FreeTextKind } from '../types.js';

/** One built-in pattern: the kind it finds, where it applies, and the expression (global, Unicode). */
export interface BuiltInPattern {
  kind: FreeTextKind;
  description: string;
  regex: RegExp;
  /** The capture group that is the personal data (default: the whole match). */
  group?: number;
  /** A character the text must hold for the pattern to be tried at all (default: a digit). */
  needs?: string;
  /** Finds the spans itself instead of `regex` (where an expression alone would be slow). */
  find?: (text: string) => Array<{ start: number; end: number }>;
  /** A further check of the matched text (an IBAN's checksum). */
  check?: (text: string) => boolean;
}

// ASCII boundaries and no Unicode flag: several times faster, and the data is ASCII.
const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';
const re = (src: string, flags = 'g') => new RegExp(src, flags);

/** Vehicle plate formats by country (the region, Romania and Germany), as expressions. */
export const PLATE_FORMATS: Record<string, string> = {
  // AA 123 BB
  AL: '[A-Z]{2} ?\\d{3} ?[A-Z]{2}',
  // A12-B-345
  BA: '[AEJKMOT]\\d{2}-[AEJKMOT]-\\d{3}',
  // PG AB 123
  ME: '[A-ZŠŽČĆĐ]{2} ?[A-Z]{2} ?\\d{3}',
  // SK 1234 AB, BG 123-AB, ZG 1234-AB
  'MK, RS, HR': '[A-ZŠŽČĆĐ]{2}[ -]?\\d{3,5}[ -]?[A-ZŠŽČĆĐ]{1,2}',
  // 01-123-AB
  XK: '\\d{2}[ -]\\d{3}[ -][A-Z]{2}',
  // ABC 123
  MD: '[A-Z]{3} ?\\d{3}',
  // B 123 ABC, CJ 12 ABC
  RO: '(?:B ?\\d{2,3}|[A-Z]{2} ?\\d{2}) ?[A-Z]{3}',
  // M-AB 1234
  DE: '[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\\d{1,4}[EH]?',
};

const DOCUMENT_WORDS = [
  'passport',
  'passport no',
  'pasaport[eë]?[s]?',
  'pasaporta',
  'paso[sš]',
  'пасош',
  'pa[sș]aport(?:ul)?',
  'id card',
  'identity card',
  'id',
  'id no',
  'let[eë]rnjoftim[a-zë]*',
  'li[cč]n[ae] kart[ae]',
  'лична карта',
  'osobn[ae] iskaznic[ae]',
  'buletin(?:ul)? de identitate',
  'carte de identitate',
  'jmbg',
  'јмбг',
  'embg',
  'ембг',
  'idnp',
  'personal (?:no|number)',
  'nr\\.? personal',
  'numri personal',
  'numër personal',
  'driving licen[cs]e',
  'driver.s licen[cs]e',
  'voza[cč]ka dozvola',
  'возачка дозвола',
  'patent[eë] shofer[a-zë]*',
  'permis de conducere',
];

/**
 * The documented list of built-in patterns (README, "Personal data in free text"). Vehicle
 * plates: Albania (AA 123 BB), Bosnia and Herzegovina (A12-B-345), Montenegro (PG AB 123),
 * North Macedonia, Serbia and Croatia (SK 1234 AB, BG 123-AB, ZG 1234-AB), Kosovo (01-123-AB),
 * Moldova (ABC 123), Romania (B 123 ABC, CJ 12 ABC), Germany (M-AB 1234). More patterns of any
 * kind come from the policy (`freeText.patterns`).
 */
export const BUILTIN_PATTERNS: BuiltInPattern[] = [
  {
    kind: 'document',
    description:
      'a number after a document word (passport, letërnjoftim, lična karta, JMBG, IDNP…)',
    regex: re(
      `${B}(?:${DOCUMENT_WORDS.join('|')})\\.?\\s*(?:no\\.?|nr\\.?|br\\.?|бр\\.?|number|numri|broj|број)?\\s*[:#]?\\s*((?:[A-Z]{1,3}[ -]?)?\\d[\\d -]{3,16}\\d[A-Z]?)${E}`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'document',
    description: 'a personal number of 13 digits (JMBG, EMBG, IDNP)',
    regex: re(`${B}\\d{13}${E}`),
  },
  {
    kind: 'document',
    description: 'an Albanian personal number (J12345678A)',
    regex: re(`${B}[A-T]\\d{8}[A-W]${E}`),
  },
  {
    kind: 'document',
    description: 'a passport-like number: one or two capitals and 6 to 8 digits (AB1234567)',
    regex: re(`${B}[A-Z]{1,2}\\d{6,8}${E}`),
  },
  {
    kind: 'email',
    description: 'an e-mail address',
    // Found from each @ outwards: an expression tried at every character is many times slower.
    regex: /@/g,
    needs: '@',
    find: emailsIn,
  },
  {
    kind: 'iban',
    description: 'an IBAN whose check digits are right (mod 97)',
    regex: re(`${B}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?${E}`),
    check: ibanValid,
  },
  {
    kind: 'phone',
    description: 'an international phone number (+381 64 123 4567, 00355 69 …)',
    regex: re(
      `(?<![\\w+])(?:\\+|00)\\d{2,3}[\\s./-]?(?:\\(0\\)[\\s./-]?)?\\d{1,4}(?:[\\s./-]?\\d{2,4}){1,4}(?!\\d)`,
    ),
  },
  {
    kind: 'phone',
    description: 'a national phone number (064 123 4567, 069/123-4567)',
    regex: re(`${B}0\\d{1,2}[\\s/-]?\\d{3}[\\s-]?\\d{3,4}(?!\\d)`),
  },
  {
    kind: 'plate',
    description: 'a vehicle plate of the region',
    // One expression for every country (one pass over the text); PLATE_FORMATS documents them.
    regex: re(`${B}(?:${Object.values(PLATE_FORMATS).join('|')})${E}`),
  },
];

/** Whether an IBAN (spaces allowed) has valid check digits (ISO 13616, mod 97 = 1). */
export function ibanValid(text: string): boolean {
  const s = text.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const r = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of r) {
    const c = ch.charCodeAt(0);
    const v = c >= 65 ? String(c - 55) : ch;
    for (const d of v) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** E-mail addresses: around each @, the longest local part before and a domain after. */
export function emailsIn(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    const domain = DOMAIN.exec(text.slice(at + 1, at + 256));
    if (start < at && domain) out.push({ start, end: at + 1 + domain[0].length });
  }
  return out;
}
