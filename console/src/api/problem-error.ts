// An answer of the node that is not a success, with its problem document when it sent one.
import type { Problem } from './types.js';

/** A refused or failed API call. `problem` is the node's RFC 9457 document when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The node's error code (`NODE-FORBIDDEN`, `FFX-…`), or `HTTP-<status>` without a document. */
  get code(): string {
    return this.problem?.code ?? `HTTP-${this.status}`;
  }
}
