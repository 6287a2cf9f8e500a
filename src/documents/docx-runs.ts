// Runs and paragraphs of the DOCX: every font slot named with its East-Asian name, 3号 text
// on the 22-line grid, and the paragraph-to-be (Item) the other parts are built of.

import {
  BODY_CHARACTER_SPACING_TWIPS,
  BODY_FONT,
  BODY_SIZE_PT,
  LINE_PITCH_TWIPS,
  ONE_CHAR_TWIPS,
  type PartFont,
} from './gbt9704-layout.ts';
import type { Table } from 'docx';
import { type IParagraphOptions, type IRunOptions, LineRuleType, Paragraph, TextRun } from 'docx';
import { type RichText } from '../domain/document/official-document.ts';

// Latin text as Word writes it in a Chinese document; the East-Asian language picks the fonts.
export const ZH_CN = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** The exact line height of the grid, so that 22 lines fill the 版心 (5.2.4). */
export const EXACT_LINE = {
  line: LINE_PITCH_TWIPS,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
};

/** Every font slot named, with the East-Asian hint, so that WPS and Word pick the font. */
export function fontOf(font: PartFont): Pick<IRunOptions, 'font'> {
  const name = font.name;
  return { font: { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' } };
}

export interface RunStyle {
  readonly font: PartFont;
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly color?: string;
}

export function run(text: string, style: RunStyle, extra: Partial<IRunOptions> = {}): TextRun {
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

export const BODY: RunStyle = { font: BODY_FONT, sizePt: BODY_SIZE_PT };

export function richRuns(text: RichText, style: RunStyle): TextRun[] {
  if (typeof text === 'string') return [run(text, style)];
  return text.map((r) => run(r.text, { ...style, bold: r.bold ?? style.bold ?? false }));
}

/** Two characters of first-line indent: in characters for Word and WPS, in twips for the rest. */
export const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * ONE_CHAR_TWIPS };

/** A paragraph-to-be: its options, so that a preceding page-break can still be applied. */
export type Item = { readonly paragraph: IParagraphOptions } | { readonly table: Table };

export function para(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Item {
  return { paragraph: { spacing: EXACT_LINE, ...options, children } };
}

/** An empty line of the grid (空一行); a new one each time, as a component has one parent. */
export function blankLine(options: Omit<IParagraphOptions, 'children'> = {}): Item {
  return para([run('', BODY)], options);
}

export function materialise(items: readonly Item[]): (Paragraph | Table)[] {
  return items.map((item) => ('paragraph' in item ? new Paragraph(item.paragraph) : item.table));
}
