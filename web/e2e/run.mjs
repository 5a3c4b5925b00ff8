// End-to-end: the real `cdcwb serve` on a fresh SQLite database, driven in Chromium the way a
// CISO, an assessor, an approver and a viewer use it. Screenshots of every main screen go to the
// output directory (default build/release/web-e2e), to be looked at.
//
//   node e2e/run.mjs path/to/cdcwb [output-dir]
import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { axeViolations, checkScreens, describeViolations } from './axe.mjs';
import { Run, addUser, cspViolations, expectEqual, expectTrue, launchBrowser, signIn, startServer } from './harness.mjs';

const binary = resolve(process.argv[2] ?? '../build/release/cdcwb');
const outDir = resolve(process.argv[3] ?? '../build/release/web-e2e');
const ORG = 'e2e-corp';
// Passwords may not contain the user name.
const ADMIN = ['e2e-admin', 'e2e-chief-passphrase-1'];
const VIEWER = ['e2e-viewer', 'e2e-reader-passphrase-1'];
const timeout = 15000;

/** RFC 4648 base32 (as the two-factor screen shows the secret) to bytes. */
function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new Error(`not base32: ${c}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code (HMAC-SHA1, 6 digits, 30-second steps) of `step`, computed here, not by the product. */
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1000000).padStart(6, '0');
}
const stepNow = () => Math.floor(Date.now() / 1000 / 30);

const server = await startServer(binary);
addUser(binary, server.db, ADMIN[0], ADMIN[1], true);
const browser = await launchBrowser();
const run = new Run(outDir);
let exitCode = 0;

try {
  const admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  admin.setDefaultTimeout(timeout);
  const page = await admin.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const api = async (path) => {
    const r = await admin.request.get(server.url + path);
    if (!r.ok()) throw new Error(`GET ${path}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const entry = (id) => api(`/api/v1/orgs/${ORG}/services/${id}`);
  const at = (path) => page.goto(server.url + path);
  /** Someone else's write: the entry changed behind the page's back (a new revision). */
  const writeBehind = async (id, change) => {
    const theirs = await entry(id);
    const csrf = (await api('/api/v1/session')).csrf_token;
    const put = await admin.request.put(`${server.url}/api/v1/orgs/${ORG}/services/${id}`, {
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'If-Match': `"${theirs.revision}"` },
      data: { ...theirs, ...change },
    });
    expectEqual(put.status(), 200, 'the other write');
  };
  /** Waits (polling the server, not for a set time) until `check` holds. */
  const until = async (check, what) => {
    for (let i = 0; i < 150; i++) {
      if (await check()) return;
      await page.waitForTimeout(100);
    }
    throw new Error(what);
  };
  const focusIn = (testid) =>
    page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testid);

  await run.step('csp-violations-are-caught', null, async () => {
    // The watch that fails the run at the end sees a style attribute put into the page's markup.
    const probe = await browser.newContext();
    const p = await probe.newPage();
    await p.goto(server.url + '/signin');
    await p.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div style="color: red">probe</div>'));
    for (let i = 0; i < 50 && cspViolations.length === 0; i++) await p.waitForTimeout(100);
    await probe.close();
    expectTrue(cspViolations.some((v) => v.includes('style-src')), `a violation was reported: ${cspViolations.join(' | ')}`);
    cspViolations.length = 0;
  });

  await run.step('sign-in-wrong-password', page, async () => {
    await at('/');
    await page.waitForURL(/\/signin/);
    await page.getByLabel('User name').fill(ADMIN[0]);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The user name or password is wrong.' }).waitFor();
  });

  await run.step('sign-in', page, async () => {
    await signIn(page, server.url, ADMIN[0], ADMIN[1]);
    await page.getByTestId('org-create-id').waitFor();
  });

  await run.step('create-organisation', page, async () => {
    await page.getByTestId('org-create-id').fill(ORG);
    await page.getByTestId('org-create-name').fill('E2E Corporation');
    await page.getByTestId('org-create-template').selectOption('small-company');
    await page.getByTestId('org-create-submit').click();
    await page.waitForURL(new RegExp(`/orgs/${ORG}/build/catalogue`));
    await page.getByTestId('level-A-1').waitFor();
  });

  await run.step('axe-new-organisation', page, async () => {
    // The screens of an organisation with nothing recorded yet (empty lists and charts).
    const heading = (p) => p.locator('h1').first().waitFor();
    await checkScreens(page, server.url, ['', '/matrix', '/evaluations', '/compare', '/actions', '/audit'].map((rest) => ({ name: `empty ${rest || '/'}`, path: `/orgs/${ORG}${rest}`, ready: heading })));
    await at(`/orgs/${ORG}/build/catalogue`);
    await page.getByTestId('level-A-1').waitFor();
  });

  await run.step('catalogue-level', page, async () => {
    await page.getByTestId('level-A-1').selectOption('advanced');
    await page.getByTestId('save-state-A-1').filter({ hasText: /Saved/ }).waitFor();
    expectEqual((await entry('A-1')).level, 'advanced', 'A-1 level on the server');
  });

  await run.step('profile-quadrant-advisor', page, async () => {
    await page.getByTestId('step-profile').click();
    await page.waitForURL(/build\/profile/);
    // A-1 is quadrant I (keep it inside): outsourcing it is a mismatch the advisor warns about.
    await page.getByTestId('assignment-A-1').selectOption('outsource');
    await page.getByTestId('mismatch-A-1').waitFor();
    await page.getByTestId('assignment-A-1').selectOption('insource');
    await page.getByTestId('mismatch-A-1').waitFor({ state: 'detached' });
    await page.getByTestId('owner-A-1').fill('Information Security Office');
    await page.getByTestId('owner-A-1').press('Tab');
    await page.getByTestId('save-state-A-1').filter({ hasText: /Saved/ }).waitFor();
    const a1 = await entry('A-1');
    expectEqual([a1.assignment, a1.owner], ['insource', 'Information Security Office'], 'A-1 profile');
  });

  await run.step('portfolio-scores', page, async () => {
    await page.getByTestId('step-portfolio').click();
    await page.waitForURL(/build\/portfolio/);
    await page.getByTestId('score-insource-as_is-A-1').selectOption('2');
    await page.getByTestId('save-state-A-1').filter({ hasText: /Saved/ }).waitFor();
    await page.getByTestId('score-insource-to_be-A-1').selectOption('4');
    await page.waitForFunction(async () => true);
    await page.getByTestId('save-state-A-1').filter({ hasText: /Saved/ }).waitFor();
    const a1 = await entry('A-1');
    expectEqual(a1.insource, { as_is: '2', to_be: '4' }, 'A-1 insource scores');
  });

  await run.step('conflict-keeps-both-values', page, async () => {
    await at(`/orgs/${ORG}/build/profile`);
    await page.getByTestId('owner-A-1').waitFor();
    // Someone else changes A-1's owner after this page loaded it.
    await writeBehind('A-1', { owner: 'Risk Committee' });
    await page.getByTestId('owner-A-1').fill('CISO Office');
    await page.getByTestId('owner-A-1').press('Tab');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await dialog.getByText('CISO Office').waitFor();
    await dialog.getByText('Risk Committee').waitFor();
    // A modal: the focus is in it, and Tab / Shift+Tab go round inside it, never to the page.
    expectTrue(await focusIn('conflict-dialog'), 'the focus moved into the conflict dialog');
    expectEqual(describeViolations('conflict dialog', await axeViolations(page)), [], 'axe-core on the open conflict dialog');
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expectTrue(await focusIn('conflict-dialog'), `the focus stays in the conflict dialog after ${key}`);
    }
    const apply = dialog.getByRole('button', { name: 'Save my choices' });
    await apply.focus();
    await page.keyboard.press('Tab');
    expectEqual(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'radio', 'Tab from the last button wraps to the first choice');
    await page.keyboard.press('Shift+Tab');
    expectEqual(await page.evaluate(() => document.activeElement?.textContent), 'Save my choices', 'Shift+Tab from the first choice wraps to the last button');
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('save-state-A-1').filter({ hasText: /Saved/ }).waitFor();
    expectEqual((await entry('A-1')).owner, 'CISO Office', 'the owner kept by the choice');
  });

  await run.step('matrix-keyboard-edit', page, async () => {
    await at(`/orgs/${ORG}/matrix`);
    await page.getByTestId('heatmap').waitFor();
    const cell = page.getByTestId('cell-insource-as_is-A-1');
    await cell.click();
    await page.keyboard.press('3');
    await page.locator('[data-testid="row-state-A-1"][data-state="saved"]').waitFor();
    expectEqual((await entry('A-1')).insource.as_is, '3', 'A-1 as-is after typing 3 in the matrix');
  });

  await run.step('matrix-conflict-escape', page, async () => {
    await writeBehind('A-1', { owner: 'Audit Committee' });
    // The cell still has the focus from the step before (a click on it now would open its editor).
    await page.getByTestId('cell-insource-as_is-A-1').focus();
    await page.keyboard.press('2');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expectTrue(await focusIn('conflict-dialog'), 'the focus moved into the conflict dialog');
    // Escape keeps the saved record, closes the dialog and gives the focus back to the cell.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expectTrue(await focusIn('cell-insource-as_is-A-1'), 'the focus is back on the cell that was edited');
    const a1 = await entry('A-1');
    expectEqual([a1.owner, a1.insource.as_is], ['Audit Committee', '3'], 'Escape kept what the other person saved');
  });

  await run.step('matrix-unassigned-pair', page, async () => {
    // B-1 … is Unassigned in the small-company template: its target is set in the matrix.
    const unassigned = (await api(`/api/v1/orgs/${ORG}/services`)).services.find((e) => e.assignment === 'unassigned');
    expectTrue(unassigned, 'a service is unassigned');
    const id = unassigned.service;
    await at(`/orgs/${ORG}/matrix?q=${encodeURIComponent(id)}`);
    await page.getByTestId(`cell-unassigned-to_be-${id}`).click();
    await page.keyboard.press('3');
    await page.getByTestId(`cell-unassigned-as_is-${id}`).click();
    await page.keyboard.press('4'); // an Unassigned service's as-is is 1 or n/a: 4 is not taken
    await page.keyboard.press('1');
    await until(async () => JSON.stringify((await entry(id)).unassigned) === JSON.stringify({ as_is: '1', to_be: '3' }), `${id}'s Unassigned pair is saved as 1 → 3`);
    await page.locator(`[data-testid="row-state-${id}"][data-state="saved"]`).waitFor();
  });

  await run.step('run-evaluations', page, async () => {
    await at(`/orgs/${ORG}/evaluations`);
    for (const id of ['E2E-1', 'E2E-2']) {
      await page.getByTestId('run-evaluation').click();
      await page.getByTestId('evaluation-id').fill(id);
      await page.getByTestId('run-evaluation-submit').click();
      await page.getByTestId(`evaluation-${id}`).waitFor();
      if (id === 'E2E-1') {
        // Change something between the two evaluations, through the matrix.
        await at(`/orgs/${ORG}/matrix`);
        await page.getByTestId('cell-insource-as_is-A-1').click();
        await page.keyboard.press('4');
        await page.locator('[data-testid="row-state-A-1"][data-state="saved"]').waitFor();
        await at(`/orgs/${ORG}/evaluations`);
      }
    }
    const list = await api(`/api/v1/orgs/${ORG}/evaluations`);
    expectEqual(list.evaluations.map((e) => e.id), ['E2E-1', 'E2E-2'], 'evaluations recorded');
  });

  await run.step('approve-evaluation', page, async () => {
    await page.getByTestId('approve-E2E-1').click();
    await page.getByTestId('approve-E2E-1').waitFor({ state: 'detached' });
    const list = await api(`/api/v1/orgs/${ORG}/evaluations`);
    expectTrue(list.evaluations[0].approved_on, 'E2E-1 is approved on the server');
  });

  await run.step('evaluation-findings', page, async () => {
    await at(`/orgs/${ORG}/evaluations/E2E-2`);
    await page.getByTestId('findings').waitFor();
    expectTrue((await page.getByTestId('finding').count()) > 0, 'findings are listed');
  });

  await run.step('compare-evaluations', page, async () => {
    await at(`/orgs/${ORG}/evaluations`);
    await page.getByTestId('compare-from').selectOption('E2E-1');
    await page.getByTestId('compare-to').selectOption('E2E-2');
    await page.getByTestId('compare-go').click();
    await page.waitForURL(/\/compare\?/);
    await page.getByTestId('changes').waitFor();
    await page.getByTestId('change').filter({ hasText: 'A-1' }).first().waitFor();
  });

  let actionId = '';
  await run.step('create-action', page, async () => {
    await at(`/orgs/${ORG}/actions`);
    await page.getByTestId('action-create').click();
    await page.getByTestId('action-title').fill('Write the risk assessment procedure');
    const services = page.getByTestId('action-services');
    if ((await services.evaluate((e) => e.tagName)) === 'SELECT') await services.selectOption(['A-1']);
    else await services.fill('A-1');
    await page.getByTestId('action-cycle').selectOption('short');
    await page.getByTestId('action-owner').fill('CISO Office');
    await page.getByTestId('action-due').fill('2027-03-31');
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid^="action-"][data-cycle="short"]').filter({ hasText: 'Write the risk assessment procedure' }).waitFor();
    const actions = (await api(`/api/v1/orgs/${ORG}/actions`)).actions;
    const created = actions.find((a) => a.title === 'Write the risk assessment procedure');
    expectTrue(created, 'the action exists on the server');
    actionId = created.id;
    await page.locator(`[data-testid="action-${actionId}"][data-cycle="short"]`).waitFor();
  });

  await run.step('escalate-action', page, async () => {
    await page.getByTestId(`escalate-${actionId}`).click();
    await page.getByTestId('escalate-note').fill('Needs a budget line for FY2027');
    await page.getByTestId('escalate-submit').click();
    await page.locator(`[data-testid="action-${actionId}"][data-cycle="long"]`).waitFor();
    const action = (await api(`/api/v1/orgs/${ORG}/actions/${actionId}`));
    expectEqual(action.cycle, 'long', 'the escalated action on the server');
  });

  await run.step('overview', page, async () => {
    await at(`/orgs/${ORG}`);
    await page.getByTestId('overview-radar').locator('canvas').waitFor();
    await page.getByTestId('overview-overall').waitFor();
  });

  await run.step('japanese-remembered', page, async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('link', { name: 'マトリクス', exact: true }).waitFor();
    expectEqual((await api('/api/v1/session')).user.lang, 'ja', 'the language kept for the user');
    // Another browser, same user: it opens in Japanese.
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const otherPage = await other.newPage();
    await signIn(otherPage, server.url, ADMIN[0], ADMIN[1]);
    await otherPage.goto(`${server.url}/orgs/${ORG}/matrix`);
    await otherPage.getByRole('link', { name: '改善', exact: true }).waitFor();
    await other.close();
    await at(`/orgs/${ORG}/matrix`);
    await page.getByTestId('matrix-grid').waitFor();
  });

  await run.step('catalogue-browser-japanese', page, async () => {
    await at('/catalogues');
    await page.getByTestId('browser-search').fill('インシデント');
    await page.getByTestId('browser-x1060').locator('[data-testid^="item-"]').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByTestId('browser-search').fill('triage');
    await page.getByTestId('browser-first').locator('[data-testid^="item-"]').first().waitFor();
    expectEqual((await api('/api/v1/session')).user.lang, 'en', 'back to English');
  });

  await run.step('create-viewer', page, async () => {
    await at('/admin/users');
    await page.getByTestId('user-create-username').fill(VIEWER[0]);
    await page.getByTestId('user-create-display').fill('Viola Viewer');
    await page.getByTestId('user-create-password').fill(VIEWER[1]);
    await page.getByTestId('user-create-lang').selectOption('en');
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId(`user-${VIEWER[0]}`).waitFor();
    await at(`/orgs/${ORG}/members`);
    await page.getByTestId('member-add-user').fill(VIEWER[0]);
    await page.getByTestId('member-add-role').selectOption('viewer');
    await page.getByTestId('member-add-submit').click();
    await page.getByTestId(`member-${VIEWER[0]}`).waitFor();
  });

  await run.step('audit-log', page, async () => {
    await at(`/orgs/${ORG}/audit`);
    await page.getByTestId('audit-table').waitFor();
    // The table can be drawn before its rows arrive: wait for the sixth row rather than count at once.
    await page.getByTestId('audit-row').nth(5).waitFor({ timeout: 10000 }).catch(() => {});
    expectTrue((await page.getByTestId('audit-row').count()) > 5, 'the audit log lists the changes made');
    await page.getByTestId('audit-chain').waitFor();
    expectEqual(await page.getByTestId('audit-chain').getAttribute('data-verified'), 'true', 'the audit chain verifies');
    // A reader in Tokyo (UTC+9, no summer time) sees each moment in their own time.
    const tokyo = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
    try {
      const tpage = await tokyo.newPage();
      await signIn(tpage, server.url, ADMIN[0], ADMIN[1]);
      await tpage.goto(`${server.url}/orgs/${ORG}/audit`);
      const cell = tpage.getByTestId('audit-row').first().locator('td[title]');
      const utc = await cell.getAttribute('title');
      const local = new Date(Date.parse(utc) + 9 * 3600 * 1000);
      const pad = (n) => String(n).padStart(2, '0');
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][local.getUTCMonth()];
      const expected = `${local.getUTCDate()} ${month} ${local.getUTCFullYear()}, ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
      expectEqual((await cell.textContent()).trim(), expected, `the audit record of ${utc} shown in Tokyo time`);
    } finally {
      await tokyo.close();
    }
  });

  await run.step('api-token', page, async () => {
    await at('/account/tokens');
    await page.getByTestId('token-name').fill('ci');
    await page.getByTestId('token-password').fill(ADMIN[1]);
    await page.getByTestId('token-create').click();
    await page.getByTestId('token-secret').waitFor();
    const secret = await page.getByTestId('token-secret').inputValue();
    expectTrue(/cdcwb_/.test(secret ?? ''), 'the token is shown once');
  });

  await run.step('account-sessions-and-password', page, async () => {
    // The same user signed in elsewhere: a second session.
    const other = await browser.newContext();
    try {
      const signedIn = await other.request.post(server.url + '/api/v1/session', { data: { username: ADMIN[0], password: ADMIN[1] } });
      expectEqual(signedIn.status(), 201, 'a second sign-in');
      await page.getByTestId('account-link').click();
      await page.waitForURL(/\/account$/);
      // Earlier steps signed in elsewhere too: end one session, then every other.
      const ends = page.locator('[data-testid^="session-end-"]');
      await until(async () => (await ends.count()) >= 1, 'the other sessions are listed, each with a sign-out button');
      const before = await ends.count();
      await ends.first().click();
      await page.getByRole('status').filter({ hasText: 'That session was signed out.' }).waitFor();
      await until(async () => (await ends.count()) === before - 1, 'one session fewer');
      if (before > 1) {
        await page.getByTestId('sessions-end-others').click();
        await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
        await page.getByRole('status').filter({ hasText: 'other sessions were signed out' }).waitFor();
      }
      await page.getByTestId('sessions-none-else').waitFor();
      expectEqual((await other.request.get(server.url + '/api/v1/session')).status(), 401, 'the other session has ended');

      const fresh = 'e2e-a-whole-new-passphrase';
      await page.getByTestId('account-current-password').fill('not-the-password');
      await page.getByTestId('account-new-password').fill(fresh);
      await page.getByTestId('account-repeat-password').fill(fresh);
      await page.getByTestId('account-change-password').click();
      await page.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor();
      await page.getByTestId('account-current-password').fill(ADMIN[1]);
      await page.getByTestId('account-change-password').click();
      await page.getByTestId('account-password-done').waitFor();
      ADMIN[1] = fresh;
      expectEqual((await api('/api/v1/session')).user.username, ADMIN[0], 'this session stays signed in');
    } finally {
      await other.close();
    }
  });

  // Every screen, with the data the steps above made, checked with axe-core (WCAG 2.1 A/AA) in
  // both languages: any violation fails the run.
  const testid = (id) => (p) => p.getByTestId(id).first().waitFor();
  const screens = [
    { name: 'home', path: '/', ready: testid('org-list') },
    { name: 'overview', path: `/orgs/${ORG}`, ready: testid('overview-overall') },
    { name: 'build-catalogue', path: `/orgs/${ORG}/build/catalogue`, ready: testid('level-A-1') },
    { name: 'build-profile', path: `/orgs/${ORG}/build/profile`, ready: testid('owner-A-1') },
    { name: 'build-portfolio', path: `/orgs/${ORG}/build/portfolio`, ready: testid('score-insource-as_is-A-1') },
    { name: 'matrix', path: `/orgs/${ORG}/matrix`, ready: async (p) => { await testid('matrix-grid')(p); await testid('heatmap')(p); } },
    { name: 'evaluations', path: `/orgs/${ORG}/evaluations`, ready: testid('evaluation-E2E-1') },
    { name: 'evaluation', path: `/orgs/${ORG}/evaluations/E2E-2`, ready: testid('findings') },
    { name: 'compare', path: `/orgs/${ORG}/compare?from=E2E-1&to=E2E-2`, ready: testid('changes') },
    { name: 'actions', path: `/orgs/${ORG}/actions`, ready: (p) => testid(`action-${actionId}`)(p) },
    { name: 'browser', path: '/catalogues', ready: (p) => p.getByTestId('browser-x1060').locator('[data-testid^="item-"]').first().waitFor() },
    { name: 'members', path: `/orgs/${ORG}/members`, ready: testid(`member-${VIEWER[0]}`) },
    { name: 'users', path: '/admin/users', ready: testid(`user-${VIEWER[0]}`) },
    { name: 'tokens', path: '/account/tokens', ready: testid('token-name') },
    { name: 'account', path: '/account', ready: testid('account-sessions') },
    { name: 'audit', path: `/orgs/${ORG}/audit`, ready: testid('audit-table') },
    { name: 'site-audit', path: '/admin/audit', ready: testid('audit-table') },
  ];

  await run.step('axe-every-screen-english', page, async () => {
    await checkScreens(page, server.url, screens);
  });

  await run.step('axe-every-screen-japanese', page, async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await page.locator('html[lang="ja"]').waitFor({ state: 'attached' });
    try {
      await checkScreens(page, server.url, screens, ' (ja)');
    } finally {
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    }
  });

  await run.step('axe-sign-in', null, async () => {
    const anonymous = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    try {
      const p = await anonymous.newPage();
      await checkScreens(p, server.url, [{ name: 'sign-in', path: '/signin', ready: (q) => q.getByLabel('User name').waitFor() }]);
    } finally {
      await anonymous.close();
    }
  });

  // A viewer reads everything and can change nothing.
  const viewer = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  viewer.setDefaultTimeout(timeout);
  const vpage = await viewer.newPage();
  vpage.on('pageerror', (e) => errors.push(e.message));
  await run.step('viewer-cannot-edit', vpage, async () => {
    await signIn(vpage, server.url, VIEWER[0], VIEWER[1]);
    await vpage.waitForURL(new RegExp(`/orgs/${ORG}`));
    await vpage.getByTestId('read-only').waitFor();
    await vpage.goto(`${server.url}/orgs/${ORG}/build/catalogue`);
    await vpage.getByText('Risk management').first().waitFor();
    const level = vpage.getByTestId('level-A-1');
    expectTrue((await level.count()) === 0 || (await level.isDisabled()), 'the level control is not editable');
    await vpage.goto(`${server.url}/orgs/${ORG}/matrix`);
    await vpage.getByTestId('cell-insource-as_is-A-1').click();
    await vpage.keyboard.press('5');
    await vpage.waitForTimeout(300);
    expectEqual((await entry('A-1')).insource.as_is, '4', 'the viewer typed 5 and nothing changed');
    await vpage.goto(`${server.url}/orgs/${ORG}/evaluations`);
    await vpage.getByTestId('evaluation-E2E-1').waitFor();
    expectEqual(await vpage.getByTestId('run-evaluation').count(), 0, 'no run button for a viewer');
    await vpage.goto(`${server.url}/orgs/${ORG}/actions`);
    await vpage.getByTestId(`action-${actionId}`).waitFor();
    expectEqual(await vpage.getByTestId('action-create').count(), 0, 'no create button for a viewer');
  });

  // Two-factor sign-in as the viewer uses it: set up from the account with a code computed here,
  // sign out, sign in with the second factor, then with a recovery code; then an administrator
  // resets it from the Users screen (a lost phone) and the password alone signs in again.
  let secret = '';
  let usedStep = 0;
  let recoveryCodes = [];
  const signInWithCode = async (code) => {
    await vpage.goto(server.url + '/signin');
    await vpage.getByLabel('User name').fill(VIEWER[0]);
    await vpage.getByLabel('Password', { exact: true }).fill(VIEWER[1]);
    await vpage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await vpage.getByTestId('signin-code').fill(code);
    await vpage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await vpage.waitForURL((u) => !u.pathname.startsWith('/signin'));
  };
  const signOut = async () => {
    await vpage.getByRole('button', { name: 'Sign out' }).click();
    await vpage.waitForURL(/\/signin/);
  };
  await run.step('two-factor-enrol', vpage, async () => {
    await vpage.getByTestId('nav-two-factor').click();
    await vpage.getByTestId('two-factor-start').click();
    secret = (await vpage.getByTestId('two-factor-secret').textContent()).trim();
    usedStep = stepNow();
    await vpage.getByTestId('two-factor-code').fill(totp(secret, usedStep));
    await vpage.getByTestId('two-factor-confirm').click();
    await vpage.getByTestId('two-factor-codes').waitFor();
    recoveryCodes = (await vpage.getByTestId('two-factor-codes').locator('li code').allTextContents()).map((c) => c.trim());
    expectEqual(recoveryCodes.length, 10, 'ten recovery codes are shown once');
    await vpage.getByTestId('two-factor-codes-done').click();
    await vpage.getByTestId('two-factor-on').waitFor();
  });

  await run.step('two-factor-sign-in', vpage, async () => {
    await signOut();
    // The confirmation used this step's code: a later step's (one step ahead is accepted) signs in.
    usedStep = Math.max(usedStep + 1, stepNow());
    await signInWithCode(totp(secret, usedStep));
    await vpage.getByTestId('read-only').waitFor();
    expectEqual((await viewer.request.get(server.url + '/api/v1/session')).status(), 200, 'signed in with the second factor');
  });

  await run.step('two-factor-recovery-code', vpage, async () => {
    await signOut();
    await signInWithCode(recoveryCodes[0]);
    await vpage.getByTestId('nav-two-factor').click();
    await vpage.getByTestId('two-factor-on').filter({ hasText: '9' }).waitFor();
  });

  await run.step('two-factor-reset-by-an-administrator', page, async () => {
    await at('/admin/users');
    await page.getByTestId(`reset-two-factor-${VIEWER[0]}`).click();
    await page.getByLabel('Your own password, to confirm').fill(ADMIN[1]);
    await page.getByRole('button', { name: `Turn off two-factor sign-in of ${VIEWER[0]}` }).click();
    await page.getByRole('status').filter({ hasText: `Two-factor sign-in of ${VIEWER[0]} was turned off` }).waitFor();
    expectEqual((await viewer.request.get(server.url + '/api/v1/session')).status(), 401, "the viewer's sessions have ended");
    await signIn(vpage, server.url, VIEWER[0], VIEWER[1]);
    await vpage.getByTestId('read-only').waitFor();
  });

  await run.step('no-script-errors', null, async () => {
    expectEqual(errors, [], 'uncaught errors in the pages');
  });

  await run.step('no-content-security-policy-violations', null, async () => {
    expectEqual(cspViolations, [], 'CSP violations in the pages (the policy allows no inline script or style)');
  });
} catch {
  exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${run.results.filter((r) => r.ok).length} passed, ${run.failed} failed; screenshots in ${outDir}`);
if (exitCode) console.log('server log (tail):\n' + server.log.split('\n').slice(-20).join('\n'));
process.exit(exitCode);
