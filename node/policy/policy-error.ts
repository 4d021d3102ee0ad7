// Errors of the sharing-policy engine and store, with stable codes.

/** One problem found in a policy document: where (JSON pointer) and what. */
export interface PolicyProblem {
  pointer: string;
  message: string;
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
