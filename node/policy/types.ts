// Shapes of the policy engine: the federation it decides in, its inputs and its explained decisions.

/** A federation member as the engine sees it (from the directory). */
export interface PolicyMember {
  id: string;
  kind: 'ffp-node' | 'eu-counterpart';
  groups: string[];
}

/** The federation a policy is checked and decided in. */
export interface FederationContext {
  /** The node whose policy this is. */
  self: string;
  members: PolicyMember[];
}

/** Set when a message passes on material received from another member. */
export interface Origin {
  receivedFrom: string;
}

/** The message about to be sent (schema `message`, before the policy stamp). */
export interface OutboundInput {
  type: string;
  from: string;
  to: string;
  handling: Record<string, unknown>;
  body: Record<string, unknown>;
  inReplyTo?: string;
  correlationId?: string;
}

/** A rule that matched. */
export interface MatchedRule {
  ruleId: string;
  effect: 'allow' | 'deny';
  reason?: string;
}

/** A rule that did not match, and the first condition that failed. */
export interface UnmatchedRule {
  ruleId: string;
  condition: string;
  pointer?: string;
  expected?: unknown;
  actual?: unknown;
}

/** One field transformation applied to the body. */
export interface Transformation {
  pointer: string;
  action: 'redact' | 'generalise';
  to?: 'year' | 'municipality' | 'rounded';
  ruleId: string;
}

/** An outbound decision with its explanation. Field names are stable: logs and peers use them. */
export interface PolicyDecision {
  effect: 'allow' | 'deny';
  policy: { id: string; version: number };
  matched: MatchedRule[];
  notMatched: UnmatchedRule[];
  reasons: string[];
  transformations: Transformation[];
  /** The body the destination receives (a transformed copy); null when denied. */
  body: Record<string, unknown> | null;
  /** Personal data found in the body's free-text fields and what was done to each (allowed or denied for it). */
  freeText?: FreeTextFinding[];
  decisionHash: string;
}

/** What the inbound policy decides on. */
export interface InboundInput {
  from: string;
  type: string;
  sizeBytes: number;
  handling: Record<string, unknown>;
}

/** An inbound decision with its explanation. */
export interface InboundDecision {
  effect: 'allow' | 'deny';
  policy: { id: string; version: number };
  matched: MatchedRule[];
  notMatched: UnmatchedRule[];
  reasons: string[];
  decisionHash: string;
}

/** Set tests of the policy format. */
export type SetTest = { in: string[] } | { notIn: string[] };
/** Text tests of the policy format. */
export type TextTest = { exists: boolean } | { matches: string } | { notMatches: string };
/** A test of one body field. */
export type FieldTest = { pointer: string } & (
  | { exists: boolean }
  | { equals: string | number | boolean }
  | { in: Array<string | number | boolean> }
  | { notIn: Array<string | number | boolean> }
  | { matches: string }
  | { countAbove: number }
  | { countAtMost: number }
);

/** Conditions of an outbound rule (all must hold). */
export interface OutboundConditions {
  to?: SetTest;
  type?: SetTest;
  purpose?: SetTest;
  handlingCode?: SetTest;
  tlp?: SetTest;
  evaluation?: { source?: SetTest; information?: SetTest };
  legalBasis?: TextTest;
  receivedFromThirdParty?: boolean;
  fields?: FieldTest[];
}

/** An outbound rule of the policy document. */
export interface OutboundRule {
  id: string;
  description?: string;
  effect: 'allow' | 'deny';
  reason?: string;
  when?: OutboundConditions;
  redact?: string[];
  generalise?: Array<{
    pointer: string;
    to: 'year' | 'municipality' | 'rounded';
    decimals?: number;
  }>;
  /** What happens to personal data in free text when this rule allows (overrides the defaults). */
  freeText?: FreeTextHandling;
}

/** An inbound rule of the policy document. */
export interface InboundRule {
  id: string;
  description?: string;
  effect: 'allow' | 'deny';
  reason?: string;
  when?: { from?: SetTest; type?: SetTest; handlingCode?: SetTest; sizeAbove?: number };
}

/** A policy document (schema `sharing-policy`). */
export interface PolicyDocument {
  id: string;
  member: string;
  description?: string;
  groups?: Record<string, string[]>;
  outbound: OutboundRule[];
  inbound: InboundRule[];
  /** Free-text handling of every allowed decision whose matched rules set none, and extra patterns. */
  freeText?: FreeTextDefaults;
}

/** A checked policy version, ready to decide. */
export interface CompiledPolicy {
  id: string;
  version: number;
  member: string;
  document: PolicyDocument;
  /** Group name → member ids (the directory's groups, kinds and the policy's own groups). */
  groups: Map<string, Set<string>>;
  /** Compiled `matches` expressions by source text. */
  patterns: Map<string, RegExp>;
  /** The policy's extra free-text patterns, compiled (global, Unicode). */
  freeTextPatterns: Array<{ kind: FreeTextKind; regex: RegExp }>;
}

/** Kinds of personal data the free-text detector reports. */
export type FreeTextKind =
  | 'name'
  | 'date-of-birth'
  | 'address'
  | 'place-of-birth'
  | 'document'
  | 'phone'
  | 'email'
  | 'iban'
  | 'plate';

/** What a policy does with personal data in free text that the decision withholds or generalises. */
export interface FreeTextHandling {
  /** redact: a marker replaces the span; generalise: the span becomes what the structured field becomes (the year), else a marker; deny: the analyst must rewrite. */
  action: 'redact' | 'generalise' | 'deny';
  /** Kinds withheld from free text even when no structured field of the kind is withheld (IBANs, plates…). */
  withhold?: FreeTextKind[];
  /** Shown to the analyst when `action` is deny. */
  reason?: string;
}

/** The policy-level free-text settings: the default handling and extra patterns. */
export interface FreeTextDefaults extends Partial<FreeTextHandling> {
  /** Extra patterns of a kind (e.g. another country's vehicle plates), regular expressions. */
  patterns?: Array<{ kind: FreeTextKind; pattern: string; description?: string }>;
}

/** One span of personal data the detector found in a free-text field. */
export interface FreeTextSpan {
  /** The free-text field (a concrete JSON pointer into the body). */
  pointer: string;
  /** UTF-16 offsets into the field's text as submitted: [start, end). */
  span: { start: number; end: number };
  kind: FreeTextKind;
  /** value: it repeats a structured field of the body; pattern: it looks like personal data. */
  source: 'value' | 'pattern';
  /** The structured field it repeats (source value). */
  matches?: string;
}

/** A finding with what the decision did with it. Field names are stable: logs and peers use them. */
export interface FreeTextFinding extends FreeTextSpan {
  /** kept: the destination may see it; redacted: a marker replaced it; generalised: it became what the structured field became; denied: the message is refused for it; unhandled: withheld from the structured fields, but the policy sets no free-text handling. */
  action: 'kept' | 'redacted' | 'generalised' | 'denied' | 'unhandled';
  /** The rule whose free-text handling applied (`#freeText`: the policy's defaults). */
  ruleId?: string;
}
