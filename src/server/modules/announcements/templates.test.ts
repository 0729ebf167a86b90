import { describe, expect, it } from 'vitest';
import { plainText, sanitizeAnnouncement } from '../../lib/html.js';
import { fillTemplate, placeholdersOf, smsSegments } from './templates.js';

describe('templates', () => {
  it('fills ((placeholders)) and reports the ones without a value', () => {
    const template = 'Kính gửi ((ten)), hộ ((ho)) có lịch tiêm vào ((ngay)). Hỏi ((ten)) nếu cần.';
    expect(placeholdersOf(template)).toEqual(['ten', 'ho', 'ngay']);
    expect(fillTemplate(template, { ten: 'bà Lan', ho: 'số 7', ngay: '25/11/2026' })).toEqual({
      text: 'Kính gửi bà Lan, hộ số 7 có lịch tiêm vào 25/11/2026. Hỏi bà Lan nếu cần.',
      missing: [],
    });
    expect(fillTemplate(template, { ten: 'bà Lan' }).missing).toEqual(['ho', 'ngay']);
  });
});

describe('SMS length', () => {
  it('counts GSM-7 at 160 / 153 and Vietnamese with tone marks as UCS-2 at 70 / 67', () => {
    expect(smsSegments('Lich tiem chung ngay 25/11 tai tram y te xa')).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
    });
    expect(smsSegments('a'.repeat(160)).segments).toBe(1);
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(smsSegments('Lịch tiêm chủng')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('ạ'.repeat(70)).segments).toBe(1);
    expect(smsSegments('ạ'.repeat(71)).segments).toBe(2);
    expect(smsSegments('ạ'.repeat(135)).segments).toBe(3);
  });
});

describe('safe formatting', () => {
  it('keeps paragraphs, emphasis, lists and web/phone links; removes scripts, handlers and javascript: links', () => {
    const dirty =
      '<p onclick="steal()">Họp <strong>tổ dân phố</strong> lúc 19:30</p><script>alert(1)</script>' +
      '<a href="javascript:alert(1)">bấm</a> <a href="https://xa.gov.vn/lich">lịch</a> <a href="tel:0912345678">gọi</a>' +
      '<img src=x onerror=alert(1)><iframe src="https://evil"></iframe><ul><li>Mang CCCD</li></ul>';
    const clean = sanitizeAnnouncement(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|<img|<iframe/i);
    expect(clean).toContain('<p>Họp <strong>tổ dân phố</strong> lúc 19:30</p>');
    expect(clean).toContain('<a href="https://xa.gov.vn/lich" rel="noopener noreferrer" target="_blank">lịch</a>');
    expect(clean).toContain('<a href="tel:0912345678"');
    expect(clean).toContain('<li>Mang CCCD</li>');
    expect(plainText(clean)).toBe('Họp tổ dân phố lúc 19:30\nbấm lịch gọi\n- Mang CCCD');
    // Entities are decoded once: what was typed as "&lt;b&gt;" stays visible text, never markup.
    expect(plainText(sanitizeAnnouncement('<p>A &amp; B, &amp;lt;b&amp;gt;</p>'))).toBe('A & B, &lt;b&gt;');
  });
});
