import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { scorecardReports } from '../../db/schema/index.js';
import { pathWithin, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { errorForLog } from '../../lib/logging.js';
import { Permission } from '../../../shared/permissions.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findUnit, readableUnit, unitRef } from './scorecards.dashboard.data.js';
import { catalogOf, loadDashboard } from './scorecards.dashboard.js';
import { loadRanking } from './scorecards.ranking.js';
import { monthlyReportPdf } from './scorecards.reports.pdf.js';

/** The queue of the monthly report PDFs (issue 17 contract). */
export const REPORT_QUEUE = 'scorecards.report';

type ReportRow = {
  id: number;
  unitId: number;
  period: string;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  fileName: string | null;
};

const iso = (at: string | null) => (at === null ? null : new Date(at).toISOString());

/** Asks for a unit's monthly report: a row QUEUED, then the job draws it. Audited. */
export async function requestReport(
  deps: Pick<AppDeps, 'database' | 'jobs'>,
  scope: Scope,
  actor: Actor,
  input: { unit: number; period: string },
) {
  const db = deps.database.db;
  const unit = await readableUnit(db, scope, input.unit);
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into scorecard_reports (unit_id, period, requested_by) values (${unit.id}, ${input.period}, ${actor.userId})
          returning id`,
    );
    await insertAudit(tx, actor, {
      action: 'scorecards.report.request',
      entityType: 'scorecard_report',
      entityId: row!.id,
      details: { unitId: unit.id, period: input.period },
    });
    return row!.id;
  });
  await deps.jobs.send(REPORT_QUEUE, { reportId: id }, { retryLimit: 1 });
  return { id };
}

/** The reports of a unit (newest first, the last 50). */
export async function listReports(db: Tx, scope: Scope, unitId: number) {
  const unit = await readableUnit(db, scope, unitId);
  const rows = await queryRows<ReportRow>(
    db,
    sql`select id, unit_id as "unitId", period, status, created_at as "createdAt", finished_at as "finishedAt",
          file_name as "fileName"
        from scorecard_reports where unit_id = ${unit.id} order by created_at desc, id desc limit 50`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      unit: unitRef(unit),
      period: r.period,
      status: r.status as 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED',
      createdAt: iso(r.createdAt)!,
      finishedAt: iso(r.finishedAt),
      fileName: r.fileName,
    })),
  };
}

/** A finished report's PDF; one of a unit outside the caller's reach is not found, one not drawn yet a conflict. */
export async function reportFile(db: Tx, scope: Scope, id: number) {
  const [row] = await queryRows<{ status: string; fileName: string | null; content: Uint8Array | null; path: string }>(
    db,
    sql`select r.status, r.file_name as "fileName", r.content, u.path from scorecard_reports r
        join units u on u.id = r.unit_id where r.id = ${id}`,
  );
  if (!row || !pathWithin(row.path, scope)) throw notFound({ vi: 'Không tìm thấy báo cáo', en: 'Report not found' });
  if (row.status !== 'DONE' || !row.content)
    throw conflict({
      vi:
        row.status === 'FAILED'
          ? 'Không tạo được báo cáo này, vui lòng tạo lại'
          : 'Báo cáo đang được tạo, vui lòng chờ',
      en: row.status === 'FAILED' ? 'This report could not be made; please ask again' : 'The report is being made',
    });
  const content = Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  return { fileName: row.fileName ?? `bao-cao-${id}.pdf`, content };
}

/**
 * The job: draws the report from the month's values with the unit's own reach (the requester was checked when they
 * asked), the children ranked on the province's first active scored set. A failure is kept on the row.
 */
export async function runReport(deps: Pick<AppDeps, 'database'>, reportId: number, now = new Date()) {
  const db = deps.database.db;
  const [report] = await queryRows<{ unitId: number; period: string; status: string }>(
    db,
    sql`update scorecard_reports set status = 'RUNNING' where id = ${reportId} and status in ('QUEUED', 'RUNNING')
        returning unit_id as "unitId", period, status`,
  );
  if (!report) return;
  try {
    const unit = await findUnit(db, report.unitId);
    const scope: Scope = { permission: Permission.SCORECARD_READ, prefixes: [unit.path] };
    const dashboard = await loadDashboard(db, scope, { unit: unit.id, period: report.period }, now);
    const { provinceId } = await catalogOf(db, unit);
    const [set] = await queryRows<{ id: number }>(
      db,
      sql`select id from scorecard_sets where active and (owner_unit_id = ${provinceId} or owner_unit_id is null)
          order by owner_unit_id nulls last, id limit 1`,
    );
    const ranking =
      set && dashboard.rows.length > 0
        ? await loadRanking(db, scope, { unit: unit.id, period: report.period, set: set.id }, now)
        : null;
    const pdf = await monthlyReportPdf(db, unit, dashboard, ranking, now);
    const fileName = `bao-cao-chi-so-${unit.code}-${report.period}.pdf`;
    await db
      .update(scorecardReports)
      .set({ status: 'DONE', content: pdf, fileName, finishedAt: new Date() })
      .where(eq(scorecardReports.id, reportId));
  } catch (error) {
    console.error('[scorecards.report]', JSON.stringify(errorForLog(error)));
    await db.execute(
      sql`update scorecard_reports set status = 'FAILED', error = ${String((error as Error).message).slice(0, 500)},
          finished_at = now() where id = ${reportId}`,
    );
  }
}
