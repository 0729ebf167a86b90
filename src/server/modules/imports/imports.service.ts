import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import { Permission } from '../../../shared/permissions.js';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { conflict, notFound, validation, type Locale } from '../../lib/errors.js';
import type { Sheet, SheetColumn, SheetFormat, SheetRow } from '../../lib/spreadsheet.js';
import { scopeOf, type Actor } from '../../lib/auth-context.js';
import { listRolesOfUser, findUserById } from '../auth/auth.repo.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getOpenUnit } from '../units/units.service.js';
import { applyBatch, emptyCounts, type DryRun } from './imports.apply.js';
import { checkSheetLimits } from './imports.limits.js';
import { sectionKey } from './imports.layout.js';
import * as repo from './imports.repo.js';
import type { RowError, UnitResolver } from './imports.rows.js';
import type { BadRow, ImportNotice, ScanBatch, ScanEnd, ScanInput } from './imports.scan.js';
import type { ImportJob } from './imports.schemas.js';

export const IMPORT_QUEUE = 'registry-import';
export const IMPORT_SWEEP_QUEUE = 'registry-import-sweep';
const BATCH = 2000;
const KEPT_ERRORS = 1000;

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
 * The units a file may name below the import unit, by their codes relative to it: "T01" and "T01/NGO3" when importing
 * for a commune, "11824/T01" for a province. Codes relative to a unit above also work when they name one unit only:
 * a bare "NGO3" when unique, and a list exported from a group ("T01/NGO3", written from its commune) into the group.
 */
async function unitResolver(tx: Tx, unitId: number): Promise<UnitResolver> {
  const rows = await queryRows<{
    id: number;
    code: string;
    name: string;
    tier: string;
    path: string;
    parent_id: number | null;
  }>(
    tx,
    sql`
    with root as (select path from units where id = ${unitId})
    select u.id, u.code, u.name, u.tier, u.path, u.parent_id from units u, root
    where (u.path like root.path || '%' and u.closed_at is null) or root.path like u.path || '%'`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootPath = byId.get(unitId)?.path ?? '';
  const inside = (r: (typeof rows)[number]) => r.path.startsWith(rootPath);
  const relative = (r: (typeof rows)[number]): string =>
    r.id === unitId || r.parent_id === null || !byId.has(r.parent_id)
      ? ''
      : [relative(byId.get(r.parent_id)!), r.code].filter(Boolean).join('/');
  const byCode = new Map<string, number>();
  const placeable = rows.filter((r) => inside(r) && (r.tier === 'COMMUNITY' || r.tier === 'ZONE'));
  for (const r of placeable) if (r.id !== unitId) byCode.set(relative(r).toUpperCase(), r.id);
  // Every other way up the tree ("NGO3", "T01/NGO3", "11824/T01/NGO3"), kept where it names one unit only.
  const others = new Map<string, Set<number>>();
  for (const r of placeable) {
    let chain = r.code.toUpperCase();
    for (let up = r; ; ) {
      others.set(chain, (others.get(chain) ?? new Set()).add(r.id));
      const parent = up.parent_id === null ? undefined : byId.get(up.parent_id);
      if (!parent || parent.tier === 'NATION') break;
      chain = `${parent.code.toUpperCase()}/${chain}`;
      up = parent;
    }
  }
  for (const [code, ids] of others) if (ids.size === 1 && !byCode.has(code)) byCode.set(code, [...ids][0]!);
  // Section rows name a unit in words ("Ngõ 3", "Thôn Đông"): names that are unique under the import unit.
  const named = new Map<string, number[]>();
  for (const r of placeable) {
    const key = sectionKey(r.name);
    named.set(key, [...(named.get(key) ?? []), r.id]);
  }
  const byName = new Map([...named].filter(([, ids]) => ids.length === 1).map(([k, ids]) => [k, ids[0]!] as const));
  const root = byId.get(unitId);
  return {
    byCode,
    byName,
    defaultUnitId: root && (root.tier === 'COMMUNITY' || root.tier === 'ZONE') ? root.id : null,
  };
}

/** The scope of the user who uploaded, as it is now (a revoked role stops a queued import). */
async function uploaderScope(tx: Tx, userId: number): Promise<{ scope: Scope; actor: Actor }> {
  const user = await findUserById(tx, userId);
  const roles = user && !user.disabledAt ? await listRolesOfUser(tx, userId) : [];
  const auth = {
    user: { id: userId, username: user?.username ?? '', fullName: '', locale: 'vi' },
    roles,
    session: { tokenHash: '', csrfToken: '' },
  };
  return {
    scope: scopeOf(auth, Permission.REGISTRY_IMPORT),
    actor: {
      userId,
      username: user?.username ?? null,
      roles: roles.map((r) => `${r.role as Role}@${r.unitCode}`).join(','),
      unitId: roles[0]?.unitId ?? null,
      ip: 'job',
      userAgent: 'registry-import',
    },
  };
}

/**
 * Runs the scan on a worker thread and hands each batch to `onBatch` in order, acknowledging it afterwards so the
 * worker (at most two batches ahead) parses the next rows while this thread writes the current ones.
 */
function runScan(input: ScanInput, memoryMb: number, onBatch: (batch: ScanBatch) => Promise<void>): Promise<ScanEnd> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./imports.scan-worker-boot.mjs', import.meta.url), {
      workerData: input,
      transferList: [input.file.buffer as ArrayBuffer],
      // A file that slipped past the upload checks cannot take the server's memory: the worker dies, not the process.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb) },
    });
    let queue = Promise.resolve();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void worker.terminate();
      reject(error);
    };
    worker.on(
      'message',
      (
        message:
          | { type: 'batch'; batch: ScanBatch }
          | { type: 'end'; end: ScanEnd }
          | { type: 'error'; message: string },
      ) => {
        queue = queue
          .then(async () => {
            if (failed) return;
            if (message.type === 'batch') {
              await onBatch(message.batch);
              worker.postMessage({ type: 'ack' });
            } else if (message.type === 'end') {
              await worker.terminate();
              resolve(message.end);
            } else fail(new Error(message.message));
          })
          .catch(fail);
      },
    );
    worker.on('error', (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error('TOO_LARGE') : error),
    );
  });
}

/**
 * The pg-boss handler: a dry run (validate and report) or the import itself, in batches with visible progress.
 * The job is claimed with a run id in one conditional statement, so a retried or duplicate message does nothing, and
 * every later write names the run: once the sweep has handed a stalled job to a new run, the old one cannot write.
 * `afterBatch` is called after each batch is written (tests use it to stop a run half-way, as a crash would).
 */
export async function runImportJob(
  deps: Deps,
  importId: number,
  options: { afterBatch?: (processed: number) => Promise<void> } = {},
): Promise<void> {
  const { db } = deps.database;
  const job = await repo.loadImportForWorker(db, importId);
  if (job?.status !== 'QUEUED' || !job.file) return;
  const importing = job.mode === 'IMPORT';
  const runId = randomBytes(9).toString('base64url');
  const claimed = await repo.transitionImport(db, importId, 'QUEUED', {
    status: importing ? 'IMPORTING' : 'VALIDATING',
    processedRows: 0,
    runId,
  });
  if (!claimed) return;
  const own = (fields: Parameters<typeof repo.updateRun>[3]) => repo.updateRun(db, importId, runId, fields);
  const { scope, actor } = await uploaderScope(db, job.userId);
  try {
    if (scope.prefixes.length === 0) throw new Error('NO_RIGHT');
    const units = await unitResolver(db, job.unitId);
    const counts = emptyCounts();
    const dryRun: DryRun | undefined = importing ? undefined : { plannedHouseholds: new Set() };
    const badRowsKept: BadRow[] = [];
    const errors: RowError[] = [];
    let errorCount = 0;
    let refused = 0;
    const addErrors = (list: RowError[]) => {
      errorCount += list.length;
      for (const e of list) if (errors.length < KEPT_ERRORS) errors.push(e);
    };
    // A private copy of the bytes, handed over (not copied again) to the worker thread.
    const file = new Uint8Array(job.file!.byteLength);
    file.set(job.file!);
    const end = await runScan(
      {
        maxRows: deps.config.imports.maxRows,
        format: job.format as SheetFormat,
        file,
        units: { byCode: [...units.byCode], defaultUnitId: units.defaultUnitId, byName: [...units.byName] },
        keptBadRows: KEPT_ERRORS,
        today: new Date().toISOString().slice(0, 10),
        keys: { data: new Uint8Array(deps.config.keys.data), index: new Uint8Array(deps.config.keys.index) },
        seal: importing,
        batchSize: BATCH,
      },
      deps.config.imports.workerMemoryMb,
      async ({ rows, errors: rowErrors, badRows: bad, processed }) => {
        addErrors(rowErrors);
        badRowsKept.push(...bad);
        if (importing && rows.length) {
          // Each batch commits on its own so progress is visible and a crash loses at most one batch;
          // re-running the import is safe because rows are matched, never duplicated.
          const refusedHere = await db.transaction(async (tx) =>
            applyBatch(tx, deps.database.kind, scope, rows, counts),
          );
          refused += refusedHere.length;
          addErrors(refusedHere);
        } else if (rows.length) {
          // The dry run matches the rows as the import will, to say what it would add and change.
          const refusedHere = await applyBatch(db, deps.database.kind, scope, rows, counts, dryRun);
          refused += refusedHere.length;
          addErrors(refusedHere);
          const refusedRows = new Set(refusedHere.map((e) => e.row));
          for (const r of rows)
            if (refusedRows.has(r.rowNumber) && badRowsKept.length < KEPT_ERRORS)
              badRowsKept.push({ row: r.rowNumber, values: r.values ?? [] });
        }
        if (!(await own({ processedRows: processed, totalRows: Math.max(job.totalRows, processed) })))
          throw new Error('SUPERSEDED');
        await options.afterBatch?.(processed);
      },
    );
    addErrors(end.errors);
    const badRows = end.badRows + refused;
    const summary = importing
      ? { ...counts, skippedRows: badRows }
      : { validRows: end.total - badRows, badRows, households: end.households, ...counts };
    const finished = await own({
      status: importing ? 'DONE' : 'VALIDATED',
      totalRows: end.total,
      processedRows: end.total,
      errorCount,
      errors,
      summary,
      notices: end.notices,
      // The error report is the dry run's: the import pass keeps it (it reads the same file).
      ...(importing ? {} : { report: { headers: end.headers, rows: badRowsKept.sort((a, b) => a.row - b.row) } }),
      runId: null,
      // The file is personal data: drop it as soon as it has been imported.
      ...(importing ? { file: null } : {}),
    });
    if (importing && finished)
      await insertAudit(db, actor, {
        action: 'import.done',
        entityType: 'import',
        entityId: importId,
        details: summary,
      });
  } catch (error) {
    const message = (error as Error).message;
    if (message === 'SUPERSEDED') return;
    // A failed import keeps its report but not the file: the person uploads it again (rows are matched, never doubled).
    await own({ status: 'FAILED', failure: message.slice(0, 500), file: null, runId: null });
  }
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
