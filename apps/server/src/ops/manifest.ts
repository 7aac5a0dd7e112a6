import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const TableSum = z.object({ rows: z.number().int(), md5: z.string() });
const FileSum = z.object({ path: z.string(), size: z.number().int(), sha256: z.string() });

/** manifest.json of a backup archive: what it holds and the figures a restore must reproduce. */
export const Manifest = z.object({
  format: z.literal('linli-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  server: z.object({ version: z.string(), major: z.number().int() }),
  /** how the database was dumped: pg_dump of the server's major version, or the built-in dump */
  engine: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pg_dump'), major: z.number().int() }),
    z.object({ kind: z.literal('builtin') }),
  ]),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), TableSum),
  sequences: z.array(z.object({ name: z.string(), value: z.number().nullable() })),
  attachments: z.array(FileSum),
  /** the key ids (not the keys) that sealed the personal data in it: the restoring server must hold them */
  keys: z.object({ current: z.string(), sealedWith: z.array(z.string()) }),
});
export type Manifest = z.infer<typeof Manifest>;
export type FileSum = z.infer<typeof FileSum>;

export const sha256File = async (file: string) => {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/** Every file under `dir` (relative paths, sorted) with its size and SHA-256; none when `dir` does not exist. */
export async function fileSums(dir: string): Promise<FileSum[]> {
  if (!fs.existsSync(dir)) return [];
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  const out: FileSum[] = [];
  for (const rel of files.sort()) {
    const abs = path.join(dir, rel);
    out.push({ path: rel.split(path.sep).join('/'), size: (await fs.promises.stat(abs)).size, sha256: await sha256File(abs) });
  }
  return out;
}

/** The differences between the figures a backup promised and those found, one line each (empty: identical). */
export function differences(what: string, want: Record<string, unknown>, got: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
  return keys
    .filter((k) => JSON.stringify(want[k]) !== JSON.stringify(got[k]))
    .map((k) => `${what} ${k}: expected ${JSON.stringify(want[k] ?? null)}, found ${JSON.stringify(got[k] ?? null)}`);
}
