import i18next from 'i18next';
import { escapeHtml } from '../../shared/text.js';
import { ageRange, formatPartialDateVn } from '../../shared/partial-date.js';
/** ISO date → dd/MM/yyyy, the way dates are written in Vietnam. */
export const formatDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/**
 * ISO timestamp → dd/MM/yyyy HH:mm in Vietnam's time (UTC+7, no daylight saving), whatever the device's time zone:
 * a deadline "17:00" at the ward office must read 17:00 on a phone set to another zone too.
 */
export function formatDateTime(iso: string) {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** "+84912345678" → "0912 345 678". */
export function formatPhone(e164: string | null | undefined) {
  if (!e164) return '';
  const n = `0${e164.slice(3)}`;
  return n.length === 10 ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}` : n;
}

/** A birth date known to the day, the month or the year ("1956-05-15", "1956-05", "1956") as written: 05/1956. */
export const formatBirthDate = (partial: string | null | undefined) => formatPartialDateVn(partial);

/** Age today; "69–70" when only the year (or month) of birth is known, rather than a guessed birthday. */
export const ageOf = (birthDate: string) => {
  const [low, high] = ageRange(birthDate, vietnamDay());
  return low === high ? String(low) : `${low}–${high}`;
};

/** Money the way each language writes it: "20.000 đồng", "20,000 VND". */
export const formatMoney = (amount: number, lang: string) =>
  lang === 'en' ? `${amount.toLocaleString('en-US')} VND` : `${amount.toLocaleString('vi-VN')} đồng`;

/** Typed text → paragraphs of HTML (the server sanitises again; this only keeps the line breaks the writer meant). */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** A day in Vietnam (YYYY-MM-DD), today or `ahead` days from it, whatever the device's time zone. */
export const vietnamDay = (ahead = 0) =>
  new Date(Date.now() + 7 * 3600_000 + ahead * 86400_000).toISOString().slice(0, 10);

/** A number the way the reader's language writes it: "41,6" in Vietnamese, "41.6" in English. */
export const formatNumber = (n: number) => n.toLocaleString(i18next.language === 'en' ? 'en-US' : 'vi-VN');
