// One figure's numbers as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads
// the Chinese) or an Excel workbook (exceljs). Both hold the same table: the filters it was
// counted under, the header row, one row per category.

import ExcelJS from 'exceljs';
import type { StatisticsReading } from '../../app/statistics/statistics.ts';
import type { Figure } from '../../domain/statistics/statistics-figures.ts';
import { csvField } from '../audit/audit.presenter.ts';
import { periodLabel } from './statistics.presenter.ts';

/** The figure as rows of cells: what it counts, then its header and its rows. */
export function figureTable(reading: StatisticsReading, figure: Figure): (string | number)[][] {
  const policy = reading.policies.find((p) => p.id === reading.policyId)?.title ?? '全部制度';
  return [
    [figure.title],
    [`单位：${reading.unit.name}及下级单位`, `制度：${policy}`, `期间：${periodLabel(reading)}`],
    [],
    [figure.category, ...figure.series.map((s) => s.label)],
    ...figure.rows.map((r) => [r.label, ...r.values]),
    [],
    [`说明：${figure.note}`],
  ];
}

export function figureCsv(reading: StatisticsReading, figure: Figure): string {
  const lines = figureTable(reading, figure).map((cells) =>
    cells.map((c) => (typeof c === 'number' ? String(c) : csvField(c))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function figureXlsx(reading: StatisticsReading, figure: Figure): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Rongcuo';
  // A sheet's name may not exceed 31 characters nor hold : \ / ? * [ ].
  const sheet = book.addWorksheet(figure.title.replace(/[:\\/?*[\]]/g, '').slice(0, 31));
  for (const cells of figureTable(reading, figure)) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(4).font = { bold: true };
  sheet.getColumn(1).width = 28;
  for (let i = 2; i <= figure.series.length + 1; i++) sheet.getColumn(i).width = 18;
  return Buffer.from(await book.xlsx.writeBuffer());
}
