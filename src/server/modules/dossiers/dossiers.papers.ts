import { asc, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { dossierFiles, dossierPaperMarks, type ProcedureDocument } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { AppError, validation, type Message } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { ErrorCode } from '../../../shared/enums.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { DossierStatus } from '../../../shared/onestop.js';
import { bundleMembers, getDossier, inScope, type DossierWithNames } from './dossiers.repo.js';

// What a dossier holds against what its procedure requires: each paper with its files or its "handed over on
// paper" mark, and whether the result and the fee allow the dossier to be approved and returned.

export type PaperState = {
  paper: number;
  nameVi: string;
  nameEn: string;
  copyType: ProcedureDocument['copyType'];
  count: number;
  required: boolean;
  files: { id: number; fileName: string }[];
  onPaper: boolean;
};
type FileRow = { id: number; kind: string; paper: number | null; fileName: string };
type MarkRow = { kind: string; paper: number | null };

/** One line per paper of the procedure version the dossier was submitted under, in the procedure's order. */
export function paperChecklist(documents: ProcedureDocument[], files: FileRow[], marks: MarkRow[]): PaperState[] {
  return documents.map((d, paper) => ({
    paper,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    copyType: d.copyType,
    count: d.count,
    required: d.required,
    files: files
      .filter((f) => f.kind !== 'RESULT' && f.paper === paper)
      .map((f) => ({ id: f.id, fileName: f.fileName })),
    onPaper: marks.some((m) => m.kind === 'PAPER' && m.paper === paper),
  }));
}

export const isMissing = (p: PaperState) => p.required && p.files.length === 0 && !p.onPaper;

/**
 * The refusal of a submission (or a receipt) without required papers: one problem per missing paper, and the message
 * lists them all, so the applicant knows what to bring without opening anything else.
 */
export function papersMissing(missing: { field: string; nameVi: string; nameEn: string }[]) {
  return new AppError(
    ErrorCode.PAPERS_MISSING,
    422,
    {
      vi: `Hồ sơ còn thiếu giấy tờ bắt buộc: ${missing.map((m) => m.nameVi).join('; ')}`,
      en: `Required papers are missing: ${missing.map((m) => m.nameEn).join('; ')}`,
    },
    missing.map((m) => ({
      field: m.field,
      code: 'PAPER_MISSING',
      message: { vi: `Chưa có "${m.nameVi}"`, en: `"${m.nameEn}" is missing` },
    })),
  );
}

export async function marksOf(db: Tx, dossierId: number) {
  return db
    .select({
      id: dossierPaperMarks.id,
      kind: dossierPaperMarks.kind,
      paper: dossierPaperMarks.paper,
      note: dossierPaperMarks.note,
      markedAt: dossierPaperMarks.markedAt,
    })
    .from(dossierPaperMarks)
    .where(eq(dossierPaperMarks.dossierId, dossierId))
    .orderBy(asc(dossierPaperMarks.id));
}

async function filesWithPapers(db: Tx, dossierId: number): Promise<FileRow[]> {
  return db
    .select({
      id: dossierFiles.id,
      kind: dossierFiles.kind,
      paper: dossierFiles.paper,
      fileName: dossierFiles.fileName,
    })
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.id));
}

/** What stands between a dossier and its approval or return: the result, the fee. Empty when ready. */
export type Blocker = 'RESULT' | 'FEE';

export type PapersView = {
  papers: PaperState[];
  /** The result: a file (kind RESULT) or a note that it is issued on paper. */
  result: { files: number; onPaper: boolean };
  fee: { amount: number; paid: boolean; exempt: string | null };
  blockers: Blocker[];
};

/** The papers, the result and the fee of one dossier, read together (its detail page and the action checks). */
export async function papersView(db: Tx, row: DossierWithNames): Promise<PapersView> {
  const d = row.dossier;
  const [files, marks] = [await filesWithPapers(db, d.id), await marksOf(db, d.id)];
  const result = {
    files: files.filter((f) => f.kind === 'RESULT').length,
    onPaper: marks.some((m) => m.kind === 'RESULT'),
  };
  const exempt = marks.find((m) => m.kind === 'FEE_EXEMPT')?.note ?? null;
  const fee = { amount: d.feeAmount, paid: d.paidAt !== null, exempt };
  const blockers: Blocker[] = [];
  if (result.files === 0 && !result.onPaper) blockers.push('RESULT');
  if (fee.amount > 0 && !fee.paid && exempt === null) blockers.push('FEE');
  return { papers: paperChecklist(row.documents, files, marks), result, fee, blockers };
}

/** The actions that close a dossier's work on the applicant's side: they need the result and the fee. */
export const closingActions: readonly string[] = ['APPROVE', 'RESOLVE', 'RETURN'];

const blockerMessages: Record<Blocker, Message> = {
  RESULT: {
    vi: 'chưa có kết quả (tải tệp kết quả lên hoặc ghi nhận kết quả bản giấy)',
    en: 'no result yet (upload the result file or note that the result is on paper)',
  },
  FEE: {
    vi: 'phí, lệ phí chưa được nộp hoặc miễn',
    en: 'the fee is neither paid nor waived',
  },
};

/**
 * Refuses approval, resolution and return while the result is missing or the fee unsettled (409, every reason at
 * once). Runs inside the action's transaction with the dossier locked, so a payment or a result arriving meanwhile
 * is seen.
 */
export async function checkReadyToClose(tx: Tx, row: DossierWithNames, action: string): Promise<void> {
  if (!closingActions.includes(action)) return;
  const { blockers } = await papersView(tx, row);
  if (blockers.length === 0) return;
  throw new AppError(
    ErrorCode.NOT_READY_TO_CLOSE,
    409,
    {
      vi: `Chưa thể ${action === 'RETURN' ? 'trả kết quả' : 'duyệt'}: ${blockers.map((b) => blockerMessages[b].vi).join('; ')}`,
      en: `Cannot ${action === 'RETURN' ? 'return' : 'approve'} yet: ${blockers.map((b) => blockerMessages[b].en).join('; ')}`,
    },
    blockers.map((b) => ({
      field: b === 'RESULT' ? 'result' : 'fee',
      code: b === 'RESULT' ? 'RESULT_MISSING' : 'FEE_UNSETTLED',
      message: blockerMessages[b],
    })),
  );
}

export type MarkInput =
  | { kind: 'PAPER'; paper: number }
  | { kind: 'RESULT'; note?: string }
  | { kind: 'FEE_EXEMPT'; note: string };

const markNames: Record<MarkInput['kind'], string> = {
  PAPER: 'dossier.paper.on_paper',
  RESULT: 'dossier.result.on_paper',
  FEE_EXEMPT: 'dossier.fee.exempt',
};

/**
 * An officer notes what has no file: a paper handed over on paper, the result issued on paper, the fee waived (with
 * the reason). Audited in the same transaction; noting the same thing twice changes nothing.
 */
export async function markPaper(
  database: Database,
  scope: Scope,
  id: number,
  input: MarkInput,
  by: { userId: number; actor: Actor },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const row = await getDossier(tx, inScope(id, scope), true);
    const d = row.dossier;
    if (['REFUSED', 'WITHDRAWN', 'STOPPED', 'RETURNED'].includes(d.status)) {
      throw new AppError('CONFLICT', 409, {
        vi: 'Hồ sơ đã kết thúc, không ghi nhận thêm được',
        en: 'This dossier is closed; nothing more can be noted on it',
      });
    }
    if (input.kind === 'PAPER' && !row.documents[input.paper]) {
      throw validation([
        {
          field: 'paper',
          code: 'UNKNOWN_PAPER',
          message: { vi: 'Thủ tục này không có giấy tờ này', en: 'This procedure has no such paper' },
        },
      ]);
    }
    if (input.kind === 'FEE_EXEMPT' && d.paidAt) {
      throw new AppError('CONFLICT', 409, {
        vi: 'Phí đã được nộp, không thể ghi miễn',
        en: 'The fee is already paid; it cannot be waived',
      });
    }
    const inserted = await tx
      .insert(dossierPaperMarks)
      .values({
        dossierId: d.id,
        kind: input.kind,
        paper: input.kind === 'PAPER' ? input.paper : null,
        note: 'note' in input ? (input.note?.trim() ?? null) : null,
        markedBy: by.userId,
      })
      .onConflictDoNothing()
      .returning({ id: dossierPaperMarks.id });
    if (inserted.length === 0) return;
    await insertAudit(tx, by.actor, {
      action: markNames[input.kind],
      entityType: 'dossier',
      entityId: d.id,
      details: { code: d.code, ...(input.kind === 'PAPER' ? { paper: input.paper } : {}) },
    });
  });
}

/** Notes papers handed over on paper for a dossier being submitted at the counter (inside its transaction). */
export async function insertPapersOnPaper(tx: Tx, dossierId: number, papers: number[], userId: number) {
  if (papers.length === 0) return;
  await tx
    .insert(dossierPaperMarks)
    .values([...new Set(papers)].map((paper) => ({ dossierId, kind: 'PAPER', paper, markedBy: userId })));
}

/** Copies a claimed file onto another dossier of the bundle that asks for the same paper (one upload, two dossiers). */
export async function copyFileTo(tx: Tx, fileId: number, dossierId: number, paper: number) {
  const [f] = await tx.select().from(dossierFiles).where(eq(dossierFiles.id, fileId));
  if (!f) return;
  const { id: _id, createdAt: _at, ...rest } = f;
  await tx.insert(dossierFiles).values({ ...rest, dossierId, paper, uploadKey: null });
}

/**
 * Adds to a dossier's detail its papers against the procedure, the result and fee, and the other dossiers of its
 * bundle; an approval or return the workflow allows but the result or fee blocks moves from `allowedActions` to
 * `blockedActions`, so the screen explains what is missing instead of offering a button the server refuses.
 */
export async function withPapers<T extends { allowedActions: string[] }>(
  db: Tx,
  row: DossierWithNames,
  detail: T,
  locale: 'vi' | 'en',
) {
  const view = await papersView(db, row);
  const linked = await bundleMembers(db, row.dossier.bundleId, row.dossier.id);
  const blocked = view.blockers.length ? detail.allowedActions.filter((a) => closingActions.includes(a)) : [];
  return {
    ...detail,
    allowedActions: detail.allowedActions.filter((a) => !blocked.includes(a)),
    blockedActions: blocked,
    ...view,
    linked: linked.map((l) => ({
      id: l.id,
      code: l.code,
      procedureCode: l.procedureCode,
      procedureName: locale === 'en' ? l.nameEn : l.nameVi,
      status: l.status as DossierStatus,
    })),
  };
}
