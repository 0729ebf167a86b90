/** The shapes every spreadsheet reader and writer shares (spreadsheet.ts, xlsx-writer.ts). */
export type SheetFormat = 'xlsx' | 'csv';
export type SheetColumn = { key: string; header: string; width?: number };
export type SheetRow = Record<string, string | number | boolean | null | undefined>;
