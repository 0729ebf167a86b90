import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { conflict, notFound, validation, type Locale } from '../../lib/errors.js';
import type { Sheet, SheetColumn, SheetFormat, SheetRow } from '../../lib/spreadsheet.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getOpenUnit } from '../units/units.service.js';
import { checkSheetLimits } from './imports.limits.js';
import * as repo from './imports.repo.js';
import type { RowError } from './imports.rows.js';
import type { BadRow, ImportNotice } from './imports.scan.js';
import type { ImportJob } from './imports.schemas.js';

export const IMPORT_QUEUE = 'registry-import';
export const IMPORT_SWEEP_QUEUE = 'registry-import-sweep';

type Deps = Pick<AppDeps, 'database' | 'config' | 'jobs'>;

const importNotFound = () => notFound({ vi: 'Không tìm thấy lượt nhập', en: 'Import not found' });

/** Why an import failed, as the person who uploaded it should read it; other causes are shown as recorded. */
const failures: Record<string, { vi: string; en: string }> = {
  TOO_MANY_ROWS: {
    vi: 'Tệp có nhiều dòng hơn giới hạn một lần nhập; hãy chia thành nhiều tệp',
    en: 'The file has more rows than one import takes; split it into several files',
  },
  TOO_LARGE: {
    vi: 'Tệp quá lớn để đọc an toàn; hãy chia thành nhiều tệp nhỏ hơn',
    en: 'The file is too large to read safely; split it into smaller files',
  },
  NO_RIGHT: {
    vi: 'Người tải tệp lên không còn quyền nhập danh sách',
    en: 'The person who uploaded the file may no longer import',
  },
};

export function presentImport(
  row:
    | NonNullable<Awaited<ReturnType<typeof repo.findImport>>>
    | (Omit<NonNullable<Awaited<ReturnType<typeof repo.findImport>>>, 'errors'> & { errors?: unknown }),
  locale: Locale,
): ImportJob {
  const errors = (Array.isArray(row.errors) ? row.errors : []) as RowError[];
  const notices = (Array.isArray(row.notices) ? row.notices : []) as ImportNotice[];
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    fileName: row.fileName,
    uploadedBy: row.uploadedBy,
    format: row.format as SheetFormat,
    status: row.status as ImportJob['status'],
    mode: row.mode as ImportJob['mode'],
    skipBadRows: row.skipBadRows === 1,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    errorCount: row.errorCount,
    errors: errors.map((e) => ({
      row: e.row,
      column: e.column,
      code: e.code,
      message: locale === 'en' ? e.messageEn : e.messageVi,
    })),
    notices: notices.map((n) => ({
      code: n.code,
      rows: n.rows,
      count: n.count,
      message: locale === 'en' ? n.messageEn : n.messageVi,
    })),
    hasReport: row.hasReport,
    summary: (row.summary as Record<string, number> | null) ?? null,
    failure: row.failure ? (failures[row.failure]?.[locale] ?? row.failure) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Detects the format from the file's bytes, not its name: an .xlsx is a ZIP, a CSV is text. */
export function sniffFormat(file: Buffer): SheetFormat | null {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const head = file.subarray(0, 4096);
  if (head.includes(0)) return null;
  return 'csv';
}

/** Receives a file and queues its dry run; nothing is written to the registry until the import is committed. */
export async function createImport(
  deps: Deps,
  scope: Scope,
  input: { unitId: number; fileName: string; file: Buffer },
  actor: Actor & { userId: number },
) {
  const format = sniffFormat(input.file);
  if (!format)
    throw validation([
      {
        field: 'file',
        code: 'FORMAT',
        message: { vi: 'Tệp phải là Excel (.xlsx) hoặc CSV', en: 'The file must be Excel (.xlsx) or CSV' },
      },
    ]);
  checkSheetLimits(format, input.file, deps.config.imports);
  const job = await deps.database.db.transaction(async (tx) => {
    await getOpenUnit(tx, input.unitId, scope);
    const row = await repo.insertImport(tx, {
      unitId: input.unitId,
      userId: actor.userId,
      fileName: input.fileName.slice(0, 200),
      format,
      file: input.file,
    });
    await insertAudit(tx, actor, {
      action: 'import.upload',
      entityType: 'import',
      entityId: row.id,
      details: { fileName: input.fileName, bytes: input.file.length },
    });
    return row;
  });
  await deps.jobs.send(IMPORT_QUEUE, { importId: job.id });
  return job.id;
}

export async function getImport(tx: Tx, scope: Scope, id: number) {
  const row = await repo.findImport(tx, id, scope);
  if (!row) throw importNotFound();
  return row;
}

/** The user said "import": with errors left, only if they chose to skip the bad rows. */
export async function commitImport(deps: Deps, scope: Scope, id: number, skipBadRows: boolean, actor: Actor) {
  const row = await getImport(deps.database.db, scope, id);
  if (row.status !== 'VALIDATED')
    throw conflict({
      vi: 'Lượt nhập này chưa kiểm tra xong hoặc đã nhập rồi',
      en: 'This import is not validated yet, or was already committed',
    });
  if (row.errorCount > 0 && !skipBadRows) {
    throw conflict({
      vi: `Tệp còn ${row.errorCount} lỗi: sửa tệp rồi tải lên lại, hoặc chọn bỏ qua các dòng lỗi`,
      en: `The file has ${row.errorCount} errors: fix and upload it again, or choose to skip the bad rows`,
    });
  }
  const moved = await deps.database.db.transaction(async (tx) => {
    const ok = await repo.transitionImport(tx, id, 'VALIDATED', {
      status: 'QUEUED',
      mode: 'IMPORT',
      skipBadRows: skipBadRows ? 1 : 0,
      processedRows: 0,
    });
    if (ok)
      await insertAudit(tx, actor, {
        action: 'import.commit',
        entityType: 'import',
        entityId: id,
        details: { skipBadRows },
      });
    return ok;
  });
  if (!moved) throw conflict({ vi: 'Lượt nhập này đã được xác nhận', en: 'This import was already committed' });
  await deps.jobs.send(IMPORT_QUEUE, { importId: id });
}

/**
 * Cancels an import that has not been written: the uploaded file (personal data) is deleted at once. An import being
 * written cannot be cancelled half-way; it finishes, or resumes after a crash.
 */
export async function cancelImport(deps: Deps, scope: Scope, id: number, actor: Actor) {
  const row = await getImport(deps.database.db, scope, id);
  const done = await deps.database.db.transaction(async (tx) => {
    for (const from of ['QUEUED', 'VALIDATING', 'VALIDATED'] as const) {
      if (row.status !== from) continue;
      if (!(await repo.transitionImport(tx, id, from, { status: 'CANCELLED', file: null, runId: null }))) return false;
      await insertAudit(tx, actor, { action: 'import.cancel', entityType: 'import', entityId: id });
      return true;
    }
    return false;
  });
  if (!done)
    throw conflict({
      vi: 'Lượt nhập này đang ghi vào sổ hoặc đã kết thúc, không hủy được',
      en: 'This import is being written or has ended; it cannot be cancelled',
    });
}

/**
 * The imports' housekeeping, run by every process once a minute: a job left VALIDATING or IMPORTING by a process that
 * died (no progress for `staleMs`) goes back to the queue and resumes — rows are matched, never duplicated, so the
 * batches already written are simply found again; a file nobody committed or cancelled within IMPORT_FILE_HOURS is
 * deleted (EXPIRED). Each change is one conditional statement, so several processes can sweep at once.
 */
export async function sweepImports(deps: Deps, options: { staleMs?: number } = {}) {
  const staleMs = options.staleMs ?? 2 * 60_000;
  const { db } = deps.database;
  const orphans = await queryRows<{ id: number }>(
    db,
    sql`
    update import_jobs set status = 'QUEUED', run_id = null, updated_at = now()
    where status in ('VALIDATING', 'IMPORTING') and updated_at < now() - make_interval(secs => ${staleMs / 1000})
    returning id`,
  );
  for (const { id } of orphans) await deps.jobs.send(IMPORT_QUEUE, { importId: id });
  const expired = await queryRows<{ id: number }>(
    db,
    sql`
    update import_jobs set status = 'EXPIRED', file = null, updated_at = now()
    where status in ('QUEUED', 'VALIDATED') and mode = 'DRY_RUN' and file is not null
      and updated_at < now() - make_interval(secs => ${deps.config.imports.fileHours * 3600})
    returning id`,
  );
  return { resumed: orphans.map((o) => o.id), expired: expired.map((e) => e.id) };
}

/**
 * The dry run's error report as a sheet: the bad rows exactly as the file had them, under the file's own headers,
 * with the row number in front and every reason for the row in a last column, so the group head fixes the file
 * they know. It stays with the import after the file itself is deleted; reading it is audited (it holds people's data).
 */
export async function importReport(deps: Deps, scope: Scope, id: number, locale: Locale, actor: Actor): Promise<Sheet> {
  const found = await repo.findImportReport(deps.database.db, id, scope);
  if (!found) throw importNotFound();
  // Not checked yet, or clean: the sheet has its columns and no rows, which is the truth of it.
  const report = (found.report as { headers: string[]; rows: BadRow[] } | null) ?? { headers: [], rows: [] };
  await insertAudit(deps.database.db, actor, {
    action: 'import.report',
    entityType: 'import',
    entityId: id,
    details: { rows: report.rows.length },
  });
  const reasons = new Map<number, string[]>();
  for (const e of found.errors as RowError[]) {
    const text = `${e.column}: ${locale === 'en' ? e.messageEn : e.messageVi}`;
    reasons.set(e.row, [...(reasons.get(e.row) ?? []), text]);
  }
  const en = locale === 'en';
  const columns: SheetColumn[] = [
    { key: 'row', header: en ? 'Row' : 'Dòng', width: 7 },
    ...report.headers.map((h, i) => ({ key: `c${i}`, header: h || `${en ? 'Column' : 'Cột'} ${i + 1}`, width: 16 })),
    { key: 'errors', header: en ? 'Errors' : 'Lỗi', width: 60 },
  ];
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const r of report.rows)
      yield {
        row: r.row,
        ...Object.fromEntries(r.values.map((v, i) => [`c${i}`, v])),
        errors: (reasons.get(r.row) ?? []).join('; '),
      };
  }
  const base = found.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'danh-sach';
  return { format: 'xlsx', fileName: `${base}-loi`, sheetName: en ? 'Errors' : 'Lỗi', columns, rows: rows() };
}
