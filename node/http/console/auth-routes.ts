// The console's sign-in routes: /console/auth/login, /callback, /session and /logout.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { NodeError } from '../../errors.js';
import type { ConsoleSessions, ConsoleSessionDeps } from './console-sessions.js';
import { PENDING_SIGN_IN_SECONDS } from './session-store.js';
import { SignInRefused } from './oidc-sign-in.js';

/** What a signed-in console reads from GET /console/auth/session. */
export interface ConsoleSessionView {
  sub: string;
  name?: string;
  roles: string[];
  /** Send as `X-CSRF-Token` with every state-changing request. */
  csrfToken: string;
  /** When the session ends at the latest (RFC 3339). */
  expiresAt: string;
  /** A session unused this long ends. */
  idleSeconds: number;
}

/**
 * The sign-in routes (mounted at /console/auth):
 * - `GET login?returnTo=/console/…` redirects to the identity provider (code flow, PKCE S256,
 *   state and nonce kept server-side under a short-lived SameSite=Lax cookie);
 * - `GET callback` completes it, creates the session and continues to `returnTo`;
 * - `GET session` answers who is signed in and the CSRF token (401 otherwise);
 * - `POST logout` ends the session server-side, then the provider's logout (RP-initiated).
 */
export function authRoutes(deps: ConsoleSessionDeps, sessions: ConsoleSessions): Router {
  const { settings, store, signIn, cookies, log, now } = deps;
  const router = express.Router();
  const wrap =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction) =>
      void fn(req, res).catch(next);

  router.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.get(
    '/login',
    wrap(async (req, res) => {
      const returnTo = consolePath(req.query.returnTo, settings.publicUrl);
      let started;
      try {
        started = await signIn.start(returnTo);
      } catch (err) {
        return void htmlPage(res, 503, 'Sign-in unavailable', (err as Error).message, returnTo);
      }
      const id = await store.startSignIn(started.pending);
      res.append('set-cookie', cookies.setSignIn(id, PENDING_SIGN_IN_SECONDS));
      res.redirect(303, started.url.toString());
    }),
  );

  router.get(
    '/callback',
    wrap(async (req, res) => {
      const signInId = cookies.signInId(req.headers);
      res.append('set-cookie', cookies.clearSignIn());
      const pending = signInId ? await store.takeSignIn(signInId) : undefined;
      if (!pending) {
        return void htmlPage(
          res,
          400,
          'Sign-in expired',
          'This sign-in has expired, was already used, or was started in another browser.',
          '/console/',
        );
      }
      const callbackUrl = new URL(req.originalUrl, settings.publicUrl);
      let user;
      try {
        user = await signIn.finish(callbackUrl, pending);
      } catch (err) {
        if (err instanceof SignInRefused) {
          log.info({ error: err.error }, 'console sign-in refused');
          return void htmlPage(
            res,
            err.error === 'access_denied' ? 403 : 400,
            'Sign-in refused',
            `The identity provider did not sign you in (${err.message}).`,
            pending.returnTo,
          );
        }
        return void htmlPage(
          res,
          503,
          'Sign-in unavailable',
          (err as Error).message,
          pending.returnTo,
        );
      }
      if (user.roles.length === 0) {
        log.info({ sub: user.sub }, 'console sign-in refused: no role of this node');
        return void htmlPage(
          res,
          403,
          'No access',
          `You are signed in as ${user.sub}, but your account has none of the roles of this node (analyst, compliance-officer, auditor, admin). Ask the node's administrator for one.`,
          pending.returnTo,
        );
      }
      const at = now();
      const id = await store.create({
        ...user,
        csrfToken: store.randomToken(),
        createdAt: at,
        tokensAt: at,
        expiresAt: at + settings.sessionSeconds * 1000,
      });
      res.append('set-cookie', cookies.setSession(id, settings.sessionSeconds));
      log.info({ sub: user.sub, roles: user.roles }, 'console sign-in');
      // A page, not a redirect: a SameSite=Strict cookie is not sent on a redirect chain that
      // began on the provider's site, but it is on a navigation from this page.
      res
        .status(200)
        .type('html')
        .send(
          document(
            'Signed in',
            `<meta http-equiv="refresh" content="0;url=${escapeHtml(pending.returnTo)}">`,
            `<h1>Signed in</h1><p><a href="${escapeHtml(pending.returnTo)}">Continue to the console</a></p>`,
          ),
        );
    }),
  );

  router.get(
    '/session',
    wrap(async (req, res) => {
      const found = await sessions.session(req).catch((err: unknown) => {
        if (err instanceof NodeError && err.code === 'NODE-SESSION-EXPIRED')
          res.append('set-cookie', cookies.clearSession());
        throw err;
      });
      if (!found) throw new NodeError('NODE-UNAUTHENTICATED', 'not signed in to the console');
      const s = found.session;
      const view: ConsoleSessionView = {
        sub: s.sub,
        ...(s.name ? { name: s.name } : {}),
        roles: s.roles,
        csrfToken: s.csrfToken,
        expiresAt: new Date(s.expiresAt).toISOString(),
        idleSeconds: settings.idleSeconds,
      };
      res.json(view);
    }),
  );

  router.post(
    '/logout',
    express.urlencoded({ extended: false, limit: '4kb' }),
    wrap(async (req, res) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      let idToken: string | undefined;
      const found = await sessions
        .session({
          method: req.method,
          headers: req.headers,
          ...(typeof form.csrf === 'string' ? { formCsrfToken: form.csrf } : {}),
        })
        .catch((err: unknown) => {
          // Signing out of an ended session only clears the cookie.
          if (err instanceof NodeError && err.code === 'NODE-SESSION-EXPIRED') return undefined;
          throw err;
        });
      if (found) {
        await store.delete(found.id);
        idToken = found.session.idToken;
        log.info({ sub: found.session.sub }, 'console sign-out');
      }
      res.append('set-cookie', cookies.clearSession());
      const logoutUrl = (await signIn.logoutUrl(idToken)) ?? '/console/';
      if (req.accepts(['html', 'json']) === 'json')
        return void res.json({ signedOut: true, logoutUrl });
      res.redirect(303, logoutUrl);
    }),
  );

  return router;
}

/** The sign-in routes of a node whose console has no sign-in configured. */
export function signInNotConfigured(): Router {
  const router = express.Router();
  router.use((_req, _res, next) =>
    next(
      new NodeError(
        'NODE-UNAVAILABLE',
        'console sign-in is not configured on this node (localApi.console in its configuration)',
      ),
    ),
  );
  return router;
}

/** A console path to return to after sign-in: only this node's /console/ pages. */
export function consolePath(raw: unknown, publicUrl: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')) return '/console/';
  let url: URL;
  try {
    url = new URL(raw, publicUrl);
  } catch {
    return '/console/';
  }
  if (url.origin !== publicUrl || !url.pathname.startsWith('/console/')) return '/console/';
  if (url.pathname.startsWith('/console/auth/')) return '/console/';
  return url.pathname + url.search + url.hash;
}

function htmlPage(res: Response, status: number, title: string, text: string, returnTo: string) {
  const login = `/console/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  res
    .status(status)
    .type('html')
    .send(
      document(
        title,
        '',
        `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(login)}">Sign in again</a></p>`,
      ),
    );
}

function document(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>${escapeHtml(title)} – FFP exchange node</title></head><body><main>${body}</main></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
