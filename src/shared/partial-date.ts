/**
 * A date known to the day, the month or only the year. A list that says "1956" means 1956, not 09/05/1905 nor
 * 01/01/1956: the registry keeps what was given. Stored as the first day of the known span plus its precision;
 * carried in the API as partial ISO text ("1956", "1956-05", "1956-05-15"), so it cannot be mistaken for a full date.
 */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

const pad = (n: number) => String(n).padStart(2, '0');

/** Partial ISO text from the stored first day and precision. */
export function toPartialDate(firstDay: string, precision: DatePrecision | string): string {
  if (precision === 'YEAR') return firstDay.slice(0, 4);
  if (precision === 'MONTH') return firstDay.slice(0, 7);
  return firstDay.slice(0, 10);
}

/** Partial ISO text → first day + precision, or null when it is not a real year, month or day. */
export function fromPartialDate(text: string): { firstDay: string; precision: DatePrecision } | null {
  const m = text.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { firstDay: `${y}-${pad(mo)}-${pad(d)}`, precision: m[3] ? 'DAY' : m[2] ? 'MONTH' : 'YEAR' };
}

/** The last day the partial date may stand for (31/12 of a year, the month's last day). */
export function lastPossibleDay(partial: string): string {
  const [y, m, d] = partial.split('-').map(Number) as [number, number?, number?];
  if (d) return partial;
  const last = m ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
  return last.toISOString().slice(0, 10);
}

/** As a Vietnamese reader writes it: 15/05/1956, 05/1956 or 1956. */
export function formatPartialDateVn(partial: string | null | undefined): string {
  if (!partial) return '';
  const [y, m, d] = partial.split('-');
  return [d, m, y].filter(Boolean).join('/');
}

/**
 * Age in whole years on `today`, as a range when the date is partial: someone born "1956" is 69 or 70 during 2026
 * until their unknown birthday, so the answer is [69, 70]; a full date gives one number twice.
 */
export function ageRange(partial: string, today: string): [number, number] {
  const age = (birth: string) => {
    const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
    return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  };
  const first = partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
  return [age(lastPossibleDay(partial)), age(first)];
}
