import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from './web-language.js';

const request = (headers: Record<string, string>, cookies: Record<string, string> = {}) =>
  ({ headers, cookies }) as unknown as FastifyRequest;
const langs = ['vi', 'en', 'ja', 'zh'];

describe('the language a citizen page is drawn in', () => {
  it('follows the `lang` cookie the language switch sets, over Accept-Language', () => {
    expect(pickLanguage(request({ 'accept-language': 'en' }, { lang: 'zh' }), langs)).toBe('zh');
  });

  it('else the first Accept-Language language (by q) the app has strings for', () => {
    expect(pickLanguage(request({ 'accept-language': 'fr-FR,ja;q=0.8,en;q=0.9' }), langs)).toBe('en');
    expect(pickLanguage(request({ 'accept-language': 'zh-CN,zh;q=0.9' }), langs)).toBe('zh');
  });

  it('else Vietnamese, also for a cookie naming a language the app does not have', () => {
    expect(pickLanguage(request({ 'accept-language': 'fr' }), langs)).toBe('vi');
    expect(pickLanguage(request({}, { lang: 'xx' }), ['vi', 'en'])).toBe('vi');
    expect(pickLanguage(request({ 'accept-language': 'en;q=0' }), langs)).toBe('vi');
  });
});
