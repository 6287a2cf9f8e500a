// Each section's rows, bytes and SHA-256, as the writer records them in the manifest and
// the reader recomputes them to check it.

import { createHash, type Hash } from 'node:crypto';
import type { Section, SectionDigest } from '../../domain/backup/backup-format.ts';

export class SectionDigester {
  private hash: Hash = createHash('sha256');
  private lines = 0;
  private bytes = 0;

  constructor(private readonly section: Section) {}

  update(chunk: Buffer, lines: number): void {
    this.hash.update(chunk);
    this.lines += lines;
    this.bytes += chunk.length;
  }

  digest(): SectionDigest {
    return {
      kind: this.section.kind,
      name: this.section.kind === 'table' ? this.section.name : this.section.path,
      lines: this.lines,
      bytes: this.bytes,
      sha256: this.hash.digest('hex'),
    };
  }
}

/** Lines in a chunk of whole lines. */
export function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
}
