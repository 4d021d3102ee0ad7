// Reads openapi.yaml once: the operations, their paths, roles and schemas drive the local API's router.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** Base URI of the schema files' `$id`s; `./schemas/x.json` references in openapi.yaml map onto it. */
export const SCHEMA_BASE = 'https://ffx.invalid/schemas/v1/';

/** One documented operation. */
export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  /** The OpenAPI path, e.g. `/v1/outbox/{id}`. */
  path: string;
  /** The same path in express syntax, e.g. `/v1/outbox/:id`. */
  expressPath: string;
  tags: string[];
  /** Roles allowed (`x-roles`); empty for unauthenticated operations. */
  roles: string[];
  authenticated: boolean;
  /** JSON Schema (with `$ref`s rewritten to schema `$id`s) of the JSON request body, if any. */
  bodySchema?: Record<string, unknown>;
  /** JSON Schema of the query string, as an object schema. */
  querySchema?: Record<string, unknown>;
  /** JSON Schema of the path parameters, as an object schema. */
  pathSchema?: Record<string, unknown>;
  /** Documented response statuses. */
  responses: string[];
}

type Doc = {
  paths: Record<string, Record<string, RawOperation>>;
  components: { parameters: Record<string, RawParameter> };
  security?: unknown[];
};
type RawParameter = {
  name: string;
  in: string;
  required?: boolean;
  schema: Record<string, unknown>;
};
type RawOperation = {
  operationId: string;
  tags?: string[];
  security?: unknown[];
  'x-roles'?: string[];
  parameters?: Array<RawParameter | { $ref: string }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** Rewrites `./schemas/x.json#/…` references to the schema `$id` so the shared ajv resolves them. */
export function rewriteRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(rewriteRefs) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('./schemas/')
        ? SCHEMA_BASE + v.slice('./schemas/'.length)
        : rewriteRefs(v);
  }
  return out as T;
}

/** Loads the operations of openapi.yaml (default: the one at the repository root). */
export function loadOperations(
  file: URL = new URL('../../openapi.yaml', import.meta.url),
): Operation[] {
  const doc = parseYaml(readFileSync(file, 'utf8')) as Doc;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const params = (raw.parameters ?? []).map((p) =>
        '$ref' in p
          ? doc.components.parameters[p.$ref.replace('#/components/parameters/', '')]!
          : p,
      );
      const objectSchema = (where: string) => {
        const ps = params.filter((p) => p.in === where);
        if (ps.length === 0) return undefined;
        return rewriteRefs({
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(ps.map((p) => [p.name, p.schema])),
          required: ps.filter((p) => p.required).map((p) => p.name),
        });
      };
      const json = raw.requestBody?.content['application/json']?.schema;
      const authenticated =
        raw.security === undefined ? (doc.security?.length ?? 0) > 0 : raw.security.length > 0;
      const op: Operation = {
        operationId: raw.operationId,
        method,
        path,
        expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
        tags: raw.tags ?? [],
        roles: raw['x-roles'] ?? [],
        authenticated,
        responses: Object.keys(raw.responses),
      };
      if (json) op.bodySchema = rewriteRefs(json);
      const q = objectSchema('query');
      if (q) op.querySchema = q;
      const pth = objectSchema('path');
      if (pth) op.pathSchema = pth;
      ops.push(op);
    }
  }
  return ops;
}
