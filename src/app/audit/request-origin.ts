// Where the request being answered came from, for the audit events it appends. The HTTP
// layer runs each request inside `withClientAddress`; `appendAudit` reads it, so that no
// use case has to carry the address from the route to its one audit event. Outside a
// request (scheduled jobs, the CLI, the demo seed) there is none, and the event says so.

import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestOrigin {
  readonly clientAddress: string;
}

const origin = new AsyncLocalStorage<RequestOrigin>();

/** Runs `fn`, and everything it starts, as answering a request from `clientAddress`. */
export function withClientAddress<T>(clientAddress: string, fn: () => T): T {
  return origin.run({ clientAddress }, fn);
}

/** The address of the client whose request is being answered; null outside a request. */
export function currentClientAddress(): string | null {
  return origin.getStore()?.clientAddress ?? null;
}
