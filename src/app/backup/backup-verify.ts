// `rongcuo backup verify FILE`, and the first step of every restore: the whole file read,
// every section's SHA-256, rows and bytes held to the manifest, and the file to
// FILE.sha256 when that is beside it. Nothing is written anywhere.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  BackupFormatError,
  type BackupHeader,
  type BackupManifest,
  type SectionDigest,
} from '../../domain/backup/backup-format.ts';
import { readBackup } from './backup-reader.ts';
import { SectionDigester } from './section-digest.ts';

export interface VerifiedBackup {
  readonly header: BackupHeader;
  readonly manifest: BackupManifest;
  readonly sha256: string;
  /** Whether FILE.sha256 was there to compare with (it matched, or this threw). */
  readonly checkedSha256File: boolean;
}

const damaged = (zh: string, en: string) =>
  new BackupFormatError('BACKUP_DAMAGED', `备份文件已损坏：${zh} / The backup is damaged: ${en}`);

export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  const whole = createHash('sha256');
  let header: BackupHeader | null = null;
  let manifest: BackupManifest | null = null;
  let current: SectionDigester | null = null;
  const found: SectionDigest[] = [];
  for await (const event of readBackup(file, (chunk) => whole.update(chunk))) {
    switch (event.kind) {
      case 'header':
        if (header !== null || found.length > 0)
          throw damaged('文件头重复或错位', 'a misplaced header');
        header = event.header;
        break;
      case 'section':
        if (header === null) throw damaged('缺少文件头', 'no header before the first section');
        current = new SectionDigester(event.section);
        break;
      case 'data':
        current!.update(event.chunk, event.lines);
        break;
      case 'end':
        found.push(current!.digest());
        current = null;
        break;
      case 'manifest':
        manifest = event.manifest;
        break;
    }
  }
  // readBackup ends only after a manifest.
  if (header === null || manifest === null) throw damaged('缺少文件头', 'no header');
  compareWithManifest(found, manifest);
  const sha256 = whole.digest('hex');
  const recorded = await recordedSha256(file);
  if (recorded !== null && recorded !== sha256) {
    throw damaged(
      `文件的 SHA-256（${sha256}）与 ${file}.sha256 记载的（${recorded}）不符`,
      `its SHA-256 ${sha256} is not the ${recorded} that ${file}.sha256 records`,
    );
  }
  return { header, manifest, sha256, checkedSha256File: recorded !== null };
}

function compareWithManifest(found: readonly SectionDigest[], manifest: BackupManifest) {
  if (found.length !== manifest.sections.length) {
    throw damaged(
      `清单记载 ${manifest.sections.length} 节，文件中有 ${found.length} 节`,
      `the manifest lists ${manifest.sections.length} sections, the file holds ${found.length}`,
    );
  }
  manifest.sections.forEach((expected, i) => {
    const actual = found[i]!;
    const same =
      actual.kind === expected.kind &&
      actual.name === expected.name &&
      actual.lines === expected.lines &&
      actual.bytes === expected.bytes &&
      actual.sha256 === expected.sha256;
    if (!same) {
      throw damaged(
        `“${expected.name}”一节与清单不符（${actual.lines} 行，SHA-256 ${actual.sha256.slice(0, 12)}…；清单为 ${expected.lines} 行，${expected.sha256.slice(0, 12)}…）`,
        `section ${expected.name} does not match the manifest (${actual.lines} lines, ${actual.sha256.slice(0, 12)}…; the manifest says ${expected.lines}, ${expected.sha256.slice(0, 12)}…)`,
      );
    }
  });
}

/** The SHA-256 that FILE.sha256 records, or null when there is none. */
async function recordedSha256(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(`${file}.sha256`, 'utf8');
  } catch {
    return null;
  }
  const hex = text.trim().split(/\s+/)[0] ?? '';
  return /^[0-9a-f]{64}$/.test(hex) ? hex : '(unreadable)';
}
