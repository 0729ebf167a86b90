import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { Database, Tx } from '../../db/client.js';
import { procedures } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import { drawQr, renderPdf } from '../../lib/pdf.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { Procedure, ProcedureInput } from './procedures.schemas.js';

type Row = typeof procedures.$inferSelect;

export const procedurePageUrl = (publicUrl: string, code: string) => `${publicUrl}/p/${encodeURIComponent(code)}`;

export function presentProcedure(row: Row, publicUrl: string): Procedure {
  return {
    ...row,
    field: row.field as Procedure['field'],
    timeUnit: row.timeUnit as Procedure['timeUnit'],
    onlineLevel: row.onlineLevel as Procedure['onlineLevel'],
    bundle: row.bundle as Procedure['bundle'],
    status: row.status as Procedure['status'],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publicUrl: procedurePageUrl(publicUrl, row.code),
  };
}

/**
 * Matches a procedure by code or by the words of its name in any order, without accents: "dang ky khai sinh" finds
 * "Đăng ký lại khai sinh" as a citizen would expect.
 */
const matches = (row: Row, q: string | undefined) => {
  if (!q) return true;
  if (row.code.includes(q.trim())) return true;
  const name = ` ${foldText(`${row.nameVi} ${row.nameEn}`)} `;
  return foldText(q)
    .split(' ')
    .every((word) => name.includes(` ${word}`));
};

/**
 * The published catalog. The catalog is a few hundred rows at most and public, so folding and filtering it in the
 * application is cheaper than keeping a folded column in step.
 */
export async function listPublished(db: Tx, query: { q?: string; field?: string }): Promise<Row[]> {
  const rows = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.status, 'PUBLISHED'), query.field ? eq(procedures.field, query.field) : undefined))
    .orderBy(asc(procedures.field), asc(procedures.code));
  return rows.filter((r) => matches(r, query.q));
}

export async function getPublished(db: Tx, code: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.code, code), eq(procedures.status, 'PUBLISHED')));
  if (!row)
    throw notFound({
      vi: `Không có thủ tục mã ${code} đang được công bố`,
      en: `No published procedure has code ${code}`,
    });
  return row;
}

export async function listAllVersions(db: Tx, query: { q?: string; field?: string; status?: string }): Promise<Row[]> {
  const rows = await db
    .select()
    .from(procedures)
    .where(
      and(
        query.field ? eq(procedures.field, query.field) : undefined,
        query.status ? eq(procedures.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(procedures.code), desc(procedures.version));
  return rows.filter((r) => matches(r, query.q));
}

/** A new draft: the next version of an existing code, or version 1 of a new one. */
export async function createDraft(database: Database, input: ProcedureInput, actor: Actor): Promise<Row> {
  return database.db.transaction(async (tx) => {
    // Serialise drafts of one code so two editors cannot both take the same version number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`procedure:${input.code}`}))`);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${procedures.version}), 0)::int + 1` })
      .from(procedures)
      .where(eq(procedures.code, input.code))) as [{ next: number }];
    const [row] = await tx
      .insert(procedures)
      .values({ ...input, version: next, status: 'DRAFT' })
      .returning();
    await insertAudit(tx, actor, {
      action: 'procedure.draft',
      entityType: 'procedure',
      entityId: row!.id,
      details: { code: input.code, version: next },
    });
    return row!;
  });
}

/** Publishes a draft; the version published before it is retired in the same transaction. */
export async function publishVersion(database: Database, id: number, actor: Actor): Promise<Row> {
  return database.db.transaction(async (tx) => {
    const [draft] = await tx.select().from(procedures).where(eq(procedures.id, id)).for('update');
    if (!draft) throw notFound();
    if (draft.status !== 'DRAFT')
      throw conflict({ vi: 'Chỉ công bố được bản nháp', en: 'Only a draft can be published' });
    await tx
      .update(procedures)
      .set({ status: 'RETIRED', updatedAt: sql`now()` })
      .where(and(eq(procedures.code, draft.code), eq(procedures.status, 'PUBLISHED')));
    const [row] = await tx
      .update(procedures)
      .set({ status: 'PUBLISHED', publishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(procedures.id, id))
      .returning();
    await insertAudit(tx, actor, {
      action: 'procedure.publish',
      entityType: 'procedure',
      entityId: id,
      details: { code: draft.code, version: draft.version },
    });
    return row!;
  });
}

/**
 * Retires a published procedure without a successor of the same code: its code was re-issued under a new one (publish
 * that one too) or the procedure was abolished. Dossiers already submitted keep their version.
 */
export async function retireVersion(database: Database, id: number, actor: Actor): Promise<Row> {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(procedures)
      .set({ status: 'RETIRED', updatedAt: sql`now()` })
      .where(and(eq(procedures.id, id), eq(procedures.status, 'PUBLISHED')))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, id));
      if (!exists) throw notFound();
      throw conflict({
        vi: 'Chỉ thôi áp dụng được thủ tục đang công bố',
        en: 'Only a published procedure can be retired',
      });
    }
    await insertAudit(tx, actor, {
      action: 'procedure.retire',
      entityType: 'procedure',
      entityId: id,
      details: { code: row.code, version: row.version },
    });
    return row;
  });
}

const fieldNames: Record<string, string> = {
  HO_TICH: 'Hộ tịch',
  CHUNG_THUC: 'Chứng thực',
  CU_TRU: 'Cư trú',
  HO_KINH_DOANH: 'Hộ kinh doanh',
  BAO_TRO_XA_HOI: 'Bảo trợ xã hội',
  NGUOI_CO_CONG: 'Người có công',
  DAT_DAI: 'Đất đai',
  XAY_DUNG: 'Xây dựng',
  BAO_HIEM: 'Bảo hiểm',
  KHAC: 'Lĩnh vực khác',
};

/** What a procedure needs, under its name on the poster (the public page says the same in the reader's language). */
const onlineLabels: Record<string, string> = {
  FULL: 'Nộp trực tuyến toàn trình',
  PARTIAL: 'Trực tuyến một phần, có bước tại quầy',
  NONE: 'Nộp trực tiếp tại Bộ phận một cửa',
};

/**
 * The poster header's promise, true of every procedure on it: online only when all of them are fully online, at the
 * counter when none is, otherwise "each says how" (the line under each code does).
 */
export function posterHowToSubmit(levels: string[]): string {
  if (levels.length > 0 && levels.every((l) => l === 'FULL')) return 'Nộp hồ sơ trực tuyến, không cần đến trụ sở';
  if (levels.length > 0 && levels.every((l) => l === 'NONE')) return 'Nộp hồ sơ trực tiếp tại Bộ phận một cửa';
  return 'Cách nộp ghi dưới từng mã: trực tuyến toàn trình, trực tuyến một phần hoặc trực tiếp tại Bộ phận một cửa';
}

/**
 * An A4 poster for the ward's notice board: a grid of QR codes, each opening a procedure's public page, with its
 * name underneath (3 × 4 per page).
 */
export async function renderPoster(rows: Row[], publicUrl: string, unitName: string | null): Promise<Buffer> {
  return renderPdf({ title: 'Quét mã để xem thủ tục hành chính', margin: 36 }, (doc) => {
    const columns = 3;
    const perPage = 12;
    const cellWidth = (doc.page.width - 72) / columns;
    const qrSize = 118;
    const header = (fieldName: string | null, levels: string[]) => {
      doc
        .font('bold')
        .fontSize(16)
        .text('QUÉT MÃ QR ĐỂ XEM HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH', 36, 36, {
          align: 'center',
          width: doc.page.width - 72,
        });
      doc
        .font('regular')
        .fontSize(10)
        .text(
          [unitName, fieldName ? `Lĩnh vực: ${fieldName}` : 'Tất cả lĩnh vực', posterHowToSubmit(levels)]
            .filter(Boolean)
            .join(' · '),
          { align: 'center', width: doc.page.width - 72 },
        );
    };
    rows.forEach((row, i) => {
      const slot = i % perPage;
      if (slot === 0) {
        if (i > 0) doc.addPage();
        const page = rows.slice(i, i + perPage);
        header(
          rows.every((r) => r.field === rows[0]!.field) ? (fieldNames[row.field] ?? null) : null,
          page.map((r) => r.onlineLevel),
        );
      }
      const x = 36 + (slot % columns) * cellWidth;
      const y = 96 + Math.floor(slot / columns) * 176;
      drawQr(doc, procedurePageUrl(publicUrl, row.code), x + (cellWidth - qrSize) / 2, y, qrSize);
      doc
        .font('bold')
        .fontSize(8.5)
        .text(row.code, x + 4, y + qrSize + 2, { width: cellWidth - 8, align: 'center' });
      doc
        .font('regular')
        .fontSize(8.5)
        .text(row.nameVi, x + 4, y + qrSize + 14, {
          width: cellWidth - 8,
          align: 'center',
          height: 30,
          ellipsis: true,
        });
      doc
        .font('bold')
        .fontSize(7.5)
        .text(onlineLabels[row.onlineLevel] ?? '', x + 4, y + qrSize + 46, { width: cellWidth - 8, align: 'center' });
    });
    if (rows.length === 0) {
      header(null, []);
      doc.moveDown().fontSize(12).text('Chưa có thủ tục nào được công bố.', { align: 'center' });
    }
  });
}
