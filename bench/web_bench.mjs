// Web UI speed, measured in Chromium against the real `cdcwb serve --demo` on loopback:
//  - first load of the organisation overview with a cold browser cache (budget: 1 s, until the
//    scores are on screen and the radar is drawn), beside the
//    same browser loading the sign-in page (the floor: HTML + bundle, no data), in the same run;
//  - keyboard editing in the 64-service matrix: from the key press to the new value on screen
//    (the next paint) and to the server's confirmation.
//
//   node bench/web_bench.mjs build/release/cdcwb
import { resolve } from 'node:path';
import { launchBrowser, startServer } from '../web/e2e/harness.mjs';

const binary = resolve(process.argv[2] ?? 'build/release/cdcwb');
const ORG = 'kasumi-logistics';
const ROUNDS = 15;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), max: s[s.length - 1], n: s.length };
};
const fmt = (o) => `median ${o.median.toFixed(0)} ms, p90 ${o.p90.toFixed(0)} ms, max ${o.max.toFixed(0)} ms (n=${o.n})`;

const server = await startServer(binary, { demo: true });
const browser = await launchBrowser();
try {
  const password = server.passwords['demo-admin'];
  async function signedInContext() {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const r = await context.request.post(server.url + '/api/v1/session', {
      headers: { 'Content-Type': 'application/json' },
      data: { username: 'demo-admin', password },
    });
    if (r.status() !== 201) throw new Error('sign-in failed: ' + r.status());
    return context;
  }

  // Cold loads: a new context (empty cache) each round.
  const overview = [];
  const content = [];
  const floor = [];
  for (let i = 0; i < ROUNDS; i++) {
    const context = await signedInContext();
    const page = await context.newPage();
    let t = performance.now();
    await page.goto(server.url + '/orgs/' + ORG);
    await page.getByTestId('overview-overall').waitFor();
    content.push(performance.now() - t);
    await page.getByTestId('overview-radar').locator('canvas').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    overview.push(performance.now() - t);
    await context.close();

    const plain = await browser.newContext();
    const p2 = await plain.newPage();
    t = performance.now();
    await p2.goto(server.url + '/signin');
    await p2.getByRole('button', { name: /Sign in|サインイン/ }).waitFor();
    await p2.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    floor.push(performance.now() - t);
    await plain.close();
  }
  const o = stats(overview);
  const f = stats(floor);
  console.log(`overview first load, scores on screen (cold cache): ${fmt(stats(content))}`);
  console.log(`overview first load, radar drawn too (cold cache): ${fmt(o)}; ratio to the 1 s budget: ${(o.median / 1000).toFixed(2)}`);
  console.log(`sign-in page first load (floor):  ${fmt(f)}; overview / floor: ${(o.median / f.median).toFixed(2)}`);

  // Matrix editing: type a score into an insourced service's as-is cell, many times.
  const context = await signedInContext();
  const page = await context.newPage();
  await page.goto(server.url + '/orgs/' + ORG + '/matrix');
  await page.getByTestId('matrix-grid').waitFor();
  const services = await page.evaluate(async (org) => {
    const r = await fetch(`/api/v1/orgs/${org}/services`);
    const body = await r.json();
    return body.services.filter((e) => e.assignment === 'insource' && e.level !== 'not_required').map((e) => e.service);
  }, ORG);
  const paint = [];
  const saved = [];
  for (let i = 0; i < Math.min(20, services.length); i++) {
    const id = services[i];
    const value = String(((i % 5) + 1));
    const cell = page.getByTestId(`cell-insource-as_is-${id}`);
    await cell.click();
    await page.locator(`[data-testid="row-state-${id}"]:not([data-state="saving"])`).waitFor({ state: "attached" });
    const t0 = await page.evaluate(() => performance.now());
    const painted = page.evaluate(({ id, value }) => new Promise((resolve) => {
      const cell = document.querySelector(`[data-testid="cell-insource-as_is-${id}"]`);
      const check = () => {
        if (cell && cell.textContent && cell.textContent.includes(value)) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(check);
      };
      check();
    }), { id, value });
    await page.keyboard.press(value);
    const t1 = await painted;
    await page.locator(`[data-testid="row-state-${id}"][data-state="saved"]`).waitFor();
    const t2 = await page.evaluate(() => performance.now());
    paint.push(t1 - t0);
    saved.push(t2 - t0);
  }
  console.log(`matrix edit, key press to value on screen: ${fmt(stats(paint))}`);
  console.log(`matrix edit, key press to saved on the server: ${fmt(stats(saved))}`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
