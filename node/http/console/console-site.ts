// The console on the local API's port: security headers, sign-in routes, the console's files, /docs, session callers.
import type { Express, Request } from 'express';
import type { RequestListener, Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Logger } from '../../lib/logger.js';
import type { ResolvedConfig } from '../../config/load-config.js';
import type { Principal } from '../auth/authenticator.js';
import { securityHeaders } from './security-headers.js';
import { consoleSettings } from './console-settings.js';
import { SessionStore } from './session-store.js';
import { OidcSignIn } from './oidc-sign-in.js';
import { sessionCookies } from './session-cookies.js';
import { ConsoleSessions, type ConsoleSessionDeps } from './console-sessions.js';
import { authRoutes, signInNotConfigured } from './auth-routes.js';
import { consoleFiles } from './console-files.js';
import { apiDocs } from './api-docs.js';
import { createLocalServer } from './create-local-server.js';

/** What the console needs of the node. */
export interface ConsoleDeps {
  config: Pick<ResolvedConfig, 'nodeId' | 'localApi' | 'redis' | 'configPath'>;
  redis: Redis;
  log: Logger;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
}

/** The console as the local API sees it. */
export interface ConsoleSite {
  /** Mounts headers, sign-in routes, console files and /docs on the app, before the API routes. */
  mount(app: Express): void;
  /**
   * The caller of a request signed in through the console (undefined: not a console request,
   * check the bearer token). Throws NODE-SESSION-EXPIRED for a cookie of no live session and
   * NODE-CSRF for a state-changing request without the session's CSRF token or from another
   * origin.
   */
  principal(req: Request): Promise<Principal | undefined>;
  /** The local API's server: HTTPS with `localApi.tls`, else HTTP. */
  createServer(app: RequestListener): Server;
}

/**
 * The console of a node: the security headers (every answer of the port), /console/auth/*
 * (sign-in, when `localApi.console` is configured), the built console at /console/ and the API
 * documentation at /docs/, and the session check the API routes use next to bearer tokens.
 * Throws NODE-CONFIG-INVALID for a bad sign-in configuration, so the node does not start with one.
 *
 * @example
 * const site = consoleSite({ config, redis, log });
 * createLocalApp({ ..., mounts: [site.mount], sessionPrincipal: site.principal, listener: site.createServer });
 */
export function consoleSite(deps: ConsoleDeps): ConsoleSite {
  const { config } = deps;
  const https = config.localApi.tls !== undefined;
  const c = config.localApi.console;
  const settings = c
    ? consoleSettings(c, { https, configPath: config.configPath, env: deps.env ?? process.env })
    : undefined;
  let sessions: ConsoleSessions | undefined;
  let sessionDeps: ConsoleSessionDeps | undefined;
  if (settings) {
    const now = deps.now ?? Date.now;
    sessionDeps = {
      settings,
      store: new SessionStore({
        redis: deps.redis,
        prefix: config.redis.prefix,
        idleSeconds: settings.idleSeconds,
        now,
      }),
      signIn: new OidcSignIn(settings, now),
      cookies: sessionCookies(config.nodeId, { secure: settings.secure }),
      log: deps.log,
      now,
    };
    sessions = new ConsoleSessions(sessionDeps);
  }
  return {
    mount(app) {
      app.use(
        securityHeaders({
          https,
          formTargets: settings ? [new URL(settings.issuer).origin] : [],
        }),
      );
      app.use(
        '/console/auth',
        sessions && sessionDeps ? authRoutes(sessionDeps, sessions) : signInNotConfigured(),
      );
      app.use(consoleFiles());
      app.use(apiDocs());
    },
    principal: (req) => (sessions ? sessions.principal(req) : Promise.resolve(undefined)),
    createServer: (app) => createLocalServer(app, config.localApi.tls, config.configPath),
  };
}
