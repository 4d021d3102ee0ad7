// Finds calendar dates in folded text, in the formats people of the region write them.
import { MONTH_BY_NAME, ROMAN_MONTHS } from './month-names.js';

/** A date found in folded text: its span and the calendar dates it can mean. */
export interface FoundDate {
  start: number;
  end: number;
  /** Every reading as YYYY-MM-DD (a numeric date that is valid both day-first and month-first has two). */
  readings: string[];
  year: string;
}

// Folded text is lower-case ASCII for the region's scripts: ASCII classes, no Unicode flag (fast).
const B = '(?<![a-z0-9])';
const E = '(?![a-z0-9])';
// 1991-03-14; 14.03.1991, 14/03/1991, 14-03-1991, 14. 03. 1991.; 14 March 1991, 14. marta 1991,
// 14-mar-1991, 14th of March 1991; March 14, 1991; 14. III 1991. A month is any word that
// MONTH_BY_NAME or ROMAN_MONTHS knows.
const ISO = new RegExp(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, 'g');
const NUMERIC = new RegExp(`${B}(\\d{1,2})\\s?([./-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})${E}`, 'g');
const DAY_MONTH = new RegExp(
  `${B}(\\d{1,2})(?:\\.|st|nd|rd|th)?[\\s./-]*(?:of\\s+)?([a-z]+)\\.?[\\s,./-]*(\\d{4})${E}`,
  'g',
);
const MONTH_DAY = new RegExp(
  `${B}([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`,
  'g',
);

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthOf(word: string): number {
  const roman = ROMAN_MONTHS.indexOf(word);
  return roman >= 0 ? roman + 1 : (MONTH_BY_NAME.get(word) ?? 0);
}

/**
 * Every date in `folded` (text folded by fold-text.ts), with its readings. Day-first numeric
 * dates are read month-first too when that is also a valid date, so that a value is found in
 * either order. Spans never overlap: the first format to claim characters keeps them.
 *
 * @example findDates('born 14. marta 1991.')[0].readings // ['1991-03-14']
 */
export function findDates(folded: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken = (s: number, e: number) => out.some((d) => s < d.end && d.start < e);
  const add = (start: number, end: number, y: string, readings: Array<string | undefined>) => {
    const r = [...new Set(readings.filter((x): x is string => x !== undefined))];
    if (r.length > 0 && !taken(start, end)) out.push({ start, end, readings: r, year: y });
  };
  for (const m of folded.matchAll(ISO))
    add(m.index, m.index + m[0].length, m[1]!, [iso(+m[1]!, +m[2]!, +m[3]!)]);
  for (const m of folded.matchAll(NUMERIC)) {
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    add(m.index, m.index + m[0].length, m[4]!, [iso(y, b, a), iso(y, a, b)]);
  }
  for (const m of folded.matchAll(DAY_MONTH)) {
    const month = monthOf(m[2]!);
    if (month > 0) add(m.index, m.index + m[0].length, m[3]!, [iso(+m[3]!, month, +m[1]!)]);
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    const month = monthOf(m[1]!);
    if (month > 0) add(m.index, m.index + m[0].length, m[3]!, [iso(+m[3]!, month, +m[2]!)]);
  }
  return out.sort((a, b) => a.start - b.start);
}
