// Runs several dev nodes as separate processes against one Redis: the demo's and the integration tests' federation.
import { chmod, mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { Redis } from 'ioredis';
import {
  devFederation,
  devNodeConfig,
  type DevNodeConfigOptions,
} from '../config/dev-node-config.js';
import { freePort } from './private-redis.js';
import { NodeProcess } from './node-process.js';
import { LocalApiClient } from './local-api-client.js';
import { startIdentityProvider, type DevIdentityProvider } from './identity-provider.js';

const POLICIES = fileURLToPath(new URL('../../policies', import.meta.url));

/** Options of a dev federation run. */
export interface RunnerOptions {
  pkiDir: string;
  stateDir: string;
  redisUrl: string;
  /** Prefix of every node's Redis keys (each node gets `<prefix><ID>:`). */
  redisPrefix: string;
  /** Mints a bearer token of the dev issuer. */
  mintToken: (sub: string, roles: string[]) => Promise<string>;
  /** Use the ports of dev-federation.json (they are in the signed directory); default true. */
  fixedPorts?: boolean;
  /** Peer API port per member when the directory lists other ports than dev-federation.json. */
  peerPorts?: Record<string, number>;
  policiesDir?: string;
  logLevel?: string;
  delivery?: Record<string, number>;
  protocol?: Record<string, number>;
  peerApi?: Record<string, unknown>;
  /** Extra environment of every node process (e.g. NODE_OPTIONS for profiling). */
  env?: Record<string, string>;
  /** Extra Node.js runtime options of every node process (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /**
   * Console sign-in: a dev identity provider (oidc-provider) per node, started here, and the
   * node's `localApi.console` configured with it (main instances only).
   */
  identityProviders?:
    boolean | { accessTokenSeconds?: number; sessionSeconds?: number; idleSeconds?: number };
  /** The local API of every node on HTTPS with the member's TLS certificate. */
  localHttps?: boolean;
}

/**
 * A set of dev nodes. Peer ports must be those the signed directory lists, so they come from
 * dev-federation.json; local API ports are free ones unless `fixedPorts`.
 */
export class DevFederationRunner {
  readonly options: RunnerOptions;
  readonly nodes = new Map<string, NodeProcess[]>();
  readonly #identityProviders = new Map<string, DevIdentityProvider>();

  constructor(options: RunnerOptions) {
    this.options = options;
  }

  /** Writes the configuration of one process of node `id` and returns its path. */
  async writeConfig(
    id: string,
    instanceId = 'main',
    overrides: Partial<DevNodeConfigOptions> = {},
  ): Promise<string> {
    const o = this.options;
    const configDir = join(o.stateDir, 'config');
    await mkdir(configDir, { recursive: true });
    await mkdir(join(o.stateDir, id), { recursive: true });
    let localPort = o.fixedPorts === false ? await freePort() : undefined;
    let signIn: Record<string, unknown> | undefined;
    if (o.identityProviders && instanceId === 'main' && overrides.console === undefined) {
      localPort =
        overrides.localPort ??
        localPort ??
        devFederation().members.find((m) => m.id === id)?.localPort ??
        (await freePort());
      signIn = await this.#signIn(id, localPort);
    }
    const cfg = devNodeConfig(id, {
      configDir,
      pkiDir: o.pkiDir,
      policiesDir: o.policiesDir ?? POLICIES,
      stateDir: o.stateDir,
      redisUrl: o.redisUrl,
      redisPrefix: `${o.redisPrefix}${id}:`,
      instanceId,
      ...(localPort !== undefined ? { localPort } : {}),
      ...(o.localHttps ? { localTls: true } : {}),
      ...(signIn ? { console: signIn } : {}),
      ...(o.peerPorts?.[id] !== undefined ? { peerPort: o.peerPorts[id] } : {}),
      ...(o.logLevel ? { logLevel: o.logLevel } : {}),
      ...(o.delivery ? { delivery: o.delivery } : {}),
      ...(o.protocol ? { protocol: o.protocol } : {}),
      ...(o.peerApi ? { peerApi: o.peerApi } : {}),
      ...overrides,
    });
    const file = join(configDir, `${id}-${instanceId}.yaml`);
    await writeFile(file, stringify(cfg));
    return file;
  }

  /**
   * Starts one process of node `id` (a second instance shares the node's Redis; it needs its own
   * peer port, so it serves no peer API traffic from the directory but delivers and takes jobs).
   */
  async start(
    id: string,
    instanceId = 'main',
    overrides: Partial<DevNodeConfigOptions> = {},
  ): Promise<NodeProcess> {
    const file = await this.writeConfig(id, instanceId, overrides);
    const proc = new NodeProcess(
      file,
      { ...this.options.env, REDIS_URL: this.options.redisUrl },
      this.options.nodeArgs,
    );
    await proc.start();
    const list = this.nodes.get(id) ?? [];
    list.push(proc);
    this.nodes.set(id, list);
    return proc;
  }

  /** The dev identity provider of node `id` (with `identityProviders`). */
  identityProvider(id: string): DevIdentityProvider {
    const idp = this.#identityProviders.get(id);
    if (!idp) throw new Error(`node ${id} has no dev identity provider`);
    return idp;
  }

  /**
   * Starts (or keeps) the identity provider of node `id` for a local API on `localPort` and
   * returns the node's `localApi.console` section; the client secret goes to a file only the
   * node reads.
   */
  async #signIn(id: string, localPort: number): Promise<Record<string, unknown>> {
    const o = this.options;
    const settings = typeof o.identityProviders === 'object' ? o.identityProviders : {};
    const nodeUrl = `${o.localHttps ? 'https' : 'http'}://127.0.0.1:${localPort}`;
    let idp = this.#identityProviders.get(id);
    if (idp && idp.client.nodeUrl !== nodeUrl) {
      await idp.stop();
      idp = undefined;
    }
    if (!idp) {
      idp = await startIdentityProvider({
        jurisdiction: id.toLowerCase(),
        client: { clientId: `ffx-console-${id.toLowerCase()}`, nodeUrl },
        ...(settings.accessTokenSeconds ? { accessTokenSeconds: settings.accessTokenSeconds } : {}),
      });
      this.#identityProviders.set(id, idp);
    }
    const secretFile = join(o.stateDir, id, 'console-client-secret');
    await writeFile(secretFile, `${idp.client.clientSecret}\n`, { mode: 0o600 });
    await chmod(secretFile, 0o600);
    return {
      publicUrl: nodeUrl,
      ...(settings.sessionSeconds ? { sessionSeconds: settings.sessionSeconds } : {}),
      ...(settings.idleSeconds ? { idleSeconds: settings.idleSeconds } : {}),
      oidc: {
        issuer: idp.issuer,
        clientId: idp.client.clientId,
        clientSecretFile: secretFile,
        scopes: ['openid', 'profile', 'roles'],
      },
    };
  }

  /** The first process of node `id`. */
  process(id: string): NodeProcess {
    const p = this.nodes.get(id)?.[0];
    if (!p) throw new Error(`node ${id} was not started`);
    return p;
  }

  /** A local API client of node `id` acting as `sub` with `roles`. */
  async client(id: string, sub: string, roles: string[]): Promise<LocalApiClient> {
    return new LocalApiClient(
      this.process(id).ready.localApi,
      await this.options.mintToken(sub, roles),
    );
  }

  /** Stops every process gracefully, and the dev identity providers. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.nodes.values()].flat().map((p) => p.stop()));
    await Promise.all([...this.#identityProviders.values()].map((idp) => idp.stop()));
    this.#identityProviders.clear();
  }

  /** Deletes every Redis key of this run and, unless told otherwise, the state folder. */
  async clean(options: { keepState?: boolean } = {}): Promise<void> {
    const r = new Redis(this.options.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(
          cursor,
          'MATCH',
          `${this.options.redisPrefix}*`,
          'COUNT',
          1000,
        );
        cursor = next;
        if (keys.length > 0) await r.unlink(...keys);
      } while (cursor !== '0');
    } finally {
      r.disconnect();
    }
    if (!options.keepState) await rm(this.options.stateDir, { recursive: true, force: true });
  }
}
