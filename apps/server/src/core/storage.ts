import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where uploaded files live; keys are made by `newStorageKey`, never from user input. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** the stored bytes, or null when nothing is stored under the key */
  get(key: string): Promise<Readable | null>;
  /** removes the file; a missing one is not an error */
  remove(key: string): Promise<void>;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

/** `<yyyy>/<mm>/<uuid>`: spreads files over monthly folders and carries nothing the user chose. */
export function newStorageKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

function resolve(dir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return path.join(dir, ...key.split('/'));
}

/** Files under `dir`; each write goes to a temp file first and is renamed, so a reader never sees half a file. */
export function fileStorage(dir: string): Storage {
  return {
    async put(key, data) {
      const target = resolve(dir, key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await fs.promises.writeFile(temp, data, { flag: 'wx', mode: 0o600 });
        await fs.promises.rename(temp, target);
      } catch (e) {
        await fs.promises.rm(temp, { force: true });
        throw e;
      }
    },
    async get(key) {
      const handle = await fs.promises.open(resolve(dir, key), 'r').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      });
      return handle ? handle.createReadStream() : null;
    },
    async remove(key) {
      await fs.promises.rm(resolve(dir, key), { force: true });
    },
  };
}

/** Attachments under `<dataDir>/attachments` (a temp data dir when none is given, as in API tests). */
export const attachmentStorage = (dataDir?: string): Storage =>
  fileStorage(path.join(dataDir ?? path.join(os.tmpdir(), 'linli-data'), 'attachments'));
