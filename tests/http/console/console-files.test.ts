// The built console at /console/ over real HTTP: hashed assets cached for a year, page paths answered with index.html.
import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { consoleFiles } from '../../../node/http/console/console-files.js';
import { problemMiddleware } from '../../../node/http/problem.js';

describe('consoleFiles (real HTTP)', () => {
  let dist: string;
  let server: Server;
  let base: string;
  const INDEX =
    '<!doctype html><title>console</title><script type="module" src="/console/assets/index-AbC123.js"></script>';

  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ffx-console-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets', 'index-AbC123.js'), 'export {};\n');
    await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const app = express();
    app.use(consoleFiles(dist));
    app.use(problemMiddleware({ error: () => undefined }));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const r = await fetch(`${base}/console/assets/index-AbC123.js`);
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.match(/javascript/);
    expect(r.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
  });

  it('answers every console page path with index.html, not cached', async () => {
    for (const path of [
      '/console/',
      '/console/outbox',
      '/console/inbox/0193-abc',
      '/console/admin/peers?x=1',
    ]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).to.equal(200);
      expect(r.headers.get('content-type'), path).to.match(/^text\/html/);
      expect(r.headers.get('cache-control'), path).to.equal('no-cache');
      expect(await r.text(), path).to.equal(INDEX);
    }
    const other = await fetch(`${base}/console/favicon.svg`);
    expect(other.headers.get('content-type')).to.match(/svg/);
    expect(other.headers.get('cache-control')).to.equal('no-cache');
  });

  it('answers a missing asset with 404 problem+json, never with the page', async () => {
    const r = await fetch(`${base}/console/assets/index-Gone99.js`);
    expect(r.status).to.equal(404);
    expect(r.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(((await r.json()) as { code: string }).code).to.equal('NODE-NOT-FOUND');
  });

  it('redirects /console to /console/ and leaves /console/auth/ to the sign-in routes', async () => {
    const r = await fetch(`${base}/console`, { redirect: 'manual' });
    expect(r.status).to.equal(301);
    expect(r.headers.get('location')).to.equal('/console/');
    const auth = await fetch(`${base}/console/auth/session`);
    expect(auth.status).to.equal(404);
  });

  it('says the console is not built when console/dist has no index.html', async () => {
    await rm(join(dist, 'index.html'));
    try {
      const r = await fetch(`${base}/console/inbox`);
      expect(r.status).to.equal(503);
      expect(((await r.json()) as { detail: string }).detail).to.equal(
        'the console is not built: run npm run build',
      );
    } finally {
      await writeFile(join(dist, 'index.html'), INDEX);
    }
  });
});
