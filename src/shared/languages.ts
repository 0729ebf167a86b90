/**
 * The languages of the citizen side (pages, and the fixed text of what is sent to citizens); the staff console
 * speaks the first two. Server messages carry Vietnamese and English only (Japanese and Chinese readers get English).
 */
export const citizenLanguages = ['vi', 'en', 'ja', 'zh'] as const;
export type CitizenLanguage = (typeof citizenLanguages)[number];

export const isCitizenLanguage = (value: unknown): value is CitizenLanguage =>
  citizenLanguages.includes(value as CitizenLanguage);
