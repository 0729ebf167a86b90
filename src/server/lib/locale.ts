import type { FastifyRequest } from 'fastify';
import { type CitizenLanguage, citizenLanguages } from '../../shared/languages.js';
import type { Locale } from './errors.js';

/** A language tag's primary language, lowercased: `ja-JP` → `ja`, `zh-Hans-CN` → `zh`, ` EN ` → `en`. */
const primary = (tag: string) => tag.trim().toLowerCase().split('-')[0] ?? '';

/**
 * The languages an Accept-Language header asks for, best first: by q (`q=0` and malformed q-values left out), equal
 * q in the order written; each by its primary language (`ja-JP` → `ja`, `zh-CN` and `zh-Hans` → `zh`), once.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';');
      const value = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const q = value === undefined ? 1 : Number(value.slice(2));
      return { language: primary(tag), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((w) => /^[a-z]{2,8}$/.test(w.language) && w.q > 0);
  // Array.prototype.sort is stable: equal q keep the header's order.
  wanted.sort((a, b) => b.q - a.q);
  return [...new Set(wanted.map((w) => w.language))];
}

/**
 * The one language picker of the server, for the API and the pages it renders: the person's own choice first (the
 * `lang` cookie the language switch sets, and where the caller allows it `?lang=`, which wins over the cookie), if
 * it is one of `supported`; else the best Accept-Language language among `supported` (by q); else Vietnamese.
 */
export function pickLanguage<L extends string>(
  request: FastifyRequest,
  supported: readonly L[],
  { query = false }: { query?: boolean } = {},
): L {
  const fits = (value: unknown): value is string =>
    typeof value === 'string' && supported.includes(primary(value) as L);
  const asked = query ? (request.query as Record<string, unknown> | undefined)?.lang : undefined;
  for (const chosen of [asked, request.cookies?.lang]) if (fits(chosen)) return primary(chosen) as L;
  const best = acceptedLanguages(request.headers['accept-language']).find((l) => supported.includes(l as L));
  return (best ?? (supported.includes('vi' as L) ? 'vi' : supported[0])) as L;
}

/** The citizen language the request asks for: `?lang=`, then the `lang` cookie, then Accept-Language; else Vietnamese. */
export function citizenLanguage(request: FastifyRequest): CitizenLanguage {
  return pickLanguage(request, citizenLanguages, { query: true });
}

/**
 * The language of server messages (`{ vi, en }`): the request's own. A Japanese or Chinese choice gets whichever of
 * Vietnamese and English the browser asks for first — a staff member whose shared device once switched a citizen page
 * to 日本語 keeps Vietnamese messages in the console — and English when it asks for neither, which more Japanese and
 * Chinese readers read than Vietnamese.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const language = citizenLanguage(request);
  if (language === 'vi' || language === 'en') return language;
  const browser = acceptedLanguages(request.headers['accept-language']).find((l) => l === 'vi' || l === 'en');
  return (browser ?? 'en') as Locale;
}

/**
 * The language of a commune's own text that exists in Vietnamese and English only (form labels, papers): a Japanese or
 * Chinese reader gets the official Vietnamese (their page says it is only in Vietnamese), not English.
 */
export function contentLocale(request: FastifyRequest): Locale {
  return citizenLanguage(request) === 'en' ? 'en' : 'vi';
}
