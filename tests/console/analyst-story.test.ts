// The analyst's story in a real browser: sign in through the OpenID provider, compose with the per-destination preview, send, delivery with receipt, the answer from RS, the thread updated live.
import { expect } from 'chai';
import { testFederation } from '../fixtures/federation.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import {
  descriptionOf,
  field,
  expectAccessible,
  openBrowser,
  screenshot,
  signIn,
  waitForDescription,
  type Browser,
} from './browser.js';

describe('console: the analyst story between AL and RS (real nodes, real provider, real Chromium)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;
  let al: Browser & { errors: string[] };
  let rs: Browser & { errors: string[] };
  let alBase: string;
  let rsBase: string;
  let sentId: string;

  before(async () => {
    ({ fed } = await testFederation('console-story', { identityProviders: true }));
    alBase = (await fed.start('AL')).ready.localApi;
    rsBase = (await fed.start('RS')).ready.localApi;
    [al, rs] = await Promise.all([openBrowser(), openBrowser()]);
  });

  after(async () => {
    await Promise.all([al?.close(), rs?.close()]);
    await fed?.stopAll();
  });

  afterEach(function () {
    // A script error in either page fails the test in which it happened.
    const errors = [...(al?.errors.splice(0) ?? []), ...(rs?.errors.splice(0) ?? [])];
    if (this.currentTest?.state === 'passed') expect(errors, 'page errors').to.deep.equal([]);
  });

  it("AL's analyst signs in through the identity provider and lands on Compose", async () => {
    const page = al.page;
    await page.goto(`${alBase}/console/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'sign-in');
    await signIn(page, 'analyst.al');
    await page.getByRole('heading', { name: 'Compose' }).waitFor();
    expect(await page.getByText('Signed in as').textContent()).to.contain('analyst');
    expect(new URL(page.url()).origin).to.equal(alBase);
  });

  it('writes a trace request with a possessor: errors next to the fields before sending, then RS’s preview with the date of birth generalised to the year', async () => {
    const page = al.page;
    await expectAccessible(page, 'the empty compose page');
    // Sending nothing shows the errors next to the fields, in words, and sends nothing.
    await page.getByRole('button', { name: 'Show what each recipient will see' }).click();
    await page.getByText('The message has errors; each is shown next to its field.').waitFor();
    expect(await page.getByText('Choose at least one destination.').isVisible()).to.equal(true);
    expect(await descriptionOf(page.getByLabel(field('Request reference')))).to.contain(
      'Required.',
    );
    expect(
      await page.getByRole('heading', { name: 'What each recipient will see' }).count(),
    ).to.equal(0);

    await page.getByLabel('Serbia — Firearms Focal Point (RS)').check();
    await page.getByLabel(field('Handling code')).selectOption('H1');
    await page.getByLabel(field('Purpose')).selectOption('criminal-investigation');
    await page.getByLabel(field('TLP')).selectOption('AMBER');
    await page.getByLabel(field('Request reference')).fill('AL-2026-0042');
    await page.getByLabel(field('Priority')).selectOption('routine');
    await page.getByLabel(field('Case reference')).fill('TR-17/2026');
    await page.getByLabel(field('Offence code')).fill('illicit-possession');
    await page
      .getByRole('group', { name: field('Requester') })
      .getByLabel(field('Agency'))
      .fill('Albanian State Police');
    const firearm = page.getByRole('group', { name: field('Firearm') });
    await firearm.getByLabel(field('Serial number')).fill('M70-123456');
    await firearm.getByLabel(field('Make')).fill('Zastava');
    await firearm.getByLabel(field('Type')).selectOption('pistol');
    await firearm.getByLabel(field('Calibre')).fill('7.62x25 mm');
    await page.getByLabel(field('Date of recovery')).fill('2026-11-20');
    await page
      .getByRole('group', { name: field('Place of recovery') })
      .getByLabel(field('Country'))
      .fill('AL');
    await page.getByLabel(field('Recovering agency')).fill('Tirana police');
    const possessor = page.getByRole('group', { name: field('Possessor') });
    await possessor.getByLabel(field('Name')).fill('Arben Hoxha');
    // A wrong date says so next to the field while typing.
    const dob = possessor.getByLabel(field('Date of birth'));
    await dob.fill('12.04.1985');
    await dob.blur();
    await waitForDescription(dob, 'Enter a date (YYYY-MM-DD) or a year.');
    await dob.fill('1985-04-12');
    await waitForDescription(dob, 'Enter a date (YYYY-MM-DD) or a year.', false);

    await page.getByRole('button', { name: 'Show what each recipient will see' }).click();
    const preview = page.getByRole('article', { name: /Serbia/ });
    await preview.waitFor();
    expect(await preview.textContent()).to.match(/generalised to the year/);
    const received = preview.getByRole('table', { name: 'As RS receives it' });
    const dobRow = received.getByRole('row', { name: /Possessor › Date of birth/ });
    expect((await dobRow.textContent())!.replace(/\s+/g, ' ')).to.match(/1985 \(changed\)$/);
    expect(await received.textContent()).not.to.contain('1985-04-12');
    const written = preview.getByRole('table', { name: 'As written' });
    expect(await written.getByRole('row', { name: /Date of birth/ }).textContent()).to.contain(
      '1985-04-12',
    );
    await expectAccessible(page, 'compose with the per-destination preview');
    await screenshot(page, 'compose-preview');
  });

  it('sends it and sees it delivered with the signed receipt, without reloading', async () => {
    const page = al.page;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Queued for RS').waitFor();
    await page.getByRole('link', { name: 'See it in the outbox' }).click();
    sentId = new URL(page.url()).hash.split('/').pop()!;
    const timeline = page.getByRole('list', { name: 'Status of the message to RS' });
    await timeline.getByText('Delivered').waitFor({ timeout: 30_000 });
    const receipt = timeline.getByText(/^Receipt signed at .* UTC, digest [A-Za-z0-9_-]{43}$/);
    await receipt.waitFor();
    expect(await timeline.getByText('Accepted by the node').count()).to.equal(1);
    expect(await timeline.getByText(/^Sending, attempt 1$/).count()).to.equal(1);
    await page.getByRole('region', { name: 'Handling code H1' }).waitFor();
    await expectAccessible(page, 'the outbox message with its timeline');
    await screenshot(page, 'outbox-timeline');
    // The thread stays open while RS answers.
    await page.getByRole('link', { name: 'Show the thread' }).click();
    await page.getByRole('heading', { name: 'Thread' }).waitFor();
    await page.getByRole('link', { name: 'Trace request AL → RS' }).waitFor();
    expect(await page.getByRole('link', { name: /Trace response/ }).count()).to.equal(0);
  });

  it("RS's analyst finds it in the inbox, reads the handling banner and answers it", async () => {
    const page = rs.page;
    await page.goto(`${rsBase}/console/#/inbox`);
    await signIn(page, 'analyst.rs');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByLabel('Type').selectOption('trace-request');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: `Open message Trace request AL ${sentId}` }).click();
    const banner = page.getByRole('region', { name: 'Handling code H1' });
    await banner.waitFor();
    const text = (await banner.textContent())!;
    expect(text).to.contain(
      'Not to be used in judicial proceedings without the permission of the provider.',
    );
    expect(text).to.contain('TLP:AMBER');
    expect(text).to.contain('criminal-investigation');
    // RS received the generalised date of birth only.
    const body = page.getByRole('table', { name: 'Contents' });
    expect(await body.getByRole('row', { name: /Date of birth/ }).textContent()).to.match(/1985$/);
    await expectAccessible(page, 'an inbox message with its handling banner');
    await screenshot(page, 'inbox-message');

    await page.getByRole('link', { name: 'Answer' }).click();
    await page.getByText('Answer to AL-2026-0042 from AL').waitFor();
    expect(await page.getByLabel(field('Request reference')).inputValue()).to.equal('AL-2026-0042');
    await page.getByLabel(field('Status')).selectOption('completed');
    await page
      .getByRole('group', { name: field('Responder') })
      .getByLabel(field('Agency'))
      .fill('Serbian Ministry of Interior');
    await page.getByRole('button', { name: 'Show what each recipient will see' }).click();
    await page.getByRole('article', { name: /Albania/ }).waitFor();
    await expectAccessible(page, 'the answer with its preview');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Queued for AL').waitFor();
  });

  it("AL's analyst sees the thread answered without reloading", async () => {
    const page = al.page;
    const urlBefore = page.url();
    await page.getByRole('link', { name: 'Trace response RS → AL' }).waitFor({ timeout: 30_000 });
    const request = page.getByRole('listitem').filter({ hasText: 'Trace request AL → RS' });
    await request.getByText('answered').waitFor({ timeout: 30_000 });
    expect(page.url()).to.equal(urlBefore);
    await expectAccessible(page, 'the thread');
    await screenshot(page, 'thread');
  });
});
