/**
 * Content-Disposition for a file sent back (RFC 6266): `attachment` for anything a person uploaded — the browser saves
 * it instead of rendering it as a page of this site — and `inline` only for PDFs the app makes itself. The name goes
 * twice: an ASCII fallback (accents dropped, quotes and controls replaced) and the exact UTF-8 name in `filename*`.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
