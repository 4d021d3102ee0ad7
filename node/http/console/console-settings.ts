// The console's sign-in settings, checked and resolved from the node configuration.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { NodeError } from '../../errors.js';
import type { NodeConfig } from '../../config/load-config.js';

type ConsoleConfig = NonNullable<NodeConfig['localApi']['console']>;

/** Resolved sign-in settings (the client secret is held here and nowhere else; never logged). */
export interface ConsoleSettings {
  /** Origin at which browsers reach the local API, without a trailing slash. */
  publicUrl: string;
  /** Cookies get `Secure` and the `__Host-` prefix. */
  secure: boolean;
  sessionSeconds: number;
  idleSeconds: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  rolesClaim: string;
  /** Plain http to the provider (a loopback issuer: dev only). */
  insecureIssuer: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks `localApi.console` and reads its client secret (from `clientSecretFile`, resolved
 * against the configuration's folder, or from `clientSecretEnv`). Every problem is
 * NODE-CONFIG-INVALID naming the setting.
 *
 * @example const settings = consoleSettings(config.localApi.console, { https: false, configPath });
 */
export function consoleSettings(
  c: ConsoleConfig,
  o: { https: boolean; configPath: string; env?: NodeJS.ProcessEnv },
): ConsoleSettings {
  const fail = (pointer: string, message: string): never => {
    throw new NodeError('NODE-CONFIG-INVALID', `localApi.console.${pointer}: ${message}`, {
      problems: [{ pointer: `/localApi/console/${pointer.replace(/\./g, '/')}`, message }],
    });
  };
  const publicUrl = new URL(c.publicUrl);
  if (o.https && publicUrl.protocol !== 'https:')
    fail('publicUrl', 'must be https: the local API listens on HTTPS');
  // An https publicUrl in front of an HTTP local API is a TLS-terminating proxy: cookies are
  // then Secure all the same.
  const issuer = new URL(c.oidc.issuer);
  const insecureIssuer = issuer.protocol === 'http:';
  if (insecureIssuer && !LOOPBACK.has(issuer.hostname))
    fail('oidc.issuer', 'plain http is accepted for a loopback identity provider only');
  const { clientSecretFile, clientSecretEnv } = c.oidc;
  if ((clientSecretFile === undefined) === (clientSecretEnv === undefined))
    fail('oidc', 'give exactly one of clientSecretFile and clientSecretEnv');
  let clientSecret: string;
  if (clientSecretFile !== undefined) {
    const path = isAbsolute(clientSecretFile)
      ? clientSecretFile
      : resolve(dirname(o.configPath), clientSecretFile);
    try {
      clientSecret = readFileSync(path, 'utf8').trim();
    } catch (err) {
      return fail('oidc.clientSecretFile', `cannot read ${path}: ${(err as Error).message}`);
    }
  } else {
    clientSecret = (o.env ?? process.env)[clientSecretEnv!] ?? '';
  }
  if (clientSecret === '')
    fail(
      clientSecretFile !== undefined ? 'oidc.clientSecretFile' : 'oidc.clientSecretEnv',
      'the client secret is empty',
    );
  const scopes = c.oidc.scopes ?? ['openid', 'profile'];
  return {
    publicUrl: publicUrl.origin,
    secure: publicUrl.protocol === 'https:',
    sessionSeconds: c.sessionSeconds ?? 28_800,
    idleSeconds: c.idleSeconds ?? 1800,
    issuer: c.oidc.issuer,
    clientId: c.oidc.clientId,
    clientSecret,
    scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    rolesClaim: c.oidc.rolesClaim ?? 'roles',
    insecureIssuer,
  };
}
