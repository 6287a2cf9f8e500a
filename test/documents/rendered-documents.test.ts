// Every kind of official document as the demo's data gives it (issue 12), on the embedded
// database: each DOCX unzipped and held to GB/T 9704-2012 (A4, margins 37/28 mm, the
// 22-line grid, the title in 2号 小标宋 and the body in 3号 仿宋 with East-Asian font names,
// page numbers "— N —" on alternating sides, 文号 and dates in the office forms, the
// citation of the ground the decision rests on), then laid out by LibreOffice: on the pages
// expected, with no text outside the 版心.

import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo-data.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/document/document-kinds.ts';
import { assemble, type Application } from '../../src/main.ts';
import { pdfOf, pdfPages, wordsOutsideTextBlock } from '../support/document-pdf.ts';
import { storeTargets, type TestStore } from '../support/test-databases.ts';
import { documentOfEveryKind, completeDemoPapers, type KindDocument } from './demo-documents.ts';

/**
 * The pages each kind takes with the demo's data, as LibreOffice lays it out with the fonts
 * this machine has. A 版头 takes the top third of page 1 (7.2); a 版记 that does not fit
 * under the signature goes whole to the next page; the full text of each article quoted.
 */
const EXPECTED_PAGES: Readonly<Record<DocumentKind, number>> = {
  application: 1,
  acceptance: 2,
  refusal: 2,
  'investigation-report': 3,
  'decision-record': 2,
  decision: 3,
  'decision-notice': 2,
  'service-receipt': 1,
  'correction-notice': 3,
  'extension-decision': 2,
  'follow-up-record': 2,
  'warning-notice': 3,
  'report-feedback': 3,
  'clearance-notice': 2,
};

/** The numbered kinds: their 文号 in the unit's series for the kind and year. */
const NUMBERED = /^\S+〔\d{4}〕[1-9]\d*号$/u;

let store: TestStore;
let app: Application;
let docs: Map<DocumentKind, KindDocument>;

beforeAll(async () => {
  store = await storeTargets()[0]!.open();
  app = await assemble({ store });
  await seedDemo(app.ctx);
  await completeDemoPapers(app.ctx);
  docs = await documentOfEveryKind(app.ctx);
}, 300_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

function parts(kind: DocumentKind) {
  const entry = docs.get(kind);
  if (!entry) throw new Error(`the demo has no ${kind}`);
  const files = unzipSync(new Uint8Array(entry.doc.bytes));
  const text = (name: string) => strFromU8(files[name]!);
  const footers = Object.keys(files)
    .filter((n) => /^word\/footer\d+\.xml$/.test(n))
    .map(text);
  return { entry, document: text('word/document.xml'), styles: text('word/styles.xml'), footers };
}

/** The text of the document's runs, joined. */
const plain = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('official documents from the demo', () => {
  it('has a document of every kind', () => {
    expect([...docs.keys()].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  describe.each(DOCUMENT_KINDS)('%s', (kind) => {
    it('is an A4 GB/T 9704 page with the grid, fonts and forms of the standard', () => {
      const { entry, document, styles, footers } = parts(kind);
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(document).toMatch(
        /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/,
      );
      expect(document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
      // The title: 2号 (22 pt, w:sz 44) 方正小标宋简体, named for East-Asian text too.
      const title = entry.doc.title;
      const titleRun = new RegExp(
        `<w:r><w:rPr>(?:(?!</w:rPr>).)*w:eastAsia="方正小标宋简体"(?:(?!</w:rPr>).)*<w:sz w:val="44"/>(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>${title.slice(0, 2)}`,
      );
      expect(document).toMatch(titleRun);
      // The body: 3号 (16 pt, w:sz 32) 仿宋_GB2312 by default.
      expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
      expect(styles).toMatch(/<w:sz w:val="32"\/>/);
      // Page numbers: — N — in 4号 宋体, right on odd pages and left on even ones.
      expect(footers).toHaveLength(2);
      for (const footer of footers) {
        expect(footer).toMatch(/PAGE/);
        expect(plain(footer)).toMatch(/^— .*—$/u);
        expect(footer).toMatch(/w:eastAsia="宋体"/);
      }
      expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual([
        'left',
        'right',
      ]);
      // Dates as offices write them; never an ISO date in the text.
      const text = plain(document);
      expect(text).toMatch(/[1-9]\d{3}年[1-9]\d?月[1-9]\d?日/u);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      if (entry.doc.number !== null) {
        expect(entry.doc.number).toMatch(NUMBERED);
        expect(text).toContain(entry.doc.number);
      }
    });

    it('lays out in LibreOffice on its pages, inside the text block', async () => {
      const pdf = await pdfOf(parts(kind).entry.doc.bytes);
      expect(await pdfPages(pdf)).toBe(EXPECTED_PAGES[kind]);
      expect(await wordsOutsideTextBlock(pdf, 1)).toEqual([]);
    }, 240_000);
  });

  it('cites in the decision the ground its case was decided on, with the article’s text', async () => {
    const { entry, document } = parts('decision');
    const row = await app.ctx.db
      .selectFrom('cases')
      .select(['number', 'determination'])
      .where('id', '=', entry.ownerId)
      .executeTakeFirstOrThrow();
    const citation = (row.determination as { citation?: string }).citation ?? '';
    expect(citation).toMatch(/^第[一二三四五六七八九十]+条/u);
    const text = plain(document);
    expect(text).toContain(citation.split('、')[0]!);
    expect(text).toContain(row.number);
  });
});
