// Each request is answered inside its client's address (src/app/audit/request-origin.ts),
// so that the audit events it appends record where it came from.
//
// The address is set in the first onRequest hook. A body is read from the socket's own
// events, which run outside it, so the handler would lose it after a body was parsed:
// preValidation (after parsing, before the handler) re-enters it through an AsyncResource
// made in onRequest, as @fastify/request-context does.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncResource } from 'node:async_hooks';
import { withClientAddress } from '../app/audit/request-origin.ts';

/** An IPv4 client on a dual-stack socket reads as ::ffff:10.0.0.1: written as 10.0.0.1. */
export function clientAddressOf(request: FastifyRequest): string {
  const ip = request.ip ?? request.raw.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}

const scopes = new WeakMap<FastifyRequest, AsyncResource>();

export function installClientAddress(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    withClientAddress(clientAddressOf(request), () => {
      scopes.set(request, new AsyncResource('rongcuo.request'));
      done();
    });
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = scopes.get(request);
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
}
