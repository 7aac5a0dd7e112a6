import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ImportDto, idCheckChar } from '@linli/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Db } from '../../db/pool.js';
import { flats } from '../../db/schema/index.js';
import type { Agent, AreaRow } from '../../testing/index.js';

/** Test helpers for registers: real .xlsx files built with exceljs, hand-made zips, multipart bodies. */

export type CellInput = string | number | Date | null;

/** A workbook whose first sheet holds `rows` (the first is the header row); `textColumns` are formatted as text. */
export async function xlsxBuffer(rows: CellInput[][], opts: { textColumns?: number[]; title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍');
  if (opts.title) ws.addRow([opts.title]);
  for (const r of rows) ws.addRow(r);
  for (const c of opts.textColumns ?? []) ws.getColumn(c).numFmt = '@';
  wb.addWorksheet('说明').addRow(['这一页不导入']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 18-character ID: area 321003, birth date YYYYMMDD, sequence (odd = male). */
export function makeId(birth: string, seq: number, area = '321003'): string {
  const body = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

/** One entry of a hand-made zip; `body` is stored as the compressed data instead of `data` deflated (a damaged entry). */
export type ZipEntry = { name: string; data: Buffer; declared?: number; body?: Buffer };

/** A zip built by hand; `declared` overrides an entry's uncompressed size in both headers (a lying zip). */
export function handZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.body ?? zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

/** The parts an .xlsx must have, plus `extra`, as a hand-made zip. */
export const fakeXlsx = (extra: ZipEntry[]) =>
  handZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ...extra,
  ]);

/** The entries of a workbook, each passed through `edit` (which may change its data or compressed body, or drop it: null). */
export async function editedXlsx(xlsx: Buffer, edit: (e: ZipEntry) => ZipEntry | null): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    const e = edit({ name, data: await zip.file(name)!.async('nodebuffer') });
    if (e) entries.push(e);
  }
  return handZip(entries);
}

/** A multipart/form-data body with text fields first, then one file. */
export function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = `----linli${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file as a register of `communityId`. */
export function upload(agent: Agent, communityId: string, data: Buffer, name = 'register.xlsx') {
  const body = multipart({ communityId }, { name, data });
  return agent.request({ method: 'POST', url: '/api/imports', ...body });
}

/** Polls an import until its background run has finished. */
export async function settled(agent: Agent, id: string): Promise<ImportDto> {
  for (let i = 0; i < 500; i++) {
    const job = ImportDto.parse((await agent.get(`/api/imports/${id}`)).json());
    if (job.status !== 'checking' && job.status !== 'importing') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Flats `unit × floors × perFloor` (803 = floor 8, position 3) in a building. */
export async function addFlats(db: Db, building: AreaRow, units: number, floors: number, perFloor: number): Promise<void> {
  const rows = [];
  for (let u = 1; u <= units; u++)
    for (let f = 1; f <= floors; f++)
      for (let p = 1; p <= perFloor; p++)
        rows.push({
          buildingId: building.id,
          communityId: building.communityId!,
          streetId: building.streetId!,
          districtId: building.districtId!,
          gridId: building.gridId,
          unitNo: u,
          floorNo: f,
          flatNo: `${f}${String(p).padStart(2, '0')}`,
          position: p,
        });
  await db.insert(flats).values(rows);
}

/** A fresh directory for uploads, removed by the caller. */
export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'linli-import-'));
