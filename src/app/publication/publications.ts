// Reading publications (公示): the signed-in reader's list and page, by the circles of
// their own unit (本单位, 本系统) and the public ones; anyone's, without signing in, the
// public ones only. A publication the reader may not read does not exist for them.

import { todayInChina, type CalendarDate } from '../../domain/calendar-date.ts';
import {
  PUBLIC_READER,
  publicationReadScopeOf,
  type PublicationReadScope,
} from '../../domain/case/publication-audience.ts';
import {
  findPublication,
  listPublications,
  type PublicationRow,
} from '../../store/publication.queries.ts';
import { unitLineage } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';

/** The read scope of a signed-in reader, or of anyone (null). */
export async function publicationReaderScope(
  ctx: AppContext,
  actor: Actor | null,
): Promise<PublicationReadScope> {
  if (actor === null) return PUBLIC_READER;
  const lineage = await unitLineage(ctx.db, actor.unitId);
  return publicationReadScopeOf(actor.roles, lineage?.units ?? []);
}

export interface PublicationPage {
  readonly total: number;
  readonly items: readonly PublicationRow[];
  readonly today: CalendarDate;
}

export async function readPublications(
  ctx: AppContext,
  actor: Actor | null,
  page: { readonly limit: number; readonly offset: number },
): Promise<PublicationPage> {
  const scope = await publicationReaderScope(ctx, actor);
  const { total, items } = await listPublications(ctx.db, scope, page);
  return { total, items, today: todayInChina(ctx.now()) };
}

export async function readPublication(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ readonly row: PublicationRow; readonly today: CalendarDate }> {
  const scope = await publicationReaderScope(ctx, actor);
  const row = await findPublication(ctx.db, scope, id);
  if (row === undefined) throw new UseCaseError('NOT_FOUND', '公示不存在或不在您可阅读的范围内');
  return { row, today: todayInChina(ctx.now()) };
}
