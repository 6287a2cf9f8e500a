// An official document as a GB/T 9704-2012 DOCX, built with the `docx` library. The page,
// grid and fonts come from ./gbt9704-layout.ts; the parts of the page from the modules
// beside this one; the bytes are made reproducible afterwards (./docx-reproducible.ts), so
// the same document gives the same file and its SHA-256 can stand in the audit trail.

import { AlignmentType, BorderStyle, Document, DocumentGridType, Packer } from 'docx';
import {
  BODY,
  EXACT_LINE,
  FIRST_LINE_INDENT,
  type Item,
  ZH_CN,
  blankLine,
  fontOf,
  materialise,
  para,
  richRuns,
  run,
} from './docx-runs.ts';
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
  NUMBER_SIZE_PT,
  ORGAN_MARK_FONT,
  PAGE_HEIGHT_TWIPS,
  PAGE_WIDTH_TWIPS,
  RED,
  SEPARATOR_GAP_MM,
  SEPARATOR_WEIGHT_PT,
  TITLE_FONT,
  TITLE_SIZE_PT,
  mmToTwips,
  organMarkSizePt,
} from './gbt9704-layout.ts';
import { type DocumentBlock, type OfficialDocument } from '../domain/document/official-document.ts';
import {
  attachmentItems,
  keepWithNext,
  pageNumberFooter,
  recordItems,
  signatureItems,
} from './docx-closing.ts';
import { formTable, gridTable } from './docx-tables.ts';
import { formatChineseDate } from '../domain/calendar-date.ts';
import { reproducible } from './docx-reproducible.ts';

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
