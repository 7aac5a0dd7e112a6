import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

/** Extra context options (device scale, touch, time zone …) on top of the house defaults. */
export type ContextOptions = BrowserContextOptions;

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';

/** One Chromium process per spec file while any of its contexts is open; launching one costs more than a context. */
let running: Promise<Browser> | null = null;
let openContexts = 0;

function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-noto-cjk (or set LINLI_CHROMIUM)`,
    );
  }
  running ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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
  return running;
}

/** Counts a context as closed; the last one closes Chromium. */
async function release(): Promise<void> {
  openContexts -= 1;
  if (openContexts > 0 || !running) return;
  const last = running;
  running = null;
  await (await last).close();
}

/**
 * A browser of its own for one user: a fresh context (cookies, storage and cache of its own, like a fresh profile)
 * in Debian's Chromium, headless, with the network-quiet flags this machine needs.
 */
export async function openBrowser(
  viewport = { width: 1366, height: 860 },
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; close: () => Promise<void>; cspViolations: CspViolation[] }> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  openContexts += 1; // before any await, so a context closing meanwhile does not close Chromium under this one
  let context: BrowserContext;
  try {
    context = await (await launch()).newContext({ viewport, locale: 'zh-CN', ...options });
  } catch (e) {
    await release();
    throw e;
  }
  const cspViolations = await watchCsp(context);
  let closed = false;
  return {
    context,
    cspViolations,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      await release();
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
