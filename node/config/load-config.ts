// Reads, validates and resolves a node configuration file (YAML or JSON).
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { hostname } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { validate } from '../../protocol/validate.js';
import { NodeError } from '../errors.js';
import { applyDefaults } from './apply-defaults.js';
import nodeConfigSchema from '../../schemas/node-config.schema.json' with { type: 'json' };
import type { components } from '../../generated/openapi.js';
import type { RedisTarget } from '../lib/redis.js';

/** The configuration as written (the schema's type). */
export type NodeConfig = components['schemas']['NodeConfig'];

type DeepRequired<T> = T extends (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<T[K]> }
    : T;

/**
 * The configuration with defaults applied and paths made absolute. Everything that has a
 * default in the schema is present; `log.file`, `pki` paths etc. are resolved against the
 * configuration file's folder.
 */
export type ResolvedConfig = DeepRequired<Omit<NodeConfig, 'log' | 'redis'>> & {
  redis: ResolvedRedis;
  log: { level: NonNullable<NonNullable<NodeConfig['log']>['level']>; file?: string };
  configPath: string;
};

/** The Redis section resolved: a URL or a Sentinel set, the prefix and the replica check. */
export interface ResolvedRedis extends RedisTarget {
  prefix: string;
  minReplicas: number;
  waitTimeoutMs: number;
}

/**
 * Loads a node configuration: parses YAML/JSON, validates it against
 * `schemas/node-config.schema.json` (errors name the JSON pointer of each problem), applies the
 * schema's defaults, resolves relative paths against the file's folder, and applies the
 * environment override `REDIS_URL`.
 *
 * @example const config = await loadConfig('config/dev/AL.yaml');
 */
export async function loadConfig(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedConfig> {
  const configPath = resolve(path);
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (err) {
    throw new NodeError(
      'NODE-CONFIG-INVALID',
      `cannot read configuration ${configPath}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new NodeError(
      'NODE-CONFIG-INVALID',
      `configuration ${configPath} is not valid YAML/JSON: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const result = validate('node-config', raw);
  if (!result.valid) {
    throw new NodeError(
      'NODE-CONFIG-INVALID',
      `configuration ${configPath} is invalid:\n${result.errors.map((e) => `  ${e.pointer || '/'}: ${e.message}`).join('\n')}`,
      { problems: result.errors.map((e) => ({ pointer: e.pointer, message: e.message })) },
    );
  }
  const withDefaults = applyDefaults(
    nodeConfigSchema as Record<string, unknown>,
    raw as NodeConfig,
  );
  const base = dirname(configPath);
  const abs = (p: string): string =>
    isAbsolute(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) ? p : resolve(base, p);
  const pair = (p: { key: string; cert: string }) => ({ key: abs(p.key), cert: abs(p.cert) });
  const c = withDefaults as ResolvedConfig;
  return {
    ...c,
    instanceId: c.instanceId ?? `${hostname()}-${process.pid}`,
    redis: resolveRedis(c.redis, c.nodeId, env, abs),
    pki: {
      ...c.pki,
      rootCa: abs(c.pki.rootCa),
      directory: { ...c.pki.directory, source: abs(c.pki.directory.source) },
      sig: pair(c.pki.sig),
      enc: c.pki.enc.map(pair),
      tls: pair(c.pki.tls),
    },
    localApi: { ...c.localApi, auth: { ...c.localApi.auth, jwks: abs(c.localApi.auth.jwks) } },
    policy: { file: abs(c.policy.file) },
    audit: { ...c.audit, file: abs(c.audit.file) },
    log: { ...c.log, ...(c.log?.file ? { file: abs(c.log.file) } : {}) },
    configPath,
  };
}

/**
 * The Redis section with its defaults: REDIS_URL overrides a configured `url` (not a Sentinel
 * set), `minReplicas` is 1 with Sentinel and 0 with a single Redis, file paths are absolute.
 */
function resolveRedis(
  r: NodeConfig['redis'],
  nodeId: string,
  env: NodeJS.ProcessEnv,
  abs: (p: string) => string,
): ResolvedRedis {
  const common = {
    prefix: r.prefix ?? `ffx:${nodeId}:`,
    waitTimeoutMs: r.waitTimeoutMs,
  };
  const s = r.sentinel;
  if (!s) {
    return { url: env.REDIS_URL ?? r.url!, minReplicas: r.minReplicas ?? 0, ...common };
  }
  const secret = (x: { file?: string; env?: string } | undefined) =>
    x === undefined ? {} : x.file ? { file: abs(x.file) } : { env: x.env! };
  return {
    sentinel: {
      sentinels: s.sentinels.map((a) => ({ host: a.host, port: a.port })),
      name: s.name,
      ...(s.password ? { password: secret(s.password) } : {}),
      ...(s.sentinelPassword ? { sentinelPassword: secret(s.sentinelPassword) } : {}),
      ...(s.tls ? { tls: { ca: abs(s.tls.ca) } } : {}),
    },
    minReplicas: r.minReplicas ?? 1,
    ...common,
  };
}
