// The built console (console/dist) at /console/: hashed assets cached for a year, every page path answered with index.html.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { NodeError } from '../../errors.js';

/** Where Vite writes the console (base /console/). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist', import.meta.url));

/**
 * Serves the single-page console. Files under /console/assets/ carry a content hash in their
 * name: `Cache-Control: public, max-age=31536000, immutable`; a missing asset is 404 (never
 * index.html, which a browser would refuse as a script). Any other GET under /console/ that is
 * no file is a page of the console: index.html, not cached, so a new build is picked up.
 *
 * @example app.use(consoleFiles());
 */
export function consoleFiles(dist: string = CONSOLE_DIST): Router {
  const router = express.Router({ strict: true });
  router.get('/console', (_req, res) => res.redirect(301, '/console/'));
  router.use(
    '/console/assets',
    express.static(join(dist, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      redirect: false,
    }),
  );
  router.use('/console/assets', (req, _res, next) =>
    next(new NodeError('NODE-NOT-FOUND', `no console file ${req.originalUrl.split('?')[0]}`)),
  );
  router.use(
    '/console',
    express.static(dist, { index: false, redirect: false, maxAge: 0, setHeaders: noCache }),
  );
  router.get('/console/{*page}', (req, res, next) => {
    if (req.path.startsWith('/console/auth/')) return next();
    // Read each time: a new build's index.html names the new assets.
    const file = join(dist, 'index.html');
    if (!existsSync(file))
      return next(new NodeError('NODE-UNAVAILABLE', 'the console is not built: run npm run build'));
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(readFileSync(file));
  });
  return router;
}

function noCache(res: express.Response): void {
  res.setHeader('cache-control', 'no-cache');
}
