import type { FastifyRequest } from 'fastify';
import type { Locale } from './errors.js';

/** The request's language: `?lang=`, then the `lang` cookie, then Accept-Language; Vietnamese by default. */
export function requestLocale(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = (typeof query?.lang === 'string' && query.lang) || request.cookies?.lang;
  if (explicit === 'en' || explicit === 'vi') return explicit;
  const accept = request.headers['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
