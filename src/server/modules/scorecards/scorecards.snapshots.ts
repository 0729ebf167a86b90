import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathAlongScope, pathInScope, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { insertAudit } from '../audit/audit.repo.js';

const provinceNotFound = () => notFound({ vi: 'Không tìm thấy tỉnh, thành phố', en: 'Province not found' });

/**
 * A province the caller may act on (`along`: or read about, from a commune or group under it: a commune learns which
 * months the province froze and published, which decides whether it may see the ranking).
 */
export async function provinceFor(tx: Tx, provinceId: number, scope: Scope, along = false) {
  const [row] = await queryRows<{ id: number; path: string }>(
    tx,
    sql`select u.id, u.path from units u where u.id = ${provinceId} and u.tier = 'PROVINCE'
        and ${along ? pathAlongScope(sql`u.path`, scope) : pathInScope(sql`u.path`, scope)}`,
  );
  if (!row) throw provinceNotFound();
  return row;
}

type RunRow = {
  id: number;
  provinceId: number;
  period: string;
  startedAt: Date;
  finishedAt: Date | null;
  values: number;
  publishedAt: Date | null;
};

const runColumns = sql`id, province_id as "provinceId", period, started_at as "startedAt", finished_at as "finishedAt",
  values, published_at as "publishedAt"`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const presentRun = (r: RunRow) => ({
  id: r.id,
  period: r.period,
  startedAt: iso(r.startedAt)!,
  finishedAt: iso(r.finishedAt),
  values: r.values,
  publishedAt: iso(r.publishedAt),
});

/** The province's snapshot runs, newest month first. */
export async function listRuns(tx: Tx, provinceId: number) {
  const rows = await queryRows<RunRow>(
    tx,
    sql`select ${runColumns} from scorecard_snapshots where province_id = ${provinceId} order by period desc`,
  );
  return { items: rows.map(presentRun) };
}

/**
 * Publishes a finished run to the province's communes (they may then see the month's ranking). Publishing again is
 * a no-op that answers the run as it is; a run still under way cannot be published (409).
 */
export async function publishRun(tx: Tx, id: number, scope: Scope, actor: Actor) {
  const [run] = await queryRows<RunRow & { path: string }>(
    tx,
    sql`select s.id, s.province_id as "provinceId", s.period, s.started_at as "startedAt",
          s.finished_at as "finishedAt", s.values, s.published_at as "publishedAt", u.path
        from scorecard_snapshots s join units u on u.id = s.province_id
        where s.id = ${id} and ${pathInScope(sql`u.path`, scope)} for update of s`,
  );
  if (!run) throw notFound({ vi: 'Không tìm thấy lần chốt số liệu', en: 'Snapshot not found' });
  if (!run.finishedAt)
    throw conflict({
      vi: 'Số liệu tháng này đang được chốt, vui lòng thử lại sau',
      en: 'This month is still being frozen; try again shortly',
    });
  if (run.publishedAt) return presentRun(run);
  const [published] = await queryRows<RunRow>(
    tx,
    sql`update scorecard_snapshots set published_at = now(), published_by = ${actor.userId}
        where id = ${id} returning ${runColumns}`,
  );
  await insertAudit(tx, actor, {
    action: 'scorecard.snapshot_publish',
    entityType: 'scorecard_snapshot',
    entityId: id,
    details: { provinceId: run.provinceId, period: run.period },
  });
  return presentRun(published!);
}
