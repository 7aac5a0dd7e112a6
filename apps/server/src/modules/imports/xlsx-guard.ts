import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';

export type XlsxLimits = {
  /** upload size; larger files answer 413 */
  maxFileBytes: number;
  /** the sum of the entries' uncompressed sizes */
  maxUncompressedBytes: number;
  /** uncompressed : compressed, for entries above 1 MiB */
  maxRatio: number;
  maxEntries: number;
  /** data rows of the first sheet */
  maxRows: number;
};

const MiB = 1024 * 1024;
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 20 * MiB,
  maxUncompressedBytes: 512 * MiB,
  maxRatio: 200,
  maxEntries: 5000,
  maxRows: 100_000,
};

export type XlsxRejection = 'notXlsx' | 'legacyXls' | 'corrupt' | 'zipBomb' | 'tooManyRows' | 'empty';

/** A file refused before or while parsing; `reason` picks the message. */
export class XlsxRejected extends Error {
  constructor(
    readonly reason: XlsxRejection,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** One entry of a zip's central directory. */
export type Entry = { name: string; method: number; flags: number; compressed: number; uncompressed: number; localOffset: number };

const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;

export async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** The central directory's entries, refusing ZIP64, split archives and anything that does not parse. */
export async function centralDirectory(fd: fs.promises.FileHandle, size: number): Promise<{ entries: Entry[]; cdOffset: number }> {
  const tailLen = Math.min(size, 22 + 65_535);
  const tail = await readAt(fd, size - tailLen, tailLen);
  const at = tail.length >= 22 ? tail.lastIndexOf(EOCD_BYTES, tail.length - 22) : -1;
  if (at < 0) throw new XlsxRejected('corrupt', 'no end of central directory');
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIG) throw new XlsxRejected('zipBomb', 'zip64');
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > size)
    throw new XlsxRejected('corrupt', 'central directory out of range');
  const cd = await readAt(fd, cdOffset, cdSize);
  const entries: Entry[] = [];
  for (let p = 0; entries.length < count;) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CD_SIG) throw new XlsxRejected('corrupt', 'bad central directory entry');
    const nameLen = cd.readUInt16LE(p + 28);
    const entry: Entry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      uncompressed: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff) throw new XlsxRejected('zipBomb', 'zip64 entry');
    entries.push(entry);
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { entries, cdOffset };
}

/** Declared sizes within the limits, or a zip bomb. */
function checkDeclaredSizes(entries: Entry[], limits: XlsxLimits): void {
  if (entries.length > limits.maxEntries) throw new XlsxRejected('zipBomb', `${entries.length} entries`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > MiB && e.uncompressed > Math.max(e.compressed, 1) * limits.maxRatio)
      throw new XlsxRejected('zipBomb', `${e.name} ratio`);
  }
  if (total > limits.maxUncompressedBytes) throw new XlsxRejected('zipBomb', `${total} bytes uncompressed`);
}

/** Inflates one entry counting bytes, so a header that lies about its size is caught before any parser sees it. */
async function verifyEntry(file: string, fd: fs.promises.FileHandle, e: Entry): Promise<number> {
  const local = await readAt(fd, e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIG) throw new XlsxRejected('corrupt', `local header of ${e.name}`);
  const dataStart = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.method === 0 && e.compressed !== e.uncompressed) throw new XlsxRejected('corrupt', `${e.name} stored size`);
  if (e.method !== 0 && e.method !== 8) throw new XlsxRejected('corrupt', `${e.name} method ${e.method}`);
  if (e.method === 8 && e.compressed > 0) {
    let seen = 0;
    const counter = new Writable({
      write(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        done(seen > e.uncompressed ? new XlsxRejected('zipBomb', `${e.name} inflates beyond its declared size`) : null);
      },
    });
    const source = fs.createReadStream(file, { start: dataStart, end: dataStart + e.compressed - 1 });
    try {
      await pipeline(source, zlib.createInflateRaw(), counter);
    } catch (err) {
      throw err instanceof XlsxRejected ? err : new XlsxRejected('corrupt', `${e.name}: ${(err as Error).message}`);
    }
    if (seen !== e.uncompressed) throw new XlsxRejected('corrupt', `${e.name} size mismatch`);
  }
  return dataStart + e.compressed;
}

/** Entries must follow each other from offset 0 up to the central directory, so a streaming parser sees exactly them. */
function checkContiguous(entries: Entry[], ends: Map<Entry, number>, cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of sorted) {
    const gap = e.localOffset - expected;
    if (gap !== 0 && gap !== 12 && gap !== 16) throw new XlsxRejected('corrupt', `gap before ${e.name}`);
    expected = ends.get(e)!;
  }
  const last = cdOffset - expected;
  if (last !== 0 && last !== 12 && last !== 16) throw new XlsxRejected('corrupt', 'gap before the central directory');
}

/**
 * Refuses anything that is not a plain .xlsx before exceljs opens it: magic bytes, the parts an .xlsx has,
 * declared and actual uncompressed sizes (zip bombs), entries hidden outside the central directory.
 */
export async function inspectXlsx(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<void> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const head = await readAt(fd, 0, 8);
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) throw new XlsxRejected('legacyXls');
    if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_SIG) throw new XlsxRejected('notXlsx');
    const { entries, cdOffset } = await centralDirectory(fd, size);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new XlsxRejected('notXlsx', 'no workbook part');
    checkDeclaredSizes(entries, limits);
    const ends = new Map<Entry, number>();
    for (const e of entries) ends.set(e, await verifyEntry(file, fd, e));
    checkContiguous(entries, ends, cdOffset);
  } finally {
    await fd.close();
  }
}
