// /docs: the node's OpenAPI document rendered by Swagger UI, every file served by the node itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const HERE = dirname(fileURLToPath(import.meta.url));
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const BUNDLE = fileURLToPath(new URL('../../../generated/openapi.bundle.json', import.meta.url));

/** Files of /docs/ and where they come from. */
const FILES: Record<string, { path: string; type: string }> = {
  '': { path: join(HERE, 'docs', 'index.html'), type: 'text/html; charset=utf-8' },
  'init.js': { path: join(HERE, 'docs', 'init.js'), type: 'text/javascript; charset=utf-8' },
  'openapi.json': { path: BUNDLE, type: 'application/json; charset=utf-8' },
  'swagger-ui.css': { path: join(SWAGGER_UI, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    path: join(SWAGGER_UI, 'swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'favicon-32x32.png': { path: join(SWAGGER_UI, 'favicon-32x32.png'), type: 'image/png' },
};

/**
 * The API documentation at /docs/: Swagger UI (swagger-ui-dist) from node_modules with an
 * initializer file of ours (no inline script, so the CSP holds), on the bundled OpenAPI
 * document (generated/openapi.bundle.json: openapi.yaml with its schemas inlined, so nothing
 * is resolved against another host). Files are read on first request and kept.
 *
 * @example app.use(apiDocs());
 */
export function apiDocs(): Router {
  const router = express.Router({ strict: true });
  const cache = new Map<string, Buffer>();
  router.get('/docs', (_req, res) => res.redirect(301, '/docs/'));
  const send = (name: string, res: express.Response) => {
    const file = FILES[name]!;
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(file.path);
      cache.set(name, body);
    }
    res.setHeader('cache-control', 'no-cache');
    res.type(file.type).send(body);
  };
  router.get('/docs/', (_req, res) => send('', res));
  router.get('/docs/:file', (req, res, next) => {
    const name = req.params.file;
    if (!name || !Object.hasOwn(FILES, name)) return next();
    send(name, res);
  });
  return router;
}
