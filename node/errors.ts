// The node's error catalogue: every error the node service raises, with its code and HTTP status.
import type { FieldProblem } from '../protocol/errors.js';
import { PolicyError, type PolicyErrorCode } from './policy/policy-error.js';

export type { FieldProblem } from '../protocol/errors.js';

/**
 * Every node error code with its HTTP status and title, defined once. Protocol errors (`FFX-…`)
 * live in `protocol/errors.ts`; these are the node's own (configuration, local API, policy
 * store, audit, delivery). docs/ERRORS.md lists them; a test keeps the two equal.
 */
export const nodeErrorCatalogue = {
  'NODE-CONFIG-INVALID': { status: 500, title: 'Node configuration is invalid' },
  'NODE-VALIDATION': { status: 400, title: 'Request does not match its schema' },
  'NODE-NOT-FOUND': { status: 404, title: 'Not found' },
  'NODE-CONFLICT': { status: 409, title: 'Conflict with the current state' },
  'NODE-UNAUTHENTICATED': { status: 401, title: 'Missing or invalid bearer token' },
  'NODE-FORBIDDEN': { status: 403, title: 'Role not allowed for this operation' },
  'NODE-SESSION-EXPIRED': { status: 401, title: 'Console session ended or unknown' },
  'NODE-CSRF': { status: 403, title: 'State-changing request without proof of origin' },
  'NODE-UNAVAILABLE': { status: 503, title: 'A dependency of the node is unavailable' },
  'NODE-INTERNAL': { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

/** The union of node error codes. */
export type NodeErrorCode = keyof typeof nodeErrorCatalogue;

/** Where each error of the policy engine and store lands in the node catalogue. */
export const policyErrorCodes = {
  'POLICY-PARSE': 'NODE-VALIDATION',
  'POLICY-INVALID': 'NODE-VALIDATION',
  'POLICY-NOT-FOUND': 'NODE-NOT-FOUND',
  'POLICY-STATE': 'NODE-CONFLICT',
  'POLICY-FOUR-EYES': 'NODE-FORBIDDEN',
} as const satisfies Record<PolicyErrorCode, NodeErrorCode>;

/** Base class of every error the node raises; mapped to RFC 9457 problem+json by the HTTP layer. */
export class NodeError extends Error {
  readonly code: NodeErrorCode;
  readonly status: number;
  readonly problems: FieldProblem[];

  constructor(
    code: NodeErrorCode,
    message: string,
    options: { problems?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NodeError';
    this.code = code;
    this.status = nodeErrorCatalogue[code].status;
    this.problems = options.problems ?? [];
  }
}

/**
 * The node error an error stands for: a NodeError as it is, a policy error by `policyErrorCodes`
 * (its problems kept), anything else NODE-INTERNAL with the error as its cause.
 *
 * @example throw toNodeError(err); // in a handler's catch
 */
export function toNodeError(err: unknown): NodeError {
  if (err instanceof NodeError) return err;
  if (err instanceof PolicyError) {
    return new NodeError(policyErrorCodes[err.code], err.message, {
      problems: err.problems.map((p) => ({ pointer: p.pointer, message: p.message })),
      cause: err,
    });
  }
  return new NodeError('NODE-INTERNAL', 'internal error', { cause: err });
}
