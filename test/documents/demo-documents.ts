// One generated document of every kind, from the demo data: for the rendering test and for
// the pictures in docs/documents/ (`npm run documents:png`). The demo has no refused
// application and no decided extension, so one of its submitted applications is refused
// and its pending extension approved first, as the investigator and the secretary would;
// everything else is as `npm start` seeds it. Documents are generated as the
// operator at the command line generates them (generate-document.ts), the first owner in
// the order of creation that has the paper.

import { sql } from 'kysely';
import type { Actor } from '../../src/app/account/sessions.ts';
import type { AppContext } from '../../src/app/app-context.ts';
import { fireTransition } from '../../src/app/case/fire-transition.ts';
import { takeCorrectionStep } from '../../src/app/correction/correction-steps.ts';
import {
  generateDocument,
  type GeneratedDocument,
} from '../../src/app/document/generate-document.ts';
import { listDocuments } from '../../src/app/document/list-documents.ts';
import type { Role } from '../../src/domain/vocabulary.ts';
import type { DocumentKind, DocumentOwner } from '../../src/domain/document/document-kinds.ts';

const OWNER_TABLES: Readonly<Record<DocumentOwner, string>> = {
  case: 'cases',
  correction: 'corrections',
  warning: 'warnings',
  report: 'reports',
};

async function actorNamed(ctx: AppContext, username: string): Promise<Actor> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'unit_id', 'roles'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    username,
    displayName: u.display_name,
    unitId: u.unit_id,
    roles: u.roles as Role[],
    sessionId: 'documents',
    csrfToken: '',
    mustChangePassword: false,
  };
}

/** What the demo lacks for a paper of every kind: a refused application, a decided extension. */
export async function completeDemoPapers(ctx: AppContext): Promise<void> {
  await refuseOneApplication(ctx);
  await approveOneExtension(ctx);
}

/** Approves the demo's pending extension (延长整改期限) as asked, as 张敏 the secretary. */
async function approveOneExtension(ctx: AppContext): Promise<void> {
  const pending = await ctx.db
    .selectFrom('correction_extensions')
    .innerJoin('corrections', 'corrections.id', 'correction_extensions.correction_id')
    .select([
      'correction_extensions.id',
      'correction_extensions.requested_due',
      'corrections.id as correctionId',
      'corrections.version',
    ])
    .where('correction_extensions.state', '=', 'pending')
    .executeTakeFirstOrThrow();
  await takeCorrectionStep(
    ctx,
    await actorNamed(ctx, 'zhangmin'),
    pending.correctionId,
    pending.version,
    {
      kind: 'decide_extension',
      extensionId: pending.id,
      approved: true,
      newDue: pending.requested_due,
      reason: '专题学习须待上级统一组织，情况属实，同意延长',
    },
  );
}

/** Refuses the education bureau's submitted application (不予受理), as 孙浩 its investigator. */
async function refuseOneApplication(ctx: AppContext): Promise<void> {
  const row = await ctx.db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .select(['cases.id', 'cases.version'])
    .where('cases.state', '=', 'submitted')
    .where('cases.number', 'like', '锡盟教育容〔%')
    .orderBy('cases.created_at')
    .executeTakeFirstOrThrow();
  await fireTransition(
    ctx,
    await actorNamed(ctx, 'sunhao'),
    row.id,
    {
      kind: 'refuse',
      reason: '申请所涉履职行为已由盟纪委监委立案审查，不属于本单位容错认定受理范围',
    },
    row.version,
  );
}

export interface KindDocument {
  readonly owner: DocumentOwner;
  readonly ownerId: string;
  readonly doc: GeneratedDocument;
}

/** The first document of each kind the data has, as DOCX (or the given format). */
export async function documentOfEveryKind(
  ctx: AppContext,
  format: 'docx' | 'html' = 'docx',
): Promise<Map<DocumentKind, KindDocument>> {
  const found = new Map<DocumentKind, KindDocument>();
  for (const owner of ['case', 'correction', 'warning', 'report'] as const) {
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(
      OWNER_TABLES[owner],
    )} order by ${sql.ref(owner === 'correction' ? 'opened_at' : owner === 'warning' ? 'raised_at' : 'created_at')}, id`.execute(
      ctx.db,
    );
    for (const { id } of rows) {
      const items = await listDocuments(ctx, 'operator', owner, id);
      for (const item of items) {
        if (!item.available || found.has(item.kind)) continue;
        const doc = await generateDocument(ctx, 'operator', {
          owner,
          ownerId: id,
          kind: item.kind,
          format,
        });
        found.set(item.kind, { owner, ownerId: id, doc });
      }
    }
  }
  return found;
}
