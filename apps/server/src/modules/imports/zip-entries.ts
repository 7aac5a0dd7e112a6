import fs from 'node:fs';
import { PassThrough, type Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { type Entry, XlsxRejected, centralDirectory, readAt } from './xlsx-guard.js';

/** A zip opened by its central directory: entries by name, each streamed on demand in any order. */
export type ZipEntries = { names: string[]; has(name: string): boolean; open(name: string): Promise<Readable> };

/** Reads the central directory of `file`; entries are then read with their own file streams (no shared state). */
export async function openZipEntries(file: string): Promise<ZipEntries> {
  const fd = await fs.promises.open(file, 'r');
  let byName: Map<string, Entry & { dataStart?: number }>;
  try {
    const { size } = await fd.stat();
    const { entries } = await centralDirectory(fd, size);
    byName = new Map(entries.map((e) => [e.name, e]));
  } finally {
    await fd.close();
  }
  const dataStart = async (e: Entry) => {
    const h = await fs.promises.open(file, 'r');
    try {
      const local = await readAt(h, e.localOffset, 30);
      if (local.length < 30) throw new XlsxRejected('corrupt', `local header of ${e.name}`);
      return e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    } finally {
      await h.close();
    }
  };
  return {
    names: [...byName.keys()],
    has: (name) => byName.has(name),
    async open(name) {
      const e = byName.get(name);
      if (!e) throw new XlsxRejected('corrupt', `no ${name}`);
      if (e.method !== 0 && e.method !== 8) throw new XlsxRejected('corrupt', `${name} method ${e.method}`);
      const start = await dataStart(e);
      if (e.compressed === 0) return new PassThrough().end();
      const raw = fs.createReadStream(file, { start, end: start + e.compressed - 1, highWaterMark: 256 * 1024 });
      if (e.method === 0) return raw;
      return pipeline(raw, zlib.createInflateRaw({ chunkSize: 64 * 1024 }), () => {});
    },
  };
}
