// 警示提醒 over HTTP: the rules (GET/PUT /api/v1/warning-rules, the system administrator),
// the warnings addressed to the reader's units (GET /api/v1/warnings[/:id]) and a unit's
// acknowledgement (POST /api/v1/warnings/:id/acknowledgement).

import type { AppContext } from '../../app/app-context.ts';
import { readRules, setRules } from '../../app/warning/warning-rules.ts';
import { acknowledgeWarning, readWarning, readWarnings } from '../../app/warning/warnings.ts';
import { IdParams } from '../../contract/schema-kit.ts';
import {
  AcknowledgementInput,
  WarningDetail,
  WarningList,
  WarningListQuery,
  WarningRuleSet,
  WarningRuleSetInput,
} from '../../contract/warning.schemas.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { presentRuleSet, presentWarning, presentWarningDetail } from './warning.presenter.ts';

const spec = specFor('警示提醒 warnings');

export function warningRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const rules = spec('警示规则（系统管理员）/ the warning rules', {}, { 200: WarningRuleSet });
    app.get('/api/v1/warning-rules', rules, async (request) =>
      presentRuleSet(ctx.registry, await readRules(ctx, await actorOf(ctx, request))),
    );

    const setRuleSet = spec(
      '设置警示规则（系统管理员）/ set the warning rules, the whole set',
      { body: WarningRuleSetInput },
      { 200: WarningRuleSet },
    );
    app.put('/api/v1/warning-rules', setRuleSet, async (request) => {
      const actor = await actorOf(ctx, request);
      const { expectedVersion, rules: input } = request.body;
      const set = await setRules(ctx, actor, { expectedVersion, rules: input });
      return presentRuleSet(ctx.registry, set);
    });

    const list = spec(
      '警示提醒列表 / the warnings addressed to the reader’s units',
      { querystring: WarningListQuery },
      { 200: WarningList },
    );
    app.get('/api/v1/warnings', list, async (request) => {
      const { limit = 20, offset = 0, kind, status } = request.query;
      const page = await readWarnings(ctx, await actorOf(ctx, request), {
        limit,
        offset,
        ...(kind === undefined ? {} : { kind }),
        ...(status === undefined ? {} : { status }),
      });
      return { total: page.total, items: page.items.map((w) => presentWarning(ctx.registry, w)) };
    });

    const one = spec('警示提醒 / a warning', { params: IdParams }, { 200: WarningDetail });
    app.get('/api/v1/warnings/:id', one, async (request) =>
      presentWarningDetail(
        ctx.registry,
        await readWarning(ctx, await actorOf(ctx, request), request.params.id),
      ),
    );

    const acknowledgement = spec(
      '签收警示提醒并填写防范措施 / acknowledge a warning for a unit',
      { params: IdParams, body: AcknowledgementInput },
      { 200: WarningDetail },
    );
    app.post('/api/v1/warnings/:id/acknowledgement', acknowledgement, async (request) => {
      const actor = await actorOf(ctx, request);
      const { measures, unitId } = request.body;
      const detail = await acknowledgeWarning(ctx, actor, request.params.id, {
        measures,
        ...(unitId === undefined ? {} : { unitId }),
      });
      return presentWarningDetail(ctx.registry, detail);
    });
  };
}
