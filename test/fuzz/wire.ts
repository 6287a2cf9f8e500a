// The fuzzer's HTTP client: node:http with kept-alive connections for requests a client
// library will send, and a bare socket for the bytes no library sends (a NUL in a header,
// a space in the path, a bad chunk size). Either way the answer is read whole and kept
// as bytes; a request that gets no answer is a result too, not an exception.

import http from 'node:http';
import net from 'node:net';

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type WireResult =
  | { readonly ok: true; readonly response: WireResponse }
  | { readonly ok: false; readonly error: string };

/** Long enough for an argon2 hash on a busy 2-core machine; a hang is a failure. */
const TIMEOUT_MS = 30_000;

export class Wire {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** Sends a request through node:http, or as bytes when node:http refuses to send it. */
  send(
    method: string,
    target: string,
    headers: Readonly<Record<string, string>>,
    body: Buffer | undefined,
  ): Promise<WireResult> {
    let request: http.ClientRequest;
    const all = { ...headers };
    if (body) all['content-length'] = String(body.length);
    try {
      request = http.request({
        host: this.host,
        port: this.port,
        method,
        path: target,
        headers: all,
        agent: this.agent,
      });
    } catch {
      // A character node:http will not put on the wire (a NUL in a header, a space in the
      // path): the same request as bytes.
      return this.sendRaw(rawRequest(method, target, all, body));
    }
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: WireResult) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      request.setTimeout(TIMEOUT_MS, () => {
        done({ ok: false, error: `no answer in ${TIMEOUT_MS / 1000} s` });
        request.destroy();
      });
      request.on('error', (error) => done({ ok: false, error: error.message }));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => done({ ok: false, error: error.message }));
        response.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(response.headers)) {
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          done({
            ok: true,
            response: {
              status: response.statusCode ?? 0,
              headers: flat,
              body: Buffer.concat(chunks),
            },
          });
        });
      });
      // The server may answer (413, 401) before it has read the whole body, and close.
      request.end(body);
    });
  }

  /** Sends bytes as they are on a connection of their own, and reads one answer. */
  sendRaw(bytes: Buffer): Promise<WireResult> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const chunks: Buffer[] = [];
      let settled = false;
      const done = (result: WireResult) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve(result);
      };
      const finish = () => {
        const response = parseResponse(Buffer.concat(chunks), true);
        done(
          response
            ? { ok: true, response }
            : { ok: false, error: 'connection closed without an answer' },
        );
      };
      socket.setTimeout(TIMEOUT_MS, () => finish());
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        const response = parseResponse(Buffer.concat(chunks), false);
        if (response) done({ ok: true, response });
      });
      socket.on('error', () => finish());
      socket.on('close', () => finish());
      socket.on('connect', () => {
        // The server may close after its answer while bytes are still being written.
        socket.write(bytes, () => {});
      });
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A request as bytes: header values and the target in UTF-8, what node:http would not send. */
function rawRequest(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer | undefined,
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === 'connection' || k.toLowerCase() === 'host') continue;
    lines.push(`${k}: ${v}`);
  }
  lines.push('Connection: close');
  return Buffer.concat([
    Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'),
    body ?? Buffer.alloc(0),
  ]);
}

/**
 * One HTTP/1.1 answer from bytes read so far; undefined until it is complete (or, when
 * the connection has closed, when there is no status line at all).
 */
function parseResponse(bytes: Buffer, closed: boolean): WireResponse | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/\d\.\d (\d{3})/.exec(head[0] ?? '');
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  const rest = bytes.subarray(end + 4);
  let body: Buffer | undefined;
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length >= length) body = rest.subarray(0, length);
  } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    body = dechunk(rest);
  } else if (closed) {
    body = rest;
  }
  if (body === undefined)
    return closed ? { status: Number(status[1]), headers, body: rest } : undefined;
  return { status: Number(status[1]), headers, body };
}

/** The body of a chunked answer, or undefined until its last chunk has come. */
function dechunk(bytes: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = bytes.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(bytes.subarray(at, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (bytes.length < eol + 2 + size + 2) return undefined;
    parts.push(bytes.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
