// The local API: express routes built from openapi.yaml, bearer-token roles, ajv-validated input.
import { createServer, type Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { compileSchema } from '../../protocol/validate.js';
import { NodeError, type FieldProblem } from '../errors.js';
import { loadOperations } from './openapi-operations.js';
import { problemMiddleware } from './problem.js';
import { createAuthenticator, type Principal } from './auth/authenticator.js';
import type { ExchangeNode } from '../service/exchange-node.js';
import type { Actor } from '../service/node-events.js';
import type { operations } from '../../generated/openapi.js';
import { messageHandlers } from './routes/messages.js';
import { policyHandlers } from './routes/policies.js';
import { auditHandlers } from './routes/audit.js';
import { operationsHandlers } from './routes/operations.js';
import { readFile } from 'node:fs/promises';

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
}

/** A route handler. */
export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>;

/** Handlers by operation id. */
export type HandlerTable = Partial<Record<LocalOperationId, Handler>>;

const PEER_OPERATIONS = new Set(['postEnvelope', 'getPeerHealth']);

/**
 * Builds the local API of a node. Every operation of openapi.yaml (but the peer API's) must have
 * a handler and every handler an operation, or the node refuses to start: the contract and the
 * code cannot drift apart. Roles come from each operation's `x-roles`.
 */
export function createLocalApp(
  node: ExchangeNode,
  options: { version: string },
): { app: express.Express; server: Server } {
  const ops = loadOperations().filter((o) => !PEER_OPERATIONS.has(o.operationId));
  const table: HandlerTable = {
    ...messageHandlers(node),
    ...policyHandlers(node),
    ...auditHandlers(node),
    ...operationsHandlers(node, options.version),
  };
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

  const auth = node.config.localApi.auth;
  const authenticatorP = loadJwks(auth.jwks).then((jwks) =>
    createAuthenticator({
      issuer: auth.issuer,
      audience: auth.audience,
      jwks,
      ...(auth.algorithms ? { algorithms: auth.algorithms } : {}),
      clockToleranceSeconds: auth.clockToleranceSeconds,
      rolesClaim: auth.rolesClaim,
    }),
  );
  authenticatorP.catch(() => undefined);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Answers are per request (and per caller); an ETag would only cost a hash of every body.
  app.set('etag', false);
  app.use(
    express.json({
      limit: node.config.localApi.maxBodyBytes,
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
          const authenticator = await authenticatorP;
          principal = await authenticator.authenticate(req.headers.authorization);
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
        const body = op.bodySchema ? check(validators.body, req.body, '') : undefined;
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
        res.status(out.status);
        if (out.contentType) res.type(out.contentType).send(out.body);
        else res.json(out.body);
      })().catch(next);
    });
  }
  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new NodeError('NODE-NOT-FOUND', `no route ${req.method} ${req.path}`));
  });
  app.use(problemMiddleware);
  const server = createServer({ maxHeaderSize: 16 * 1024 }, app);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  return { app, server };
}

async function loadJwks(source: string) {
  if (/^https:\/\//.test(source)) return new URL(source);
  return JSON.parse(await readFile(source, 'utf8')) as { keys: Array<Record<string, unknown>> };
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
