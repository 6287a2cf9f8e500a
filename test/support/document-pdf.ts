// Helpers for the tests of generated documents: a DOCX rendered to PDF by LibreOffice
// headless, and what the PDF shows (pages, words outside the GB/T 9704 版心, page 1 as PNG)
// read with poppler's command-line tools.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import {
  MARGIN_LEFT_MM,
  MARGIN_TOP_MM,
  TEXT_HEIGHT_MM,
  TEXT_WIDTH_MM,
} from '../../src/documents/gbt9704-layout.ts';

const run = promisify(execFile);

/** LibreOffice's first start builds its profile: slow on a busy machine. */
const SOFFICE_TIMEOUT_MS = 180_000;

/** The DOCX as PDF, its working directory removed at once. */
export async function pdfOf(docx: Buffer): Promise<Buffer> {
  const { pdf, dir } = await docxToPdf(docx);
  await rm(dir, { recursive: true, force: true });
  return pdf;
}

/**
 * The DOCX as PDF, converted in a fresh directory with a profile of its own, so that tests
 * running in parallel do not share (and lock) one LibreOffice user installation. The
 * directory is left for the caller (a PNG of the page may go there); it is under the OS's
 * temporary directory.
 */
export async function docxToPdf(docx: Buffer): Promise<{ pdf: Buffer; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'rongcuo-docx-pdf-'));
  const input = join(dir, 'document.docx');
  await writeFile(input, docx);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  await run(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    // LibreOffice runs as root here and wants a writable HOME.
    { timeout: SOFFICE_TIMEOUT_MS, env: { ...process.env, HOME: dir } },
  );
  return { pdf: await readFile(join(dir, 'document.pdf')), dir };
}

async function withPdfFile<T>(pdf: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rongcuo-pdf-'));
  const path = join(dir, 'document.pdf');
  try {
    await writeFile(path, pdf);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The number of pages of a PDF (pdfinfo). */
export async function pdfPages(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const match = /^Pages:\s+(\d+)/m.exec(stdout);
    if (!match) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
    return Number(match[1]);
  });
}

/** A word of a page with its box in millimetres from the page's top-left corner. */
export interface PlacedWord {
  readonly page: number;
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const PT_TO_MM = 25.4 / 72;

/** Every word of the PDF with its box (pdftotext -bbox). */
export async function pdfWords(pdf: Buffer): Promise<PlacedWord[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdftotext', ['-bbox', path, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const words: PlacedWord[] = [];
    let page = 0;
    const pattern =
      /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of stdout.matchAll(pattern)) {
      if (m[0] === '<page') {
        page += 1;
        continue;
      }
      words.push({
        page,
        text: unescapeXml(m[5]!),
        left: Number(m[1]) * PT_TO_MM,
        top: Number(m[2]) * PT_TO_MM,
        right: Number(m[3]) * PT_TO_MM,
        bottom: Number(m[4]) * PT_TO_MM,
      });
    }
    return words;
  });
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * 标点悬挂: a full-width mark closing a line may hang past the right edge by at most one
 * character, as LibreOffice, WPS and Word set Chinese text (the 28 characters stay inside).
 */
const HANGING_MARK = /[，。、；：？！”’）》」』〕】]$/u;
const ONE_CHAR_MM = 156 / 28;

/** The page number line: 一字线 and digits under the 版心 (GB/T 9704 7.5). */
const PAGE_NUMBER_WORD = /^(\u2014|\d+|\u2014\d+\u2014)$/;

/**
 * The words whose boxes leave the 版心 (28 mm from the left, 37 mm from the top, 156 × 225 mm)
 * by more than `toleranceMm`, except the page number under it.
 */
export async function wordsOutsideTextBlock(
  pdf: Buffer,
  toleranceMm: number,
): Promise<PlacedWord[]> {
  const left = MARGIN_LEFT_MM - toleranceMm;
  const right = MARGIN_LEFT_MM + TEXT_WIDTH_MM + toleranceMm;
  const top = MARGIN_TOP_MM - toleranceMm;
  const bottom = MARGIN_TOP_MM + TEXT_HEIGHT_MM + toleranceMm;
  return (await pdfWords(pdf)).filter((w) => {
    const hangs = HANGING_MARK.test(w.text) && w.right <= right + ONE_CHAR_MM;
    const inside =
      w.left >= left && (w.right <= right || hangs) && w.top >= top && w.bottom <= bottom;
    const pageNumber = w.top >= bottom - toleranceMm && PAGE_NUMBER_WORD.test(w.text);
    return !inside && !pageNumber;
  });
}

/** Page 1 of the PDF as a PNG at 80 dpi, written to `outFile` (pdftoppm). */
export async function pageOnePng(pdf: Buffer, outFile: string): Promise<void> {
  await withPdfFile(pdf, async (path) => {
    // -singlefile appends .png to the root it is given.
    const root = outFile.replace(/\.png$/i, '');
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, root]);
  });
}
