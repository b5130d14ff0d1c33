import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 levels A and AA: the rules axe tags with these are the ones the app must meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Violations at these impacts fail a test; minor and moderate ones are axe's advice, not AA failures. */
const FAILING = new Set(['serious', 'critical']);

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** What a failing check says: the rule, then each element (its selector) and, for contrast, the colours. */
export function describeViolations(violations: axe.Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((node) => {
        const contrast = node.any.find((check) => check.id === 'color-contrast')?.data as
          | { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string }
          | undefined;
        const colours = contrast?.fgColor
          ? ` (${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}, needs ${contrast.expectedContrastRatio})`
          : '';
        return `    ${node.target.join(' ')}${colours}`;
      });
      return `  ${v.id} [${v.impact}] ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** The same screen in the same state is checked once per page: its address, width and a DOM fingerprint. */
const checked = new WeakMap<Page, Set<string>>();

/**
 * Runs axe-core (WCAG 2.1 A and AA) on what the page shows now and throws on a serious or critical
 * violation. The shared helpers call it (after sign-in, after each menu step, before each screenshot,
 * and on every open page after each test), so each screen a browser test visits is checked.
 */
export async function expectAccessible(page: Page): Promise<void> {
  try {
    await checkNow(page);
  } catch (error) {
    // The page moved on (a sign-out, a redirect) while axe ran: check the page it landed on instead.
    if (!String(error).includes('Execution context was destroyed')) throw error;
    await page.waitForLoadState();
    await checkNow(page);
  }
}

async function checkNow(page: Page): Promise<void> {
  if (page.isClosed()) return;
  const state = await page.evaluate(
    () =>
      `${location.pathname}${location.search}|${innerWidth}|${document.documentElement.lang}|` +
      `${document.getElementsByTagName('*').length}|${document.body.textContent?.length}`,
  );
  const seen = checked.get(page) ?? new Set<string>();
  checked.set(page, seen);
  if (seen.has(state)) return;
  seen.add(state);

  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe!.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations;
  }, WCAG_21_AA);
  const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
  if (failing.length > 0) {
    const where = `${state.split('|')[0]} at ${page.viewportSize()?.width ?? '?'} px`;
    throw new Error(`axe (WCAG 2.1 AA) on ${where}:\n${describeViolations(failing)}`);
  }
}
