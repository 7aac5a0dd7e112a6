import { once } from 'node:events';
import type { TransformOptions, Writable } from 'node:stream';
import zlib from 'node:zlib';

/** Waits for 'drain', or fails when the stream is closed first (a client that went away). */
async function drainOrClose(s: Writable): Promise<void> {
  const ac = new AbortController();
  try {
    await Promise.race([once(s, 'drain', { signal: ac.signal }), once(s, 'close', { signal: ac.signal })]);
  } finally {
    ac.abort();
  }
  if (s.destroyed) throw new Error('zip output closed');
}

type Written = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

/**
 * A zip written front to back into `out`: each entry deflated as it is written, sizes in a data descriptor after it
 * (flag bit 3), then the central directory. No ZIP64: an entry or archive past 4 GiB fails instead of writing a
 * broken file. Honours backpressure of `out`.
 */
export class ZipWriter {
  private offset = 0;
  private readonly done: Written[] = [];

  /** `buffered`: bytes each entry's deflate takes in before a write waits, so the caller and zlib's thread overlap. */
  constructor(
    private readonly out: Writable,
    private readonly level = 6,
    private readonly buffered = 64 * 1024,
  ) {}

  private async put(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (this.offset > 0xffffffff) throw new Error('zip past 4 GiB');
    if (this.out.destroyed) throw new Error('zip output closed');
    if (!this.out.write(buf)) await drainOrClose(this.out);
  }

  /** Starts an entry; write text or bytes to it, then `end()` it, before the next entry. */
  async entry(path: string): Promise<ZipEntry> {
    const name = Buffer.from(path, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor, UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    header.writeUInt16LE(name.length, 26);
    const written: Written = { name, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.put(Buffer.concat([header, name]));
    // zlib hands stream options on to its Transform; @types/node's ZlibOptions leave them out
    const options: zlib.ZlibOptions & TransformOptions = { level: this.level, chunkSize: 64 * 1024, writableHighWaterMark: this.buffered };
    const deflate = zlib.createDeflateRaw(options);
    const pumped = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        written.compressed += chunk.length;
        await this.put(chunk);
      }
    })();
    return new ZipEntry(deflate, written, async () => {
      await pumped;
      const desc = Buffer.alloc(16);
      desc.writeUInt32LE(0x08074b50, 0);
      desc.writeUInt32LE(written.crc, 4);
      desc.writeUInt32LE(written.compressed, 8);
      desc.writeUInt32LE(written.size, 12);
      await this.put(desc);
      this.done.push(written);
    });
  }

  /** A whole small entry at once. */
  async file(path: string, text: string): Promise<void> {
    const e = await this.entry(path);
    await e.write(text);
    await e.end();
  }

  /** Writes the central directory and ends `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const w of this.done) {
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(0x0808, 8);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt32LE(0x00210000, 12);
      cd.writeUInt32LE(w.crc, 16);
      cd.writeUInt32LE(w.compressed, 20);
      cd.writeUInt32LE(w.size, 24);
      cd.writeUInt16LE(w.name.length, 28);
      cd.writeUInt32LE(w.offset, 42);
      await this.put(Buffer.concat([cd, w.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.done.length, 8);
    end.writeUInt16LE(this.done.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    this.out.end();
  }
}

/** One entry being written: bytes in, CRC and size counted, deflated on the way out. */
export class ZipEntry {
  constructor(
    private readonly deflate: zlib.DeflateRaw,
    private readonly written: Written,
    private readonly close: () => Promise<void>,
  ) {}

  async write(data: string | Buffer): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.written.crc = zlib.crc32(buf, this.written.crc);
    this.written.size += buf.length;
    if (this.written.size > 0xffffffff) throw new Error('zip entry past 4 GiB');
    if (!this.deflate.write(buf)) await once(this.deflate, 'drain');
  }

  async end(): Promise<void> {
    this.deflate.end();
    await this.close();
  }
}
