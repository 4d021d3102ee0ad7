// The one error middleware of the local API: every error becomes RFC 9457 problem+json.
import type { NextFunction, Request, Response } from 'express';
import { NodeError, nodeErrorCatalogue, toNodeError, type FieldProblem } from '../errors.js';
import type { FfxError } from '../../protocol/index.js';
import { PolicyError } from '../policy/policy-error.js';
import type { components } from '../../generated/openapi.js';

type Problem = components['schemas']['Problem'];

/**
 * The one RFC 9457 problem builder of both APIs: `type` is the code's URI, `errors` the field
 * problems when there are any.
 *
 * @example problemDocument({ code: 'NODE-NOT-FOUND', title: 'Not found', status: 404, detail: 'no outbox message m-1' })
 */
export function problemDocument(p: {
  code: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
}): Problem {
  return {
    type: `https://ffx.invalid/errors/${p.code}`,
    title: p.title,
    status: p.status,
    code: p.code,
    detail: p.detail,
    ...(p.instance ? { instance: p.instance } : {}),
    ...(p.errors && p.errors.length > 0 ? { errors: p.errors } : {}),
  };
}

/** The local API's problem document of an error; internals are never shown for 5xx. */
export function toProblem(err: unknown, instance?: string): Problem {
  const e = asNodeError(err);
  return problemDocument({
    code: e.code,
    title: nodeErrorCatalogue[e.code].title,
    status: e.status,
    detail:
      e.status >= 500 && e.code === 'NODE-INTERNAL'
        ? 'the node failed to process the request'
        : e.message,
    ...(instance ? { instance } : {}),
    errors: e.problems,
  });
}

/** The peer API's problem document of a refused envelope (no internals for 5xx). */
export function peerProblem(e: FfxError): Problem {
  return problemDocument({
    code: e.code,
    title: e.title,
    status: e.httpStatus,
    detail:
      e.httpStatus >= 500 ? 'the receiver could not process the envelope; retry later' : e.message,
  });
}

/** Maps body-parser, policy-store and unknown errors onto the node catalogue. */
function asNodeError(err: unknown): NodeError {
  if (err instanceof NodeError) return err;
  if (err instanceof PolicyError) return toNodeError(err);
  const e = err as {
    type?: string;
    status?: number;
    message?: string;
    code?: string;
    problems?: unknown;
  };
  if (e && e.type === 'entity.too.large') {
    return new NodeError(
      'NODE-VALIDATION',
      `request body exceeds the limit of ${String((e as { limit?: number }).limit)} bytes`,
    );
  }
  if (e && e.type === 'entity.parse.failed') {
    return new NodeError('NODE-VALIDATION', 'request body is not valid JSON', {
      problems: [{ pointer: '', message: 'not valid JSON' }],
    });
  }
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.type) {
    return new NodeError('NODE-VALIDATION', e.message ?? 'bad request');
  }
  return toNodeError(err);
}

/** Where the local API logs its failures. */
export interface ProblemLog {
  error(fields: object, msg: string): void;
}

/**
 * The express error middleware: answers problem+json, adds `WWW-Authenticate` on 401 (RFC 6750),
 * and logs every 5xx with the request id (`res.locals.requestId`), method, route, status, code
 * and the cause's message (never a token or a body).
 */
export function problemMiddleware(
  log: ProblemLog,
): (err: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (err, req, res, _next) => answerProblem(log, err, req, res);
}

function answerProblem(log: ProblemLog, err: unknown, req: Request, res: Response): void {
  const problem = toProblem(err, req.originalUrl.split('?')[0]);
  if (problem.status === 401) {
    res.setHeader(
      'WWW-Authenticate',
      `Bearer realm="ffx", error="invalid_token", error_description="${String(problem.detail).replace(/["\\]/g, "'")}"`,
    );
  }
  if (problem.status >= 500) {
    log.error(
      {
        requestId: (res.locals as { requestId?: string }).requestId,
        method: req.method,
        route: req.path,
        status: problem.status,
        code: problem.code,
        err: causeText(err),
      },
      'local API request failed',
    );
  }
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** The message of an error and of its causes, for the log. */
function causeText(err: unknown): string {
  const parts: string[] = [];
  for (let e = err, depth = 0; e !== undefined && depth < 4; depth++) {
    parts.push(e instanceof Error ? e.message : JSON.stringify(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(': ');
}
