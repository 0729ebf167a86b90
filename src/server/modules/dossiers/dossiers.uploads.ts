import { createHash, randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '../../db/client.js';
import { dossierFiles } from '../../db/schema/index.js';
import { AppError, validation } from '../../lib/errors.js';
import { markDigitized } from './dossiers.repo.js';

/** What a dossier accepts: PDF scans and photos of papers. Judged by the bytes, never by the file's name. */
const accepted = new Set(['application/pdf', 'image/jpeg', 'image/png']);
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Checks a file's real type and size; an .exe renamed .pdf is refused with a clear message. */
export async function checkDocument(buffer: Buffer): Promise<string> {
  if (buffer.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 413, {
      vi: 'Tệp lớn hơn 10 MB; hãy chụp hoặc quét với độ phân giải thấp hơn',
      en: 'The file is larger than 10 MB; scan or photograph it at a lower resolution',
    });
  }
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !accepted.has(type.mime)) {
    throw validation([
      {
        field: 'file',
        code: 'FILE_TYPE',
        message: {
          vi: `Chỉ nhận tệp PDF, JPEG hoặc PNG; tệp này là ${type ? type.ext.toUpperCase() : 'loại không xác định'} dù tên tệp có thể khác`,
          en: `Only PDF, JPEG or PNG files are accepted; this file is ${type ? type.ext.toUpperCase() : 'of an unknown type'}, whatever its name says`,
        },
      },
    ]);
  }
  return type.mime;
}

/** Stores a checked file: unclaimed (with a secret key the submission presents) or straight onto a dossier. */
export async function storeFile(
  tx: Tx,
  file: { buffer: Buffer; fileName: string; mime: string },
  target: {
    dossierId: number;
    kind: 'SCAN' | 'RESULT' | 'UPLOAD';
    label?: string;
    paper?: number;
    uploadedBy: number | null;
  } | null,
) {
  const uploadKey = target ? null : randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(dossierFiles)
    .values({
      dossierId: target?.dossierId ?? null,
      uploadKey,
      kind: target?.kind ?? 'UPLOAD',
      label: target?.label ?? null,
      paper: target?.paper ?? null,
      fileName: file.fileName,
      mime: file.mime,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
      uploadedBy: target?.uploadedBy ?? null,
    })
    .returning({
      id: dossierFiles.id,
      kind: dossierFiles.kind,
      label: dossierFiles.label,
      paper: dossierFiles.paper,
      fileName: dossierFiles.fileName,
      mime: dossierFiles.mime,
      size: dossierFiles.size,
      sha256: dossierFiles.sha256,
      createdAt: dossierFiles.createdAt,
    });
  if (target) await markDigitized(tx, target.dossierId);
  return { ...row!, key: uploadKey ?? '' };
}
