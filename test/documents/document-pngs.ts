// Saves page 1 of every kind of official document, as the demo's data gives it, to
// docs/documents/<kind>.png (80 dpi), and the list of them to docs/documents/README.md:
// `npm run documents:png`. Each DOCX is laid out by LibreOffice headless, as the rendering
// test lays it out, on a fresh embedded database of its own.

import { mkdir, writeFile } from 'node:fs/promises';
import { seedDemo } from '../../src/app/demo-data.ts';
import { DOCUMENT_KIND_DEFS, DOCUMENT_KINDS } from '../../src/domain/document/document-kinds.ts';
import { assemble } from '../../src/main.ts';
import { pdfOf, pageOnePng, pdfPages } from '../support/document-pdf.ts';
import { pristineDataDir } from '../support/test-databases.ts';
import { documentOfEveryKind, completeDemoPapers } from './demo-documents.ts';

const OUT = new URL('../../docs/documents/', import.meta.url).pathname;

const { dataDir, remove } = await pristineDataDir();
try {
  const app = await assemble({ dataDir });
  try {
    await seedDemo(app.ctx);
    await completeDemoPapers(app.ctx);
    const docs = await documentOfEveryKind(app.ctx);
    await mkdir(OUT, { recursive: true });
    const lines = [
      '# 公文样张 / the official documents, page 1',
      '',
      'Made by `npm run documents:png` from the demo data: each DOCX as Rongcuo generates it,',
      'laid out by LibreOffice headless (fonts missing on the machine are substituted, here',
      'by WenQuanYi Micro Hei), page 1 at 80 dpi.',
      '',
      '| kind | 公文 | 文号 | pages | page 1 |',
      '|---|---|---|---|---|',
    ];
    for (const kind of DOCUMENT_KINDS) {
      const entry = docs.get(kind);
      if (!entry) {
        lines.push(`| \`${kind}\` | ${DOCUMENT_KIND_DEFS[kind].title} | | | (no demo data) |`);
        continue;
      }
      const pdf = await pdfOf(entry.doc.bytes);
      await pageOnePng(pdf, `${OUT}${kind}.png`);
      const pages = await pdfPages(pdf);
      lines.push(
        `| \`${kind}\` | ${entry.doc.title} | ${entry.doc.number ?? ''} | ${pages} | ![${kind}](${kind}.png) |`,
      );
      console.log(`${kind}: ${pages} page(s)`);
    }
    await writeFile(`${OUT}README.md`, `${lines.join('\n')}\n`);
  } finally {
    await app.close();
  }
} finally {
  await remove();
}
