import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config.js';

export const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
const SOURCES = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'index.html'),
  path.join(WEB_DIR, 'vite.config.ts'),
  path.join(REPO_ROOT, 'packages/contracts/src'),
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** True when the built web app is missing or older than any of its sources. */
export function isWebStale(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

/** Builds the web app with Vite when it is missing or stale; returns false when the build failed. */
export function ensureWebBuilt(log: (msg: string) => void): boolean {
  if (!isWebStale()) return true;
  log('Building the web app (first start or sources changed)…');
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    log('The web app failed to build; serving the API only.');
    return false;
  }
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
