import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JSCPD = join(ROOT, 'node_modules/.bin/jscpd');
const dirs: string[] = [];

/** `n` identical lines, framed by lines that differ, in two files of a fresh directory. */
function twins(n: number, names: [string, string] = ['first.ts', 'second.ts']): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-jscpd-'));
  dirs.push(dir);
  const body = Array.from(
    { length: n },
    (_, i) => `  const part${i} = combine(input.left${i}, input.right${i}, options.weight${i}) + bias${i};`,
  );
  const [a, b] = names;
  writeFileSync(
    join(dir, a),
    ['export function first(input: In, options: Opt) {', '  let count = 1', ...body, '  return [part0, count];', '}', ''].join('\n'),
  );
  writeFileSync(
    join(dir, b),
    [
      'export async function second(input: In, options: Opt): Promise<void> {',
      '  console.log(input, options, 2)',
      ...body,
      '  await save(part0);',
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Runs jscpd with the project's .jscpd.json on `dir`; resolves to its exit code and output. */
function jscpd(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(JSCPD, ['--config', join(ROOT, '.jscpd.json'), '--no-colors', dir], { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, output: stdout + stderr });
    });
  });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('copy-paste detector (.jscpd.json)', () => {
  it('fails on a twin of six lines', async () => {
    const { code, output } = await jscpd(twins(6));
    expect(output).toContain('Found 1 clones');
    expect(code).toBe(1);
  });

  it('passes a twin of five lines', async () => {
    const { code, output } = await jscpd(twins(5));
    expect(output).toContain('Found 0 clones');
    expect(code).toBe(0);
  });

  it('finds a twin between a .ts and a .tsx file', async () => {
    expect((await jscpd(twins(8, ['model.ts', 'view.tsx']))).code).toBe(1);
  });

  it('leaves twin import lists out', async () => {
    const dir = twins(0);
    const imports = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((m) => `import { ${m}One, ${m}Two, ${m}Three } from './${m}-module';`);
    for (const name of ['first.ts', 'second.ts'])
      writeFileSync(join(dir, name), [...imports, `export const ${name.slice(0, -3)} = 1;`, ''].join('\n'));
    expect((await jscpd(dir)).code).toBe(0);
  });

  it('leaves tests out', async () => {
    expect((await jscpd(twins(8, ['first.test.ts', 'second.test.ts']))).code).toBe(0);
  });
});
