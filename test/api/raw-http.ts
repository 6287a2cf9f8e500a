// HTTP/1.1 over a bare socket, for what fetch will not send or wait for: a request whose
// body is announced and never sent (does the server answer before reading it?), a body
// held half-sent, a malformed request line.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  // `any` on purpose, as in HttpClient: tests read fields of the error shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface RawExchange {
  readonly socket: Socket;
  /** The server's answer, once it has sent all of it (or closed the connection). */
  readonly answer: Promise<RawAnswer>;
}

/** Sends `head` (request line and headers, without the blank line) and `body`, if any. */
export function rawRequest(baseUrl: string, head: string, body?: Buffer | string): RawExchange {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  socket.write(`${head}\r\n\r\n`);
  if (body !== undefined) socket.write(body);
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    let received = Buffer.alloc(0);
    const tryParse = (final: boolean) => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) {
        if (final) reject(new Error(`connection closed before an answer: ${received.toString()}`));
        return;
      }
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? NaN);
      const rest = received.subarray(end + 4);
      if (Number.isNaN(length) ? !final : rest.length < length) return;
      const text = rest.subarray(0, Number.isNaN(length) ? rest.length : length).toString('utf8');
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: parsed });
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      tryParse(false);
    });
    socket.on('close', () => tryParse(true));
    socket.on('error', () => tryParse(true));
  });
  return { socket, answer };
}

/** A session to send by hand: its cookie and CSRF token. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
