import { dossierKit } from '../dossiers/dossiers.test-kit.js';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useWorld } from '../../../../test/world.js';

const sms = useFakeSms();
// The same object: the gateway's address is filled in by its beforeAll, before the app is built.
sms.overrides.SMS_GATEWAY_TOKEN = 'gateway-token';
const env = useWorld(sms.overrides);
const { messages, codeSentTo } = sms;
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'ketnoi_citizen')!.value;
const post = (url: string, payload: unknown, extra: { cookie?: string; csrf?: string; ip?: string } = {}) =>
  env.t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    remoteAddress: extra.ip,
    cookies: extra.cookie ? { ketnoi_citizen: extra.cookie } : undefined,
    headers: extra.csrf ? { 'x-csrf-token': extra.csrf } : undefined,
  });

describe('citizen accounts', () => {
  it('opens an account with the SMS code, submits while signed in, and lists only its own dossiers', async () => {
    expect((await post('/api/public/citizens/code', { phone: '0912 777 001' })).statusCode).toBe(202);
    expect(messages.at(-1)).toMatchObject({ to: '+84912777001', auth: 'Bearer gateway-token' });
    const account = {
      fullName: 'Phan Thị Yến',
      phone: '0912777001',
      personalId: '031190008888',
      password: 'mat-khau-cong-dan',
    };
    const wrong = await post('/api/public/citizens', {
      ...account,
      code: '000000' === codeSentTo('+84912777001') ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const made = await post('/api/public/citizens', { ...account, code: codeSentTo('+84912777001') });
    expect(made.statusCode, made.body).toBe(201);
    const cookie = cookieOf(made);
    const csrf = made.json().csrfToken as string;
    const stored = await env.t.database.raw<{ phone_enc: string }>('select phone_enc from citizens');
    expect(stored[0]!.phone_enc).not.toContain('912777001');

    // Signed in: no applicant details to type; the dossier is filed under the account. Without the CSRF header,
    // refused.
    const submission = {
      unitCode: env.w.communeA.code,
      procedureCode: '1.004873',
      fields: { purpose: 'Đăng ký kết hôn' },
      returnMethod: 'ONLINE',
      uploads: await dossierKit(env).requiredPapers('1.004873'),
    };
    expect((await post('/api/public/dossiers', submission, { cookie })).statusCode).toBe(403);
    const submitted = await post('/api/public/dossiers', submission, { cookie, csrf });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await post('/api/public/dossiers', {
      ...submission,
      applicant: { fullName: 'Người Khác', personalId: '031190001111', phone: '0900000000' },
    });

    const me = await env.t.app.inject({
      method: 'GET',
      url: '/api/public/citizens/me',
      cookies: { ketnoi_citizen: cookie },
    });
    expect(me.json().me.citizen).toMatchObject({ fullName: 'Phan Thị Yến', phone: '+84912777001' });
    expect(me.json().me.dossiers.map((d: { code: string }) => d.code)).toEqual([submitted.json().code]);
    // "My dossiers" names each procedure in the reader's language: the Japanese the commune entered, else the
    // Vietnamese, flagged so the page says so.
    const mine = async (lang: string) =>
      (
        await env.t.app.inject({
          method: 'GET',
          url: '/api/public/citizens/me',
          cookies: { ketnoi_citizen: cookie, lang },
        })
      ).json().me.dossiers[0];
    await env.t.database.raw(`update procedures set translations = $1::jsonb where code = '1.004873'`, [
      JSON.stringify({ ja: { name: '婚姻状況証明書の発行' } }),
    ]);
    expect(await mine('ja')).toMatchObject({ procedureName: '婚姻状況証明書の発行', procedureNameFallback: false });
    expect(await mine('zh')).toMatchObject({
      procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      procedureNameFallback: true,
    });
    expect(await mine('en')).toMatchObject({ procedureNameFallback: false });
    const detail = (await env.w.agents.onestopA.get(`/api/dossiers/${submitted.json().id}`)).json();
    expect(detail).toMatchObject({
      applicantName: 'Phan Thị Yến',
      applicantPersonalId: '031190008888',
      applicantPhone: '+84912777001',
    });

    // One account per number; sign out, then sign in again with the password.
    await post('/api/public/citizens/code', { phone: '0912777001' });
    expect((await post('/api/public/citizens', { ...account, code: codeSentTo('+84912777001') })).statusCode).toBe(409);
    expect((await post('/api/public/citizens/logout', {}, { cookie, csrf })).statusCode).toBe(204);
    expect(
      (
        await env.t.app.inject({ method: 'GET', url: '/api/public/citizens/me', cookies: { ketnoi_citizen: cookie } })
      ).json(),
    ).toEqual({ me: null });
    const again = await post('/api/public/citizens/login', { phone: '+84912777001', password: account.password });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().dossiers).toHaveLength(1);
  });

  it('burns a code after five wrong tries, sends at most three an hour, and locks out password guessing', async () => {
    const phone = '0912777002';
    await post('/api/public/citizens/code', { phone });
    const right = codeSentTo('+84912777002');
    const account = { fullName: 'Hồ Văn Lâm', phone, personalId: '031085009999', password: 'mat-khau-cong-dan' };
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect(
        (await post('/api/public/citizens', { ...account, code: wrongCode }, { ip: `198.51.100.${i}` })).statusCode,
      ).toBe(400);
    expect((await post('/api/public/citizens', { ...account, code: right }, { ip: '198.51.100.9' })).statusCode).toBe(
      400,
    );
    await post('/api/public/citizens/code', { phone }, { ip: '198.51.100.20' });
    await post('/api/public/citizens/code', { phone }, { ip: '198.51.100.21' });
    const limited = await post('/api/public/citizens/code', { phone }, { ip: '198.51.100.22' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().detail).toContain('3 lần');

    await post('/api/public/citizens/code', { phone: '0912777003' }, { ip: '198.51.100.30' });
    const made = await post(
      '/api/public/citizens',
      { ...account, phone: '0912777003', code: codeSentTo('+84912777003') },
      { ip: '198.51.100.31' },
    );
    expect(made.statusCode).toBe(201);
    for (let i = 0; i < 5; i++)
      expect(
        (
          await post(
            '/api/public/citizens/login',
            { phone: '0912777003', password: 'sai-mat-khau' },
            { ip: `198.51.101.${i}` },
          )
        ).statusCode,
      ).toBe(401);
    const locked = await post(
      '/api/public/citizens/login',
      { phone: '0912777003', password: account.password },
      { ip: '198.51.101.9' },
    );
    // Locked: even the right password gets the same 401 as a wrong one or an unknown phone (nothing says an account
    // exists).
    const unknown = await post(
      '/api/public/citizens/login',
      { phone: '0912777999', password: account.password },
      { ip: '198.51.101.10' },
    );
    expect([locked.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(locked.json().detail).toBe(unknown.json().detail);
  });

  it('counts parallel wrong guesses before checking them: twenty at once try at most five passwords', async () => {
    const phone = '0912777004';
    await post('/api/public/citizens/code', { phone }, { ip: '198.51.102.1' });
    const account = { fullName: 'Lò Văn Sáng', phone, personalId: '031085008888', password: 'mat-khau-cong-dan' };
    expect(
      (await post('/api/public/citizens', { ...account, code: codeSentTo('+84912777004') }, { ip: '198.51.102.2' }))
        .statusCode,
    ).toBe(201);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/api/public/citizens/login', { phone, password: `sai-${i}-mat-khau` }, { ip: `198.51.103.${i}` }),
      ),
    );
    expect(guesses.every((g) => g.statusCode === 401)).toBe(true);
    const [row] = await env.t.database.raw<{ tried: number }>(
      `select count(*) filter (where details->>'reason' = 'password')::int as tried from audit_log
       where action = 'citizen.login.failed' and entity_id = (select id::text from citizens where phone_bidx = $1)`,
      [env.t.cipher.blindIndex('+84912777004', 'phone')],
    );
    expect(row!.tried).toBe(5);
  });
});
