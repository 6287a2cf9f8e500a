// Cuts a byte stream of JSON Lines into chunks of whole lines, about `target` bytes each:
// the unit of work of `evaluate --batch`. A chunk ends just after a line break (`\n` or
// `\r`, bytes that never occur inside a UTF-8 sequence), so each chunk decodes on its own
// exactly as the whole stream would; a line longer than `target` makes one longer chunk.

const LF = 0x0a;
const CR = 0x0d;

/** Index of the last line break in bytes[from, to), or -1. */
function lastBreak(bytes: Buffer, from: number, to: number): number {
  if (to <= from) return -1;
  const k = Math.max(bytes.lastIndexOf(LF, to - 1), bytes.lastIndexOf(CR, to - 1));
  return k >= from ? k : -1;
}

/** Index of the first line break at or after `from`, or -1. */
function firstBreak(bytes: Buffer, from: number): number {
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  if (lf < 0) return cr;
  return cr < 0 ? lf : Math.min(lf, cr);
}

/** Whole lines of `bytes` (which ends with a line break) in pieces of about `target` bytes. */
function* split(bytes: Buffer, target: number): Generator<Buffer> {
  let start = 0;
  while (bytes.length - start > target) {
    let end = lastBreak(bytes, start, start + target);
    if (end < 0) end = firstBreak(bytes, start + target);
    if (end < 0 || end + 1 === bytes.length) break;
    yield bytes.subarray(start, end + 1);
    start = end + 1;
  }
  yield bytes.subarray(start);
}

/**
 * The stream's bytes in chunks of whole lines, the last one possibly without a final
 * break. Whatever a read brings is passed on at once (so answers to a slow standard input
 * come as its lines do), in pieces of about `target` bytes when it brings more.
 */
export async function* lineChunks(
  input: AsyncIterable<Buffer | string>,
  target: number,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const data of input) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const k = lastBreak(bytes, 0, bytes.length);
    parts.push(bytes);
    size += bytes.length;
    // No break yet: a line still coming in, however long, is kept whole.
    if (k < 0) continue;
    const whole = parts.length === 1 ? bytes : Buffer.concat(parts, size);
    const end = size - bytes.length + k + 1;
    yield* split(whole.subarray(0, end), target);
    parts = end < size ? [whole.subarray(end)] : [];
    size -= end;
  }
  if (size > 0) yield Buffer.concat(parts, size);
}
