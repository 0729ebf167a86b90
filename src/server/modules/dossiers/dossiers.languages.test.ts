import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { dossierKit } from './dossiers.test-kit.js';

// The status page (/s/<token>) and the look-up in the reader's language: the procedure's name as the commune entered
// it in Japanese or Chinese, else the official Vietnamese with a flag for the page's "only in Vietnamese" line.

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submitOnline, requiredPapers, asApplicant } = dossierKit(env);

const translate = (code: string, translations: object) =>
  env.t.database.raw(`update procedures set translations = $2::jsonb where code = $1`, [
    code,
    JSON.stringify(translations),
  ]);

type Named = { procedureName: string; procedureNameFallback: boolean };
const named = (body: Named) => ({ name: body.procedureName, fallback: body.procedureNameFallback });

describe("a dossier's status page in four languages", () => {
  it('names the procedure in the language asked for, the Vietnamese standing in (flagged) where none was entered', async () => {
    await translate('1.004873', { ja: { name: '婚姻状況証明書の発行' } });
    const made = await submitOnline();
    const status = async (headers: Record<string, string>, cookies: Record<string, string> = {}) => {
      const res = await env.t.app.inject({
        method: 'GET',
        url: `/api/public/dossiers/${made.token}`,
        headers,
        cookies,
      });
      expect(res.statusCode, res.body).toBe(200);
      return named(res.json());
    };
    const vi = { name: 'Cấp Giấy xác nhận tình trạng hôn nhân', fallback: false };
    // Asked one after the other: each language is its own cached page, none answers for another.
    expect(await status({})).toEqual(vi);
    expect(await status({ 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' })).toEqual({
      name: '婚姻状況証明書の発行',
      fallback: false,
    });
    expect(await status({ 'accept-language': 'en-US' })).toEqual({
      name: 'Marital-status certificate',
      fallback: false,
    });
    // No Chinese name entered: the official Vietnamese, flagged; the cookie the switch sets wins over the header.
    expect(await status({ 'accept-language': 'ja' }, { lang: 'zh' })).toEqual({ ...vi, fallback: true });
    expect(await status({ 'accept-language': 'vi' })).toEqual(vi);

    // The proven applicant's page (built for them, never cached) and the look-up by code answer the same way.
    const mine = await asApplicant('GET', `/api/public/dossiers/${made.token}`, {
      proof: made.proof,
      cookies: { lang: 'ja' },
    });
    expect(mine.json().applicant).not.toBeNull();
    expect(named(mine.json())).toEqual({ name: '婚姻状況証明書の発行', fallback: false });
    const found = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/dossier-lookup?code=${made.code}&phoneLast4=0123`,
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect({ token: found.json().token, ...named(found.json()) }).toEqual({ token: made.token, ...vi, fallback: true });
  });

  it("names a bundle's other dossiers in the reader's language too, each flagged on its own", async () => {
    await translate('1.004222', { ja: { name: '常住登録' }, zh: { name: '常住登记' } });
    const made = await submitOnline({
      procedureCode: '1.001193',
      fields: {
        childName: 'Nguyễn Minh Khang',
        childBirthDate: '2026-10-30',
        birthPlace: 'Trạm y tế xã',
        address: 'Số 7, ngõ 3, thôn Đông',
      },
      uploads: [...(await requiredPapers('1.001193')), ...(await requiredPapers('1.004222', true))],
      bundleWith: ['1.004222', 'LT.BHYT6'],
    });
    const res = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/dossiers/${made.token}`,
      headers: { 'accept-language': 'zh-Hans' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Named & { linked: Named[] };
    expect(named(body)).toEqual({ name: 'Đăng ký khai sinh', fallback: true });
    expect(body.linked.map(named)).toEqual([
      { name: '常住登记', fallback: false },
      { name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', fallback: true },
    ]);
  });
});
