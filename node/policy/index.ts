// The sharing-policy engine: parse, check, compile, decide (outbound and inbound), simulate, store.
export { PolicyError, type PolicyErrorCode, type PolicyProblem } from './policy-error.js';
export { parsePolicyText } from './parse-policy-text.js';
export { checkPolicy } from './check-policy.js';
export { compilePolicy } from './compile-policy.js';
export { decide, decideInbound } from './decide.js';
export { simulate, type SimulationSample, type DecisionOutline } from './simulate.js';
export { diffPolicies } from './diff-policies.js';
export { findPersonalData } from './free-text/find-personal-data.js';
export { BUILTIN_PATTERNS } from './free-text/builtin-patterns.js';
export { KIND_WORDS, MARKERS } from './free-text/apply-free-text-policy.js';
export { runFixtures, type FixtureRun, type FixtureResult } from './run-fixtures.js';
export {
  PolicyStore,
  type PolicyVersionRecord,
  type PolicyChange,
  type PolicyState,
} from './policy-store.js';
export type {
  CompiledPolicy,
  FederationContext,
  FreeTextFinding,
  FreeTextKind,
  FreeTextSpan,
  InboundDecision,
  InboundInput,
  MatchedRule,
  Origin,
  OutboundInput,
  PolicyDecision,
  PolicyDocument,
  PolicyMember,
  Transformation,
  UnmatchedRule,
} from './types.js';
