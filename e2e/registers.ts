import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar } from '@linli/contracts';
import ExcelJS from 'exceljs';

const HEADERS = [
  '序号',
  '小区',
  '楼栋',
  '单元',
  '房号',
  '户主姓名',
  '姓名',
  '与户主关系',
  '性别',
  '身份证号',
  '出生日期',
  '民族',
  '政治面貌',
  '联系电话',
  '人员类型',
];

/** A valid GB 11643 number for a person born on `birth` (YYYYMMDD), with sequence `seq`. */
export function validId(birth: string, seq: number, male: boolean): string {
  const s = String(seq * 2 + (male ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const body = `110101${birth}${s}`;
  return body + idCheckChar(body);
}

type Row = (string | number)[];

/** Writes a household register the way communities keep them, returning the file path. */
export async function writeRegister(name: string, rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍登记');
  ws.addRow(HEADERS);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-register-')), name);
  await wb.xlsx.writeFile(file);
  return file;
}

const place = ['绿扬新苑东区', '1幢', 1, '101'];

/** Two households: one clean, one row with a bad check digit, an impossible date and a duplicate ID. */
export function badRegisterRows(): Row[] {
  const dad = validId('19750312', 401, true);
  const broken = `${dad.slice(0, 17)}${dad[17] === '0' ? '1' : '0'}`;
  return [
    [...place, '郑国强', '郑国强', '户主', '男', dad, '1975-03-12', '汉族', '群众', '13912345678', '户籍'],
    [...place, '郑国强', '郑小梅', '女', '女', broken, '2001-02-30', '汉族', '共青团员', '', '户籍'],
    [...place, '郑国强', '郑小龙', '子', '男', dad, '2003-06-01', '汉族', '群众', '', '户籍'],
  ];
}

/** The same household, corrected. */
export function cleanRegisterRows(): Row[] {
  return [
    [...place, '郑国强', '郑国强', '户主', '男', validId('19750312', 401, true), '1975-03-12', '汉族', '群众', '13912345678', '户籍'],
    [...place, '郑国强', '王丽', '配偶', '女', validId('19770805', 402, false), '1977-08-05', '汉族', '群众', '13812345678', '户籍'],
    [...place, '郑国强', '郑小龙', '子', '男', validId('20030601', 403, true), '2003-06-01', '汉族', '共青团员', '', '户籍'],
  ];
}
