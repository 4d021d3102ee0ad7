// Errors of the sharing-policy engine and store, with stable codes.
import type { FieldProblem } from '../../protocol/errors.js';

/** One problem found in a policy document: where (JSON pointer), what, and how serious. */
export interface PolicyProblem extends FieldProblem {
  ruleId?: string;
  severity: 'error' | 'warning';
}

/** Every policy error code. */
export type PolicyErrorCode =
  'POLICY-PARSE' | 'POLICY-INVALID' | 'POLICY-NOT-FOUND' | 'POLICY-STATE' | 'POLICY-FOUR-EYES';

/**
 * The one error class of the policy engine and store. `problems` lists what a compliance
 * officer must fix (pointer + message) when the code is POLICY-INVALID or POLICY-PARSE.
 */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  readonly problems: PolicyProblem[];

  constructor(code: PolicyErrorCode, message: string, problems: PolicyProblem[] = []) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.problems = problems;
  }
}
