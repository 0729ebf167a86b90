import { queueRefresh } from './scorecards.jobs.js';
import { and, desc, eq, sql } from 'drizzle-orm';
import { ErrorCode } from '../../../shared/enums.js';
import {
  type EntryStatus,
  monthOf,
  periodKindOf,
  periodRange,
  type IndicatorLevel,
} from '../../../shared/scorecards.js';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { scorecardEntries, scorecardEvidence } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, forbidden, isUniqueViolation, notFound, validation } from '../../lib/errors.js';
import { errorForLog } from '../../lib/logging.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findUnit } from '../units/units.repo.js';
import {
  auditOf,
  type EntryRow,
  entryInScope,
  presentEntries,
  presentEntry,
  selectEntries,
} from './scorecards.entries.repo.js';
import type { CreateEntryInput, UpdateEntryInput } from './scorecards.entries.schemas.js';
import { type IndicatorRow, listIndicators, provinceOf } from './scorecards.repo.js';

/**
 * Entered scorecard values (issue 17): a unit types a value with evidence, sends it to the province, which approves
 * it (then a trigger locks it) or returns it with a reason. Correcting an approved value makes a new version that
 * points at it; the approved one stays as it was, so a frozen month's report never changes under anyone.
 */

export type By = { userId: number; actor: Actor };

/** Versions still being worked on: while one exists no other version of the same value can be started. */
const OPEN: EntryStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED'];
const EDITABLE: EntryStatus[] = ['DRAFT', 'RETURNED'];

const entryOpen = () =>
  new AppError(ErrorCode.ENTRY_OPEN, 409, {
    vi: 'Chỉ số này trong kỳ đã có số liệu đang soạn hoặc chờ duyệt; hãy sửa số liệu đó',
    en: 'This indicator already has an open version for the period; edit that one instead',
  });

const stale = () =>
  conflict({
    vi: 'Số liệu vừa được người khác thay đổi; hãy tải lại',
    en: 'The entry was changed by someone else; reload it',
  });

const field = (name: string, code: string, vi: string, en: string) =>
  validation([{ field: name, code, message: { vi, en } }]);

/** The Vietnam calendar date of `now` (UTC+7): periods that have not begun take no values yet. */
const todayInVietnam = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The numbers a measure takes: a count alone, a part of a whole, or a sum over a count (an average). */
function checkValues(indicator: IndicatorRow, numerator: number, denominator: number | null | undefined) {
  if (indicator.measure === 'COUNT') {
    if (denominator !== null && denominator !== undefined)
      throw field('denominator', 'NOT_ALLOWED', 'Chỉ số đếm không có mẫu số', 'A count takes no denominator');
    if (!Number.isInteger(numerator))
      throw field('numerator', 'INTEGER', 'Số đếm phải là số nguyên', 'A count must be a whole number');
    return null;
  }
  if (denominator === null || denominator === undefined || denominator <= 0)
    throw field('denominator', 'REQUIRED', 'Hãy nhập mẫu số (lớn hơn 0)', 'Enter the denominator (above 0)');
  if (indicator.measure === 'PERCENT') {
    if (numerator > denominator)
      throw field(
        'numerator',
        'ABOVE_DENOMINATOR',
        'Tử số không được lớn hơn mẫu số',
        'The numerator cannot exceed the denominator',
      );
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator))
      throw field(
        'numerator',
        'INTEGER',
        'Tử số và mẫu số là số đếm (số nguyên)',
        'Numerator and denominator are counts (whole numbers)',
      );
  }
  return denominator;
}

/** The entered indicator of the unit's province catalog that the input names, with the period and tier it needs. */
async function indicatorFor(tx: Tx, provinceId: number, input: CreateEntryInput, tier: string) {
  const indicator = (await listIndicators(tx, provinceId)).find((i) => i.id === input.indicatorId);
  if (indicator?.kind !== 'ENTERED')
    throw field(
      'indicatorId',
      'NOT_ENTERED',
      'Chỉ số này không nhập tay (hệ thống tự tính) hoặc không có trong danh mục của tỉnh',
      'This indicator is not entered by hand (it is computed) or is not in the province catalog',
    );
  if (periodKindOf(input.period) !== indicator.periodKind)
    throw field(
      'period',
      'PERIOD_KIND',
      `Chỉ số này nhập theo ${{ MONTH: 'tháng', QUARTER: 'quý', YEAR: 'năm' }[indicator.periodKind]}`,
      `This indicator is entered per ${indicator.periodKind.toLowerCase()}`,
    );
  if (!indicator.levels.includes(tier as IndicatorLevel))
    throw field(
      'unitId',
      'LEVEL',
      'Chỉ số này không áp dụng cho cấp đơn vị này',
      'This indicator does not apply at this unit level',
    );
  return indicator;
}

/** Starts a value (a draft), or a correction of an approved one as its next version. */
export async function createEntry(db: Db, scope: Scope, input: CreateEntryInput, by: By, now = new Date()) {
  try {
    return await db.transaction(async (tx) => {
      const found = await findUnit(tx, input.unitId, scope);
      if (!found) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
      const unit = found.unit;
      const provinceId = await provinceOf(tx, unit.path);
      if (provinceId === null)
        throw field('unitId', 'LEVEL', 'Đơn vị không thuộc tỉnh nào', 'The unit belongs to no province');
      const indicator = await indicatorFor(tx, provinceId, input, unit.tier);
      if (periodRange(input.period).from > todayInVietnam(now))
        throw field('period', 'NOT_STARTED', 'Kỳ này chưa bắt đầu', 'This period has not begun');
      const denominator = checkValues(indicator, input.numerator, input.denominator);
      const [latest] = await tx
        .select({ id: scorecardEntries.id, version: scorecardEntries.version, status: scorecardEntries.status })
        .from(scorecardEntries)
        .where(
          and(
            eq(scorecardEntries.indicatorId, indicator.id),
            eq(scorecardEntries.unitId, unit.id),
            eq(scorecardEntries.period, input.period),
          ),
        )
        .orderBy(desc(scorecardEntries.version))
        .limit(1)
        .for('update');
      if (latest && OPEN.includes(latest.status as EntryStatus)) throw entryOpen();
      const [made] = await tx
        .insert(scorecardEntries)
        .values({
          indicatorId: indicator.id,
          unitId: unit.id,
          period: input.period,
          version: (latest?.version ?? 0) + 1,
          numerator: input.numerator,
          denominator,
          note: input.note ?? '',
          createdBy: by.userId,
          correctsId: latest?.id ?? null,
        })
        .returning({ id: scorecardEntries.id });
      await insertAudit(tx, by.actor, {
        action: latest ? 'scorecard.entry.correct' : 'scorecard.entry.create',
        entityType: 'scorecard_entry',
        entityId: made!.id,
        details: { indicator: indicator.code, unitId: unit.id, period: input.period, correctsId: latest?.id ?? null },
      });
      return presentEntry(await entryInScope(tx, made!.id, scope));
    });
  } catch (error) {
    // Two people starting the same value at once: the second meets the first's version number.
    if (isUniqueViolation(error, 'scorecard_entries_version_key')) throw entryOpen();
    throw error;
  }
}

/** Checks the state and version an action needs, and hands the locked row to it; the change is audited. */
async function act(
  db: Db,
  scope: Scope,
  id: number,
  rowVersion: number,
  allowed: EntryStatus[],
  by: By,
  action: string,
  change: (tx: Tx, row: EntryRow) => Promise<Partial<typeof scorecardEntries.$inferInsert>>,
) {
  return db.transaction(async (tx) => {
    const row = await entryInScope(tx, id, scope, true);
    if (!allowed.includes(row.status))
      throw conflict({
        vi:
          row.status === 'APPROVED'
            ? 'Số liệu đã duyệt bị khóa; hãy tạo phiên bản sửa'
            : 'Số liệu không ở trạng thái cho phép thao tác này',
        en:
          row.status === 'APPROVED'
            ? 'An approved entry is locked; start a correction'
            : 'The entry is not in a state that allows this',
      });
    if (row.rowVersion !== rowVersion) throw stale();
    const values = await change(tx, row);
    await tx
      .update(scorecardEntries)
      .set({ ...values, rowVersion: sql`${scorecardEntries.rowVersion} + 1` })
      .where(eq(scorecardEntries.id, id));
    await insertAudit(tx, by.actor, {
      action,
      entityType: 'scorecard_entry',
      entityId: id,
      details: { status: values.status },
    });
    const [after] = await presentEntries(tx, [await entryInScope(tx, id, scope)]);
    return { entry: after!, row };
  });
}

export async function updateEntry(db: Db, scope: Scope, id: number, input: UpdateEntryInput, by: By) {
  const { entry } = await act(
    db,
    scope,
    id,
    input.rowVersion,
    EDITABLE,
    by,
    'scorecard.entry.update',
    async (tx, row) => {
      const [indicator] = await queryRows<IndicatorRow>(
        tx,
        sql`select measure from scorecard_indicators where id = ${row.indicatorId}`,
      );
      const denominator = checkValues(indicator!, input.numerator, input.denominator);
      return { numerator: input.numerator, denominator, ...(input.note !== undefined ? { note: input.note } : {}) };
    },
  );
  return entry;
}

/** Sends a value to the province: it needs a file as evidence, or at least a note on where the figure comes from. */
export async function submitEntry(db: Db, scope: Scope, id: number, rowVersion: number, by: By) {
  const { entry } = await act(db, scope, id, rowVersion, EDITABLE, by, 'scorecard.entry.submit', async (tx, row) => {
    const [files] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${scorecardEvidence} where entry_id = ${row.id}`,
    );
    if (files!.n === 0 && row.note.trim() === '')
      throw field(
        'evidence',
        'EVIDENCE_REQUIRED',
        'Hãy đính kèm minh chứng hoặc ghi chú nguồn số liệu trước khi gửi',
        'Attach evidence or write a note on where the figure comes from before sending',
      );
    // A new submission awaits a new decision; the reason of an earlier return stays, so the province sees why it
    // came back before (the audit keeps who returned it and when).
    return { status: 'SUBMITTED', submittedBy: by.userId, submittedAt: new Date(), decidedBy: null, decidedAt: null };
  });
  return entry;
}

/** The months a period covers that have begun and that the province has not frozen: what a refresh can still change. */
export async function monthsToRefresh(tx: Tx, provinceId: number, period: string, now = new Date()) {
  const { from, to } = periodRange(period);
  const months: string[] = [];
  for (
    let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7);
  ) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  const frozen = await queryRows<{ period: string }>(
    tx,
    sql`select period from scorecard_snapshots where province_id = ${provinceId} and finished_at is not null`,
  );
  const done = new Set(frozen.map((f) => f.period));
  return months.filter((m) => m <= monthOf(now) && !done.has(m));
}

/** Approves a submitted value (never one's own submission) and asks for the province's values to be recomputed. */
export async function approveEntry(
  deps: Pick<AppDeps, 'database' | 'jobs'>,
  scope: Scope,
  id: number,
  rowVersion: number,
  by: By,
) {
  const { entry, row } = await act(
    deps.database.db,
    scope,
    id,
    rowVersion,
    ['SUBMITTED'],
    by,
    'scorecard.entry.approve',
    async (_tx, r) => {
      if (r.submittedBy === by.userId)
        throw forbidden({
          vi: 'Không thể tự duyệt số liệu do chính mình gửi',
          en: 'You cannot approve a value you submitted yourself',
        });
      return { status: 'APPROVED', decidedBy: by.userId, decidedAt: new Date() };
    },
  );
  const provinceId = await provinceOf(deps.database.db, row.unitPath);
  const periods = provinceId === null ? [] : await monthsToRefresh(deps.database.db, provinceId, row.period);
  // After the commit: the approval stands even if the queue is away a moment; the hourly refresh catches up.
  if (provinceId !== null && periods.length > 0)
    await queueRefresh(deps.jobs, { provinceId, periods }).catch((error) =>
      console.error('[scorecards] refresh not queued', JSON.stringify(errorForLog(error))),
    );
  return entry;
}

export async function returnEntry(
  db: Db,
  scope: Scope,
  id: number,
  input: { rowVersion: number; reason: string },
  by: By,
) {
  const { entry } = await act(
    db,
    scope,
    id,
    input.rowVersion,
    ['SUBMITTED'],
    by,
    'scorecard.entry.return',
    async () => ({
      status: 'RETURNED',
      returnReason: input.reason,
      decidedBy: by.userId,
      decidedAt: new Date(),
    }),
  );
  return entry;
}

/** The values in the caller's units (a unit's subtree when one is named), the latest version of each unless asked. */
export async function listEntries(
  db: Db,
  scope: Scope,
  q: { unit?: number; period?: string; status?: EntryStatus; indicator?: number; history?: 'true' | 'false' },
) {
  const where = [pathInScope(sql`u.path`, scope)];
  if (q.unit !== undefined) {
    const found = await findUnit(db, q.unit, scope);
    if (!found) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
    where.push(sql`u.path like ${`${found.unit.path}%`}`);
  }
  if (q.period) where.push(sql`e.period = ${q.period}`);
  if (q.indicator) where.push(sql`e.indicator_id = ${q.indicator}`);
  // Without history the status filter applies to each value's latest version (the approval queue).
  if (q.status) where.push(sql`e.status = ${q.status}`);
  const rows = await selectEntries(db, sql.join(where, sql` and `), { latest: q.history !== 'true' });
  return { items: await presentEntries(db, rows) };
}

/** One version with every version of the same value (newest first) and their audit trail. */
export async function entryDetail(db: Db, scope: Scope, id: number) {
  const row = await entryInScope(db, id, scope);
  const versions = await selectEntries(
    db,
    sql`e.indicator_id = ${row.indicatorId} and e.unit_id = ${row.unitId} and e.period = ${row.period}`,
    { latest: false },
  );
  const history = await presentEntries(db, versions);
  return {
    ...history.find((h) => h.id === id)!,
    history,
    audit: await auditOf(
      db,
      versions.map((v) => v.id),
    ),
  };
}
