import type { FastifyRequest } from 'fastify';

/**
 * The language a citizen's page is drawn in, as the client would choose it: the `lang` cookie the language switch sets,
 * else the first of Accept-Language's languages (by q) the app has strings for, else Vietnamese.
 */
export function pickLanguage(request: FastifyRequest, languages: string[]): string {
  const cookie = request.cookies?.lang;
  if (cookie && languages.includes(cookie)) return cookie;
  const wanted = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { primary: tag.split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((w) => w.primary && w.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.find((w) => languages.includes(w.primary))?.primary ?? 'vi';
}
