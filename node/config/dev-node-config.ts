// Node configurations for the dev federation, built from certs-dev/dev-federation.json and a dev PKI folder.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FederationMember } from '../../certs-dev/types.js';

/** One member of the dev federation as listed in certs-dev/dev-federation.json. */
export type DevMember = FederationMember;

/** The dev federation's members. */
export function devFederation(): { federationId: string; name: string; members: DevMember[] } {
  return JSON.parse(
    readFileSync(new URL('../../certs-dev/dev-federation.json', import.meta.url), 'utf8'),
  ) as {
    federationId: string;
    name: string;
    members: DevMember[];
  };
}

/** Options of `devNodeConfig`. */
export interface DevNodeConfigOptions {
  /** Folder the configuration file will be written to (paths in it are relative to it). */
  configDir: string;
  /** The dev PKI output folder. */
  pkiDir: string;
  /** Folder of the policy files (default: the repository's policies/). */
  policiesDir: string;
  /** Folder for the audit journal and logs. */
  stateDir: string;
  redisUrl: string;
  redisPrefix?: string;
  instanceId?: string;
  peerPort?: number;
  localPort?: number;
  logLevel?: string;
  /** Overrides merged into the `delivery` section (tests shorten backoff and locks). */
  delivery?: Record<string, number>;
  protocol?: Record<string, number>;
  peerApi?: Record<string, unknown>;
  directoryRefreshSeconds?: number;
  /** The local API on HTTPS with the member's TLS certificate. */
  localTls?: boolean;
  /** The `localApi.console` section (console sign-in), as written. */
  console?: Record<string, unknown>;
}

/** Builds the configuration (as a plain object, ready for YAML) of dev member `id`. */
export function devNodeConfig(id: string, o: DevNodeConfigOptions): Record<string, unknown> {
  const member = devFederation().members.find((m) => m.id === id);
  if (!member) throw new Error(`${id} is not a member of the dev federation`);
  const rel = (p: string) => relative(o.configDir, p) || '.';
  const m = (file: string) => rel(join(o.pkiDir, 'members', id, file));
  const instance = o.instanceId ?? 'main';
  return {
    nodeId: id,
    instanceId: instance,
    redis: { url: o.redisUrl, ...(o.redisPrefix ? { prefix: o.redisPrefix } : {}) },
    pki: {
      rootCa: rel(join(o.pkiDir, 'root-ca.cert.pem')),
      directory: {
        source: rel(join(o.pkiDir, 'directory.jws')),
        refreshSeconds: o.directoryRefreshSeconds ?? 60,
      },
      sig: { key: m('sig.key.pem'), cert: m('sig.cert.pem') },
      enc: [{ key: m('enc.key.pem'), cert: m('enc.cert.pem') }],
      tls: { key: m('tls.key.pem'), cert: m('tls.cert.pem') },
    },
    peerApi: { host: '127.0.0.1', port: o.peerPort ?? member.peerPort, ...(o.peerApi ?? {}) },
    localApi: {
      host: '127.0.0.1',
      port: o.localPort ?? member.localPort,
      ...(o.localTls ? { tls: { key: m('tls.key.pem'), cert: m('tls.cert.pem') } } : {}),
      ...(o.console ? { console: o.console } : {}),
      auth: {
        issuer: 'https://dev-issuer.ffx.invalid',
        audience: 'ffx-local-api',
        jwks: rel(join(o.pkiDir, 'token-issuer', 'jwks.json')),
      },
    },
    policy: { file: rel(join(o.policiesDir, `${id}.yaml`)) },
    ...(o.delivery ? { delivery: o.delivery } : {}),
    ...(o.protocol ? { protocol: o.protocol } : {}),
    audit: { file: rel(join(o.stateDir, id, `audit-${instance}.jsonl`)) },
    log: { level: o.logLevel ?? 'info', file: rel(join(o.stateDir, id, `node-${instance}.log`)) },
  };
}
