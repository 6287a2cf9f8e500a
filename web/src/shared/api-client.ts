// The typed API client: JSON in and out, the session cookie sent by the browser, the
// CSRF token added to every unsafe request, and errors as ApiError with the server's
// stable code and a Chinese message for people.

import { messageFor } from './error-messages.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can return to the login page. */
let onSignedOut: (code: string) => void = () => {};
export function whenSignedOut(handler: (code: string) => void): void {
  onSignedOut = handler;
}

/** Called when the server asks for the password to be changed first, so the app can go there. */
let onPasswordChangeRequired: () => void = () => {};
export function whenPasswordChangeRequired(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { ...headers };
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof ArrayBuffer) payload = body;
  else if (body !== undefined) {
    h['content-type'] ??= 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) h['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    const code = error?.code ?? 'HTTP_' + response.status;
    if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') onSignedOut(code);
    if (code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw new ApiError(response.status, code, messageFor(code, error?.message));
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>('POST', path, body ?? {}, headers);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
