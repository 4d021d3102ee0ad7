// Who may see what in the console: signed-out users are sent to sign in, an analyst gets "No access" on the operations page, forged and ended sessions are refused and the draft survives.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { testFederation } from '../fixtures/federation.js';
import { redisUrl } from '../fixtures/redis.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import { expectAccessible, field, openBrowser, signIn } from './browser.js';
import { DEV_PASSWORD } from '../../node/dev/identity-provider.js';

const SESSION_COOKIE = 'ffx-session-al';

describe('console: access, signed-out users and ended sessions (real node, real provider, real Chromium)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;
  let base: string;
  let redis: Redis;

  before(async () => {
    ({ fed } = await testFederation('console-access', { identityProviders: true }));
    base = (await fed.start('AL')).ready.localApi;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  });

  after(async () => {
    redis?.disconnect();
    await fed?.stopAll();
  });

  it('a signed-out user who opens a page is sent to sign in, and comes back to that page', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${base}/console/#/outbox`);
      await b.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await b.page.getByRole('navigation').count()).to.equal(0);
      // The API itself refuses the browser without a session.
      expect(await b.page.evaluate(() => fetch('/v1/outbox').then((r) => r.status))).to.equal(401);
      await signIn(b.page, 'analyst.al');
      await b.page.getByRole('heading', { name: 'Outbox' }).waitFor();
      expect(new URL(b.page.url()).hash).to.equal('#/outbox');
      expect(b.errors).to.deep.equal([]);
    } finally {
      await b.close();
    }
  });

  it('works with the keyboard alone: sign-in, the skip link, the navigation', async () => {
    const b = await openBrowser();
    try {
      const page = b.page;
      await page.goto(`${base}/console/#/inbox`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { textContent: string } } })
              .document.activeElement.textContent,
        ),
      ).to.equal('Sign in');
      await page.keyboard.press('Enter');
      // The provider's form: the user name has the focus.
      await page.getByLabel('User name').waitFor();
      await page.keyboard.type('analyst.al');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEV_PASSWORD);
      await page.keyboard.press('Enter');
      const allow = page.getByRole('button', { name: 'Allow' });
      const signedIn = page.getByRole('button', { name: 'Sign out' });
      await allow.or(signedIn).first().waitFor();
      if (await allow.isVisible()) {
        await allow.focus();
        await page.keyboard.press('Enter');
      }
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = (
            globalThis as unknown as {
              document: { activeElement: { textContent: string; id: string } };
            }
          ).document.activeElement;
          return `${el.id}|${el.textContent.trim().slice(0, 40)}`;
        });
      await page.keyboard.press('Tab');
      expect(await focused()).to.equal('|Skip to the page');
      await page.keyboard.press('Enter');
      expect((await focused()).startsWith('main|')).to.equal(true);
      // Tab moves on from the page's start to its first control.
      await page.keyboard.press('Tab');
      expect(await focused()).to.match(/\|(Any|Trace request|Type)/);
      expect(b.errors).to.deep.equal([]);
    } finally {
      await b.close();
    }
  });

  it('an analyst cannot open the operations page: a page says so, and the API refuses too', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${base}/console/#/admin`);
      await signIn(b.page, 'analyst.al');
      await b.page.getByRole('heading', { name: 'No access' }).waitFor();
      const text = await b.page.getByRole('main').textContent();
      expect(text).to.contain('Your roles (analyst) do not include access to Operations.');
      const nav = b.page.getByRole('navigation', { name: 'Pages' });
      expect(await nav.getByRole('link').allTextContents()).to.deep.equal([
        'Compose',
        'Outbox',
        'Inbox',
      ]);
      await expectAccessible(b.page, 'the no-access page');
      const status = await b.page.evaluate(() => fetch('/v1/dead-letters').then((r) => r.status));
      expect(status).to.equal(403);
      expect(b.errors).to.deep.equal([]);
    } finally {
      await b.close();
    }
  });

  it('a forged session cookie is refused: the console asks to sign in and the API answers 401', async () => {
    const b = await openBrowser();
    try {
      const url = new URL(base);
      await b.context.addCookies([
        {
          name: SESSION_COOKIE,
          value: 'A'.repeat(43),
          domain: url.hostname,
          path: '/',
          httpOnly: true,
          sameSite: 'Strict',
        },
      ]);
      await b.page.goto(`${base}/console/#/inbox`);
      await b.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await b.page.getByRole('navigation').count()).to.equal(0);
      const res = await b.page.evaluate(() =>
        fetch('/v1/inbox').then(async (r) => ({ status: r.status, body: await r.text() })),
      );
      expect(res.status).to.equal(401);
      expect(res.body).not.to.contain('"items"');
      expect(b.errors).to.deep.equal([]);
    } finally {
      await b.close();
    }
  });

  it('an ended session says "your session expired — sign in again" and keeps what the analyst was typing', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${base}/console/#/compose`);
      await signIn(b.page, 'analyst.al');
      await b.page.getByRole('heading', { name: 'Compose' }).waitFor();
      await b.page.getByLabel(field('Request reference')).fill('AL-2026-0099');
      await b.page.getByLabel(field('Case reference')).fill('TR-99/2026');
      // The session ends at the node (as when it expires): its record is gone from Redis.
      const cookie = (await b.context.cookies()).find((c) => c.name === SESSION_COOKIE);
      expect(cookie, 'session cookie').to.not.equal(undefined);
      expect(cookie!.httpOnly).to.equal(true);
      const key = `${fed.options.redisPrefix}AL:console:session:${createHash('sha256').update(cookie!.value).digest('base64url')}`;
      expect(await redis.del(key)).to.equal(1);
      // The next call to the node finds the session ended.
      await b.page.getByLabel('Serbia — Firearms Focal Point (RS)').check();
      await b.page.getByRole('button', { name: 'Show what each recipient will see' }).click();
      await b.page.getByText('Your session expired — sign in again.', { exact: false }).waitFor();
      await b.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectAccessible(b.page, 'the sign-in page after an ended session');
      // Nothing but the draft is kept in the browser: no token.
      const stored = await b.page.evaluate(() => {
        // Runs in the page: its storage areas, as plain objects.
        const w = globalThis as unknown as { sessionStorage: object; localStorage: object };
        return JSON.stringify({ ...w.sessionStorage, ...w.localStorage });
      });
      expect(stored).to.contain('AL-2026-0099');
      expect(stored).not.to.match(/eyJ[A-Za-z0-9_-]{10,}\./);
      await signIn(b.page, 'analyst.al');
      await b.page.getByText('Your unsent draft is shown again, as you left it.').waitFor();
      expect(await b.page.getByLabel(field('Request reference')).inputValue()).to.equal(
        'AL-2026-0099',
      );
      expect(await b.page.getByLabel(field('Case reference')).inputValue()).to.equal('TR-99/2026');
      expect(await b.page.getByLabel('Serbia — Firearms Focal Point (RS)').isChecked()).to.equal(
        true,
      );
      expect(b.errors).to.deep.equal([]);
    } finally {
      await b.close();
    }
  });
});
