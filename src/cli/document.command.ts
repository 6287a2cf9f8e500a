// `rongcuo document --case NUMBER --kind KIND [--out FILE] [--format docx|html]`: one official
// document of a case (or, with --report, of a report) as the web page gives it, from the
// database `rongcuo serve` uses (the embedded data directory or DATABASE_URL). While the
// server holds the embedded directory the database says so (DATA_DIR_IN_USE), and the user
// is told to download it from the page or stop the server.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UseCaseError } from '../app/app-context.ts';
import { generateDocument } from '../app/document/generate-document.ts';
import { DOCUMENT_FORMATS } from '../contract/document.schemas.ts';
import {
  DOCUMENT_KIND_DEFS,
  DOCUMENT_KINDS,
  isDocumentKind,
} from '../domain/document/document-kinds.ts';
import { assemble } from '../main.ts';
import { caseIdByNumber } from '../store/case-number.repository.ts';
import { reportIdByNumber } from '../store/document.repository.ts';
import { operatorMessage, StoreError } from '../store/store-error.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const KIND_LINES = DOCUMENT_KINDS.map(
  (k) => `  ${k.padEnd(22)}${DOCUMENT_KIND_DEFS[k].title}`,
).join('\n');

const USAGE = `用法 / usage: rongcuo document --case 案号 --kind 种类 [--out 文件] [--format docx|html]
       rongcuo document --report 举报编号 --kind report-feedback|clearance-notice [--out 文件]

按 GB/T 9704-2012 生成公文（DOCX，或 --format html 的可打印网页）；不指定 --out 时
写入当前目录，文件名为公文标题和文号。/ Writes the document (GB/T 9704 DOCX, or printable
HTML) to --out or to the current folder under its title and number.

种类 / kinds:
${KIND_LINES}
`;

export async function runDocument(args: string[], io: CliIO): Promise<number> {
  const options = {
    case: { type: 'string' },
    report: { type: 'string' },
    kind: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE, { positionals: false });
  if (!parsed) return 2;
  const { values } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const problem = lineProblem(values);
  if (problem !== null) {
    io.stderr.write(`${problem}\n\n${USAGE}`);
    return 2;
  }
  const kind = values.kind!;
  if (!isDocumentKind(kind)) return 2; // lineProblem checked it
  const format = (values.format ?? 'docx') as (typeof DOCUMENT_FORMATS)[number];
  let app;
  try {
    app = await assemble();
  } catch (error) {
    // The running server holds the embedded directory: the page has the same documents.
    if (error instanceof StoreError && error.code === 'DATA_DIR_IN_USE') {
      io.stderr.write(
        `${operatorMessage(error)}\n` +
          '服务运行期间，请在案件页面的“公文”中下载，或先停止服务再运行本命令 / while the server runs, download it from the case page, or stop the server first\n',
      );
      return 1;
    }
    throw error;
  }
  try {
    const byReport = values.report !== undefined;
    const number = (values.report ?? values.case)!;
    const ownerId = byReport
      ? await reportIdByNumber(app.ctx.db, number)
      : await caseIdByNumber(app.ctx.db, number);
    if (ownerId === undefined) {
      io.stderr.write(
        `${byReport ? '信访举报' : '案件'} ${number} 不存在 / no ${byReport ? 'report' : 'case'} numbered ${number}\n`,
      );
      return 1;
    }
    const doc = await generateDocument(app.ctx, 'operator', {
      owner: byReport ? 'report' : 'case',
      ownerId,
      kind,
      format,
    });
    const out = values.out ?? path.resolve(doc.filename);
    await writeFile(out, doc.bytes);
    io.stdout.write(
      `${JSON.stringify({ kind, number: doc.number, file: out, sha256: doc.sha256, size: doc.bytes.length })}\n`,
    );
    io.stderr.write(
      `已生成${doc.title}${doc.number === null ? '' : `（${doc.number}）`}：${out}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UseCaseError)) throw error;
    io.stderr.write(`${error.message} (${error.code})\n`);
    return 1;
  } finally {
    await app.close();
  }
}

function lineProblem(values: {
  case?: string;
  report?: string;
  kind?: string;
  format?: string;
}): string | null {
  if ((values.case === undefined) === (values.report === undefined))
    return '须给出 --case 案号 或 --report 举报编号（二者选一）/ give --case or --report';
  if (values.kind === undefined) return '须给出 --kind 公文种类 / give --kind';
  if (!isDocumentKind(values.kind))
    return `未知的公文种类 ${values.kind} / unknown kind: ${values.kind}`;
  if (values.report !== undefined && DOCUMENT_KIND_DEFS[values.kind].owner !== 'report')
    return `信访举报只有 report-feedback、clearance-notice 两种公文 / a report has report-feedback and clearance-notice only`;
  if (
    values.format !== undefined &&
    !(DOCUMENT_FORMATS as readonly string[]).includes(values.format)
  )
    return `--format 只能是 docx 或 html / --format is docx or html`;
  return null;
}
