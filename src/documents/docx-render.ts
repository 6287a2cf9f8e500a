// An official document as a GB/T 9704-2012 DOCX, built with the `docx` library. The page,
// grid and fonts come from ./gbt9704-layout.ts; the bytes are made reproducible afterwards
// (fixed dates in docProps/core.xml and in the zip), so the same document gives the same
// file and its SHA-256 can stand in the audit trail.

import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

import { formatChineseDate } from '../domain/calendar-date.ts';
import type {
  DocumentBlock,
  FormRow,
  OfficialDocument,
  RichText,
} from '../domain/document/official-document.ts';
import {
  BODY_CHARACTER_SPACING_TWIPS,
  BODY_FONT,
  BODY_SIZE_PT,
  FOOTER_DISTANCE_MM,
  GRID_CHAR_SPACE,
  HEADING_FONTS,
  LINE_PITCH_TWIPS,
  MARGIN_BOTTOM_TWIPS,
  MARGIN_LEFT_TWIPS,
  MARGIN_RIGHT_TWIPS,
  MARGIN_TOP_TWIPS,
  mmToTwips,
  NUMBER_SIZE_PT,
  ONE_CHAR_TWIPS,
  ORGAN_MARK_FONT,
  organMarkSizePt,
  PAGE_HEIGHT_TWIPS,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_FONT,
  PAGE_WIDTH_TWIPS,
  RECORD_FONT,
  RECORD_THICK_RULE_MM,
  RECORD_THIN_RULE_MM,
  RED,
  SEPARATOR_GAP_MM,
  SEPARATOR_WEIGHT_PT,
  SMALL_SIZE_PT,
  TEXT_WIDTH_TWIPS,
  textWidthInChars,
  TITLE_FONT,
  TITLE_SIZE_PT,
  type PartFont,
} from './gbt9704-layout.ts';

/** Tables and forms are set in 4号 仿宋 so that a form's rows hold their values. */
const TABLE_SIZE_PT = SMALL_SIZE_PT;

/** The document as DOCX bytes, identical for identical documents. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const creator = doc.signature?.organ ?? doc.head?.organMark ?? 'Rongcuo';
  const file = new Document({
    title: doc.title,
    creator,
    lastModifiedBy: creator,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // GRID_CHAR_SPACE is relative to this size (ECMA-376 17.6.5): keep them together.
          run: { ...fontOf(BODY_FONT), size: BODY_SIZE_PT * 2, language: ZH_CN },
          paragraph: { spacing: EXACT_LINE },
        },
      },
      // LibreOffice takes the grid's base character width from the Normal style's East-Asian
      // size, not from the defaults (12 pt when absent): without it each character took two
      // grid cells and a line held 19 characters instead of 28.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: {
            ...fontOf(BODY_FONT),
            size: BODY_SIZE_PT * 2,
            language: ZH_CN,
            characterSpacing: BODY_CHARACTER_SPACING_TWIPS,
          },
          paragraph: { spacing: EXACT_LINE },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH_TWIPS, height: PAGE_HEIGHT_TWIPS },
            margin: {
              top: MARGIN_TOP_TWIPS,
              left: MARGIN_LEFT_TWIPS,
              right: MARGIN_RIGHT_TWIPS,
              bottom: MARGIN_BOTTOM_TWIPS,
              header: mmToTwips(15),
              footer: mmToTwips(FOOTER_DISTANCE_MM),
            },
          },
          // A line grid of 22 lines (5.2.4). Not linesAndChars: LibreOffice gives a 16 pt
          // character two cells of a 15.8 pt character grid (14 characters a line), so the 28
          // characters come from BODY_CHARACTER_SPACING_TWIPS instead, the same in Word, WPS
          // and LibreOffice; charSpace stays for Word's dialog should someone switch the type.
          grid: {
            type: DocumentGridType.LINES,
            linePitch: LINE_PITCH_TWIPS,
            charSpace: GRID_CHAR_SPACE,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: materialise(documentItems(doc)),
      },
    ],
  });
  return reproducible(await Packer.toBuffer(file), doc.asOf);
}

// ---- runs and paragraphs -------------------------------------------------------------

// Latin text as Word writes it in a Chinese document; the East-Asian language picks the fonts.
const ZH_CN = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** The exact line height of the grid, so that 22 lines fill the 版心 (5.2.4). */
const EXACT_LINE = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Every font slot named, with the East-Asian hint, so that WPS and Word pick the font. */
function fontOf(font: PartFont): Pick<IRunOptions, 'font'> {
  const name = font.name;
  return { font: { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' } };
}

interface RunStyle {
  readonly font: PartFont;
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly color?: string;
}

function run(text: string, style: RunStyle, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    ...fontOf(style.font),
    size: style.sizePt * 2,
    bold: style.bold ?? style.font.bold,
    ...(style.color ? { color: style.color } : {}),
    language: ZH_CN,
    // 3号 text on the grid: see BODY_CHARACTER_SPACING_TWIPS.
    ...(style.sizePt === BODY_SIZE_PT ? { characterSpacing: BODY_CHARACTER_SPACING_TWIPS } : {}),
    ...extra,
  });
}

const BODY: RunStyle = { font: BODY_FONT, sizePt: BODY_SIZE_PT };

function richRuns(text: RichText, style: RunStyle): TextRun[] {
  if (typeof text === 'string') return [run(text, style)];
  return text.map((r) => run(r.text, { ...style, bold: r.bold ?? style.bold ?? false }));
}

/** Two characters of first-line indent: in characters for Word and WPS, in twips for the rest. */
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * ONE_CHAR_TWIPS };

/** A paragraph-to-be: its options, so that a preceding page-break can still be applied. */
type Item = { readonly paragraph: IParagraphOptions } | { readonly table: Table };

function para(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Item {
  return { paragraph: { spacing: EXACT_LINE, ...options, children } };
}

/** An empty line of the grid (空一行); a new one each time, as a component has one parent. */
function blankLine(options: Omit<IParagraphOptions, 'children'> = {}): Item {
  return para([run('', BODY)], options);
}

function materialise(items: readonly Item[]): (Paragraph | Table)[] {
  return items.map((item) => ('paragraph' in item ? new Paragraph(item.paragraph) : item.table));
}

// ---- the parts of the page -----------------------------------------------------------

function documentItems(doc: OfficialDocument): Item[] {
  const items: Item[] = [];
  if (doc.head) items.push(...headItems(doc.head.organMark, doc.head.number));
  items.push(
    para([run(doc.title, { font: TITLE_FONT, sizePt: TITLE_SIZE_PT })], {
      alignment: AlignmentType.CENTER,
    }),
  );
  if (doc.numberLine) {
    items.push(
      para([run(doc.numberLine, { font: BODY_FONT, sizePt: NUMBER_SIZE_PT })], {
        alignment: AlignmentType.CENTER,
      }),
    );
  }
  // 7.3.2 主送机关: 编排于标题下空一行位置, 居左顶格.
  items.push(blankLine());
  if (doc.addressee) items.push(para([run(`${doc.addressee}：`, BODY)]));
  items.push(...bodyItems(doc.body));
  if (doc.attachments.length > 0) items.push(blankLine(), ...attachmentItems(doc.attachments));
  if (doc.signature) {
    keepWithNext(items);
    items.push(...signatureItems(doc.signature.organ, formatChineseDate(doc.signature.date)));
  }
  if (doc.record) items.push(...recordItems(doc.record));
  return items;
}

/**
 * 7.2 版头: the organ mark 35 mm under the top of the 版心 (7.2.3), the 发文字号 two lines
 * under it (7.2.4), the red line 4 mm under the number (7.2.6), the title two lines under
 * the line (7.3.1).
 */
function headItems(organMark: string, number: string | null): Item[] {
  const redLine = {
    bottom: {
      style: BorderStyle.SINGLE,
      color: RED,
      size: SEPARATOR_WEIGHT_PT * 8,
      space: Math.round((SEPARATOR_GAP_MM / 25.4) * 72),
    },
  };
  const markSize = organMarkSizePt(organMark);
  const mark = para([run(organMark, { font: ORGAN_MARK_FONT, sizePt: markSize, color: RED })], {
    alignment: AlignmentType.CENTER,
    // The mark is taller than one grid line: two lines keep the rest on the grid.
    spacing: { ...EXACT_LINE, line: 2 * LINE_PITCH_TWIPS, before: mmToTwips(35) },
    ...(number === null ? { border: redLine } : {}),
  });
  const items = [mark];
  if (number !== null) {
    items.push(
      blankLine(),
      blankLine(),
      para([run(number, { font: BODY_FONT, sizePt: NUMBER_SIZE_PT })], {
        alignment: AlignmentType.CENTER,
        border: redLine,
      }),
    );
  }
  items.push(blankLine(), blankLine());
  return items;
}

function bodyItems(blocks: readonly DocumentBlock[]): Item[] {
  const items: Item[] = [];
  let breakBefore = false;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      breakBefore = true;
      continue;
    }
    const rendered = blockItems(block);
    items.push(...(breakBefore ? startingPage(rendered) : rendered));
    breakBefore = false;
  }
  if (breakBefore) items.push(blankLine({ pageBreakBefore: true }));
  return items;
}

/**
 * Starts a new page at an item: a paragraph gets pageBreakBefore (no empty line at the top of
 * the page, as a page-break character would leave); a table gets an empty paragraph before it.
 */
function startingPage(items: readonly Item[]): Item[] {
  const [first, ...rest] = items;
  if (first && 'paragraph' in first) {
    return [{ paragraph: { ...first.paragraph, pageBreakBefore: true } }, ...rest];
  }
  return [blankLine({ pageBreakBefore: true }), ...items];
}

function blockItems(block: Exclude<DocumentBlock, { kind: 'page-break' }>): Item[] {
  switch (block.kind) {
    case 'heading': {
      const font = HEADING_FONTS[block.level];
      // 7.3.3: the levels' numbers (一、（一）1.（1）) are part of the text; indented as body.
      return [
        para([run(block.text, { font, sizePt: BODY_SIZE_PT })], {
          indent: FIRST_LINE_INDENT,
          keepNext: true,
        }),
      ];
    }
    case 'paragraph': {
      const indent = block.indent ?? true;
      const alignment =
        block.align === 'right'
          ? AlignmentType.RIGHT
          : block.align === 'centre'
            ? AlignmentType.CENTER
            : AlignmentType.JUSTIFIED;
      return [
        para(richRuns(block.text, BODY), {
          alignment,
          ...(indent && block.align !== 'centre' ? { indent: FIRST_LINE_INDENT } : {}),
        }),
      ];
    }
    case 'table':
      return [{ table: gridTable(block.header, block.rows, block.widths) }];
    case 'form':
      return [{ table: formTable(block.rows) }];
    case 'signature-line': {
      // A blank to be signed by hand: each label, a colon and an underlined space.
      const blank = '\u3000'.repeat(6);
      const children = block.labels.flatMap((label, i) => [
        run(`${i > 0 ? '\u3000\u3000' : ''}${label}：`, BODY),
        run(blank, BODY, { underline: {} }),
      ]);
      return [para(children, { indent: FIRST_LINE_INDENT })];
    }
  }
}

// ---- tables --------------------------------------------------------------------------

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const GRID_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};
const TABLE_TEXT: RunStyle = { font: BODY_FONT, sizePt: TABLE_SIZE_PT };

/** Column widths in twips that fill the 版心's width exactly. */
function columnWidths(relative: readonly number[]): number[] {
  const total = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / total));
  widths[widths.length - 1]! += TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; centred?: boolean; span?: number } = {},
): TableCell {
  // A value may span lines: each line its own paragraph.
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.span ? { columnSpan: options.span } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          spacing: EXACT_LINE,
          alignment: options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, { ...TABLE_TEXT, bold: options.bold ?? false })],
        }),
    ),
  });
}

function table(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    alignment: AlignmentType.CENTER,
  });
}

function gridTable(
  header: readonly string[] | undefined,
  rows: readonly (readonly string[])[],
  relative: readonly number[] | undefined,
): Table {
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const widths = columnWidths(relative ?? Array<number>(count).fill(1));
  const tableRows: TableRow[] = [];
  if (header) {
    tableRows.push(
      new TableRow({
        tableHeader: true,
        children: widths.map((w, i) => cell(header[i] ?? '', w, { bold: true, centred: true })),
      }),
    );
  }
  for (const row of rows) {
    tableRows.push(new TableRow({ children: widths.map((w, i) => cell(row[i] ?? '', w)) }));
  }
  return table(tableRows, widths);
}

/** A form: label, value, label, value; a single pair's value spans the three right columns. */
function formTable(rows: readonly FormRow[]): Table {
  const widths = columnWidths([2, 3, 2, 3]);
  const [w0, w1, w2, w3] = widths as [number, number, number, number];
  const tableRows = rows.map(
    (row) =>
      new TableRow({
        children:
          'label2' in row
            ? [
                cell(row.label, w0, { centred: true }),
                cell(row.value, w1),
                cell(row.label2, w2, { centred: true }),
                cell(row.value2, w3),
              ]
            : [cell(row.label, w0, { centred: true }), cell(row.value, w1 + w2 + w3, { span: 3 })],
      }),
  );
  return table(tableRows, widths);
}

// ---- 附件说明, signature, 版记 --------------------------------------------------------

/**
 * 7.3.4 附件说明: 正文下空一行左空二字编排"附件", 全角冒号和附件名称; 多个附件使用阿拉伯数字
 * 标注顺序号 (如"附件：1.XXXXX"), 回行时与上一行附件名称的首字对齐; 名称后不加标点符号.
 */
function attachmentItems(names: readonly string[]): Item[] {
  const label = '附件：';
  const labelChars = 2 + textWidthInChars(label); // 左空二字 + 附件：
  if (names.length === 1) {
    const hanging = textWidthInChars(label) * ONE_CHAR_TWIPS;
    return [
      para([run(`${label}${names[0]!}`, BODY)], {
        indent: { left: labelChars * ONE_CHAR_TWIPS, hanging },
      }),
    ];
  }
  return names.map((name, i) => {
    const number = `${i + 1}.`;
    const nameStart = (labelChars + textWidthInChars(number)) * ONE_CHAR_TWIPS;
    const prefix = i === 0 ? label + number : number;
    return para([run(`${prefix}${name}`, BODY)], {
      indent: { left: nameStart, hanging: textWidthInChars(prefix) * ONE_CHAR_TWIPS },
    });
  });
}

/**
 * 7.3.5.4: the signature and date never stand alone on a page; the body's last paragraph
 * (or the attachments' last line) goes over with them.
 */
function keepWithNext(items: Item[]): void {
  const last = items.at(-1);
  if (last && 'paragraph' in last)
    items[items.length - 1] = { paragraph: { ...last.paragraph, keepNext: true, keepLines: true } };
}

/**
 * 7.3.5.1 加盖印章的公文: 成文日期一般右空四字编排; 发文机关署名以成文日期为准居中编排; 印章居中下压
 * 署名和日期, 上距正文 (或附件说明) 一行之内. Three blank lines leave the seal its room.
 */
function signatureItems(organ: string, date: string): Item[] {
  const dateRight = 4;
  const organRight = Math.max(
    0,
    dateRight + (textWidthInChars(date) - textWidthInChars(organ)) / 2,
  );
  const right = (chars: number) => ({ indent: { right: Math.round(chars * ONE_CHAR_TWIPS) } });
  // Each line kept with the next: the seal's room, the organ and the date on one page.
  return [
    blankLine({ keepNext: true }),
    blankLine({ keepNext: true }),
    blankLine({ keepNext: true }),
    para([run(organ, BODY)], {
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      ...right(organRight),
    }),
    para([run(date, BODY)], { alignment: AlignmentType.RIGHT, ...right(dateRight) }),
  ];
}

/**
 * 7.4 版记: 抄送 and 印发 in 4号仿宋 between rules as wide as the 版心, the first and last thick
 * (0.35 mm), the one between thin (0.25 mm); the last rule on the 版心's lower edge of the
 * last page, hence a table floated to the bottom of the margin box. 抄送 and the 印发机关 are
 * indented one character, the 印发日期 ends one character from the right (7.4.2, 7.4.3).
 */
function recordItems(record: NonNullable<OfficialDocument['record']>): Item[] {
  const small: RunStyle = { font: RECORD_FONT, sizePt: SMALL_SIZE_PT };
  const oneChar = SMALL_SIZE_PT * 20;
  const eighths = (mm: number) => Math.round((mm / 25.4) * 72 * 8);
  const thick = { style: BorderStyle.SINGLE, size: eighths(RECORD_THICK_RULE_MM), color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: eighths(RECORD_THIN_RULE_MM), color: '000000' };
  // The 版记 is one block: its rows are never split from each other across a page.
  const rowOf = (paragraph: Paragraph) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
          children: [paragraph],
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (record.copyTo.length > 0) {
    const label = '抄送：';
    rows.push(
      rowOf(
        new Paragraph({
          spacing: EXACT_LINE,
          keepNext: true,
          // 回行时与冒号后的首字对齐; 最后一个抄送机关名称后标句号.
          indent: { left: oneChar * 4, hanging: oneChar * 3, right: oneChar },
          children: [run(`${label}${record.copyTo.join('，')}。`, small)],
        }),
      ),
    );
  }
  rows.push(
    rowOf(
      new Paragraph({
        spacing: EXACT_LINE,
        indent: { left: oneChar, right: oneChar },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS - oneChar }],
        children: [run(`${record.printedBy}\t${formatChineseDate(record.printedOn)}印发`, small)],
      }),
    ),
  );
  const recordTable = new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH_TWIPS],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
    borders: {
      top: thick,
      bottom: thick,
      insideHorizontal: thin,
      left: NONE,
      right: NONE,
      insideVertical: NONE,
    },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: 'bottom',
      absoluteHorizontalPosition: 0,
    },
  });
  return [blankLine({ keepNext: true }), { table: recordTable }, blankLine()];
}

// ---- footer --------------------------------------------------------------------------

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字, 数码左右各放一条一字线 ("— 1 —"); 单页码居右空一字, 双页码居左空
 * 一字. The default footer is the odd pages' once evenAndOddHeaderAndFooters is on.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style: RunStyle = { font: PAGE_NUMBER_FONT, sizePt: SMALL_SIZE_PT };
  const oneChar = SMALL_SIZE_PT * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          run(`${PAGE_NUMBER_DASH} `, style),
          new TextRun({
            children: [PageNumber.CURRENT],
            ...fontOf(style.font),
            size: style.sizePt * 2,
            language: ZH_CN,
          }),
          run(` ${PAGE_NUMBER_DASH}`, style),
        ],
      }),
    ],
  });
}

// ---- reproducible bytes --------------------------------------------------------------

/**
 * `docx` writes the time of packing into docProps/core.xml and into every zip entry. Both
 * become the document's own day (asOf, 00:00 UTC), and the entries keep the order `docx`
 * gave them, so that the same document always zips to the same bytes.
 */
function reproducible(packed: Buffer, asOf: string): Buffer {
  const entries = unzipSync(new Uint8Array(packed));
  const stamp = `${asOf}T00:00:00Z`;
  // The zip's DOS timestamps hold local time: a date built from local parts writes asOf
  // whatever the host's time zone.
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const content =
      name === 'docProps/core.xml'
        ? strToU8(
            strFromU8(data).replace(
              /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
              `$1${stamp}$3`,
            ),
          )
        : data;
    files[name] = [content, { mtime }];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}
