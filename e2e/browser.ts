import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Extra context options (device scale, touch, time zone …) on top of the house defaults. */
export type ContextOptions = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'executablePath' | 'args'>;

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium in a fresh profile, headless, with the network-quiet flags this machine needs. */
export async function openBrowser(
  viewport = { width: 1366, height: 860 },
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; close: () => Promise<void>; cspViolations: CspViolation[] }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-noto-cjk (or set LINLI_CHROMIUM)`,
    );
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'zh-CN',
    ...options,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const cspViolations = await watchCsp(context);
  return {
    context,
    cspViolations,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function shot(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}

export type CspViolation = { page: string; directive: string; blocked: string; sample: string; source?: string };

/**
 * Collects every Content-Security-Policy violation on every page of the context: the `securitypolicyviolation`
 * events (registered before any page script runs) and the CSP errors Chromium prints to the console.
 */
async function watchCsp(context: BrowserContext): Promise<CspViolation[]> {
  const found: CspViolation[] = [];
  await context.exposeBinding('__linliCspViolation', ({ page }, v: Omit<CspViolation, 'page'>) => {
    found.push({ page: page.url(), ...v });
  });
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__linliCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample || '',
        source: e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber }));`,
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      found.push({ page: msg.page()?.url() ?? '', directive: 'console', blocked: '', sample: msg.text() });
  });
  return found;
}
