// What a decision does with personal data found in free text: keep, redact, generalise, or deny.
import { resolve, segments, setAt } from '../json-pointer.js';
import type {
  FreeTextFinding,
  FreeTextHandling,
  FreeTextKind,
  FreeTextSpan,
  OutboundRule,
  PolicyDocument,
} from '../types.js';
import { isPersonPointer, walkBody } from './body-walk.js';
import { fold } from './fold-text.js';
import { kindOfField } from './personal-values.js';

/** The marker that replaces a withheld span, by kind. */
export const MARKERS: Record<FreeTextKind, string> = {
  name: '[name withheld]',
  'date-of-birth': '[date of birth withheld]',
  address: '[address withheld]',
  'place-of-birth': '[place of birth withheld]',
  document: '[document number withheld]',
  phone: '[phone number withheld]',
  email: '[e-mail address withheld]',
  iban: '[IBAN withheld]',
  plate: '[vehicle plate withheld]',
};

/** The marker used instead when the full markers would make a text longer than its limit. */
export const SHORT_MARKER = '[withheld]';
/** The length limit of free text (common `longText`). */
const MAX_TEXT = 4000;

/** Words for a kind in reasons and the CLI. */
export const KIND_WORDS: Record<FreeTextKind, string> = {
  name: 'name',
  'date-of-birth': 'date of birth',
  address: 'address',
  'place-of-birth': 'place of birth',
  document: 'document number',
  phone: 'phone number',
  email: 'e-mail address',
  iban: 'IBAN',
  plate: 'vehicle plate',
};

const PERSON_KINDS: FreeTextKind[] = [
  'name',
  'date-of-birth',
  'address',
  'place-of-birth',
  'document',
  'phone',
  'email',
];

/** What the structured side of the decision does to a finding's data. */
type Fate = { fate: 'kept' } | { fate: 'withheld' } | { fate: 'generalised'; to: string };
const STRICTNESS = { kept: 0, generalised: 1, withheld: 2 } as const;
const ACTIONS = { generalise: 0, redact: 1, deny: 2 } as const;

/** The free-text handling in force for a decision and where it comes from. */
export interface ResolvedHandling extends FreeTextHandling {
  ruleId: string;
}

/** The id standing for the policy's defaults in findings and coverage. */
export const DEFAULTS_ID = '#freeText';

/**
 * The handling in force: the strictest of the matched allow rules' own (deny over redact over
 * generalise, their `withhold` lists joined), or else the policy's defaults; undefined: none.
 */
export function handlingFor(
  doc: PolicyDocument,
  allows: OutboundRule[],
): ResolvedHandling | undefined {
  const own = allows.filter((r) => r.freeText);
  if (own.length === 0)
    return doc.freeText?.action
      ? { ...(doc.freeText as FreeTextHandling), ruleId: DEFAULTS_ID }
      : undefined;
  const strictest = own.reduce((a, b) =>
    ACTIONS[b.freeText!.action] > ACTIONS[a.freeText!.action] ? b : a,
  );
  const withhold = [...new Set(own.flatMap((r) => r.freeText!.withhold ?? []))];
  return {
    ...strictest.freeText!,
    ...(withhold.length > 0 ? { withhold } : {}),
    ruleId: strictest.id,
  };
}

/** The kinds of personal data a redaction or generalisation pointer takes away. */
function kindsOf(type: string, pointer: string): FreeTextKind[] {
  if (isPersonPointer(type, pointer)) return PERSON_KINDS;
  const s = segments(pointer).filter((x) => x !== '*');
  const k = kindOfField(s[s.length - 1] ?? '', s[s.length - 2]);
  return k ? [k] : [];
}

const ruleFates = new WeakMap<OutboundRule, Map<string, Map<FreeTextKind, Fate['fate']>>>();

/** What one rule does to the structured fields of each kind (cached per rule and type). */
function fatesOfRule(type: string, r: OutboundRule): Map<FreeTextKind, Fate['fate']> {
  let byType = ruleFates.get(r);
  if (!byType) ruleFates.set(r, (byType = new Map<string, Map<FreeTextKind, Fate['fate']>>()));
  let fates = byType.get(type);
  if (fates) return fates;
  fates = new Map();
  const raise = (k: FreeTextKind, f: Fate['fate']) => {
    if (STRICTNESS[f] > STRICTNESS[fates!.get(k) ?? 'kept']) fates!.set(k, f);
  };
  for (const p of r.redact ?? []) for (const k of kindsOf(type, p)) raise(k, 'withheld');
  for (const g of r.generalise ?? []) {
    for (const k of kindsOf(type, g.pointer)) {
      if (g.to === 'year' && k === 'date-of-birth') raise(k, 'generalised');
      else if (g.to === 'municipality') raise(k, 'withheld');
    }
  }
  byType.set(type, fates);
  return fates;
}

/** For a pattern finding: what the matched rules do to the structured fields of its kind. */
function kindFates(type: string, allows: OutboundRule[]): Map<FreeTextKind, Fate['fate']> {
  const fates = new Map<FreeTextKind, Fate['fate']>();
  for (const r of allows)
    for (const [k, f] of fatesOfRule(type, r))
      if (STRICTNESS[f] > STRICTNESS[fates.get(k) ?? 'kept']) fates.set(k, f);
  return fates;
}

/** Folded letters and digits only (ASCII punctuation and spaces dropped): how values are compared. */
function compact(s: string): string {
  const f = fold(s);
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) out += f[i];
  }
  return out;
}

/** The outcome of the free-text step of a decision. */
export interface FreeTextOutcome {
  findings: FreeTextFinding[];
  /** Set when the handling is deny and some finding must not go: the reason for the analyst. */
  denyReason?: string;
}

/**
 * Applies the handling to the findings in the transformed body `out` (changed in place): each
 * finding's fate follows the structured field it repeats as `out` has it (absent: withheld;
 * changed: generalised to the new value; same: kept), a pattern finding follows what the
 * matched rules do to fields of its kind, `withhold` kinds always go, and data that `out` sends
 * anyway in a structured field stays. Overlapping findings become one, the strictest. Without a
 * handling, findings whose data is withheld or generalised are reported `unhandled` and the text
 * is left as it is.
 */
export function applyFreeTextPolicy(
  type: string,
  input: Record<string, unknown>,
  out: Record<string, unknown>,
  spans: FreeTextSpan[],
  allows: OutboundRule[],
  handling: ResolvedHandling | undefined,
  destination: string,
): FreeTextOutcome {
  if (spans.length === 0) return { findings: [] };
  let disclosed: Set<string> | undefined;
  const sentAnyway = (piece: string) => {
    if (!disclosed) {
      const d = new Set<string>();
      walkBody(type, out, {
        value: (_p, v) => {
          const c = compact(String(v));
          if (c.length >= 4) d.add(c);
        },
      });
      disclosed = d;
    }
    return disclosed.has(compact(piece));
  };
  let byKind: Map<FreeTextKind, Fate['fate']> | undefined;
  const withhold = new Set(handling?.withhold ?? []);
  const textAt = (b: unknown, p: string) => {
    const v = resolve(b, p)[0]?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const fateOf = (f: FreeTextSpan, text: string): Fate => {
    const piece = text.slice(f.span.start, f.span.end);
    if (sentAnyway(piece)) return { fate: 'kept' };
    if (withhold.has(f.kind)) return { fate: 'withheld' };
    if (f.matches) {
      const before = resolve(input, f.matches)[0]?.value;
      const after = resolve(out, f.matches)[0]?.value;
      if (after === undefined) return { fate: 'withheld' };
      if (after === before) return { fate: 'kept' };
      return typeof after === 'string' ? { fate: 'generalised', to: after } : { fate: 'withheld' };
    }
    byKind ??= kindFates(type, allows);
    const k = byKind.get(f.kind) ?? 'kept';
    if (k === 'generalised') {
      const year = /(\d{4})(?!.*\d{4})/.exec(piece)?.[1];
      return year ? { fate: 'generalised', to: year } : { fate: 'withheld' };
    }
    return { fate: k };
  };

  const findings: FreeTextFinding[] = [];
  const byPointer = new Map<string, FreeTextSpan[]>();
  for (const s of spans) byPointer.set(s.pointer, [...(byPointer.get(s.pointer) ?? []), s]);
  for (const [pointer, list] of byPointer) {
    const text = textAt(input, pointer);
    // A free-text field the rules removed, or one not as submitted, is not the detector's to edit.
    if (text === undefined || textAt(out, pointer) !== text) continue;
    // Overlapping findings: one per cluster, the strictest (a value before a pattern, then the longer).
    const clusters: Array<Array<{ f: FreeTextSpan; fate: Fate }>> = [];
    for (const f of [...list].sort((a, b) => a.span.start - b.span.start)) {
      const last = clusters[clusters.length - 1];
      const item = { f, fate: fateOf(f, text) };
      if (last && last.some((x) => f.span.start < x.f.span.end)) last.push(item);
      else clusters.push([item]);
    }
    const edits: Array<{ start: number; end: number; with: string }> = [];
    for (const c of clusters) {
      const win = c.reduce((a, b) => {
        const d = STRICTNESS[b.fate.fate] - STRICTNESS[a.fate.fate];
        if (d !== 0) return d > 0 ? b : a;
        if ((a.f.source === 'value') !== (b.f.source === 'value'))
          return a.f.source === 'value' ? a : b;
        return b.f.span.end - b.f.span.start > a.f.span.end - a.f.span.start ? b : a;
      });
      const span =
        win.fate.fate === 'withheld'
          ? {
              start: Math.min(...c.map((x) => x.f.span.start)),
              end: Math.max(...c.map((x) => x.f.span.end)),
            }
          : win.f.span;
      const base: FreeTextSpan = { ...win.f, span };
      if (win.fate.fate === 'kept') {
        findings.push({ ...base, action: 'kept' });
        continue;
      }
      if (!handling) {
        findings.push({ ...base, action: 'unhandled' });
        continue;
      }
      const ruleId = handling.ruleId;
      if (handling.action === 'deny') findings.push({ ...base, action: 'denied', ruleId });
      else if (handling.action === 'generalise' && win.fate.fate === 'generalised') {
        findings.push({ ...base, action: 'generalised', ruleId });
        edits.push({ ...span, with: win.fate.to });
      } else {
        findings.push({ ...base, action: 'redacted', ruleId });
        edits.push({ ...span, with: MARKERS[base.kind] });
      }
    }
    if (edits.length > 0) {
      const apply = (short: boolean) => {
        let t = text;
        for (const e of [...edits].sort((a, b) => b.start - a.start))
          t =
            t.slice(0, e.start) +
            (short && e.with.startsWith('[') ? SHORT_MARKER : e.with) +
            t.slice(e.end);
        return t;
      };
      // Markers are longer than most spans: a text near its schema's limit takes the short one.
      let t = apply(false);
      if (t.length > MAX_TEXT && t.length > text.length) t = apply(true);
      setAt(out, pointer, t);
    }
  }
  const denied = findings.filter((f) => f.action === 'denied');
  if (denied.length === 0) return { findings };
  const what = denied
    .map((f) => `${KIND_WORDS[f.kind]} in ${f.pointer} at ${f.span.start}-${f.span.end}`)
    .join(', ');
  return {
    findings,
    denyReason: `${handling!.reason ?? `the free text repeats personal data that ${destination} may not receive; rewrite it without them`} (${what}; rule ${handling!.ruleId})`,
  };
}
