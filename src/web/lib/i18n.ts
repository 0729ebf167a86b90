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

/** Switches language, remembers it on this device and tells the server (cookie) so API messages follow. */
export function setLanguage(lang: Lang) {
  localStorage.setItem('lang', lang);
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
  return i18next.changeLanguage(lang);
}
document.cookie = `lang=${i18next.language}; path=/; max-age=31536000; samesite=lax`;
export default i18next;
