import { describe, expect, it } from 'vitest';
import { type SheetContext, isDateFmt, sheetRows, xmlDecode } from './sheet-xml.js';

const ctx: SheetContext = {
  sharedStrings: ['姓名', { richText: [{ text: '张' }, { text: '三' }] }],
  isDateStyle: (s) => s === 1,
  date1904: false,
};

async function rowsOf(xml: string, chunk = 7) {
  async function* chunks() {
    for (let i = 0; i < xml.length; i += chunk) yield xml.slice(i, i + chunk);
  }
  const out = [];
  for await (const r of sheetRows(chunks(), ctx)) out.push(r);
  return out;
}

describe('sheetRows', () => {
  it('reads every kind of cell, in rows cut across chunks', async () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>李</t></r><r><t xml:space="preserve"> 四 </t></r><rPh><t>li</t></rPh></is></c>' +
      '<c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1</f><v>a&amp;b</v></c>' +
      '<c r="E3" s="1"><v>25569</v></c><c r="F3" s="2"><v>42.5</v></c><c r="G3"><f>1+1</f><v>2</v></c><c r="H3" t="str"><v>&#x4E2D;&lt;</v></c></row>' +
      '<row r="4"/><row><c><v>7</v></c><c><v>8</v></c></row>' +
      '</sheetData></worksheet>';
    for (const size of [7, 64, xml.length]) {
      expect(await rowsOf(xml, size)).toEqual([
        { number: 1, values: ['姓名', null, { richText: [{ text: '张' }, { text: '三' }] }] },
        { number: 3, values: ['李 四 ', true, null, 'a&b', new Date(0), 42.5, 2, '中<'] },
        { number: 4, values: [] },
        { number: 5, values: [7, 8] },
      ]);
    }
  });

  it('decodes references and tells date formats as exceljs does', () => {
    expect(xmlDecode('&quot;&apos;&#65;&#x1F600;&amp;lt;')).toBe('"\'A😀&lt;');
    expect(['yyyy-mm-dd', 'm/d/yy', '[$-804]yyyy"年"m"月"d"日"', '0.00', '@', '"date"0', undefined].map(isDateFmt)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
