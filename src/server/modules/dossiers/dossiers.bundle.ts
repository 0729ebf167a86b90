import { foldText } from '../../../shared/text.js';
import type { procedures } from '../../db/schema/index.js';
import { validation } from '../../lib/errors.js';
import { papersMissing } from './dossiers.papers.js';
import type { PaperRef, SubmitInput } from './dossiers.schemas.js';

// How one submission becomes its dossiers: the main procedure's and, for an interconnected group (liên thông), each
// linked procedure's. The applicant types each field once and hands each paper once; this decides which dossier
// gets which field, file and "on paper" note, and refuses the submission when a required paper is missing from any.

type ProcedureRow = typeof procedures.$inferSelect;
type UploadRef = SubmitInput['uploads'][number];

export type DossierPlan = {
  procedure: ProcedureRow;
  /** Its own fields, out of the submission's (shared keys go to every procedure that declares them). */
  fields: Record<string, string>;
  /** Uploads this dossier claims: its papers', and files tied to no paper sent for it (the main one by default). */
  claims: UploadRef[];
  /** Files claimed by another dossier of the bundle for a paper of the same name, copied onto this one. */
  copies: { fileId: number; paper: number }[];
  /** Its papers handed over on paper. */
  onPaper: number[];
};

/** Two procedures ask for the same paper when they name it the same (the birth certificate of a birth bundle). */
const paperKey = (nameVi: string) => foldText(nameVi).replace(/\s+/g, ' ').trim();

/** 400 UNKNOWN_PAPER: a file tied to a paper its procedure does not ask for (submission and supplement alike). */
export const unknownPaper = (field: string) =>
  validation([
    {
      field,
      code: 'UNKNOWN_PAPER',
      message: {
        vi: 'Tệp được gắn với một giấy tờ mà thủ tục không có',
        en: 'A file is tied to a paper the procedure does not have',
      },
    },
  ]);

/**
 * Splits a submission over the procedures of its bundle (`all[0]` is the main one). `staff` may note papers handed
 * over on paper; a citizen online may not (every paper comes as a file). Throws 400 for a file tied to an unknown
 * paper, 422 PAPERS_MISSING listing every required paper missing from any dossier of the bundle.
 */
export function planBundle(
  all: ProcedureRow[],
  input: Pick<SubmitInput, 'fields' | 'uploads' | 'papersOnPaper'>,
  staff: boolean,
): DossierPlan[] {
  const main = all[0]!;
  const byCode = new Map(all.map((p) => [p.code, p]));
  const resolve = (ref: { procedureCode?: string; paper?: number }, field: string) => {
    const p = byCode.get(ref.procedureCode ?? main.code);
    if (!p || (ref.paper !== undefined && !p.documents[ref.paper])) throw unknownPaper(field);
    return p;
  };
  const onPaper: PaperRef[] = input.papersOnPaper ?? [];
  if (!staff && onPaper.length > 0) {
    throw validation([
      {
        field: 'papersOnPaper',
        code: 'FILES_ONLY',
        message: {
          vi: 'Nộp trực tuyến thì mỗi giấy tờ phải có tệp đính kèm',
          en: 'Online, every paper comes as a file',
        },
      },
    ]);
  }
  for (const [i, u] of input.uploads.entries()) resolve(u, `uploads.${i}`);
  for (const [i, r] of onPaper.entries()) resolve(r, `papersOnPaper.${i}`);

  // Every paper handed in, by its name: what any procedure of the bundle asking for that paper may use.
  const filesByKey = new Map<string, number>();
  const onPaperKeys = new Set<string>();
  for (const u of input.uploads) {
    if (u.paper === undefined) continue;
    const key = paperKey(resolve(u, '').documents[u.paper]!.nameVi);
    if (!filesByKey.has(key)) filesByKey.set(key, u.id);
  }
  for (const r of onPaper) onPaperKeys.add(paperKey(resolve(r, '').documents[r.paper]!.nameVi));

  const missing: { field: string; nameVi: string; nameEn: string }[] = [];
  const plans = all.map((procedure): DossierPlan => {
    const own = (ref: { procedureCode?: string }) => (ref.procedureCode ?? main.code) === procedure.code;
    const claims = input.uploads.filter(own);
    const plan: DossierPlan = {
      procedure,
      fields: Object.fromEntries(
        procedure.formFields.filter((f) => input.fields[f.key] !== undefined).map((f) => [f.key, input.fields[f.key]!]),
      ),
      claims,
      copies: [],
      onPaper: onPaper.filter(own).map((r) => r.paper),
    };
    procedure.documents.forEach((doc, paper) => {
      if (claims.some((u) => u.paper === paper) || plan.onPaper.includes(paper)) return;
      const key = paperKey(doc.nameVi);
      const shared = filesByKey.get(key);
      if (shared !== undefined) plan.copies.push({ fileId: shared, paper });
      else if (onPaperKeys.has(key)) plan.onPaper.push(paper);
      else if (doc.required) missing.push({ field: `papers.${procedure.code}.${paper}`, ...doc });
    });
    return plan;
  });
  if (missing.length) throw papersMissing(missing);
  return plans;
}
