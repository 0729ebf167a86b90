import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { queryRows, type Db } from '../../db/client.js';
import { scorecardEvidence } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { AppError, conflict, notFound, validation } from '../../lib/errors.js';
import { readUpload } from '../../lib/uploads.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { By } from './scorecards.entries.js';
import { entryInScope } from './scorecards.entries.repo.js';

/**
 * Evidence of an entered value: the operator's report, a scan of the signed inventory, a spreadsheet. Judged by its
 * bytes (an .exe renamed .pdf is refused), at most 10 MB, kept in the database like dossier papers.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Enough for a report, its annexes and a photo or two; a value is not a document archive. */
export const MAX_EVIDENCE_FILES = 10;

const accepted = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export async function sniffEvidence(buffer: Buffer): Promise<string> {
  if (buffer.length > MAX_EVIDENCE_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 413, {
      vi: 'Tệp minh chứng lớn hơn 10 MB; hãy quét với độ phân giải thấp hơn hoặc tách tệp',
      en: 'The evidence file is larger than 10 MB; scan it at a lower resolution or split it',
    });
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !accepted.has(type.mime))
    throw validation([
      {
        field: 'file',
        code: 'FILE_TYPE',
        message: {
          vi: `Chỉ nhận tệp PDF, JPEG, PNG, Excel (XLSX) hoặc Word (DOCX); tệp này là ${type ? type.ext.toUpperCase() : 'loại không xác định'} dù tên tệp có thể khác`,
          en: `Only PDF, JPEG, PNG, Excel (XLSX) or Word (DOCX) files are accepted; this file is ${type ? type.ext.toUpperCase() : 'of an unknown type'}, whatever its name says`,
        },
      },
    ]);
  return type.mime;
}

const locked = () =>
  conflict({
    vi: 'Chỉ thêm hoặc xóa minh chứng khi số liệu đang soạn hoặc bị trả lại',
    en: 'Evidence can be added or removed only while the entry is a draft or returned',
  });

/** Attaches the request's one file to an entry being worked on; the upload is read only once that is checked. */
export async function attachEvidence(
  db: Db,
  scope: Scope,
  entryId: number,
  upload: Parameters<typeof readUpload>[0],
  by: By,
) {
  const entry = await entryInScope(db, entryId, scope);
  if (entry.status !== 'DRAFT' && entry.status !== 'RETURNED') throw locked();
  const file = await readUpload(upload);
  const mime = await sniffEvidence(file.buffer);
  return db.transaction(async (tx) => {
    const row = await entryInScope(tx, entryId, scope, true);
    if (row.status !== 'DRAFT' && row.status !== 'RETURNED') throw locked();
    const [count] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from scorecard_evidence where entry_id = ${entryId}`,
    );
    if (count!.n >= MAX_EVIDENCE_FILES)
      throw validation([
        {
          field: 'file',
          code: 'TOO_MANY',
          message: { vi: 'Tối đa 10 tệp minh chứng cho một số liệu', en: 'At most 10 evidence files per entry' },
        },
      ]);
    const [made] = await tx
      .insert(scorecardEvidence)
      .values({
        entryId,
        fileName: file.fileName,
        mimeType: mime,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        createdBy: by.userId,
      })
      .returning({
        id: scorecardEvidence.id,
        fileName: scorecardEvidence.fileName,
        mimeType: scorecardEvidence.mimeType,
        size: scorecardEvidence.size,
      });
    await insertAudit(tx, by.actor, {
      action: 'scorecard.evidence.add',
      entityType: 'scorecard_entry',
      entityId: entryId,
      details: { evidenceId: made!.id, fileName: made!.fileName, size: made!.size },
    });
    return made!;
  });
}

/** An evidence file of an entry in the caller's units (404 otherwise); its download is recorded. */
export async function readEvidence(db: Db, scope: Scope, id: number, by: By) {
  const [file] = await queryRows<{ entryId: number; fileName: string; mimeType: string; content: Buffer }>(
    db,
    sql`select f.entry_id as "entryId", f.file_name as "fileName", f.mime_type as "mimeType", f.content
        from scorecard_evidence f join scorecard_entries e on e.id = f.entry_id join units u on u.id = e.unit_id
        where f.id = ${id} and ${pathInScope(sql`u.path`, scope)}`,
  );
  if (!file) throw notFound({ vi: 'Không tìm thấy tệp minh chứng', en: 'Evidence file not found' });
  await insertAudit(db, by.actor, {
    action: 'scorecard.evidence.read',
    entityType: 'scorecard_entry',
    entityId: file.entryId,
    details: { evidenceId: id },
  });
  return { ...file, content: Buffer.from(file.content) };
}

export async function deleteEvidence(db: Db, scope: Scope, id: number, by: By) {
  await db.transaction(async (tx) => {
    const [file] = await tx
      .select({ entryId: scorecardEvidence.entryId, fileName: scorecardEvidence.fileName })
      .from(scorecardEvidence)
      .where(eq(scorecardEvidence.id, id));
    if (!file) throw notFound({ vi: 'Không tìm thấy tệp minh chứng', en: 'Evidence file not found' });
    const entry = await entryInScope(tx, file.entryId, scope, true);
    if (entry.status !== 'DRAFT' && entry.status !== 'RETURNED') throw locked();
    await tx.delete(scorecardEvidence).where(eq(scorecardEvidence.id, id));
    await insertAudit(tx, by.actor, {
      action: 'scorecard.evidence.delete',
      entityType: 'scorecard_entry',
      entityId: file.entryId,
      details: { evidenceId: id, fileName: file.fileName },
    });
  });
}
