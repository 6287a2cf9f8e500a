// 统计分析: the figures of a unit's subtree, and each figure's numbers as CSV or XLSX.

import type { AppContext } from '../../app/app-context.ts';
import { readFigure, readStatistics } from '../../app/statistics/statistics.ts';
import {
  Statistics,
  StatisticsExportQuery,
  StatisticsQuery,
} from '../../contract/statistics.schemas.ts';
import { Type } from '../../contract/schema-kit.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { figureCsv, figureXlsx } from './statistics-export.presenter.ts';
import { presentStatistics } from './statistics.presenter.ts';

const spec = specFor('统计分析 statistics');

/** CSV text or an XLSX Buffer; Fastify sends either as it is. */
const ExportFile = Type.Unsafe<string | Buffer>({
  type: 'string',
  format: 'binary',
  description: 'text/csv (UTF-8 with BOM) or XLSX',
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statisticsRoutes(ctx: AppContext): Routes {
  return async (app) => {
    const read = spec(
      '统计分析（调查人员、秘书、审核人员；本单位及下级单位；按单位、制度、季度筛选）/ statistics',
      { querystring: StatisticsQuery },
      { 200: Statistics },
    );
    app.get('/api/v1/statistics', read, async (request) =>
      presentStatistics(await readStatistics(ctx, await actorOf(ctx, request), request.query)),
    );

    const exported = spec(
      '下载一项统计的数据（CSV 或 Excel；筛选同上）/ one figure as CSV or XLSX',
      { querystring: StatisticsExportQuery },
      { 200: ExportFile },
    );
    app.get('/api/v1/statistics/export', exported, async (request, reply) => {
      const { figure: id, format, ...filters } = request.query;
      const actor = await actorOf(ctx, request);
      const { reading, figure } = await readFigure(ctx, actor, filters, id);
      const name = `统计-${figure.title}-${todayInChina(ctx.now())}.${format}`;
      const body =
        format === 'csv' ? figureCsv(reading, figure) : await figureXlsx(reading, figure);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="statistics-${id}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    });
  };
}
