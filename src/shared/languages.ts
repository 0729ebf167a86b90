/**
 * The languages of the citizen side (pages, and the fixed text of what is sent to citizens); the staff console
 * speaks the first two. Server messages carry Vietnamese and English only (Japanese and Chinese readers get English).
 */
export const citizenLanguages = ['vi', 'en', 'ja', 'zh'] as const;
export type CitizenLanguage = (typeof citizenLanguages)[number];

export const isCitizenLanguage = (value: unknown): value is CitizenLanguage =>
  citizenLanguages.includes(value as CitizenLanguage);

/** A procedure's names: the official Vietnamese, the English, and the Japanese and Chinese the commune entered. */
export type ProcedureNames = {
  nameVi: string;
  nameEn: string;
  translations: Partial<Record<'ja' | 'zh', { name: string }>>;
};

/**
 * A procedure's name in a reader's language, as the commune entered it: English has its own field, Japanese and
 * Chinese their translations; without one, the official Vietnamese name, `translated: false` (the page says it is
 * only in Vietnamese). The one rule for pages, the API and messages.
 */
export function procedureNameIn(p: ProcedureNames, lang: string): { name: string; translated: boolean } {
  if (lang === 'vi') return { name: p.nameVi, translated: true };
  if (lang === 'en') return { name: p.nameEn, translated: true };
  const entered = p.translations[lang as 'ja' | 'zh']?.name;
  return entered ? { name: entered, translated: true } : { name: p.nameVi, translated: false };
}
