// The prefix of a unit's case numbers (系统管理员): PUT /api/v1/units/:id/case-number-prefix.

import { setUnitCaseNumberPrefix } from '../../app/account/unit-numbering.ts';
import type { AppContext } from '../../app/app-context.ts';
import { CaseNumberPrefixBody, Unit } from '../../contract/account.schemas.ts';
import { IdParams, Type } from '../../contract/schema-kit.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentUnit } from './account.presenter.ts';

const spec = specFor('管理 administration');

export function unitNumberingRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const prefix = spec(
      '设置单位的案号前缀（系统管理员；只影响此后新建的案件）/ set a unit’s case-number prefix',
      { params: IdParams, body: CaseNumberPrefixBody },
      { 200: Type.Array(Unit) },
    );
    app.put('/api/v1/units/:id/case-number-prefix', prefix, async (request) => {
      const actor = await actorOf(ctx, request);
      const all = await setUnitCaseNumberPrefix(ctx, actor, request.params.id, request.body.prefix);
      return all.map((u) => presentUnit(u, all));
    });
  };
}
