// Tables and forms of the DOCX (综合分析研判表, 申请表, 送达回证, 审批表): bordered grids within
// the 156 mm 版心, their text in 4号 仿宋.

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { BODY_FONT, SMALL_SIZE_PT, TEXT_WIDTH_TWIPS } from './gbt9704-layout.ts';
import { EXACT_LINE, type RunStyle, run } from './docx-runs.ts';
import { type FormRow } from '../domain/document/official-document.ts';

/** Tables and forms are set in 4号 仿宋 so that a form's rows hold their values. */
const TABLE_SIZE_PT = SMALL_SIZE_PT;

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
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
export function columnWidths(relative: readonly number[]): number[] {
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

export function table(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    alignment: AlignmentType.CENTER,
  });
}

export function gridTable(
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
export function formTable(rows: readonly FormRow[]): Table {
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
