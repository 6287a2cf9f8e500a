// What closes a GB/T 9704 document: 附件说明, the 落款 with the seal's room, the 版记 at the
// foot of the last page, and the page numbers of every page.

import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  BODY,
  EXACT_LINE,
  type Item,
  type RunStyle,
  ZH_CN,
  blankLine,
  fontOf,
  para,
  run,
} from './docx-runs.ts';
import { NONE } from './docx-tables.ts';
import {
  ONE_CHAR_TWIPS,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_FONT,
  RECORD_FONT,
  RECORD_THICK_RULE_MM,
  RECORD_THIN_RULE_MM,
  SMALL_SIZE_PT,
  TEXT_WIDTH_TWIPS,
  textWidthInChars,
} from './gbt9704-layout.ts';
import { type OfficialDocument } from '../domain/document/official-document.ts';
import { formatChineseDate } from '../domain/calendar-date.ts';

/**
 * 7.3.4 附件说明: 正文下空一行左空二字编排"附件", 全角冒号和附件名称; 多个附件使用阿拉伯数字
 * 标注顺序号 (如"附件：1.XXXXX"), 回行时与上一行附件名称的首字对齐; 名称后不加标点符号.
 */
export function attachmentItems(names: readonly string[]): Item[] {
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
export function keepWithNext(items: Item[]): void {
  const last = items.at(-1);
  if (last && 'paragraph' in last)
    items[items.length - 1] = { paragraph: { ...last.paragraph, keepNext: true, keepLines: true } };
}

/**
 * 7.3.5.1 加盖印章的公文: 成文日期一般右空四字编排; 发文机关署名以成文日期为准居中编排; 印章居中下压
 * 署名和日期, 上距正文 (或附件说明) 一行之内. Three blank lines leave the seal its room.
 */
export function signatureItems(organ: string, date: string): Item[] {
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
export function recordItems(record: NonNullable<OfficialDocument['record']>): Item[] {
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

/**
 * 7.5 页码: 4号半角宋体阿拉伯数字, 数码左右各放一条一字线 ("— 1 —"); 单页码居右空一字, 双页码居左空
 * 一字. The default footer is the odd pages' once evenAndOddHeaderAndFooters is on.
 */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
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
