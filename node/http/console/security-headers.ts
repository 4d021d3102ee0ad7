// Security headers of every answer of the local API port: console, docs and API.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** What the headers depend on. */
export interface SecurityHeaderOptions {
  /** The local API is on HTTPS: HSTS is sent. */
  https: boolean;
  /**
   * Origins a form may be sent on to (the identity provider: signing out is a form post that the
   * node answers with a redirect to the provider's logout page, and form-action covers redirects).
   */
  formTargets?: string[];
}

/**
 * Content-Security-Policy without 'unsafe-inline' (scripts and styles from the node only, no
 * framing, no plugins, no `<base>`), X-Content-Type-Options, Referrer-Policy same-origin,
 * Cross-Origin-Opener-Policy and -Resource-Policy same-origin, X-Frame-Options DENY, and
 * Strict-Transport-Security on HTTPS.
 *
 * @example app.use(securityHeaders({ https: true, formTargets: ['https://idp.example'] }));
 */
export function securityHeaders(o: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", ...(o.formTargets ?? [])],
        frameAncestors: ["'none'"],
        ...(o.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: o.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with a form
    // post (the sign-out form), and the CSRF check could not tell the console's own posts.
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  }) as RequestHandler;
}
