// @ts-check
// `npm start` and `npm run linli`: run the compiled server (dist/), compiling it first with esbuild when it is
// missing or older than its sources. Compiling at start with tsx cost seconds on every start; a bundle starts in
// a fraction of that. `npm run dev` keeps tsx's watch mode. Usage: node scripts/start.mjs [main|cli] [args…]
import fs from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(SERVER_DIR, '../..');
const DIST = path.join(SERVER_DIR, 'dist');
const ENTRIES = ['main', 'cli'];
const SOURCES = [
  path.join(SERVER_DIR, 'src'),
  path.join(SERVER_DIR, 'package.json'),
  path.join(ROOT, 'packages/contracts/src'),
  fileURLToPath(import.meta.url),
];

/** @param {string} p @returns {number} the newest modification time under p, tests excluded */
function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return p.endsWith('.test.ts') ? 0 : st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** @returns {boolean} whether dist/ lacks an entry or is older than any source */
export function isServerStale() {
  const built = ENTRIES.map((e) => path.join(DIST, `${e}.js`));
  if (!built.every((f) => fs.existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

/** Bundles src/main.ts and src/cli.ts with our workspace packages; npm packages stay external (node_modules). */
export async function buildServer(outdir = DIST) {
  const { build } = await import('esbuild');
  const tmp = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join(SERVER_DIR, `src/${e}.ts`)])),
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@linli/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  // another server starting at the same moment may have built too: the last rename wins, both builds are equal
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, outdir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const entry = ENTRIES.includes(process.argv[2] ?? '') ? /** @type {string} */ (process.argv.splice(2, 1)[0]) : 'main';
  if (isServerStale()) {
    const started = Date.now();
    if (entry === 'main') process.stdout.write('[linli] Compiling the server (first start or sources changed)…\n');
    await buildServer();
    if (entry === 'main') process.stdout.write(`[linli] Server compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  // Source maps stay off (reading every loaded module's map, ours ~3 MB and drizzle-orm's, was ~5 % of a start's CPU;
  // the bundle is not minified, so traces keep function names): NODE_OPTIONS=--enable-source-maps maps them to src/.
  // V8's code cache between starts exists on Node ≥ 22.1 only; Node 20 starts without.
  /** @type {{ enableCompileCache?: () => unknown }} */ (nodeModule).enableCompileCache?.();
  await import(pathToFileURL(path.join(DIST, `${entry}.js`)).href);
}
