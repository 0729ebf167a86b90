import type { Procedure } from './api.js';

/**
 * A procedure's name in the reader's language, as the commune entered it: English has its own field, Japanese and
 * Chinese their translations; without one, the official Vietnamese name (`translated: false` asks for the notice).
 */
export function procedureName(
  p: Pick<Procedure, 'nameVi' | 'nameEn' | 'translations'>,
  lang: string,
): { name: string; translated: boolean } {
  if (lang === 'vi') return { name: p.nameVi, translated: true };
  if (lang === 'en') return { name: p.nameEn, translated: true };
  const entered = p.translations[lang as 'ja' | 'zh']?.name;
  return entered ? { name: entered, translated: true } : { name: p.nameVi, translated: false };
}

/** Text the commune enters in Vietnamese and English only (papers, fee notes): Japanese and Chinese read Vietnamese. */
export const hasOwnText = (lang: string) => lang === 'vi' || lang === 'en';
