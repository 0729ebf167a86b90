import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { citizenLanguage, contentLocale, requestLocale } from './locale.js';

const request = (r: { lang?: string; cookie?: string; accept?: string }) =>
  ({
    query: r.lang ? { lang: r.lang } : {},
    cookies: r.cookie ? { lang: r.cookie } : {},
    headers: r.accept ? { 'accept-language': r.accept } : {},
  }) as unknown as FastifyRequest;

describe('the request language', () => {
  it('takes ?lang=, then the lang cookie, then Accept-Language, else Vietnamese', () => {
    expect(citizenLanguage(request({ lang: 'zh', cookie: 'ja' }))).toBe('zh');
    expect(citizenLanguage(request({ cookie: 'ja', accept: 'en-US' }))).toBe('ja');
    expect(citizenLanguage(request({ accept: 'zh-CN,zh;q=0.9' }))).toBe('zh');
    expect(citizenLanguage(request({ accept: 'fr-FR' }))).toBe('vi');
    expect(citizenLanguage(request({ cookie: 'ko' }))).toBe('vi');
  });

  it('answers messages to Japanese and Chinese readers in English, and shows them the commune text in Vietnamese', () => {
    for (const lang of ['ja', 'zh']) {
      expect(requestLocale(request({ cookie: lang }))).toBe('en');
      expect(contentLocale(request({ cookie: lang }))).toBe('vi');
    }
    expect([requestLocale(request({ cookie: 'en' })), contentLocale(request({ cookie: 'en' }))]).toEqual(['en', 'en']);
    expect([requestLocale(request({})), contentLocale(request({}))]).toEqual(['vi', 'vi']);
  });
});
