/**
 * Folds Vietnamese text for accent- and case-insensitive search: NFC or NFD input,
 * "Nguyễn Văn Đức" and "nguyen van duc" both become "nguyen van duc".
 * Done in the application (not with unaccent()) so the stored key is identical on PGlite and PostgreSQL
 * and can carry a plain trigram index.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@+./-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Normalises a person's name for storage: NFC, single spaces, no surrounding blanks. */
export function cleanName(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text put into HTML as text: typed paragraphs, template values, a campaign's name in a reminder. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
