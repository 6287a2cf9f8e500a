// Mutations of the body as a whole: bytes that are not the JSON or the file the route
// reads (a byte-order mark, duplicate keys, a file whose bytes are not its type), and a
// content type the route does not take.

import { ONE_MIB } from './malformed-values.ts';
import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import { setQuery, toJsonText, type Draft } from './request-draft.ts';
import { SAMPLE_FILES } from './valid-request.ts';

export function badBody(d: Draft, op: Operation, rng: Prng): void {
  if (op.body?.kind === 'file') {
    const [what, bytes, type, ext] = rng.pick<[string, Buffer, string, string]>([
      ['an empty file', Buffer.alloc(0), 'application/pdf', 'pdf'],
      [
        'HTML behind a PDF signature',
        Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'),
        'application/pdf',
        'pdf',
      ],
      [
        'an SVG declared as PDF',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'application/pdf',
        'svg',
      ],
      [
        'HTML declared as text',
        Buffer.from('<!doctype html><script>x</script>'),
        'text/plain',
        'html',
      ],
      [
        'a PNG signature then garbage',
        Buffer.from('\x89PNG\r\n\x1a\ngarbage', 'latin1'),
        'image/png',
        'png',
      ],
      ['a PDF named .png', SAMPLE_FILES[0]!.bytes, 'image/png', 'png'],
      [
        'invalid UTF-8 as text',
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        'text/plain',
        'txt',
      ],
    ]);
    d.body = { kind: 'file', bytes, type, ext };
    d.contentType = type;
    setQuery(d, 'filename', `file.${ext}`, 'text');
    d.notes.push(`bad-body: ${what}`);
    return;
  }
  const json = op.body?.kind === 'json';
  const text = toJsonText(d.body?.kind === 'json' ? d.body.value : {});
  const [what, bytes, refused] = rng.pick<[string, Buffer, boolean]>([
    ['not JSON: {', Buffer.from('{'), true],
    ['truncated JSON', Buffer.from('{"a":'), true],
    ['not JSON: nul', Buffer.from('nul'), true],
    ['single quotes', Buffer.from("{'a':1}"), true],
    ['an array', Buffer.from('[]'), true],
    ['a string', Buffer.from('"text"'), true],
    ['a number', Buffer.from('1'), true],
    ['null', Buffer.from('null'), true],
    ['true', Buffer.from('true'), true],
    ['an empty body', Buffer.alloc(0), true],
    ['2 MiB of JSON', Buffer.from(`{"a":"${'x'.repeat(2 * ONE_MIB)}"}`), true],
    ['trailing garbage', Buffer.from('{} x'), true],
    ['a byte-order mark', Buffer.from(`\ufeff${text}`), false],
    ['duplicate keys', Buffer.from(duplicateKeys(text)), false],
    ['invalid UTF-8 in a string', invalidUtf8(text), false],
    ['UTF-16', Buffer.from(text, 'utf16le'), true],
    ['a 5,000-deep array', Buffer.from('['.repeat(5000) + ']'.repeat(5000)), true],
  ]);
  d.body = { kind: 'bytes', bytes };
  d.contentType = 'application/json';
  d.notes.push(`bad-body: ${what}`);
  // GET and a body-less route may ignore a body; a JSON route must refuse one it cannot read.
  if (json && refused) d.mustRefuse = true;
}

export function badContentType(d: Draft, op: Operation, rng: Prng): void {
  const type = rng.pick([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/jsonx',
    'text/html',
    'image/svg+xml',
    'application/x-msdownload',
    '*/*',
    'a/b/c',
    `application/${'x'.repeat(2000)}`,
  ]);
  if (!d.body) d.body = { kind: 'bytes', bytes: Buffer.from('{}') };
  d.contentType = type;
  d.notes.push(`bad-content-type: ${type.slice(0, 60)}`);
  if (op.body?.kind === 'json' && op.body.strict && !type.startsWith('application/json'))
    d.mustRefuse = true;
  if (op.body?.kind === 'file' && !op.body.mediaTypes.includes(type.split(';')[0]!.trim()))
    d.mustRefuse = true;
}

/** The same object with its first key written twice, the first time with another value. */
function duplicateKeys(json: string): string {
  const m = /^\{("(?:[^"\\]|\\.)*"):/.exec(json);
  return m ? `{${m[1]}:"duplicate",${json.slice(1)}` : json;
}

/** The JSON text with bytes that are not UTF-8 inside its first string. */
function invalidUtf8(json: string): Buffer {
  const at = json.indexOf('"', json.indexOf(':') + 1);
  if (at < 0) return Buffer.from(json);
  return Buffer.concat([
    Buffer.from(json.slice(0, at + 1)),
    Buffer.from([0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    Buffer.from(json.slice(at + 1)),
  ]);
}
