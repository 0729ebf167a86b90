import { z } from 'zod';

export const ImportStatus = z.enum([
  'QUEUED',
  'VALIDATING',
  'VALIDATED',
  'IMPORTING',
  'DONE',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
]);

export const ImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});

export const ImportNotice = z.object({
  code: z.string(),
  /** The first rows it concerns (up to 20) and how many in all. */
  rows: z.array(z.number().int()),
  count: z.number().int(),
  message: z.string(),
});

export const ImportJob = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    fileName: z.string(),
    /** Who uploaded the file. */
    uploadedBy: z.string(),
    format: z.enum(['xlsx', 'csv']),
    status: ImportStatus,
    mode: z.enum(['DRY_RUN', 'IMPORT']),
    skipBadRows: z.boolean(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(ImportError),
    /** What the reader did without an error: a heading row that set the group, a lost 0 given back. */
    notices: z.array(ImportNotice),
    /** The error report (.xlsx: the bad rows as the file had them, with an error column) can be downloaded. */
    hasReport: z.boolean(),
    summary: z.record(z.string(), z.number()).nullable(),
    /** Why it failed, in the reader's language. */
    failure: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const CommitImportInput = z.object({ skipBadRows: z.boolean().default(false) });
export const TemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
