// Accessibility checks in the end-to-end run: axe-core (from npm) runs inside the page in
// Chromium with the WCAG 2.0 and 2.1 level A and AA rules, the way an auditor's browser
// extension would. Any violation on any screen fails `npm run e2e`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The WCAG A/AA violations on the page as it is now (axe injected on first use). */
export async function axeViolations(page) {
  // Injected through the DevTools protocol, so the server's Content-Security-Policy is not weakened.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source + '\n;true');
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '', html: n.html.slice(0, 160) })),
    }));
  }, WCAG_TAGS);
}

/** A readable report of violations found on a screen (empty when none). */
export function describeViolations(screen, violations) {
  return violations.map((v) => {
    const first = v.nodes
      .slice(0, 3)
      .map((n) => `      ${n.target}\n        ${n.html}\n        ${n.summary.replace(/\n/g, '\n        ')}`)
      .join('\n');
    return `  ${screen}: ${v.rule} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}) — ${v.help}\n${first}`;
  });
}

/**
 * Opens each screen (a path and what shows it has loaded), runs axe on it, and throws once with
 * every violation found on any of them.
 */
export async function checkScreens(page, baseUrl, screens, label = '') {
  const report = [];
  for (const s of screens) {
    await page.goto(baseUrl + s.path);
    await s.ready(page);
    // Let late answers (charts, the review) settle before the DOM is judged.
    await page.waitForLoadState('networkidle');
    report.push(...describeViolations(`${s.name}${label}`, await axeViolations(page)));
  }
  if (report.length) throw new Error(`axe-core found WCAG 2.1 A/AA violations:\n${report.join('\n')}`);
}
