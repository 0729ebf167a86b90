import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import {
  scorecardEntries,
  scorecardEvidence,
  scorecardSnapshots,
  scorecardTargets,
  scorecardValues,
} from '../../db/schema/index.js';
import { type Measure, valueOfMeasure } from '../../../shared/scorecards.js';

/**
 * Fixtures for the read side: `scorecard_values` rows written straight in (the compute helper's job fills them in
 * the app), targets, snapshots and an approved entry with evidence. Values are numerator/denominator as the refresh
 * job writes them, `value` worked out with the shared valueOfMeasure.
 */
export function scorecardFixtures(database: Database) {
  const db = database.db;
  const ids = new Map<string, { id: number; measure: Measure }>();
  const indicator = async (code: string) => {
    if (!ids.has(code)) {
      const [row] = await queryRows<{ id: number; measure: Measure }>(
        db,
        sql`select id, measure from scorecard_indicators where owner_unit_id is null and code = ${code}`,
      );
      if (!row) throw new Error(`no indicator ${code}`);
      ids.set(code, row);
    }
    return ids.get(code)!;
  };
  return {
    indicator,
    async setId(code = 'CDS_XA_MAU') {
      const [row] = await queryRows<{ id: number }>(db, sql`select id from scorecard_sets where code = ${code}`);
      return row!.id;
    },
    async value(
      unitId: number,
      code: string,
      period: string,
      numerator: number | null,
      denominator: number | null = null,
      more: { frozen?: boolean; entryId?: number } = {},
    ) {
      const i = await indicator(code);
      await db.insert(scorecardValues).values({
        unitId,
        indicatorId: i.id,
        period,
        numerator,
        denominator,
        value: valueOfMeasure(i.measure, numerator, denominator),
        entryId: more.entryId ?? null,
        computedAt: new Date(`${period}-15T10:00:00+07:00`),
        frozenAt: more.frozen ? new Date(`${period}-28T02:00:00+07:00`) : null,
      });
    },
    async target(unitId: number, code: string, period: string, target: number) {
      await db.insert(scorecardTargets).values({ unitId, indicatorId: (await indicator(code)).id, period, target });
    },
    async snapshot(provinceId: number, period: string, published: boolean) {
      await db.insert(scorecardSnapshots).values({
        provinceId,
        period,
        finishedAt: new Date(`${period}-28T02:05:00+07:00`),
        values: 1,
        publishedAt: published ? new Date(`${period}-28T09:00:00+07:00`) : null,
      });
    },
    /** An approved entry, with a file of evidence unless `evidence` is false. */
    async approvedEntry(unitId: number, code: string, period: string, numerator: number, evidence = true) {
      const [entry] = await db
        .insert(scorecardEntries)
        .values({ indicatorId: (await indicator(code)).id, unitId, period, numerator, status: 'APPROVED' })
        .returning({ id: scorecardEntries.id });
      if (evidence)
        await db.insert(scorecardEvidence).values({
          entryId: entry!.id,
          fileName: 'bien-ban.pdf',
          mimeType: 'application/pdf',
          size: 4,
          sha256: 'x',
          content: Buffer.from('%PDF'),
        });
      return entry!.id;
    },
  };
}

type Units = { province: { id: number }; communeA: { id: number }; communeB: { id: number } } & Record<
  'groupA1' | 'groupA2' | 'groupB1',
  { id: number }
>;

/**
 * The hand-counted fixture of the read tests (province 31: commune A with groups A1 and A2, commune B with group B1),
 * months 2026-09 (frozen, published) and 2026-10 (frozen, not published):
 *
 *   VNEID_L2        A1 30/50 → 40/50   A2 18/30 → 18/30   A 48/80 → 58/80   B1 = B 40/50 → 45/50   province 88/130 → 103/130
 *   DOSSIER_ONLINE  A 20/40 → 30/40    B 30/36 → 27/36    province 50/76 → 57/76   (A and B tie at 75% in October)
 *   VIDEO_ROOMS     A 2 (approved entry with evidence) and B 1 (no entry) in October only
 *
 * Targets: VNEID_L2 80% for 2026 set by the province, 85% for 2026-Q4 set by commune A (stricter, narrower).
 */
export async function seedReadFixture(database: Database, w: Units) {
  const f = scorecardFixtures(database);
  const frozen = { frozen: true };
  const vneid: [number, [number, number], [number, number]][] = [
    [w.groupA1.id, [30, 50], [40, 50]],
    [w.groupA2.id, [18, 30], [18, 30]],
    [w.communeA.id, [48, 80], [58, 80]],
    [w.groupB1.id, [40, 50], [45, 50]],
    [w.communeB.id, [40, 50], [45, 50]],
    [w.province.id, [88, 130], [103, 130]],
  ];
  for (const [unit, sep, oct] of vneid) {
    await f.value(unit, 'VNEID_L2', '2026-09', sep[0], sep[1], frozen);
    await f.value(unit, 'VNEID_L2', '2026-10', oct[0], oct[1], frozen);
  }
  const online: [number, [number, number], [number, number]][] = [
    [w.communeA.id, [20, 40], [30, 40]],
    [w.communeB.id, [30, 36], [27, 36]],
    [w.province.id, [50, 76], [57, 76]],
  ];
  for (const [unit, sep, oct] of online) {
    await f.value(unit, 'DOSSIER_ONLINE', '2026-09', sep[0], sep[1], frozen);
    await f.value(unit, 'DOSSIER_ONLINE', '2026-10', oct[0], oct[1], frozen);
  }
  const entryA = await f.approvedEntry(w.communeA.id, 'VIDEO_ROOMS', '2026', 2);
  await f.value(w.communeA.id, 'VIDEO_ROOMS', '2026-10', 2, null, { ...frozen, entryId: entryA });
  await f.value(w.communeB.id, 'VIDEO_ROOMS', '2026-10', 1, null, frozen);
  await f.value(w.province.id, 'VIDEO_ROOMS', '2026-10', 3, null, frozen);
  await f.target(w.province.id, 'VNEID_L2', '2026', 0.8);
  await f.target(w.communeA.id, 'VNEID_L2', '2026-Q4', 0.85);
  await f.snapshot(w.province.id, '2026-09', true);
  await f.snapshot(w.province.id, '2026-10', false);
  return f;
}
