// The files a case may hold as evidence: one list of the accepted types with the names
// and extensions people know them by, and the size limit. The server checks uploads
// against it; the web's upload control offers the same list.

/** 20 MiB: a scanned multi-page record fits; a video does not belong in a case file. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

interface EvidenceType {
  /** The name people know the format by. */
  readonly name: string;
  readonly extensions: readonly string[];
}

/** The content types evidence may have. */
export const EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'image/jpeg': { name: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { name: 'PNG', extensions: ['png'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    name: 'DOCX',
    extensions: ['docx'],
  },
  // OFD (GB/T 33190), the format of Chinese official electronic documents.
  'application/ofd': { name: 'OFD', extensions: ['ofd'] },
  'text/plain': { name: 'TXT', extensions: ['txt'] },
};

export const EVIDENCE_CONTENT_TYPES: readonly string[] = Object.keys(EVIDENCE_TYPES);

/** "PDF、JPEG、PNG、DOCX、OFD、TXT", for messages and hints. */
export const EVIDENCE_TYPE_NAMES = Object.values(EVIDENCE_TYPES)
  .map((t) => t.name)
  .join('、');

/** ".pdf,.jpg,…", for a file input's `accept`. */
export const EVIDENCE_ACCEPT = Object.values(EVIDENCE_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(',');

/** `text/plain; charset=utf-8` → `text/plain`. */
export function normalizeContentType(contentType: string): string {
  return contentType.split(';', 1)[0]!.trim().toLowerCase();
}

export function isEvidenceType(contentType: string): boolean {
  return Object.hasOwn(EVIDENCE_TYPES, normalizeContentType(contentType));
}

/**
 * The content type to declare for a file: the one its system gave when it is accepted,
 * otherwise the one its extension names (browsers do not know OFD), otherwise the given one.
 */
export function evidenceContentType(filename: string, declared: string): string {
  if (declared && isEvidenceType(declared)) return normalizeContentType(declared);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const byExtension = Object.entries(EVIDENCE_TYPES).find(([, t]) => t.extensions.includes(ext));
  return byExtension?.[0] ?? declared;
}
