import { procedureNameIn } from '../../../shared/languages.js';

/**
 * A procedure's name in the reader's language, as the commune entered it (`translated: false`: the official
 * Vietnamese stands in, and asks for the notice). The rule is shared with the API (src/shared/languages.ts).
 */
export const procedureName = procedureNameIn;

/** Text the commune enters in Vietnamese and English only (papers, fee notes): Japanese and Chinese read Vietnamese. */
export const hasOwnText = (lang: string) => lang === 'vi' || lang === 'en';
