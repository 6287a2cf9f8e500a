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

/**
 * Characters a file name a person gives never holds, and that would let the name say
 * something else than it is: control characters, path separators, and the format
 * characters that reorder how text is shown ("报告\u202Etxt.exe" shown as "报告exe.txt").
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_IN_A_NAME = /[\u0000-\u001f\u007f/\\\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export type EvidenceName = { readonly ok: true; readonly name: string } | { readonly ok: false };

/**
 * The name a file of evidence is kept under: the uploader's name, trimmed, ending in an
 * extension of its verified type. A name that ends otherwise (note.html sent as text,
 * drawing.svg as a PDF, a name without extension) keeps all it said and gains the type's
 * extension (note.html.txt): the file saved from the case then opens as what it is, and
 * the record still shows the name it came with. Refusing such a file instead would turn
 * away genuine evidence whose name is merely wrong (a phone's PNG called .jpg), and the
 * clerk would rename it by hand, losing the original name.
 *
 * Not ok for a name that is blank or that no person types (see NOT_IN_A_NAME).
 */
export function evidenceName(filename: string, contentType: string): EvidenceName {
  const name = filename.trim();
  if (/^[.\s]*$/.test(name) || NOT_IN_A_NAME.test(name)) return { ok: false };
  const type = isEvidenceType(contentType)
    ? EVIDENCE_TYPES[normalizeContentType(contentType)]
    : null;
  if (!type) return { ok: false };
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (type.extensions.includes(ext)) return { ok: true, name };
  return { ok: true, name: `${name}.${type.extensions[0]!}` };
}
