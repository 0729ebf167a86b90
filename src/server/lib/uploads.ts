import type { MultipartFile } from '@fastify/multipart';
import { validation } from './errors.js';

/**
 * The one file of a multipart request (the app takes one file per request), read into memory under the size limit
 * set where multipart is registered, with its other form fields. Imports and dossier papers both read uploads here.
 */
export async function readUpload(request: {
  isMultipart(): boolean;
  file(): Promise<MultipartFile | undefined>;
}): Promise<{ buffer: Buffer; fileName: string; fields: MultipartFile['fields'] }> {
  if (!request.isMultipart()) {
    throw validation([
      {
        field: 'file',
        code: 'REQUIRED',
        message: { vi: 'Hãy gửi tệp dạng multipart/form-data', en: 'Send the file as multipart/form-data' },
      },
    ]);
  }
  const part = await request.file();
  if (!part)
    throw validation([{ field: 'file', code: 'REQUIRED', message: { vi: 'Chưa chọn tệp', en: 'No file was sent' } }]);
  return { buffer: await part.toBuffer(), fileName: (part.filename || 'upload').slice(0, 200), fields: part.fields };
}

/** A plain form field of a multipart request, or undefined. */
export const formField = (fields: MultipartFile['fields'], name: string): unknown =>
  (fields[name] as { value?: unknown } | undefined)?.value;
