import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { validation } from '../../lib/errors.js';
import { errorResponses, Id, IsoDate } from '../../lib/http.js';
import { contentTypes, streamSheet, type SheetColumn } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import { indicatorsFor } from './indicators.service.js';

const Rate = z.number().nullable();
const counts = {
  received: z.number().int(),
  online: z.number().int(),
  inPerson: z.number().int(),
  postal: z.number().int(),
  fullOnlineBase: z.number().int(),
  fullOnline: z.number().int(),
  digitized: z.number().int(),
  resolved: z.number().int(),
  onTime: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  paid: z.number().int(),
  paidOnline: z.number().int(),
  onlineRate: Rate,
  fullOnlineRate: Rate,
  onTimeRate: Rate,
  digitizedRate: Rate,
  onlinePaymentRate: Rate,
  satisfactionRate: Rate,
};
const Indicators = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    totals: z.object({ ...counts, overdueNow: z.number().int() }),
    months: z.array(z.object({ month: z.string(), ...counts })),
    communes: z.array(z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), ...counts })),
  })
  .meta({ id: 'OnestopIndicators' });

const IndicatorQuery = z.object({ unit: Id, from: IsoDate, to: IsoDate });

/** The one-stop indicators a commune is judged on (Decision 766 style), per unit and period; compared across communes. */
export function registerIndicators(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  const load = async (scope: NonNullable<Parameters<typeof getUnitPath>[2]>, query: z.infer<typeof IndicatorQuery>) => {
    if (query.from > query.to)
      throw validation([
        {
          field: 'from',
          code: 'RANGE',
          message: { vi: 'Ngày bắt đầu phải trước ngày kết thúc', en: 'The start must come before the end' },
        },
      ]);
    const path = await getUnitPath(db, query.unit, scope);
    return indicatorsFor(db, scope, path, { from: query.from, to: query.to });
  };

  r.get('/api/indicators/onestop', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['indicators'],
      summary: 'One-stop indicators of a unit over a period: totals, by month, and each commune under it',
      querystring: IndicatorQuery,
      response: { 200: Indicators, ...errorResponses },
    },
    handler: async (request) => load(request.scope!, request.query),
  });

  r.get('/api/indicators/onestop/export', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['indicators'],
      summary: 'The same indicators, one row per commune, as .xlsx or .csv',
      querystring: IndicatorQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await load(request.scope!, request.query);
      await insertAudit(db, actorOf(request), {
        action: 'indicators.export',
        entityType: 'unit',
        entityId: request.query.unit,
        details: data.period,
      });
      const percent = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
      const columns: SheetColumn[] = [
        { key: 'code', header: 'Mã xã', width: 10 },
        { key: 'name', header: 'Xã, phường', width: 28 },
        { key: 'received', header: 'Hồ sơ tiếp nhận' },
        { key: 'online', header: 'Trực tuyến' },
        { key: 'inPerson', header: 'Trực tiếp' },
        { key: 'postal', header: 'Bưu chính' },
        { key: 'onlineRate', header: 'Tỷ lệ trực tuyến (%)' },
        { key: 'fullOnlineRate', header: 'Tỷ lệ trực tuyến toàn trình (%)' },
        { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn (%)' },
        { key: 'digitizedRate', header: 'Tỷ lệ số hóa (%)' },
        { key: 'onlinePaymentRate', header: 'Tỷ lệ thanh toán trực tuyến (%)' },
        { key: 'satisfactionRate', header: 'Tỷ lệ hài lòng (%)' },
      ];
      async function* rows() {
        for (const c of data.communes) {
          yield {
            ...c,
            onlineRate: percent(c.onlineRate),
            fullOnlineRate: percent(c.fullOnlineRate),
            onTimeRate: percent(c.onTimeRate),
            digitizedRate: percent(c.digitizedRate),
            onlinePaymentRate: percent(c.onlinePaymentRate),
            satisfactionRate: percent(c.satisfactionRate),
          };
        }
      }
      const format = request.query.format;
      reply.header('content-type', contentTypes[format]);
      reply.header(
        'content-disposition',
        `attachment; filename="chi-so-mot-cua-${request.query.from}-${request.query.to}.${format}"`,
      );
      return reply.send(streamSheet(format, 'Chỉ số', columns, rows()));
    },
  });
}
