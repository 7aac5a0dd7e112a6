import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStorage, newStorageKey } from './storage.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-storage-'));
const storage = fileStorage(dir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('fileStorage', () => {
  it('keeps a file under <yyyy>/<mm>/<uuid> and reads it back, leaving no temp file', async () => {
    const key = newStorageKey(new Date('2026-03-09T10:00:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    await storage.put(key, Buffer.from('hello'));
    expect((await read((await storage.get(key))!)).toString()).toBe('hello');
    expect(fs.readdirSync(path.join(dir, '2026', '03'))).toEqual([key.split('/')[2]]);
    await storage.remove(key);
    expect(await storage.get(key)).toBeNull();
    await storage.remove(key);
  });

  it('refuses keys it did not make, so no path can leave the directory', async () => {
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    await expect(storage.get('2026/03/../../etc')).rejects.toThrow(/invalid storage key/);
  });
});
