// Finds personal data in every free-text field of a body: the body's own personal values, and patterns.
import type { FreeTextKind, FreeTextSpan } from '../types.js';
import { BORN } from './born-words.js';
import { BUILTIN_PATTERNS, type BuiltInPattern } from './builtin-patterns.js';
import { walkBody } from './body-walk.js';
import { findDates, type FoundDate } from './find-dates.js';
import { fold, foldText, type FoldedText } from './fold-text.js';
import { valuesOfPerson, type PersonalValue } from './personal-values.js';

/** Extra patterns (from the policy) beside the built-in ones. */
export interface DetectorOptions {
  patterns?: Array<{ kind: FreeTextKind; regex: RegExp }>;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (folded: string): Word[] =>
  [...folded.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
const YEAR = /^(?:1[89]\d\d|20\d\d)(?!\d)/;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Whether only spaces, commas, dots or hyphens (at most three) separate two words. */
const adjacent = (text: string, a: Word, b: Word) =>
  b.start - a.end <= 3 && /^[\s,.-]*$/.test(text.slice(a.end, b.start));

/** A run of words to find: in order, or in any order. */
interface Run {
  k: number;
  want: string;
  first: Set<string>;
  anyOrder: boolean;
}

function run(tokens: string[], anyOrder: boolean): Run {
  return {
    k: tokens.length,
    want: anyOrder ? [...tokens].sort().join(' ') : tokens.join(' '),
    first: new Set(anyOrder ? tokens : tokens.slice(0, 1)),
    anyOrder,
  };
}

/** Spans of a run of adjacent words in `ws`. */
function runsOf(text: string, ws: Word[], r: Run): Array<[number, number]> {
  const { k, want, first, anyOrder } = r;
  if (k === 0) return [];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + k <= ws.length; i++) {
    // Cheap test first: most words of a text are not part of the value.
    if (!first.has(ws[i]!.w)) continue;
    let ok = true;
    for (let j = i + 1; j < i + k && ok; j++) ok = adjacent(text, ws[j - 1]!, ws[j]!);
    if (!ok) continue;
    const got = ws.slice(i, i + k).map((x) => x.w);
    if ((anyOrder ? got.sort() : got).join(' ') === want)
      out.push([ws[i]!.start, ws[i + k - 1]!.end]);
  }
  return out;
}

/** A value's characters in order, each followed by optional separators (AB 123-456 finds AB123456). */
function compactRegex(value: string): RegExp | undefined {
  const chars = [...fold(value).replace(/[^\p{L}\p{N}]/gu, '')];
  if (chars.length < 4) return undefined;
  return new RegExp(
    `${B}${chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s./-]?')}${E}`,
    'gu',
  );
}

/** A personal value prepared once for every text: its folded form, word runs or compact expression. */
interface Needle extends PersonalValue {
  folded: string;
  runs: Run[];
  /** Single words of a longer name, each found on its own. */
  parts: Set<string>;
  regex?: RegExp;
}

const prepared = new Map<string, Omit<Needle, keyof PersonalValue>>();

/** A value prepared for matching; the same value in the next decision is prepared once (bounded cache). */
function needle(v: PersonalValue): Needle {
  const key = `${v.kind}\u0000${v.value}`;
  let p = prepared.get(key);
  if (!p) {
    p = prepare(v);
    if (prepared.size >= 2000) prepared.clear();
    prepared.set(key, p);
  }
  return { ...v, ...p };
}

function prepare(v: PersonalValue): Omit<Needle, keyof PersonalValue> {
  const folded = fold(v.value);
  const tokens = words(folded).map((x) => x.w);
  const runs: Run[] = [];
  const parts = new Set<string>();
  if (v.kind === 'name') {
    runs.push(run(tokens, true));
    // Each part of a longer name on its own too ("Krasniqi was seen…"), when long enough to mean it.
    if (tokens.length > 1)
      for (const t of tokens) if (t.length >= 3 && /^\p{L}+$/u.test(t)) parts.add(t);
  } else if (v.kind === 'address' || v.kind === 'place-of-birth') {
    runs.push(run(tokens, false));
    // A street without its house number ("Rruga e Kavajës" for "Rruga e Kavajës 112").
    let n = tokens.length;
    while (n > 0 && /^\d+\p{L}?$/u.test(tokens[n - 1]!)) n--;
    if (n >= 2 && n < tokens.length) runs.push(run(tokens.slice(0, n), false));
  }
  const regex = v.kind === 'document' || v.kind === 'phone' ? compactRegex(v.value) : undefined;
  return { folded, runs, parts, ...(regex ? { regex } : {}) };
}

/** Where the value appears in one folded text (folded offsets). */
function valueSpans(
  v: Needle,
  f: FoldedText,
  ws: Word[],
  dates: FoundDate[],
): Array<[number, number]> {
  const text = f.text;
  switch (v.kind) {
    case 'name':
    case 'address':
    case 'place-of-birth': {
      const spans = v.runs.flatMap((r) => runsOf(text, ws, r));
      if (v.parts.size > 0) for (const w of ws) if (v.parts.has(w.w)) spans.push([w.start, w.end]);
      return spans;
    }
    case 'date-of-birth':
      return /^\d{4}-\d{2}-\d{2}$/.test(v.value)
        ? dates.filter((d) => d.readings.includes(v.value)).map((d) => [d.start, d.end])
        : [];
    case 'email': {
      const n = v.folded;
      const spans: Array<[number, number]> = [];
      for (let i = text.indexOf(n); i >= 0 && n; i = text.indexOf(n, i + 1))
        spans.push([i, i + n.length]);
      return spans;
    }
    default:
      return v.regex
        ? [...text.matchAll(v.regex)].map((m) => [m.index, m.index + m[0].length])
        : [];
  }
}

/** The original span of a folded span. */
function original(f: FoldedText, source: string, start: number, end: number) {
  const s = f.origin[start]!;
  let e = f.origin[end - 1]! + 1;
  const c = source.charCodeAt(e - 1);
  if (c >= 0xd800 && c <= 0xdbff) e++;
  return { start: s, end: e };
}

/** Personal data in one text (the free-text field at `pointer`). */
function findIn(
  pointer: string,
  text: string,
  values: Needle[],
  options: DetectorOptions,
): FreeTextSpan[] {
  const f = foldText(text);
  const ws = words(f.text);
  // Every date format holds a four-digit year: most texts hold none and skip the date formats.
  const dates = /\d{4}/.test(text) ? findDates(f.text) : [];
  const out: FreeTextSpan[] = [];
  for (const v of values)
    for (const [s, e] of valueSpans(v, f, ws, dates))
      out.push({
        pointer,
        span: original(f, text, s, e),
        kind: v.kind,
        source: 'value',
        matches: v.pointer,
      });
  // A date, or a year, right after a born word.
  for (const m of f.text.matchAll(BORN)) {
    const at = m.index + m[0].length;
    const d = dates.find((x) => x.start >= at && x.start <= at + 2);
    if (d)
      out.push({
        pointer,
        span: original(f, text, d.start, d.end),
        kind: 'date-of-birth',
        source: 'pattern',
      });
    else {
      const y = YEAR.exec(f.text.slice(at));
      if (y)
        out.push({
          pointer,
          span: original(f, text, at, at + 4),
          kind: 'date-of-birth',
          source: 'pattern',
        });
    }
  }
  const dateSpans = dates.map((d) => original(f, text, d.start, d.end));
  const patterns: Array<
    Pick<BuiltInPattern, 'kind' | 'regex' | 'group' | 'check' | 'needs' | 'find'>
  > = [
    ...BUILTIN_PATTERNS,
    // The policy's own patterns are always tried (they need not hold a digit).
    ...(options.patterns ?? []).map((p) => ({ ...p, needs: '' })),
  ];
  const hasDigit = /\d/.test(text);
  for (const p of patterns) {
    const { group, check } = p;
    if (p.needs !== undefined ? !text.includes(p.needs) : !hasDigit) continue;
    if (p.find) {
      for (const span of p.find(text)) out.push({ pointer, span, kind: p.kind, source: 'pattern' });
      continue;
    }
    for (const m of text.matchAll(p.regex)) {
      const hit = group ? m[group] : m[0];
      if (!hit) continue;
      const start = m.index + (group ? m[0].lastIndexOf(hit) : 0);
      const span = { start, end: start + hit.length };
      if (span.end === span.start || (check && !check(hit))) continue;
      // A date is not a phone or a document number.
      if (dateSpans.some((d) => d.start < span.end && span.start < d.end)) continue;
      out.push({ pointer, span, kind: p.kind, source: 'pattern' });
    }
  }
  const seen = new Set<string>();
  return out
    .filter((x) => {
      const k = `${x.span.start} ${x.span.end} ${x.kind} ${x.matches ?? ''}`;
      return !seen.has(k) && seen.add(k);
    })
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/**
 * Every span of personal data in every free-text field of a body of `type` (fields the schemas
 * mark `"x-free-text": true`, wherever they are, in items too): the body's own personal values
 * (any person's or party's name and aliases in any case, with or without diacritics, in any word
 * order; date of birth in the formats and month names of the region; address parts; document
 * numbers; phone; e-mail) and patterns that are personal data whatever the body says (a date or
 * year after a born word, document numbers, phones, e-mail addresses, IBANs with a valid
 * checksum, vehicle plates of the region, and the policy's extra patterns). Pure and
 * deterministic; spans may overlap (deciding resolves them). Nothing it has not been told or
 * cannot see is found: a name the body does not hold, a paraphrase.
 *
 * @example
 * findPersonalData('trace-request', body)
 * // [{ pointer: '/specialInstructions', span: { start: 10, end: 25 }, kind: 'name',
 * //    source: 'value', matches: '/possessor/name' }, …]
 */
export function findPersonalData(
  type: string,
  body: unknown,
  options: DetectorOptions = {},
): FreeTextSpan[] {
  const texts: Array<[string, string]> = [];
  const persons: Array<[string, Record<string, unknown>]> = [];
  walkBody(type, body, {
    freeText: (pointer, text) => texts.push([pointer, text]),
    person: (pointer, p) => persons.push([pointer, p]),
  });
  if (texts.length === 0) return [];
  const values = persons.flatMap(([pointer, p]) => valuesOfPerson(pointer, p)).map(needle);
  return texts.flatMap(([pointer, text]) => findIn(pointer, text, values, options));
}
