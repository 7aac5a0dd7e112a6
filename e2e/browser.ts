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
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
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
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function shot(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
