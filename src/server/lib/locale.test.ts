import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptedLanguages, citizenLanguage, contentLocale, pickLanguage, requestLocale } from './locale.js';

const request = (r: { lang?: string; cookie?: string; accept?: string }) =>
  ({
    query: r.lang ? { lang: r.lang } : {},
    cookies: r.cookie ? { lang: r.cookie } : {},
    headers: r.accept ? { 'accept-language': r.accept } : {},
  }) as unknown as FastifyRequest;
const four = ['vi', 'en', 'ja', 'zh'] as const;

describe('Accept-Language, read', () => {
  it('orders by q, equal q in the order written, and leaves out q=0 and malformed q', () => {
    expect(acceptedLanguages('fr-FR,ja;q=0.8,en;q=0.9')).toEqual(['fr', 'en', 'ja']);
    expect(acceptedLanguages('ja;q=0.5, zh;q=0.5, vi;q=0.4')).toEqual(['ja', 'zh', 'vi']);
    expect(acceptedLanguages('en;q=0, ja;q=abc, zh;Q=0.3')).toEqual(['zh']);
    expect(acceptedLanguages('*, vi;q=0.1')).toEqual(['vi']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
  });

  it('counts a regional or script tag as its language, once', () => {
    expect(acceptedLanguages('ja-JP,ja;q=0.9,en-US;q=0.8')).toEqual(['ja', 'en']);
    expect(acceptedLanguages('zh-Hans-CN, ZH-cn;q=0.9, zh-Hans;q=0.8')).toEqual(['zh']);
  });
});

describe('the one language picker', () => {
  it('takes the best Accept-Language language the caller supports, by q', () => {
    expect(pickLanguage(request({ accept: 'fr-FR,ja;q=0.8,en;q=0.9' }), four)).toBe('en');
    expect(pickLanguage(request({ accept: 'ko-KR,ja-JP;q=0.9,vi;q=0.8' }), four)).toBe('ja');
    expect(pickLanguage(request({ accept: 'zh-CN,zh;q=0.9' }), four)).toBe('zh');
    expect(pickLanguage(request({ accept: 'zh-Hans' }), four)).toBe('zh');
    // The first entry is not always the best: a low-q first language gives way.
    expect(pickLanguage(request({ accept: 'vi;q=0.2,en;q=0.9' }), four)).toBe('en');
  });

  it('keeps to the supported set: a language the caller does not offer is skipped for the next', () => {
    expect(pickLanguage(request({ accept: 'ja-JP,en;q=0.5' }), ['vi', 'en'] as const)).toBe('en');
    expect(pickLanguage(request({ accept: 'ja-JP' }), ['vi', 'en'] as const)).toBe('vi');
  });

  it('falls back to Vietnamese for unsupported languages only, q=0, or nothing asked', () => {
    expect(pickLanguage(request({ accept: 'fr-FR,de;q=0.9' }), four)).toBe('vi');
    expect(pickLanguage(request({ accept: 'en;q=0' }), four)).toBe('vi');
    expect(pickLanguage(request({}), four)).toBe('vi');
    expect(pickLanguage(request({ cookie: 'xx' }), ['vi', 'en'] as const)).toBe('vi');
  });

  it('lets the `lang` cookie win over the header, when it names a supported language', () => {
    expect(pickLanguage(request({ cookie: 'zh', accept: 'en' }), four)).toBe('zh');
    expect(pickLanguage(request({ cookie: 'ja', accept: 'en' }), ['vi', 'en'] as const)).toBe('en');
    expect(pickLanguage(request({ cookie: 'ko', accept: 'ja' }), four)).toBe('ja');
  });

  it('reads `?lang=` (over the cookie) only where the caller asks for it', () => {
    expect(pickLanguage(request({ lang: 'ja', cookie: 'zh' }), four, { query: true })).toBe('ja');
    expect(pickLanguage(request({ lang: 'ja', cookie: 'zh' }), four)).toBe('zh');
    expect(pickLanguage(request({ lang: 'ja-JP' }), four, { query: true })).toBe('ja');
  });
});

describe('the request language', () => {
  it('takes ?lang=, then the lang cookie, then Accept-Language (by q), else Vietnamese', () => {
    expect(citizenLanguage(request({ lang: 'zh', cookie: 'ja' }))).toBe('zh');
    expect(citizenLanguage(request({ cookie: 'ja', accept: 'en-US' }))).toBe('ja');
    expect(citizenLanguage(request({ accept: 'zh-CN,zh;q=0.9' }))).toBe('zh');
    expect(citizenLanguage(request({ accept: 'fr-FR,ja;q=0.5,en;q=0.7' }))).toBe('en');
    expect(citizenLanguage(request({ accept: 'fr-FR' }))).toBe('vi');
    expect(citizenLanguage(request({ cookie: 'ko' }))).toBe('vi');
  });

  it('answers messages to Japanese and Chinese readers in English, and shows them the commune text in Vietnamese', () => {
    for (const lang of ['ja', 'zh']) {
      expect(requestLocale(request({ cookie: lang }))).toBe('en');
      expect(contentLocale(request({ cookie: lang }))).toBe('vi');
    }
    // Of Vietnamese and English, the one the browser asks for: a Japanese reader who also reads Vietnamese gets it, and
    // a staff member whose shared device kept a citizen page's 日本語 keeps Vietnamese messages in the console.
    expect(requestLocale(request({ accept: 'ja-JP,vi;q=0.5' }))).toBe('vi');
    expect(requestLocale(request({ cookie: 'ja', accept: 'vi-VN,vi;q=0.9,en;q=0.8' }))).toBe('vi');
    expect(requestLocale(request({ cookie: 'zh', accept: 'zh-CN,en;q=0.5,vi;q=0.4' }))).toBe('en');
    expect([requestLocale(request({ cookie: 'en' })), contentLocale(request({ cookie: 'en' }))]).toEqual(['en', 'en']);
    expect([requestLocale(request({})), contentLocale(request({}))]).toEqual(['vi', 'vi']);
  });
});
