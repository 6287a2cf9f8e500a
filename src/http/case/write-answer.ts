// What a write on a case answers: the case as the writer now sees it, so the page need
// not read it again (with the interview's next question when the query asks for it with
// `include=nextQuestion`, as a read does); or, for a client that asks
// `Prefer: return=minimal` (RFC 7240), 204 and the new version as the ETag, without the
// case read back.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../app/account/sessions.ts';
import type { AppContext } from '../../app/app-context.ts';
import { readCase } from '../../app/case/case-detail.ts';
import type { WrittenCase } from '../../app/case/case-write.ts';
import { CaseDetail } from '../../contract/case.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { caseReadOptions, presentCase } from './case.presenter.ts';

/** What a write answers: the case, or nothing when the client prefers it. */
export const WRITE_ANSWER = { 200: CaseDetail, 204: Type.Null() };

const versionTag = (version: number) => `W/"${version}"`;

function prefersMinimal(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  return typeof prefer === 'string' && /(^|[,;\s])return=minimal\b/i.test(prefer);
}

/**
 * Runs a write as the request's actor, then answers with `status` and the case as they
 * now see it, or with 204 when the client prefers the minimal answer. Either way the
 * ETag names the version answered: weak, since the case's page also depends on its
 * reader and on the day.
 */
export async function answerWrite(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: 200 | 201,
  write: (actor: Actor) => Promise<WrittenCase>,
) {
  const actor = await actorOf(ctx, request);
  const written = await write(actor);
  if (prefersMinimal(request))
    return reply
      .code(204)
      .header('etag', versionTag(written.version))
      .header('preference-applied', 'return=minimal')
      .send();
  // Read after the commit: another write may come between, and the case answered is then
  // that later one, its version in the tag.
  const options = caseReadOptions(request.query);
  const detail = presentCase(await readCase(ctx, actor, written.id, options));
  return reply.code(status).header('etag', versionTag(detail.version)).send(detail);
}
