// The operator's view in a real browser: peers, a connection test to a stopped peer naming the failing step, a dead letter retried once the peer is back.
import { expect } from 'chai';
import { testFederation, eventually } from '../fixtures/federation.js';
import { hit } from '../fixtures/traffic.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import { expectAccessible, openBrowser, screenshot, signIn, type Browser } from './browser.js';

describe('console: the operations page (real nodes, real provider, real Chromium)', function () {
  this.timeout(240_000);
  let fed: DevFederationRunner;
  let base: string;
  let b: Browser & { errors: string[] };
  let deadId: string;

  before(async () => {
    ({ fed } = await testFederation('console-admin', { identityProviders: true }));
    base = (await fed.start('AL')).ready.localApi;
    // MD is not running: a message to it is retried until its lifetime ends, then dead-lettered.
    const analyst = await fed.client('AL', 'analyst.al', ['analyst']);
    const r = await analyst.submit({ ...hit('MD', 1), ttlSeconds: 60 });
    expect(r.results[0]!.status).to.equal('queued');
    deadId = r.results[0]!.messageId;
    b = await openBrowser();
  });

  after(async () => {
    await b?.close();
    await fed?.stopAll();
  });

  afterEach(function () {
    const errors = b?.errors.splice(0) ?? [];
    if (this.currentTest?.state === 'passed') expect(errors, 'page errors').to.deep.equal([]);
  });

  it('the admin signs in and sees the peers with name, certificate expiry, last delivery and queue', async () => {
    const page = b.page;
    await page.goto(`${base}/console/`);
    await signIn(page, 'admin.al');
    await page.getByRole('heading', { name: 'Operations' }).waitFor();
    const peers = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Certificate expires' }) });
    const md = peers.getByRole('row', { name: /Moldova/ });
    await md.waitFor();
    const cells = await md.getByRole('cell').allTextContents();
    expect(cells[0]).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(cells[1]).to.equal('never');
    expect(Number(cells[2])).to.equal(1);
    await page.getByRole('heading', { name: 'Readiness' }).waitFor();
    await page.getByText('The node is ready.').waitFor();
    await page.getByText(/^Sequence \d+ · Next update \d{4}-\d{2}-\d{2}/).waitFor();
    await page.getByRole('heading', { name: 'This node’s certificates' }).waitFor();
    await expectAccessible(page, 'the operations page');
  });

  it('tests the connection to a stopped peer and sees which step failed and why', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Test connection to MD' }).click();
    const result = page.getByRole('status', { name: 'Connection test to MD' });
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent())!.replace(/\s+/g, ' ');
    expect(text).to.contain('Connection test to MD: failed');
    const steps = await result.getByRole('listitem').allTextContents();
    const failed = steps.filter((s) => s.includes(': failed'));
    expect(failed, steps.join(' | ')).to.have.length(1);
    expect(failed[0]).to.match(/TCP|connect/i);
    expect(failed[0]).to.match(/refused|ECONNREFUSED/i);
    expect(steps.filter((s) => s.includes('not tried')).length).to.be.greaterThan(0);
    await expectAccessible(page, 'the operations page with a failed connection test');
    await page.getByRole('heading', { name: 'Operations' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-peers-connection-test');
  });

  it('sees the dead letter with its reason in words and the banner, and retries it once the peer is back', async function () {
    const page = b.page;
    const dead = page
      .getByRole('table')
      .filter({ has: page.getByRole('button', { name: `Retry ${deadId}` }) });
    await dead.waitFor({ timeout: 120_000 });
    const row = (await dead.getByRole('row').nth(1).textContent())!;
    expect(row).to.contain('MD');
    expect(row).to.match(/[a-z]{4,} .*\(FFX-[A-Z-]+\)/);
    await page
      .getByRole('complementary', { name: 'Needs attention' })
      .getByText(/could not be delivered/)
      .waitFor({ timeout: 30_000 });
    await fed.start('MD');
    await page.getByRole('button', { name: `Retry ${deadId}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${deadId} queued again.` })
      .waitFor();
    const analyst = await fed.client('AL', 'analyst.al', ['analyst']);
    await eventually(
      'the retried message delivered',
      async () => (await analyst.outboxMessage(deadId)).summary.status === 'delivered',
    );
    await page.getByRole('button', { name: `Retry ${deadId}` }).waitFor({ state: 'detached' });
  });
});
