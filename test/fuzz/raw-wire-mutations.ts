// Mutations of the request line and the bytes on the wire: a method the route does not
// document, and requests no HTTP client library will send (a space or a control
// character in the path, a NUL in a header, a folded header, a bad chunk size, two
// Content-Lengths, no Host), sent by the runner over a bare socket.

import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import { bodyBytes, renderTarget, type Draft } from './request-draft.ts';

/** A method not documented for the path (`documented`: every method the document has for it). */
export function wrongMethod(d: Draft, rng: Prng, documented: readonly string[]): void {
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'FUZZ'].filter(
    (m) => !documented.includes(m),
  );
  const method = rng.pick(methods);
  d.method = method;
  d.notes.push(`wrong-method: ${method}`);
  d.mustRefuse = true;
}

export function rawRequest(d: Draft, op: Operation, rng: Prng): void {
  const target = renderTarget(d, op);
  const body = bodyBytes(d);
  const type = d.contentType ? `Content-Type: ${d.contentType}\r\n` : '';
  const length = body ? `Content-Length: ${body.length}\r\n` : '';
  const tail = `${type}${length}Connection: close\r\n\r\n${body ? body.toString('latin1') : ''}`;
  const line = (t: string, version = 'HTTP/1.1', method = d.method) => `${method} ${t} ${version}`;
  // The session's header lines go where {{AUTH}} stands (fuzz-sessions.ts).
  const start = (l: string) => `${l}\r\nHost: 127.0.0.1\r\n{{AUTH}}`;
  const head = (l: string, extra = '') => `${start(l)}${extra}${tail}`;
  const framed = start(line(target));
  const segments = target.split('?')[0]!;
  const variants: [string, string, boolean][] = [
    ['a space in the path', head(line(`${segments}/a b`)), true],
    ['a control character in the path', head(line(`${segments}\x01`)), true],
    [
      'raw UTF-8 in the path',
      head(line(`${segments}/${Buffer.from('中文').toString('latin1')}`)),
      false,
    ],
    ['raw invalid bytes in the path', head(line(`${segments}\xff\xfe`)), false],
    ['a NUL in a header', head(line(target), 'X-Fuzz: a\x00b\r\n'), true],
    ['a header line without a colon', head(line(target), 'X-Fuzz\r\n'), true],
    ['a folded header', head(line(target), 'X-Fuzz: a\r\n b\r\n'), true],
    ['HTTP/9.9', head(line(target, 'HTTP/9.9')), true],
    ['a lower-case version', head(line(target, 'http/1.1')), true],
    ['a method with @', head(line(target, 'HTTP/1.1', 'G@T')), true],
    ['an unknown method', head(line(target, 'HTTP/1.1', 'FUZZ')), true],
    ['an absolute-form target', head(line(`http://fuzz.example${target}`)), false],
    ['a 20 KiB header', head(line(target), `X-Fuzz: ${'a'.repeat(20 * 1024)}\r\n`), true],
    ['300 headers', head(line(target), 'X-Fuzz: a\r\n'.repeat(300)), false],
    ['two Host headers', head(line(target), 'Host: fuzz.example\r\n'), false],
    [
      'Content-Length with Transfer-Encoding',
      `${framed}Content-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
      true,
    ],
    [
      'a bad chunk size',
      `${framed}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      true,
    ],
    ['Content-Length: abc', `${framed}Content-Length: abc\r\nConnection: close\r\n\r\n`, true],
    ['two Content-Lengths', `${framed}Content-Length: 2, 3\r\nConnection: close\r\n\r\n{}`, true],
    ['no Host header', `${line(target)}\r\n{{AUTH}}${tail}`, true],
  ];
  const [what, raw, refused] = rng.pick(variants);
  d.raw = raw;
  d.notes.push(`raw-request: ${what}`);
  if (refused) d.mustRefuse = true;
}
