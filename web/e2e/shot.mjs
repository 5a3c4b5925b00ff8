// Screenshot of one page, optionally signed in: node e2e/shot.mjs URL OUT.png [USER PASSWORD [PATH]]
import { chromium } from 'playwright-core';
const [url, out, user, pass, path] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', m => console.log('console:', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror:', e.message));
await page.goto(url);
if (user) {
  await page.getByLabel(/User name|ユーザー名/).fill(user);
  await page.getByLabel(/^Password|パスワード/).fill(pass);
  await page.getByRole('button', { name: /Sign in|サインイン/ }).click();
  await page.getByRole('button', { name: /Sign out|サインアウト/ }).waitFor({ timeout: 20000 });
  if (path) { await page.goto(url.replace(/\/$/, '') + path); await page.waitForLoadState('networkidle'); }
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
