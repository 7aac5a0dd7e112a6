import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RUN: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] };

/** One failing axe rule: how bad, what it asks for, and the elements that fail it (selectors, the first few). */
export type AxeFinding = { rule: string; impact: string; help: string; count: number; targets: string[] };

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is now and returns the serious and critical
 * violations. The script is injected as an inline tag: the browser context needs `bypassCSP`, since the app's
 * policy allows only its own scripts.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: RunOptions) => Promise<AxeResults> } }).axe;
    return (await axe.run(document, options)).violations;
  }, RUN);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
