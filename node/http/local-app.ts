// The local API: express routes built from openapi.yaml, bearer-token roles, ajv-validated input.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { compileSchema } from '../../protocol/validate.js';
import { NodeError, type FieldProblem } from '../errors.js';
import { loadOperations } from './openapi-operations.js';
import { problemMiddleware, type ProblemLog } from './problem.js';
import type { Authenticator, Principal } from './auth/authenticator.js';
import type { Actor } from '../service/node-events.js';
import type { operations } from '../../generated/openapi.js';

/** Operation ids of the local API (the peer API's are served by the peer server). */
export type LocalOperationId = Exclude<keyof operations, 'postEnvelope' | 'getPeerHealth'>;

/** What a handler gets: validated input and, for authenticated routes, the caller. */
export interface HandlerContext {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  principal: Principal | undefined;
  /** The caller as recorded in the audit journal (subject and the role the route was used with). */
  actor: Actor;
}

/** A handler's answer. */
export interface HandlerResult {
  status: number;
  body: unknown;
  contentType?: string;
  /** A streamed answer (server-sent events): writes status, headers and body itself. */
  stream?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A route handler. */
export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>;

/** Handlers by operation id. */
export type HandlerTable = Partial<Record<LocalOperationId, Handler>>;

const PEER_OPERATIONS = new Set(['postEnvelope', 'getPeerHealth']);

/** What the local API is built from; the composition root (node/app) wires it once. */
export interface LocalAppDeps {
  /** A handler for every local operation of openapi.yaml (each built from its own narrow dependencies). */
  handlers: HandlerTable;
  /** Verifies bearer tokens. */
  authenticator: Pick<Authenticator, 'authenticate'>;
  /** Largest JSON body accepted, bytes. */
  maxBodyBytes: number;
  /** Where 5xx answers are logged. */
  log: ProblemLog;
  /** Routes mounted before the API's own (the console's sign-in and pages). */
  mounts?: Array<(app: express.Express) => void>;
  /**
   * The caller of a request signed in through the console (its session cookie), checked before
   * the bearer token; undefined when the request is not a console session's.
   */
  sessionPrincipal?: (req: Request) => Promise<Principal | undefined>;
  /** Creates the server (HTTPS when the local API has a certificate); default plain HTTP. */
  listener?: (app: express.Express) => Server;
  /** Request ids for callers that send none (default random UUIDs). */
  newRequestId?: () => string;
}

/** A caller's own request id is kept when it is this plain (it is echoed and logged). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Builds the local API. Every operation of openapi.yaml (but the peer API's) must have a
 * handler and every handler an operation, or the node refuses to start: the contract and the
 * code cannot drift apart. Roles come from each operation's `x-roles`. Every answer carries an
 * `X-Request-Id` (the caller's, or a new one), and a 5xx is logged under it.
 *
 * @example
 * const { server } = createLocalApp({ handlers, authenticator, maxBodyBytes: 1 << 20, log });
 * server.listen(7501, '127.0.0.1');
 */
export function createLocalApp(deps: LocalAppDeps): { app: express.Express; server: Server } {
  const ops = loadOperations().filter((o) => !PEER_OPERATIONS.has(o.operationId));
  const table = deps.handlers;
  const newRequestId = deps.newRequestId ?? randomUUID;
  const documented = new Set(ops.map((o) => o.operationId));
  const missing = ops
    .filter((o) => !table[o.operationId as LocalOperationId])
    .map((o) => o.operationId);
  const undocumented = Object.keys(table).filter((id) => !documented.has(id));
  if (missing.length > 0 || undocumented.length > 0) {
    throw new Error(
      `local API and openapi.yaml disagree: missing handlers ${missing.join(', ') || '-'}; undocumented handlers ${undocumented.join(', ') || '-'}`,
    );
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Answers are per request (and per caller); an ETag would only cost a hash of every body.
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const own = req.headers['x-request-id'];
    const id = typeof own === 'string' && REQUEST_ID.test(own) ? own : newRequestId();
    (res.locals as { requestId?: string }).requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  for (const mount of deps.mounts ?? []) mount(app);
  app.use(
    express.json({
      limit: deps.maxBodyBytes,
      type: ['application/json', 'application/*+json'],
    }),
  );

  for (const op of ops) {
    const handler = table[op.operationId as LocalOperationId]!;
    const validators = {
      body: op.bodySchema ? compileSchema(op.bodySchema) : undefined,
      query: op.querySchema ? compileSchema(op.querySchema) : undefined,
      path: op.pathSchema ? compileSchema(op.pathSchema) : undefined,
    };
    app[op.method](op.expressPath, (req: Request, res: Response, next: NextFunction) => {
      void (async () => {
        let principal: Principal | undefined;
        if (op.authenticated) {
          principal =
            (await deps.sessionPrincipal?.(req)) ??
            (await deps.authenticator.authenticate(req.headers.authorization));
          if (!op.roles.some((r) => principal!.roles.includes(r as Principal['roles'][number]))) {
            throw new NodeError(
              'NODE-FORBIDDEN',
              `${op.operationId} requires one of the roles: ${op.roles.join(', ')}`,
            );
          }
        }
        const params = check(validators.path, coerce(op.pathSchema, req.params), '/path');
        const query = check(
          validators.query,
          coerce(op.querySchema, req.query as Record<string, unknown>),
          '/query',
        );
        const body = op.bodySchema ? check(validators.body, req.body as unknown, '') : undefined;
        const role = principal
          ? (op.roles.find((r) => principal!.roles.includes(r as Principal['roles'][number])) ?? '')
          : '';
        const out = await handler({
          params,
          query,
          body,
          principal,
          actor: { sub: principal?.sub ?? 'anonymous', role },
        });
        if (out.stream) return out.stream(req, res);
        res.status(out.status);
        if (out.contentType) res.type(out.contentType).send(out.body);
        else res.json(out.body);
      })().catch(next);
    });
  }
  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new NodeError('NODE-NOT-FOUND', `no route ${req.method} ${req.path}`));
  });
  app.use(problemMiddleware(deps.log));
  if (deps.listener) return { app, server: deps.listener(app) };
  const server = createServer({ maxHeaderSize: 16 * 1024 }, app);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  return { app, server };
}

type Validator = ReturnType<typeof compileSchema>;

function check<T>(validator: Validator | undefined, data: T, at: string): T {
  if (!validator) return data;
  const result = validator(data);
  if (!result.valid) {
    const problems: FieldProblem[] = result.errors.map((e) => ({
      pointer: at + e.pointer,
      message: e.message,
    }));
    throw new NodeError('NODE-VALIDATION', 'the request does not match the API contract', {
      problems,
    });
  }
  return data;
}

/** Query and path values arrive as strings; convert the ones the schema declares as integers. */
function coerce(
  schema: Record<string, unknown> | undefined,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  const props = (schema?.properties ?? {}) as Record<string, { type?: string }>;
  for (const [k, v] of Object.entries(out)) {
    if (props[k]?.type === 'integer' && typeof v === 'string' && /^-?\d+$/.test(v))
      out[k] = Number(v);
  }
  return out;
}
