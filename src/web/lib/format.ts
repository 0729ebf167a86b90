import i18next from 'i18next';
import { escapeHtml } from '../../shared/text.js';
import { ageRange, formatPartialDateVn } from '../../shared/partial-date.js';
/**
 * Dates as each language writes them: Vietnamese and English day first (02/12/2026, the way papers are dated in
 * Vietnam, and British usage), Japanese and Chinese year first (2026年12月2日). The reader's language unless given.
 */
export function formatDate(iso: string | null | undefined, lang: string = i18next.language) {
  if (!iso) return '';
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return yearFirst(lang) ? `${y}年${Number(m)}月${Number(d)}日` : `${d}/${m}/${y}`;
}

const yearFirst = (lang: string) => lang === 'ja' || lang === 'zh';

/**
 * ISO timestamp → date and HH:mm in Vietnam's time (UTC+7, no daylight saving), whatever the device's time zone:
 * a deadline "17:00" at the ward office must read 17:00 on a phone set to another zone too.
 */
export function formatDateTime(iso: string, lang: string = i18next.language) {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = formatDate(d.toISOString().slice(0, 10), lang);
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

/** Intl locale per language: digits grouped as each language groups them (30.000 in Vietnamese, 30,000 otherwise). */
const numberLocale = (lang: string) =>
  ({ en: 'en-US', ja: 'ja-JP', zh: 'zh-CN' })[lang as 'en' | 'ja' | 'zh'] ?? 'vi-VN';

/**
 * Money, always in đồng, the way each language writes it: "30.000 đ", "30,000 VND", "30,000ドン", "30,000越南盾".
 */
export function formatMoney(amount: number, lang: string = i18next.language) {
  const n = amount.toLocaleString(numberLocale(lang));
  if (lang === 'en') return `${n} VND`;
  if (lang === 'ja') return `${n}ドン`;
  if (lang === 'zh') return `${n}越南盾`;
  return `${n} đ`;
}

/** A share (0.75) as a percentage: "75%", "41,6%" in Vietnamese, "41.6%" in the others; one decimal at most. */
export const formatPercent = (share: number, lang: string = i18next.language) =>
  `${(Math.round(share * 1000) / 10).toLocaleString(numberLocale(lang))}%`;

/** Typed text → paragraphs of HTML (the server sanitises again; this only keeps the line breaks the writer meant). */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** A day in Vietnam (YYYY-MM-DD), today or `ahead` days from it, whatever the device's time zone. */
export const vietnamDay = (ahead = 0) =>
  new Date(Date.now() + 7 * 3600_000 + ahead * 86400_000).toISOString().slice(0, 10);

/** A number the way the reader's language writes it: "41,6" in Vietnamese, "41.6" in English, Japanese, Chinese. */
export const formatNumber = (n: number, lang: string = i18next.language) => n.toLocaleString(numberLocale(lang));
