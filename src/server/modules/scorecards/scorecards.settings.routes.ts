import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { Permission } from '../../../shared/permissions.js';
import type { Tx } from '../../db/client.js';
import { scorecardPublications, scorecardSettings } from '../../db/schema/index.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { conflict, validation } from '../../lib/errors.js';
import { errorResponses } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import { fieldError, provinceAbove, provinceInReach, refOf, unitInReach } from './scorecards.catalog.js';
import {
  ProvinceQuery,
  Publications,
  PublicationsInput,
  Settings,
  SettingsInput,
  UnitQuery,
} from './scorecards.catalog.schemas.js';
import { listIndicators, nearMarginOf } from './scorecards.repo.js';

// A province's traffic-light margin, and the indicators a commune shows on its public page.

async function versionOf(tx: Tx, provinceId: number) {
  const [row] = await tx
    .select({ version: scorecardSettings.version })
    .from(scorecardSettings)
    .where(eq(scorecardSettings.unitId, provinceId));
  return row?.version ?? 0;
}

async function publicationsOf(tx: Tx, unitId: number) {
  const rows = await tx
    .select({ indicatorId: scorecardPublications.indicatorId })
    .from(scorecardPublications)
    .where(eq(scorecardPublications.unitId, unitId))
    .orderBy(asc(scorecardPublications.position), asc(scorecardPublications.indicatorId));
  return { unitId, indicatorIds: rows.map((r) => r.indicatorId) };
}

export function registerScorecardSettings(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['scorecards'];

  r.get('/api/scorecards/settings', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary: 'A province\'s traffic-light margin: within it of the target is "near" (version 0: the default)',
      querystring: ProvinceQuery,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const province = await provinceInReach(tx, request.query.province, request.scope!);
        return {
          province: refOf(province),
          nearMargin: await nearMarginOf(tx, province.id),
          version: await versionOf(tx, province.id),
        };
      }),
  });

  r.put('/api/scorecards/settings', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary: "Save a province's traffic-light margin with the version read (409 when someone saved since)",
      body: SettingsInput,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const { nearMargin, version } = request.body;
        const province = await provinceInReach(tx, request.body.province, request.scope!);
        const [row] = await tx
          .select({ version: scorecardSettings.version })
          .from(scorecardSettings)
          .where(eq(scorecardSettings.unitId, province.id))
          .for('update');
        if ((row?.version ?? 0) !== version)
          throw conflict({
            vi: 'Cài đặt vừa được người khác lưu; hãy tải lại trang',
            en: 'Someone else just saved these settings; reload the page',
          });
        const saved = { nearMargin, version: version + 1, updatedAt: new Date() };
        if (row) await tx.update(scorecardSettings).set(saved).where(eq(scorecardSettings.unitId, province.id));
        else await tx.insert(scorecardSettings).values({ unitId: province.id, ...saved });
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.settings',
          entityType: 'scorecard_settings',
          entityId: province.id,
          details: { nearMargin },
        });
        return { province: refOf(province), nearMargin, version: version + 1 };
      }),
  });

  r.get('/api/scorecards/publications', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: "The indicators a commune shows on its public page, in the commune's order",
      querystring: UnitQuery,
      response: { 200: Publications, ...errorResponses },
    },
    // What a commune publishes is public: a group head may read it of the commune above them.
    handler: async (request) =>
      db.transaction(async (tx) => {
        const unit = await unitInReach(tx, request.query.unit, request.scope!, true);
        return publicationsOf(tx, unit.id);
      }),
  });

  r.put('/api/scorecards/publications', {
    config: { permission: Permission.SCORECARD_PUBLISH },
    schema: {
      tags,
      summary: "Choose the indicators on a commune's public page (in this order); an empty list publishes none",
      body: PublicationsInput,
      response: { 200: Publications, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const { indicatorIds } = request.body;
        const unit = await unitInReach(tx, request.body.unitId, request.scope!);
        if (unit.tier !== 'COMMUNE')
          throw fieldError(
            'unitId',
            'NOT_A_COMMUNE',
            'Chỉ xã, phường mới có trang chỉ số công khai',
            'Only a commune has a public scorecard page',
          );
        const province = await provinceAbove(tx, unit, 'unitId');
        const usable = new Map(
          (await listIndicators(tx, province.id)).filter((i) => i.levels.includes('COMMUNE')).map((i) => [i.id, i]),
        );
        const errors = indicatorIds.flatMap((id, n) =>
          usable.has(id) && indicatorIds.indexOf(id) === n
            ? []
            : [
                {
                  field: `indicatorIds.${n}`,
                  code: usable.has(id) ? 'DUPLICATE' : 'NOT_PUBLISHABLE',
                  message: usable.has(id)
                    ? { vi: 'Chỉ số bị chọn hai lần', en: 'This indicator is chosen twice' }
                    : {
                        vi: 'Chỉ số này không đo ở cấp xã hoặc đã bị tắt',
                        en: 'This indicator is not measured for communes or is switched off',
                      },
                },
              ],
        );
        if (errors.length) throw validation(errors);
        await tx.delete(scorecardPublications).where(eq(scorecardPublications.unitId, unit.id));
        if (indicatorIds.length)
          await tx
            .insert(scorecardPublications)
            .values(indicatorIds.map((indicatorId, n) => ({ unitId: unit.id, indicatorId, position: (n + 1) * 10 })));
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.publications',
          entityType: 'unit',
          entityId: unit.id,
          details: { indicators: indicatorIds.map((id) => usable.get(id)!.code) },
        });
        return publicationsOf(tx, unit.id);
      }),
  });
}
