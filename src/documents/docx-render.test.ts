import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

import type { OfficialDocument } from '../domain/document/official-document.ts';
import { renderDocx } from './docx-render.ts';
import { documentTexts, TEST_DOCUMENT } from './test-document.ts';

type Parts = Record<string, string>;

async function parts(doc: OfficialDocument): Promise<Parts> {
  const entries = unzipSync(new Uint8Array(await renderDocx(doc)));
  return Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

function part(p: Parts, name: string): string {
  const xml = p[name];
  if (xml === undefined) throw new Error(`no ${name} in the package`);
  return xml;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs of a part (w:p does not nest), each with its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  }));
}

function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph reads ${text}`);
  return found.xml;
}

/** The run properties of the run whose text is `text`. */
function runProps(xml: string, text: string): string {
  for (const m of xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)) {
    if (unescapeXml(m[2]!) === text) return m[1] ?? '';
  }
  throw new Error(`no run reads ${text}`);
}

function attr(xml: string, element: string, name: string): string | undefined {
  const el = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}

function eastAsiaFont(rPr: string): string | undefined {
  return attr(rPr, 'w:rFonts', 'w:eastAsia');
}

describe('renderDocx (GB/T 9704-2012)', () => {
  let p: Parts;
  let body: string;
  beforeAll(async () => {
    p = await parts(TEST_DOCUMENT);
    body = part(p, 'word/document.xml');
  });

  it('sets an A4 page with the standard margins and a 22-line grid', () => {
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(body)![0];
    expect(attr(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sectPr, 'w:pgMar', 'w:top')).toBe('2098'); // 37 mm
    expect(attr(sectPr, 'w:pgMar', 'w:left')).toBe('1587'); // 28 mm
    expect(attr(sectPr, 'w:pgMar', 'w:right')).toBe('1474'); // 26 mm
    expect(attr(sectPr, 'w:pgMar', 'w:bottom')).toBe('1984'); // 35 mm
    // 11906 − 1587 − 1474 = 8845 ≈ 156 mm; 16838 − 2098 − 1984 = 12756 = 225 mm.
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(sectPr, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(23 * 579).toBeGreaterThan(16838 - 2098 - 1984);
  });

  it('sets body text in 3号 仿宋_GB2312 on an exact line of the grid, 28 characters a line', () => {
    const styles = part(p, 'word/styles.xml');
    const normal = /<w:style [^>]*w:styleId="Normal".*?<\/w:style>/.exec(styles)![0];
    expect(eastAsiaFont(normal)).toBe('仿宋_GB2312');
    expect(attr(normal, 'w:sz', 'w:val')).toBe('32');
    expect(attr(normal, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(normal, 'w:spacing', 'w:lineRule')).toBe('exact');

    const para = paragraphWith(body, '特此决定。');
    const rPr = runProps(para, '特此决定。');
    expect(eastAsiaFont(rPr)).toBe('仿宋_GB2312');
    expect(attr(rPr, 'w:rFonts', 'w:ascii')).toBe('仿宋_GB2312');
    expect(attr(rPr, 'w:rFonts', 'w:hAnsi')).toBe('仿宋_GB2312');
    expect(attr(rPr, 'w:rFonts', 'w:hint')).toBe('eastAsia');
    expect(attr(rPr, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    expect(attr(rPr, 'w:sz', 'w:val')).toBe('32');
    // 28 × (16 pt − 0.25 pt) = 441 pt fits the 442.2 pt of 156 mm; 29 do not.
    expect(attr(rPr, 'w:spacing', 'w:val')).toBe('-5');
    expect(attr(para, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(para, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(attr(para, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(para, 'w:jc', 'w:val')).toBe('both');
  });

  it('sets the title in 2号 方正小标宋简体, centred', () => {
    const para = paragraphWith(body, TEST_DOCUMENT.title);
    const rPr = runProps(para, TEST_DOCUMENT.title);
    expect(eastAsiaFont(rPr)).toBe('方正小标宋简体');
    expect(attr(rPr, 'w:rFonts', 'w:hint')).toBe('eastAsia');
    expect(attr(rPr, 'w:sz', 'w:val')).toBe('44');
    expect(attr(para, 'w:jc', 'w:val')).toBe('center');
  });

  it('sets the 版头 in red over a red line, with the 发文字号 centred', () => {
    const mark = paragraphWith(body, '锡林郭勒盟应急管理局文件');
    const rPr = runProps(mark, '锡林郭勒盟应急管理局文件');
    expect(attr(rPr, 'w:color', 'w:val')).toBe('FF0000');
    expect(eastAsiaFont(rPr)).toBe('方正小标宋简体');
    expect(attr(mark, 'w:jc', 'w:val')).toBe('center');
    expect(attr(mark, 'w:spacing', 'w:before')).toBe('1984'); // 35 mm under the 版心's top

    const number = paragraphWith(body, '锡盟应急容决〔2026〕3号');
    expect(attr(number, 'w:jc', 'w:val')).toBe('center');
    expect(attr(number, 'w:bottom', 'w:color')).toBe('FF0000');
    expect(attr(number, 'w:bottom', 'w:val')).toBe('single');
    // The order of the head: mark, number (with the line), title.
    const texts = paragraphs(body).map((x) => x.text);
    expect(texts.indexOf('锡林郭勒盟应急管理局文件')).toBeLessThan(
      texts.indexOf('锡盟应急容决〔2026〕3号'),
    );
    expect(texts.indexOf('锡盟应急容决〔2026〕3号')).toBeLessThan(
      texts.indexOf(TEST_DOCUMENT.title),
    );
  });

  it('has no head without one, and puts a form number under the title', async () => {
    const xml = part(
      await parts({ ...TEST_DOCUMENT, head: null, numberLine: '编号：2026-3' }),
      'word/document.xml',
    );
    expect(xml).not.toContain('锡林郭勒盟应急管理局文件');
    expect(xml).not.toContain('FF0000');
    const texts = paragraphs(xml).map((x) => x.text);
    expect(texts.indexOf('编号：2026-3')).toBe(texts.indexOf(TEST_DOCUMENT.title) + 1);
  });

  it('sets the heading levels in 黑体, 楷体_GB2312, bold 仿宋_GB2312 and 仿宋_GB2312', () => {
    const level = (text: string) => runProps(paragraphWith(body, text), text);
    expect(eastAsiaFont(level('一、基本情况'))).toBe('黑体');
    expect(eastAsiaFont(level('（一）认定的事实'))).toBe('楷体_GB2312');
    const third = level('1. 六个因素的综合分析');
    expect(eastAsiaFont(third)).toBe('仿宋_GB2312');
    expect(third).toMatch(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/);
    const fourth = level('（1）调查人员');
    expect(eastAsiaFont(fourth)).toBe('仿宋_GB2312');
    expect(fourth).not.toMatch(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/);
    for (const text of ['一、基本情况', '（一）认定的事实']) {
      expect(attr(level(text), 'w:sz', 'w:val')).toBe('32');
    }
  });

  it('writes the addressee flush left and the paragraphs as the blocks ask', () => {
    const addressee = paragraphWith(body, '锡林郭勒盟应急管理局执法监察支队：');
    expect(addressee).not.toContain('<w:ind');
    expect(attr(paragraphWith(body, '锡林郭勒盟应急管理局（盖章）'), 'w:jc', 'w:val')).toBe(
      'right',
    );
    expect(attr(paragraphWith(body, '以下为告知内容'), 'w:jc', 'w:val')).toBe('center');
    const rich = paragraphWith(body, '申请人：张某某，执法监察支队一级主任科员。');
    expect(runProps(rich, '申请人：')).toMatch(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/);
    // The page-break block starts the next block on a new page, without an empty line.
    const afterBreak = paragraphs(body).find((x) => x.text.startsWith('如对本决定不服'))!;
    expect(afterBreak.xml).toContain('<w:pageBreakBefore/>');
    // The signature-line's blanks are underlined.
    const sign = paragraphs(body).find((x) => x.text.startsWith('受送达人签名：'))!;
    expect(sign.xml).toMatch(/<w:u w:val="single"\/>/);
  });

  it('draws tables and forms within the 156 mm width, in 4号 仿宋', () => {
    const tables = [...body.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables).toHaveLength(3); // the table, the form, the 版记
    for (const table of tables) {
      expect(attr(table, 'w:tblW', 'w:w')).toBe('8844');
      const cols = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(8844);
    }
    expect(tables[0]).toMatch(/<w:insideV w:val="single"/);
    const rPr = runProps(tables[0]!, '出于公心，为推动工作');
    expect(eastAsiaFont(rPr)).toBe('仿宋_GB2312');
    expect(attr(rPr, 'w:sz', 'w:val')).toBe('28');
    // The form's single pair spans the three value columns.
    expect(tables[1]).toContain('<w:gridSpan w:val="3"/>');
    expect(tables[1]).toContain('一级主任科员');
  });

  it('writes 附件说明, the signature and the date as GB/T 9704 7.3.4 and 7.3.5 place them', () => {
    const texts = paragraphs(body).map((x) => x.text);
    const first = texts.indexOf('附件：1.综合分析研判表');
    expect(first).toBeGreaterThan(0);
    expect(texts[first - 1]).toBe(''); // 正文下空一行
    expect(texts[first + 1]).toBe('2.集体研究决定记录');
    const att = paragraphWith(body, '附件：1.综合分析研判表');
    // Left 2 characters for "附件", the names aligned: left 6 chars, hanging 4 (附件：1.).
    expect(Number(attr(att, 'w:ind', 'w:left'))).toBe(6 * 316);
    expect(Number(attr(att, 'w:ind', 'w:hanging'))).toBe(4 * 316);

    const date = paragraphWith(body, '2026年3月1日');
    expect(attr(date, 'w:jc', 'w:val')).toBe('right');
    expect(Number(attr(date, 'w:ind', 'w:right'))).toBe(4 * 316); // 右空四字
    const organ = paragraphWith(body, '锡林郭勒盟应急管理局');
    // Centred over the date: (10 − 6) / 2 = 2 characters less than the date's 4.
    expect(Number(attr(organ, 'w:ind', 'w:right'))).toBe(2 * 316);
    expect(texts.indexOf('锡林郭勒盟应急管理局') + 1).toBe(texts.indexOf('2026年3月1日'));
  });

  it('writes a single attachment without a number, and no 版记 rules without a record', async () => {
    const xml = part(
      await parts({ ...TEST_DOCUMENT, attachments: ['综合分析研判表'], record: null }),
      'word/document.xml',
    );
    const att = paragraphWith(xml, '附件：综合分析研判表');
    expect(Number(attr(att, 'w:ind', 'w:left'))).toBe(5 * 316);
    expect(Number(attr(att, 'w:ind', 'w:hanging'))).toBe(3 * 316);
    expect(xml).not.toContain('印发');
    expect(xml).not.toContain('<w:tblpPr');
  });

  it('writes the 版记 between thick and thin rules, 4号 仿宋', () => {
    const record = [...body.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((m) => m[1]!).at(-1)!;
    expect(record).toContain('抄送：锡林郭勒盟纪委监委驻盟应急管理局纪检监察组，盟司法局。');
    expect(record).toContain('锡林郭勒盟应急管理局办公室\t2026年3月2日印发');
    expect(attr(record, 'w:top', 'w:sz')).toBe('8'); // 0.35 mm
    expect(attr(record, 'w:bottom', 'w:sz')).toBe('8');
    expect(attr(record, 'w:insideH', 'w:sz')).toBe('6'); // 0.25 mm
    expect(attr(record, 'w:left', 'w:val')).toBe('none');
    expect(attr(record, 'w:tblpPr', 'w:tblpYSpec')).toBe('bottom');
    const rPr = /<w:rPr>(.*?)<\/w:rPr>/.exec(record)![1]!;
    expect(eastAsiaFont(rPr)).toBe('仿宋_GB2312');
    expect(attr(rPr, 'w:sz', 'w:val')).toBe('28');
  });

  it('numbers the pages "— N —" in 4号 宋体, odd pages right and even pages left', () => {
    expect(part(p, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = part(p, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(body)![1]!;
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    };
    const odd = part(p, `word/${target('default')}`);
    const even = part(p, `word/${target('even')}`);
    for (const [footer, align, side] of [
      [odd, 'right', 'w:right'],
      [even, 'left', 'w:left'],
    ] as const) {
      expect(attr(footer, 'w:jc', 'w:val')).toBe(align);
      expect(attr(footer, 'w:ind', side)).toBe('280'); // 空一字 of 14 pt
      expect(footer).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>.*<w:t xml:space="preserve"> —<\/w:t>/,
      );
      const rPr = runProps(footer, '— ');
      expect(eastAsiaFont(rPr)).toBe('宋体');
      expect(attr(rPr, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('writes every text of the document, escaped', () => {
    const all = paragraphs(body)
      .map((x) => x.text)
      .join('\n');
    for (const text of documentTexts(TEST_DOCUMENT)) expect(all).toContain(text);
    expect(body).toContain('&lt;并&gt;');
  });

  it('gives the same bytes for the same document, dated by asOf', async () => {
    const a = await renderDocx(TEST_DOCUMENT);
    const b = await renderDocx(TEST_DOCUMENT);
    expect(Buffer.compare(a, b)).toBe(0);

    const core = part(p, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z<');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z<');
    expect(core).toContain(`<dc:title>${TEST_DOCUMENT.title}</dc:title>`);
    expect(core).toContain('<dc:creator>锡林郭勒盟应急管理局</dc:creator>');

    const later = await renderDocx({ ...TEST_DOCUMENT, asOf: '2026-04-02' });
    expect(Buffer.compare(a, later)).not.toBe(0);
    const laterCore = strFromU8(unzipSync(new Uint8Array(later))['docProps/core.xml']!);
    expect(laterCore).toContain('>2026-04-02T00:00:00Z</dcterms:created>');
    expect(laterCore).toContain('>2026-04-02T00:00:00Z</dcterms:modified>');
  });

  it('writes every zip entry with the date of asOf', async () => {
    const zip = await renderDocx(TEST_DOCUMENT);
    // Local file headers: signature PK\3\4, DOS time at offset 10, DOS date at 12.
    const dates = new Set<string>();
    for (let i = zip.indexOf('PK\x03\x04', 0, 'latin1'); i >= 0;) {
      const dosDate = zip.readUInt16LE(i + 12);
      const dosTime = zip.readUInt16LE(i + 10);
      dates.add(`${(dosDate >> 9) + 1980}-${(dosDate >> 5) & 15}-${dosDate & 31} ${dosTime}`);
      i = zip.indexOf('PK\x03\x04', i + 4, 'latin1');
    }
    expect([...dates]).toEqual(['2026-3-1 0']);
  });
});
