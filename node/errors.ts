// The node's error catalogue: every error the node service raises, with its code and HTTP status.

/**
 * Every node error code with its HTTP status and title, defined once. Protocol errors (`FFX-…`)
 * live in `protocol/errors.ts`; these are the node's own (configuration, local API, policy
 * store, audit, delivery).
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

/** One field-level problem: a JSON pointer into the offending input and what is wrong there. */
export interface FieldProblem {
  pointer: string;
  message: string;
}

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
