import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en.js';
import { ja } from '../locales/ja.js';
import { vi } from '../locales/vi.js';
import { zh } from '../locales/zh.js';

/** Citizen pages speak four languages; the staff console two (Japanese and Chinese carry citizen keys only). */
export const CITIZEN_LANGS = ['vi', 'en', 'ja', 'zh'] as const;
export const STAFF_LANGS = ['vi', 'en'] as const;
export type Lang = (typeof CITIZEN_LANGS)[number];

export const isLang = (value: unknown): value is Lang => CITIZEN_LANGS.includes(value as Lang);

/** `<html lang>` for a language: Chinese is written in simplified characters, which the tag says (zh-Hans). */
export const htmlLang = (lang: string) => (lang === 'zh' ? 'zh-Hans' : lang);

/**
 * The language this device chose: localStorage, else the `lang` cookie (which the server also reads to render the
 * first HTML in it). Read only where a browser exists, so that importing this file on the server is safe.
 */
export function storedLanguage(): Lang | null {
  if (typeof localStorage !== 'undefined') {
    const stored = localStorage.getItem('lang');
    if (isLang(stored)) return stored;
  }
  if (typeof document !== 'undefined') {
    const cookie = /(?:^|;\s*)lang=([^;]+)/.exec(document.cookie)?.[1];
    if (isLang(cookie)) return cookie;
  }
  return null;
}

/**
 * The language the server drew this page in, when it drew one (a citizen's page carries #ssr-state): the server picks
 * it from the `lang` cookie or Accept-Language, so a phone set to English gets English before any choice was stored.
 * Read before markPage rewrites `<html lang>`; the app must take the page over in this language or React throws the
 * server's text away (hydration error #418) and the page flips to Vietnamese.
 */
function servedLanguage(): Lang | null {
  if (typeof document === 'undefined' || !document.getElementById('ssr-state')) return null;
  const tag = document.documentElement.lang.split('-')[0];
  return isLang(tag) ? tag : null;
}
export const servedLang = servedLanguage();

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en }, ja: { translation: ja }, zh: { translation: zh } },
  lng: servedLang ?? storedLanguage() ?? 'vi',
  // A Japanese or Chinese reader who meets a key the citizen bundles lack reads English before Vietnamese.
  fallbackLng: { ja: ['en', 'vi'], zh: ['en', 'vi'], default: ['vi'] },
  interpolation: { escapeValue: false },
});

/** The server reads the `lang` cookie to answer API messages, and to render pages, in the person's language. */
function tellServer(lang: string) {
  if (typeof document === 'undefined') return;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the older phones we serve
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

/** `<html lang>` follows whatever language is showing (screen readers pick their voice from it). */
function markPage(lang: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(lang);
}
i18next.on('languageChanged', markPage);

/** Switches language, remembers it on this device and tells the server (cookie) so API messages follow. */
export function setLanguage(lang: Lang) {
  localStorage.setItem('lang', lang);
  tellServer(lang);
  return i18next.changeLanguage(lang);
}

/**
 * Shows a language without remembering it: the staff console (Vietnamese and English only) shows Vietnamese to a
 * device that chose Japanese or Chinese on the citizen pages, and the citizen pages bring the choice back.
 */
export const showLanguage = (lang: Lang) => i18next.changeLanguage(lang);

// tellServer and markPage do nothing on the server, which renders citizens' pages with this module.
tellServer(i18next.language);
markPage(i18next.language);
export default i18next;
