// An official document as one printable HTML page, for offices that print from the
// browser: the same GB/T 9704-2012 page as the DOCX (./gbt9704-layout.ts), with the fonts'
// fallbacks, self-contained (no script, no external resource) and every text escaped.

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
  cssFontFamily,
  HEADING_FONTS,
  LINE_PITCH_TWIPS,
  MARGIN_BOTTOM_MM,
  MARGIN_LEFT_MM,
  MARGIN_RIGHT_MM,
  MARGIN_TOP_MM,
  ORGAN_MARK_FONT,
  organMarkSizePt,
  PAGE_NUMBER_DASH,
  PAGE_NUMBER_FONT,
  RECORD_FONT,
  RECORD_THICK_RULE_MM,
  RECORD_THIN_RULE_MM,
  RED,
  SEPARATOR_GAP_MM,
  SEPARATOR_WEIGHT_PT,
  SMALL_SIZE_PT,
  TEXT_WIDTH_MM,
  textWidthInChars,
  TITLE_FONT,
  TITLE_SIZE_PT,
} from './gbt9704-layout.ts';

export function renderHtml(doc: OfficialDocument): string {
  const parts = [
    doc.head ? headHtml(doc.head.organMark, doc.head.number) : '',
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    doc.numberLine ? `<p class="number-line">${escapeHtml(doc.numberLine)}</p>` : '',
    // 7.3.2: the 主送机关 (or the body) one blank line under the title, as in the DOCX.
    '<div class="blank-line"></div>',
    doc.addressee ? `<p class="addressee">${escapeHtml(doc.addressee)}：</p>` : '',
    bodyHtml(doc.body),
    attachmentsHtml(doc.attachments),
    doc.signature ? signatureHtml(doc.signature.organ, formatChineseDate(doc.signature.date)) : '',
    doc.record ? recordHtml(doc.record) : '',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<p class="no-print">打印时请选择 A4 纸、无页眉页脚、缩放 100%。</p>',
    '<main class="page">',
    ...parts.filter((p) => p !== ''),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text as HTML: the five characters that could open markup or end an attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const LINE_PT = LINE_PITCH_TWIPS / 20;

// The head's spacing in lines of the grid, as 7.2.4, 7.2.6 and 7.3.1 count them.
const STYLE = `
@page { size: A4; margin: ${MARGIN_TOP_MM}mm ${MARGIN_RIGHT_MM}mm ${MARGIN_BOTTOM_MM}mm ${MARGIN_LEFT_MM}mm; }
/* 7.5 page numbers: CSS page-margin boxes print them in Chromium 131 and later; other browsers
   ignore these rules and print no number (no HTML feature numbers pages everywhere). */
@page :right { @bottom-right { content: "${PAGE_NUMBER_DASH} " counter(page) " ${PAGE_NUMBER_DASH}"; font-family: ${cssFontFamily(PAGE_NUMBER_FONT)}; font-size: ${SMALL_SIZE_PT}pt; padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "${PAGE_NUMBER_DASH} " counter(page) " ${PAGE_NUMBER_DASH}"; font-family: ${cssFontFamily(PAGE_NUMBER_FONT)}; font-size: ${SMALL_SIZE_PT}pt; padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { background: #eee; }
body { margin: 0; color: #000; font-family: ${cssFontFamily(BODY_FONT)}; font-size: ${BODY_SIZE_PT}pt; line-height: ${LINE_PT}pt; }
.no-print { font-family: sans-serif; font-size: 11pt; line-height: 1.5; text-align: center; margin: 0; padding: 8px; background: #ffd; }
.page { box-sizing: content-box; width: ${TEXT_WIDTH_MM}mm; min-height: 225mm; margin: 12px auto; padding: ${MARGIN_TOP_MM}mm ${MARGIN_RIGHT_MM}mm ${MARGIN_BOTTOM_MM}mm ${MARGIN_LEFT_MM}mm; background: #fff; letter-spacing: ${BODY_CHARACTER_SPACING_TWIPS / 20}pt; }
@media print {
  .no-print { display: none; }
  html { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; }
}
p, h1, h2, table { margin: 0; }
.organ-mark { font-family: ${cssFontFamily(ORGAN_MARK_FONT)}; color: #${RED}; text-align: center; font-weight: normal; letter-spacing: 0; margin-top: 35mm; line-height: ${2 * LINE_PT}pt; }
.doc-number { text-align: center; margin-top: ${2 * LINE_PT}pt; }
.red-line { border: 0; border-top: ${SEPARATOR_WEIGHT_PT}pt solid #${RED}; margin: ${SEPARATOR_GAP_MM}mm 0 0; height: 0; }
.title { font-family: ${cssFontFamily(TITLE_FONT)}; font-size: ${TITLE_SIZE_PT}pt; font-weight: normal; text-align: center; letter-spacing: 0; margin-top: ${2 * LINE_PT}pt; }
.page > .title:first-child { margin-top: 0; }
.number-line { text-align: center; }
.blank-line { height: ${LINE_PT}pt; }
.block { text-align: justify; }
.indent { text-indent: 2em; }
.align-right { text-align: right; }
.align-centre { text-align: center; }
.heading { font-size: ${BODY_SIZE_PT}pt; font-weight: normal; text-indent: 2em; break-after: avoid; }
.heading-1 { font-family: ${cssFontFamily(HEADING_FONTS[1])}; }
.heading-2 { font-family: ${cssFontFamily(HEADING_FONTS[2])}; }
.heading-3 { font-family: ${cssFontFamily(HEADING_FONTS[3])}; font-weight: bold; }
.heading-4 { font-family: ${cssFontFamily(HEADING_FONTS[4])}; }
table.grid { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: ${SMALL_SIZE_PT}pt; letter-spacing: 0; }
table.grid td, table.grid th { border: 0.5pt solid #000; padding: 0 0.4em; font-weight: normal; text-align: left; vertical-align: middle; }
table.grid th, table.grid td.label { text-align: center; }
table.grid th { font-weight: bold; }
.blank { display: inline-block; width: 6em; border-bottom: 0.5pt solid #000; height: 1em; vertical-align: baseline; }
.page-break { break-before: page; }
.attachments { margin-top: ${LINE_PT}pt; }
.signature { margin-top: ${3 * LINE_PT}pt; text-align: right; break-inside: avoid; }
.record { margin-top: ${LINE_PT}pt; font-family: ${cssFontFamily(RECORD_FONT)}; font-size: ${SMALL_SIZE_PT}pt; letter-spacing: 0; border-top: ${RECORD_THICK_RULE_MM}mm solid #000; border-bottom: ${RECORD_THICK_RULE_MM}mm solid #000; break-inside: avoid; }
.record p { padding: 0 1em; }
.record p + p { border-top: ${RECORD_THIN_RULE_MM}mm solid #000; }
.record .copy-to { padding-left: 4em; text-indent: -3em; }
.record .printed { display: flex; justify-content: space-between; }
`.trim();

/** 7.2 版头: the red organ mark, the 发文字号 and the red line under it. */
function headHtml(organMark: string, number: string | null): string {
  const mark = `<p class="organ-mark" style="font-size: ${organMarkSizePt(organMark)}pt">${escapeHtml(organMark)}</p>`;
  const numberHtml = number ? `<p class="doc-number">${escapeHtml(number)}</p>` : '';
  return `<header class="head">${mark}${numberHtml}<hr class="red-line"></header>`;
}

function richHtml(text: RichText): string {
  if (typeof text === 'string') return escapeHtml(text);
  return text.map((r) => (r.bold ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text))).join('');
}

function bodyHtml(blocks: readonly DocumentBlock[]): string {
  const out: string[] = [];
  let breakBefore = false;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      breakBefore = true;
      continue;
    }
    const html = blockHtml(block);
    out.push(breakBefore ? `<div class="page-break">${html}</div>` : html);
    breakBefore = false;
  }
  if (breakBefore) out.push('<div class="page-break"></div>');
  return out.join('\n');
}

function blockHtml(block: Exclude<DocumentBlock, { kind: 'page-break' }>): string {
  switch (block.kind) {
    case 'heading':
      return `<h2 class="heading heading-${block.level}">${escapeHtml(block.text)}</h2>`;
    case 'paragraph': {
      const classes = ['block'];
      if ((block.indent ?? true) && block.align !== 'centre') classes.push('indent');
      if (block.align === 'right') classes.push('align-right');
      if (block.align === 'centre') classes.push('align-centre');
      return `<p class="${classes.join(' ')}">${richHtml(block.text)}</p>`;
    }
    case 'table':
      return gridTableHtml(block.header, block.rows, block.widths);
    case 'form':
      return formHtml(block.rows);
    case 'signature-line':
      return `<p class="block indent">${block.labels
        .map((l) => `${escapeHtml(l)}：<span class="blank"></span>`)
        .join('\u3000\u3000')}</p>`;
  }
}

/** A cell's value may span lines. */
function cellText(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

function colgroup(relative: readonly number[]): string {
  const total = relative.reduce((a, b) => a + b, 0);
  const cols = relative.map((w) => `<col style="width: ${((100 * w) / total).toFixed(2)}%">`);
  return `<colgroup>${cols.join('')}</colgroup>`;
}

function gridTableHtml(
  header: readonly string[] | undefined,
  rows: readonly (readonly string[])[],
  widths: readonly number[] | undefined,
): string {
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const indexes = [...Array(count).keys()];
  const head = header
    ? `<thead><tr>${indexes.map((i) => `<th>${cellText(header[i] ?? '')}</th>`).join('')}</tr></thead>`
    : '';
  const body = rows
    .map((r) => `<tr>${indexes.map((i) => `<td>${cellText(r[i] ?? '')}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="grid">${colgroup(widths ?? Array<number>(count).fill(1))}${head}<tbody>${body}</tbody></table>`;
}

/** The same four columns as the DOCX: label, value, label, value. */
function formHtml(rows: readonly FormRow[]): string {
  const body = rows
    .map((row) => {
      const first = `<td class="label">${cellText(row.label)}</td>`;
      if ('label2' in row) {
        return `<tr>${first}<td>${cellText(row.value)}</td><td class="label">${cellText(row.label2)}</td><td>${cellText(row.value2)}</td></tr>`;
      }
      return `<tr>${first}<td colspan="3">${cellText(row.value)}</td></tr>`;
    })
    .join('');
  return `<table class="grid form">${colgroup([2, 3, 2, 3])}<tbody>${body}</tbody></table>`;
}

/** 7.3.4 附件说明, laid out as in the DOCX (names aligned after "附件：" and the number). */
function attachmentsHtml(names: readonly string[]): string {
  if (names.length === 0) return '';
  const label = '附件：';
  const lines = names.map((name, i) => {
    const number = names.length > 1 ? `${i + 1}.` : '';
    const prefix = i === 0 ? label + number : number;
    const nameStart = 2 + textWidthInChars(label) + textWidthInChars(number);
    const style = `padding-left: ${nameStart}em; text-indent: -${textWidthInChars(prefix)}em`;
    return `<p style="${style}">${escapeHtml(prefix + name)}</p>`;
  });
  return `<section class="attachments">${lines.join('')}</section>`;
}

/** 7.3.5.1: the date four characters from the right, the organ centred over it. */
function signatureHtml(organ: string, date: string): string {
  const dateRight = 4;
  const organRight = Math.max(
    0,
    dateRight + (textWidthInChars(date) - textWidthInChars(organ)) / 2,
  );
  return `<section class="signature"><p style="padding-right: ${organRight}em">${escapeHtml(organ)}</p><p style="padding-right: ${dateRight}em">${escapeHtml(date)}</p></section>`;
}

/** 7.4 版记: 抄送 and 印发 between rules; the rules and the 印发日期 as in the DOCX. */
function recordHtml(record: NonNullable<OfficialDocument['record']>): string {
  const copy =
    record.copyTo.length > 0
      ? `<p class="copy-to">抄送：${escapeHtml(record.copyTo.join('，'))}。</p>`
      : '';
  const printed = `<p class="printed"><span>${escapeHtml(record.printedBy)}</span><span>${escapeHtml(formatChineseDate(record.printedOn))}印发</span></p>`;
  return `<footer class="record">${copy}${printed}</footer>`;
}
