// Evidence files are checked by their first bytes, not only by the type the uploader
// declares: a renamed executable must not pass as a PDF.

const SIGNATURES: Readonly<Record<string, readonly number[][]>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  // DOCX and OFD are ZIP containers.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    [0x50, 0x4b, 0x03, 0x04],
  ],
  'application/ofd': [[0x50, 0x4b, 0x03, 0x04]],
};

/** Whether the content's first bytes fit the declared type; plain text must be UTF-8 without NUL. */
export function matchesSignature(contentType: string, content: Uint8Array): boolean {
  if (contentType === 'text/plain') {
    if (content.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
      return true;
    } catch {
      return false;
    }
  }
  const signatures = SIGNATURES[contentType];
  if (!signatures) return false;
  return signatures.some(
    (sig) => sig.length <= content.length && sig.every((b, i) => content[i] === b),
  );
}
