// Debian's Chromium driven by playwright-core for the console's tests: one fresh profile per user, axe-core, screenshots.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { onRunEnd } from '../fixtures/cleanup.js';
import { DEV_PASSWORD } from '../../node/dev/identity-provider.js';

/** Where the tests put the screenshots the README shows. */
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** A browser of one person: its own profile (cookies), one page, closed and removed after. */
export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

let built: Promise<unknown> | undefined;

/** Builds console/dist once per run when it is missing or older than its sources (the node serves it). */
function ensureConsoleBuilt(): Promise<unknown> {
  built ??= promisify(execFile)(process.execPath, [
    fileURLToPath(new URL('../../console/scripts/build-if-stale.mjs', import.meta.url)),
  ]);
  return built;
}

/**
 * Starts headless Chromium (/usr/bin/chromium) with a fresh `--user-data-dir`, at 1280×800.
 * Page errors fail the test that reads `errors`.
 */
export async function openBrowser(): Promise<Browser & { errors: string[] }> {
  await ensureConsoleBuilt();
  const profile = await mkdtemp(join(tmpdir(), 'ffx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  onRunEnd(close);
  return { context, page, errors, close };
}

/**
 * Signs `username` in from the console's sign-in page: the console's button, the identity
 * provider's login form (and its consent page the first time), back to the console.
 */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  const login = page.getByLabel('User name');
  const allow = page.getByRole('button', { name: 'Allow' });
  const signedIn = page.getByRole('button', { name: 'Sign out' });
  // The provider remembers a user who signed in before in this browser: no form then.
  await login.or(allow).or(signedIn).first().waitFor();
  if (await login.isVisible()) {
    await login.fill(username);
    await page.getByLabel('Password').fill(DEV_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await allow.or(signedIn).first().waitFor();
  }
  if (await allow.isVisible()) await allow.click();
  await signedIn.waitFor();
}

/** axe-core on the page as it is: no serious or critical violation (each named with its nodes). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(described, `axe-core on ${what}`).to.deep.equal([]);
}

/** Saves a screenshot of the viewport (or the whole page) as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage,
    animations: 'disabled',
  });
}

/** What the description lookup reads of an element, in the page (the tests have no DOM types). */
interface DescribedElement {
  getAttribute(name: string): string | null;
  ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
}

/** The accessible description of a control (what `aria-describedby` points to: hint and errors). */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((node): string => {
    const el = node as unknown as DescribedElement;
    return (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  });
}

/** Waits until `control`'s description does (or does not) contain `text`. */
export async function waitForDescription(
  control: Locator,
  text: string,
  present = true,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await descriptionOf(control);
    if (d.includes(text) === present) return;
    if (Date.now() > deadline)
      throw new Error(`description "${d}" ${present ? 'lacks' : 'still has'} "${text}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A form field's accessible name: its schema title, with the required mark when it has one. */
export function field(title: string): RegExp {
  return new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`);
}
