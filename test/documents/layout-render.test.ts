// The DOCX as LibreOffice lays it out (the CI image's renderer): pages, the 版心, and the
// 22 × 28 grid of GB/T 9704 5.2.4. Where the office fonts are missing LibreOffice sets the
// text in WenQuanYi Micro Hei, whose CJK glyphs have the same full-width advance.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OfficialDocument } from '../../src/domain/document/official-document.ts';
import { renderDocx } from '../../src/documents/docx-render.ts';
import { TEST_DOCUMENT } from '../../src/documents/test-document.ts';
import {
  docxToPdf,
  pageOnePng,
  pdfPages,
  pdfWords,
  wordsOutsideTextBlock,
  type PlacedWord,
} from '../support/document-pdf.ts';

const SOFFICE = 180_000;

/** A title page, then `count` one-line paragraphs of `chars` characters on fresh pages. */
function gridDocument(count: number, chars: number): OfficialDocument {
  return {
    ...TEST_DOCUMENT,
    title: '行距测试',
    head: null,
    numberLine: null,
    addressee: null,
    attachments: [],
    signature: null,
    record: null,
    body: [
      { kind: 'page-break' },
      ...Array.from({ length: count }, () => ({
        kind: 'paragraph' as const,
        text: '国'.repeat(chars),
        indent: false,
      })),
    ],
  };
}

/** The lines of a page: its words grouped by their top edge, left to right. */
function linesOf(words: readonly PlacedWord[], page: number): string[] {
  const byTop = new Map<string, PlacedWord[]>();
  for (const w of words.filter((x) => x.page === page && !/^[—\d]+$/.test(x.text))) {
    const key = w.top.toFixed(1);
    byTop.set(key, [...(byTop.get(key) ?? []), w]);
  }
  return [...byTop.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, ws]) =>
      ws
        .sort((a, b) => a.left - b.left)
        .map((w) => w.text)
        .join(''),
    );
}

describe('the DOCX laid out by LibreOffice', () => {
  let full: { pdf: Buffer; dir: string };
  let fullPage: Buffer;
  let grid22: Buffer;
  let grid23: Buffer;
  let wide: Buffer;
  let dirs: string[] = [];

  beforeAll(async () => {
    // Each conversion has its own LibreOffice profile, so they may run side by side.
    const converted = await Promise.all([
      renderDocx(TEST_DOCUMENT).then(docxToPdf),
      renderDocx(gridDocument(22, 28)).then(docxToPdf),
      renderDocx(gridDocument(23, 28)).then(docxToPdf),
      renderDocx(gridDocument(1, 29)).then(docxToPdf),
    ]);
    dirs = converted.map((c) => c.dir);
    [full, { pdf: grid22 }, { pdf: grid23 }, { pdf: wide }] = converted as [
      typeof full,
      typeof full,
      typeof full,
      typeof full,
    ];
    fullPage = full.pdf;
  }, SOFFICE);

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('lays the synthetic document out on three pages, all text inside the 版心', async () => {
    // Page 1: head, title and the first part; the table and form on page 2 up to the
    // page-break block; page 3: the rest, 附件说明, signature and 版记.
    expect(await pdfPages(fullPage)).toBe(3);
    expect(await wordsOutsideTextBlock(fullPage, 1)).toEqual([]);
    const words = await pdfWords(fullPage);
    const pageOf = (text: string) => words.find((w) => w.text.includes(text))?.page;
    expect(pageOf('锡盟应急容决')).toBe(1);
    expect(pageOf('受送达人签名')).toBe(2);
    expect(pageOf('如对本决定不服')).toBe(3);
    expect(pageOf('印发')).toBe(3);
  });

  it('prints the page numbers under the 版心, odd at the right and even at the left', async () => {
    const words = await pdfWords(fullPage);
    const numberLine = (page: number) =>
      words.filter((w) => w.page === page && w.top > 262 && /^[—\d]+$/.test(w.text));
    for (const page of [1, 2, 3]) {
      const line = numberLine(page);
      expect(line.map((w) => w.text).join('')).toBe(`—${page}—`);
      // 7 mm under the 版心's lower edge (262 mm), give or take the font's ascent.
      expect(line[0]!.top).toBeGreaterThan(262 + 3);
      expect(line[0]!.top).toBeLessThan(262 + 9);
      if (page % 2 === 1) expect(line.at(-1)!.right).toBeGreaterThan(170);
      else expect(line[0]!.left).toBeLessThan(40);
    }
  });

  it('holds 22 lines of 28 characters a page: the 23rd line and the 29th character wrap', async () => {
    expect(await pdfPages(grid22)).toBe(2);
    const lines = linesOf(await pdfWords(grid22), 2);
    expect(lines).toHaveLength(22);
    for (const line of lines) expect(line).toBe('国'.repeat(28));

    expect(await pdfPages(grid23)).toBe(3);
    expect(linesOf(await pdfWords(grid23), 3)).toEqual(['国'.repeat(28)]);

    expect(linesOf(await pdfWords(wide), 2)).toEqual(['国'.repeat(28), '国']);
  });

  it('keeps the 22 lines inside the 版心', async () => {
    expect(await wordsOutsideTextBlock(grid22, 1)).toEqual([]);
  });

  it('draws page 1 as a PNG', async () => {
    const file = join(full.dir, 'page-1.png');
    await pageOnePng(fullPage, file);
    const png = await readFile(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    // 80 dpi A4: 661.4 × 935.4 pixels, rounded either way by pdftoppm.
    expect(Math.abs(png.readUInt32BE(16) - (210 / 25.4) * 80)).toBeLessThan(1);
    expect(Math.abs(png.readUInt32BE(20) - (297 / 25.4) * 80)).toBeLessThan(1);
  });
});
