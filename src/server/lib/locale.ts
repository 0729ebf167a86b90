import type { FastifyRequest } from 'fastify';
import { type CitizenLanguage, isCitizenLanguage } from '../../shared/languages.js';
import type { Locale } from './errors.js';

/** The language the request asks for: `?lang=`, then the `lang` cookie, then Accept-Language; Vietnamese by default. */
export function citizenLanguage(request: FastifyRequest): CitizenLanguage {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = (typeof query?.lang === 'string' && query.lang) || request.cookies?.lang;
  if (isCitizenLanguage(explicit)) return explicit;
  const accept = request.headers['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase().slice(0, 2) ?? '';
  return isCitizenLanguage(first) ? first : 'vi';
}

/**
 * The language of server messages (`{ vi, en }`): the request's own, with Japanese and Chinese readers answered in
 * English, which more of them read than Vietnamese.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const language = citizenLanguage(request);
  return language === 'vi' ? 'vi' : 'en';
}

/**
 * The language of a commune's own text (procedure names, form labels), which exists in Vietnamese and English: a
 * Japanese or Chinese reader gets the official Vietnamese (their page says it is only in Vietnamese), not English.
 */
export function contentLocale(request: FastifyRequest): Locale {
  return citizenLanguage(request) === 'en' ? 'en' : 'vi';
}
