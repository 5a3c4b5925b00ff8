// What the end-to-end tests share: a real `cdcwb serve` on a fresh SQLite database (on a free
// loopback port, stopped at the end), users made with the CLI, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Every Content-Security-Policy violation seen in any page of any context of a browser made by
 * launchBrowser(): the server's policy allows no inline script or style, so a violation is a bug
 * (a style attribute in markup, a library injecting <style>), and the run fails on it.
 */
export const cspViolations = [];

/** Reports each violation of the page (from the document's own event) on the console. */
const reportViolations = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`);
  });
};

async function watchContext(context) {
  await context.addInitScript(reportViolations);
  const watch = (page) =>
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && (text.startsWith('CSP violation') || text.includes('Content Security Policy')))
        cspViolations.push(`${page.url()}: ${text}`);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return context;
}

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  // Browser.newPage makes its context with newContext, so every page is watched.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watchContext(await newContext(...args));
  return browser;
}

/** Runs the CLI; throws with its output unless it exits 0. */
export function cli(binary, args, input) {
  const r = spawnSync(binary, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cdcwb ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Starts `cdcwb serve` on a fresh database; resolves once it listens. */
export async function startServer(binary, { demo = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cdcwb-e2e-'));
  const db = `sqlite:${join(dir, 'cdcwb.sqlite')}`;
  cli(binary, ['init', '--db', db]);
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0'];
  if (demo) args.push('--demo');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('cdcwb serve did not start within 20 s:\n' + out + log)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`cdcwb serve exited ${code}:\n${out}${log}`)));
  });
  const passwords = Object.fromEntries([...out.matchAll(/^ {2}(demo-\S+) {2}(\S+)/gm)].map((m) => [m[1], m[2]]));
  return {
    url,
    db,
    passwords,
    get log() {
      return log;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addUser(binary, db, username, password, admin = false) {
  cli(binary, ['user', 'add', username, '--password-stdin', '--db', db, ...(admin ? ['--admin'] : [])], password + '\n');
}

/** Signs `page` in through the sign-in form. */
export async function signIn(page, url, username, password) {
  await page.goto(url + '/signin');
  await page.getByLabel(/User name|ユーザー名/).fill(username);
  await page.getByLabel(/Password|パスワード/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|サインイン)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** A tiny test runner: named steps in order, a screenshot after each, stop at the first failure. */
export class Run {
  constructor(outDir) {
    this.outDir = outDir;
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    this.count = 0;
    this.failed = 0;
    this.results = [];
  }

  async step(name, page, body) {
    const started = Date.now();
    const n = String(++this.count).padStart(2, '0');
    try {
      await body();
      if (page) await page.screenshot({ path: join(this.outDir, `${n}-${name}.png`), fullPage: true });
      this.results.push({ name, ok: true, ms: Date.now() - started });
      console.log(`ok   ${n} ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      this.failed++;
      this.results.push({ name, ok: false, error: String(e) });
      console.log(`FAIL ${n} ${name}: ${e instanceof Error ? e.stack : e}`);
      if (page) await page.screenshot({ path: join(this.outDir, `${n}-${name}-FAILED.png`), fullPage: true }).catch(() => {});
      throw e;
    }
  }
}

export function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function expectTrue(condition, what) {
  if (!condition) throw new Error(what);
}
