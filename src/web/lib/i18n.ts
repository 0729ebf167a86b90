import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.js';
import { vi } from '../locales/vi.js';

export type Lang = 'vi' | 'en';
const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('lang')) as Lang | null;

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: stored ?? 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

/** The server reads the `lang` cookie to answer API messages in the person's language. */
function tellServer(lang: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the older phones we serve
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

/** Switches language, remembers it on this device and tells the server (cookie) so API messages follow. */
export function setLanguage(lang: Lang) {
  localStorage.setItem('lang', lang);
  tellServer(lang);
  document.documentElement.lang = lang;
  return i18next.changeLanguage(lang);
}
// Not on the server, which renders citizens' pages with this module (entry-server.tsx) and has no cookie jar.
if (typeof document !== 'undefined') tellServer(i18next.language);
export default i18next;
