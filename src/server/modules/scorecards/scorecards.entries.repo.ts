import { inArray, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { scorecardEvidence } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { type EntryStatus, type Measure, valueOfMeasure } from '../../../shared/scorecards.js';
import type { Entry } from './scorecards.entries.schemas.js';

/** An entry as read for the API and the workflow: the version row, its indicator's names and its unit. */
export type EntryRow = {
  id: number;
  indicatorId: number;
  indicatorCode: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitTier: string;
  unitPath: string;
  period: string;
  version: number;
  numerator: number;
  denominator: number | null;
  note: string;
  status: EntryStatus;
  returnReason: string | null;
  createdById: number | null;
  createdByName: string | null;
  createdAt: Date | string;
  submittedBy: number | null;
  submittedAt: Date | string | null;
  decidedById: number | null;
  decidedByName: string | null;
  decidedAt: Date | string | null;
  correctsId: number | null;
  rowVersion: number;
};

/** Enough rows for a province's quarter of every entered indicator; the screens filter by unit and period. */
const LIST_LIMIT = 1000;

const latestOnly = sql`not exists (select 1 from scorecard_entries n
  where n.indicator_id = e.indicator_id and n.unit_id = e.unit_id and n.period = e.period and n.version > e.version)`;

/** Entries matching `where` (naming e, i and u), newest period first; `latest` keeps each value's last version. */
export async function selectEntries(
  tx: Tx,
  where: SQL,
  opts: { latest: boolean; forUpdate?: boolean },
): Promise<EntryRow[]> {
  return queryRows<EntryRow>(
    tx,
    sql`select e.id, e.indicator_id as "indicatorId", i.code as "indicatorCode", i.name_vi as "nameVi",
          i.name_en as "nameEn", i.measure, e.unit_id as "unitId", u.code as "unitCode", u.name as "unitName",
          u.tier as "unitTier", u.path as "unitPath", e.period, e.version, e.numerator, e.denominator, e.note,
          e.status, e.return_reason as "returnReason", e.created_by as "createdById", cu.full_name as "createdByName",
          e.created_at as "createdAt", e.submitted_by as "submittedBy", e.submitted_at as "submittedAt",
          e.decided_by as "decidedById", du.full_name as "decidedByName", e.decided_at as "decidedAt",
          e.corrects_id as "correctsId", e.row_version as "rowVersion"
        from scorecard_entries e
        join scorecard_indicators i on i.id = e.indicator_id
        join units u on u.id = e.unit_id
        left join users cu on cu.id = e.created_by
        left join users du on du.id = e.decided_by
        where ${where} ${opts.latest ? sql`and ${latestOnly}` : sql``}
        order by e.period desc, u.path, i.position, e.version desc
        limit ${LIST_LIMIT}
        ${opts.forUpdate ? sql`for update of e` : sql``}`,
  );
}

/** One entry in the caller's units (404 otherwise, never 403: no probing), locked when it is about to change. */
export async function entryInScope(tx: Tx, id: number, scope: Scope, forUpdate = false): Promise<EntryRow> {
  const [row] = await selectEntries(tx, sql`e.id = ${id} and ${pathInScope(sql`u.path`, scope)}`, {
    latest: false,
    forUpdate,
  });
  if (!row) throw notFound({ vi: 'Không tìm thấy số liệu', en: 'Entry not found' });
  return row;
}

export type EvidenceMeta = { id: number; entryId: number; fileName: string; mimeType: string; size: number };

export async function evidenceOf(tx: Tx, entryIds: number[]): Promise<Map<number, EvidenceMeta[]>> {
  const out = new Map<number, EvidenceMeta[]>();
  if (entryIds.length === 0) return out;
  const rows = await tx
    .select({
      id: scorecardEvidence.id,
      entryId: scorecardEvidence.entryId,
      fileName: scorecardEvidence.fileName,
      mimeType: scorecardEvidence.mimeType,
      size: scorecardEvidence.size,
    })
    .from(scorecardEvidence)
    .where(inArray(scorecardEvidence.entryId, entryIds))
    .orderBy(scorecardEvidence.id);
  for (const r of rows) out.set(r.entryId, [...(out.get(r.entryId) ?? []), r]);
  return out;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const person = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function presentEntry(row: EntryRow, evidence: EvidenceMeta[] = []): Entry {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    indicatorCode: row.indicatorCode,
    indicatorName: { vi: row.nameVi, en: row.nameEn },
    measure: row.measure,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName, tier: row.unitTier },
    period: row.period,
    version: row.version,
    numerator: row.numerator,
    denominator: row.denominator,
    value: valueOfMeasure(row.measure, row.numerator, row.denominator),
    note: row.note,
    status: row.status,
    returnReason: row.returnReason,
    createdBy: person(row.createdById, row.createdByName),
    createdAt: iso(row.createdAt)!,
    submittedAt: iso(row.submittedAt),
    decidedBy: person(row.decidedById, row.decidedByName),
    decidedAt: iso(row.decidedAt),
    correctsId: row.correctsId,
    rowVersion: row.rowVersion,
    evidence: evidence.map(({ id, fileName, mimeType, size }) => ({ id, fileName, mimeType, size })),
  };
}

/** Rows as the API gives them, each with its evidence files. */
export async function presentEntries(tx: Tx, rows: EntryRow[]): Promise<Entry[]> {
  const files = await evidenceOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentEntry(r, files.get(r.id)));
}

/** The audit trail of every version of a value, newest first: who created, changed, sent, approved or returned it. */
export async function auditOf(tx: Tx, entryIds: number[]) {
  if (entryIds.length === 0) return [];
  const rows = await queryRows<{ at: Date | string; action: string; actor: string | null }>(
    tx,
    sql`select a.at, a.action, coalesce(us.full_name, a.username) as actor
        from audit_log a left join users us on us.id = a.user_id
        where a.entity_type = 'scorecard_entry'
          and a.entity_id in (${sql.join(
            entryIds.map((id) => sql`${String(id)}`),
            sql`, `,
          )})
        order by a.at desc, a.id desc`,
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), action: r.action, actor: r.actor ?? '' }));
}
