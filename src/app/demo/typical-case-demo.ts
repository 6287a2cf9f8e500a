// Demo typical cases (典型案例): the education case published to the public is marked by
// the education bureau's secretary, and two emergency cases are taken through the whole
// procedure, published and marked by the emergency bureau's secretary: one 不予追究 on
// 第十条第（三）项 published to the public, one 履职尽责 on 第九条第（二）项 published within
// the system. Beside the demo's case under investigation (第九条第（七）项) and its decided
// 不予追究 case, the 类案参考 panel and the library have something to show.

import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { openCase } from '../case/open-case.ts';
import { markTypical } from '../typical-case/typical-case-marks.ts';
import {
  assessAndSubmit,
  NINTH_ARTICLE_ITEMS,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo-procedure.ts';

interface DemoTypical {
  readonly unitId: string;
  readonly officer: Actor;
  readonly title: string;
  readonly conduct: string;
  readonly conductDate: string;
  readonly field: string;
  readonly errorType: string;
  readonly facts: readonly (readonly [string, boolean])[];
  readonly scope: string;
  /** The engine's outcome on those facts, which the committee follows. */
  readonly conclusion: 'no_liability' | 'due_diligence';
}

/** A case initiated, found, assessed, reviewed, decided as the engine found, notified and published. */
async function publishedCase(
  ctx: AppContext,
  crew: { investigator: Actor; reviewer: Actor; secretary: Actor },
  c: DemoTypical,
): Promise<string> {
  const { investigator, secretary } = crew;
  const opened = await openCase(ctx, investigator, {
    origin: 'initiation',
    unitId: c.unitId,
    officerId: c.officer.id,
    title: c.title,
    conduct: c.conduct,
    conductDate: c.conductDate,
    enforcementAction: 'inspection',
    field: c.field,
    errorType: c.errorType,
  });
  const id = opened.id;
  let v = await recordFindings(ctx, investigator, id, opened.version, c.facts);
  v = (await fireTransition(ctx, investigator, id, { kind: 'complete_investigation' }, v)).version;
  v = await assessAndSubmit(ctx, crew, id, v, {
    findings: '经调查核实，情况属实。',
    opinion: '经审核，同意系统认定意见。',
  });
  const members = ['党委书记', '局长', '纪检组长'];
  v = await recordDecision(ctx, secretary, id, v, { members, conclusion: c.conclusion });
  v = await serveNotices(ctx, secretary, id, v, '签收人');
  await fireTransition(ctx, secretary, id, { kind: 'publish', scope: c.scope }, v);
  return id;
}

/** Marks the demo's published education case and two emergency ones as typical. */
export async function seedTypicalCases(
  ctx: AppContext,
  as: (username: string) => Actor,
  unitIds: ReadonlyMap<string, string>,
  /** The demo's published education case (民办幼儿园年检). */
  publishedEducationCase: string,
): Promise<void> {
  await markTypical(ctx, as('zhouyan'), publishedEducationCase);

  const crew = { investigator: as('lina'), reviewer: as('liuyang'), secretary: as('zhangmin') };
  const typical = [
    await publishedCase(ctx, crew, {
      unitId: unitIds.get('em-chem')!,
      officer: as('zhaoli'),
      title: '依据安全评价报告准予许可延续后报告被认定失实',
      conduct:
        '执法人员依据具有资质的评价机构出具的安全评价报告，对某危险化学品经营企业作出准予延续许可决定，并按规定审查了报告的资质、程序和结论；后该报告被认定数据失实。',
      conductDate: '2025-04-15',
      field: 'hazardous_chemicals',
      errorType: 'inspection_gap',
      facts: [
        ['a10.3', true],
        ['a13.c1', false],
        ...NINTH_ARTICLE_ITEMS.map((f) => [f, false] as const),
      ],
      scope: '社会公开',
      conclusion: 'no_liability',
    }),
    await publishedCase(ctx, crew, {
      unitId: unitIds.get('em-chem')!,
      officer: as('zhaoli'),
      title: '烟花爆竹批发企业隐瞒超量储存致检查未发现',
      conduct:
        '执法人员按检查计划对某烟花爆竹批发企业开展检查，该企业将超量储存的产品转移至未申报的仓库并提供虚假台账，致使检查未能发现。',
      conductDate: '2025-01-20',
      field: 'fireworks',
      errorType: 'facts_unclear',
      facts: [
        ['a9.2', true],
        ['a13.c1', false],
      ],
      scope: '本系统',
      conclusion: 'due_diligence',
    }),
  ];
  for (const id of typical) await markTypical(ctx, crew.secretary, id);
}
