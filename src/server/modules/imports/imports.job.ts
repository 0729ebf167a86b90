import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import { Permission } from '../../../shared/permissions.js';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { SheetFormat } from '../../lib/spreadsheet.js';
import { scopeOf, type Actor } from '../../lib/auth-context.js';
import { listRolesOfUser, findUserById } from '../auth/auth.repo.js';
import { insertAudit } from '../audit/audit.repo.js';
import { applyBatch, emptyCounts, type DryRun } from './imports.apply.js';
import { sectionKey } from './imports.layout.js';
import * as repo from './imports.repo.js';
import type { RowError, UnitResolver } from './imports.rows.js';
import type { BadRow, ScanBatch, ScanEnd, ScanInput } from './imports.scan.js';

// The import's run on the job queue: the scan on a worker thread, each batch applied (or, in a dry run, counted) in
// its own transaction as it comes, the status and the error report kept on the import. The service holds the rest
// of an import's life (upload, commit, cancel, sweep, report).

const BATCH = 2000;
const KEPT_ERRORS = 1000;

type Deps = Pick<AppDeps, 'database' | 'config' | 'jobs'>;

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
