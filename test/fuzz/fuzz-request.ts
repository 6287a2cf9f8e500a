// The fuzzer's request: built for an operation, an identity and a mutation class
// (request-generator.ts), with the plan the runner authenticates it by, what was broken
// in it, and whether the application must refuse it (verdict.ts).

import { VALUE_CLASSES } from './malformed-values.ts';
import type { Operation } from './openapi-operations.ts';

/** Mutations of the request as a whole rather than of one value in it. */
const REQUEST_CLASSES = [
  'bad-percent',
  'long-param',
  'missing-field',
  'extra-field',
  'cross-reference',
  'bad-body',
  'bad-content-type',
  'bad-auth',
  'wrong-method',
  'raw-request',
] as const;

export const MUTATIONS = ['valid', ...VALUE_CLASSES, ...REQUEST_CLASSES] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface Identity {
  /** How reports name it: the role, or `anonymous`. */
  readonly label: string;
  /** The account it signs in as; null for no session at all. */
  readonly username: string | null;
}

/**
 * How the runner authenticates the request. `main`: the identity's long-lived session;
 * `fresh`: a session made for this request alone (logging out must not end the main
 * one); `none`: no session. `cookie` replaces the cookie header; `csrf` is `valid`,
 * `none` or the literal text to send.
 */
export interface AuthPlan {
  readonly session: 'main' | 'fresh' | 'none';
  readonly cookie?: string;
  readonly csrf: string;
}

export interface FuzzRequest {
  readonly op: Operation;
  readonly identity: Identity;
  readonly mutation: Mutation;
  /** What was broken, where, in words. */
  readonly note: string;
  readonly method: string;
  /** The request target (path and query) exactly as sent. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly auth: AuthPlan;
  /**
   * Sent over a bare socket as these bytes (latin1), with `{{AUTH}}` replaced by the
   * session's header lines: what no HTTP client library will send.
   */
  readonly raw?: string;
  /** The application must answer 4xx: the schema or an issue 8 guarantee refuses it. */
  readonly mustRefuse: boolean;
  /** The password the account has after this request, if it is accepted. */
  readonly newPassword?: { readonly username: string; readonly password: string };
}

/** Names the document gives the session cookie and the CSRF header. */
export interface AuthNames {
  readonly cookie: string;
  readonly csrfHeader: string;
}

/**
 * The server's limit on the request line and headers (Node's 16 KiB): a request past it
 * must be refused, and the server may hang up on it instead of answering.
 */
export const HEAD_LIMIT = 16 * 1024;
