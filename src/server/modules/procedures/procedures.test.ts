import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { catalog } from './catalog/index.js';
import { posterHowToSubmit } from './procedures.service.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { dueDate, localParts } from '../calendar/working-days.js';

const env = useWorld({ PUBLIC_URL: 'https://ketnoi.example.vn' });
const get = (url: string) => env.t.app.inject({ method: 'GET', url });

describe('the shipped catalog', () => {
  it('has at least 40 commune-level procedures across the fields, each well formed', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalog.map((p) => p.code)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.field))).toEqual(
      new Set([
        'HO_TICH',
        'CHUNG_THUC',
        'CU_TRU',
        'HO_KINH_DOANH',
        'BAO_TRO_XA_HOI',
        'NGUOI_CO_CONG',
        'DAT_DAI',
        'XAY_DUNG',
        'BAO_HIEM',
        'KHAC',
      ]),
    );
    for (const p of catalog.filter((c) => c.national !== false)) expect(p.code).toMatch(/^\d\.\d{6}$/);
    // The interconnected groups of Decree 63/2024 are complete enough to submit together.
    expect(catalog.filter((p) => p.bundle === 'BIRTH').map((p) => p.code)).toEqual(
      expect.arrayContaining(['1.001193', '1.004222', 'LT.BHYT6']),
    );
    expect(catalog.filter((p) => p.bundle === 'DEATH').length).toBeGreaterThanOrEqual(3);
  });

  it('is published on a fresh install and found without accents or by code', async () => {
    const all = (await get('/api/public/procedures')).json().items;
    expect(all.length).toBe(catalog.length);
    const birth = (await get('/api/public/procedures?q=dang%20ky%20khai%20sinh'))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(birth).toEqual(expect.arrayContaining(['1.001193', '1.004884']));
    expect((await get('/api/public/procedures?q=1.004222')).json().items.map((p: { code: string }) => p.code)).toEqual([
      '1.004222',
    ]);
    const residence = (await get('/api/public/procedures?field=CU_TRU')).json().items;
    expect(residence.every((p: { field: string }) => p.field === 'CU_TRU')).toBe(true);
  });

  it('shows one procedure with fees per channel, documents and its public address', async () => {
    const res = await get('/api/public/procedures/1.004222');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      nameVi: 'Đăng ký thường trú',
      timeUnit: 'WORKING_DAY',
      onlineLevel: 'FULL',
      publicUrl: 'https://ketnoi.example.vn/p/1.004222',
    });
    expect(p.fees).toEqual(
      expect.arrayContaining([
        { channel: 'IN_PERSON', amountVnd: 20000 },
        { channel: 'ONLINE', amountVnd: 10000 },
      ]),
    );
    expect(p.documents.length).toBeGreaterThan(0);
    expect((await get('/api/public/procedures/9.999999')).statusCode).toBe(404);
  });
});

describe('QR codes and posters', () => {
  it('draws a QR code to the public page, as SVG or PNG', async () => {
    const svg = await get('/api/public/procedures/1.001193/qr');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const png = await get('/api/public/procedures/1.001193/qr?format=png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints an A4 poster of QR codes for one field or all, as a real PDF', async () => {
    const one = await get('/api/public/procedures-poster?field=HO_TICH');
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const all = await get('/api/public/procedures-poster');
    // 12 codes a page: the whole catalog takes several pages.
    const pages = all.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBe(Math.ceil(catalog.length / 12));
  });

  it("promises online submission on a poster's header only when every procedure on the page is fully online", () => {
    expect(posterHowToSubmit(['FULL', 'FULL'])).toBe('Nộp hồ sơ trực tuyến, không cần đến trụ sở');
    expect(posterHowToSubmit(['NONE'])).toBe('Nộp hồ sơ trực tiếp tại Bộ phận một cửa');
    expect(posterHowToSubmit(['FULL', 'PARTIAL', 'NONE'])).toMatch(/^Cách nộp ghi dưới từng mã/);
    expect(posterHowToSubmit([])).toMatch(/^Cách nộp ghi dưới từng mã/);
  });
});

describe('versions', () => {
  it('publishes a re-issued version and retires the old one; dossiers keep the version they were submitted under', async () => {
    const dossier = await env.w.f.dossier(env.w.communeA);
    const current = (await get('/api/public/procedures/1.004873')).json();
    const draft = await env.w.agents.admin.post('/api/procedures', {
      ...Object.fromEntries(
        Object.entries(current).filter(([k]) => !['id', 'version', 'status', 'publishedAt', 'publicUrl'].includes(k)),
      ),
      timeAmount: 2,
      legalBasis: 'Quyết định công bố mới',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ version: 2, status: 'DRAFT' });
    // A draft is not public yet.
    expect((await get('/api/public/procedures/1.004873')).json().version).toBe(1);
    const published = await env.w.agents.admin.post(`/api/procedures/${draft.json().id}/publish`);
    expect(published.json().status).toBe('PUBLISHED');
    expect((await get('/api/public/procedures/1.004873')).json()).toMatchObject({ version: 2, timeAmount: 2 });
    const versions = (await env.w.agents.admin.get('/api/procedures?q=1.004873')).json().items;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'PUBLISHED'],
      [1, 'RETIRED'],
    ]);
    expect((await env.w.agents.admin.post(`/api/procedures/${draft.json().id}/publish`)).statusCode).toBe(409);
    const [row] = await env.t.database.raw<{ version: number }>(
      'select p.version from dossiers d join procedures p on p.id = d.procedure_id where d.id = $1',
      [dossier.id],
    );
    expect(row!.version).toBe(1);
  });

  it('serves the names a commune entered in Japanese and Chinese, on the page and in the catalog; none by default', async () => {
    const current = (await get('/api/public/procedures/1.001193')).json();
    expect(current.translations).toEqual({});
    const draft = await env.w.agents.admin.post('/api/procedures', {
      ...Object.fromEntries(
        Object.entries(current).filter(([k]) => !['id', 'version', 'status', 'publishedAt', 'publicUrl'].includes(k)),
      ),
      translations: { ja: { name: '出生登録' }, zh: { name: '出生登记' } },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await env.w.agents.admin.post(`/api/procedures/${draft.json().id}/publish`)).statusCode).toBe(200);
    const page = (await get('/api/public/procedures/1.001193')).json();
    expect(page).toMatchObject({
      nameVi: current.nameVi,
      translations: { ja: { name: '出生登録' }, zh: { name: '出生登记' } },
    });
    const listed = (await get('/api/public/procedures?q=1.001193')).json().items[0];
    expect(listed.translations.zh).toEqual({ name: '出生登记' });
    const bad = await env.w.agents.admin.post('/api/procedures', {
      ...Object.fromEntries(
        Object.entries(current).filter(([k]) => !['id', 'version', 'status', 'publishedAt', 'publicUrl'].includes(k)),
      ),
      translations: { ko: { name: '출생 등록' }, ja: { name: '' } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('retires a procedure whose code was re-issued: gone from the public catalog, kept for its dossiers', async () => {
    const old = (await get('/api/public/procedures/1.001731')).json();
    const retired = await env.w.agents.province.post(`/api/procedures/${old.id}/retire`);
    expect(retired.json().status).toBe('RETIRED');
    expect((await get('/api/public/procedures/1.001731')).statusCode).toBe(404);
    expect((await env.w.agents.province.post(`/api/procedures/${old.id}/retire`)).statusCode).toBe(409);
    expect((await env.w.agents.leaderA.post(`/api/procedures/${old.id}/retire`)).statusCode).toBe(403);
  });

  it('refuses a national procedure whose code is not a national code', async () => {
    const res = await env.w.agents.admin.post('/api/procedures', {
      code: 'ABC-1',
      national: true,
      nameVi: 'Sai mã',
      nameEn: 'Wrong code',
      field: 'KHAC',
      timeAmount: 1,
      timeUnit: 'WORKING_DAY',
      onlineLevel: 'NONE',
      postalAllowed: false,
      fees: [],
      documents: [],
      formFields: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.code');
  });
});

describe('the working-day calendar', () => {
  it('lists a year’s holidays from the rules, lunar ones included', async () => {
    const days = (await get('/api/public/calendar?year=2026')).json().items;
    expect(days.find((d: { day: string }) => d.day === '2026-02-17')).toMatchObject({
      kind: 'HOLIDAY',
      source: 'RULE',
    });
  });

  it('takes a yearly swap from an admin, which the next due date honours; only calendar managers may edit', async () => {
    const set = await env.w.agents.province.put('/api/calendar/days/2026-02-07', {
      kind: 'WORKDAY',
      nameVi: 'Đi làm bù cho ngày 16/02',
      nameEn: 'Working day in lieu of 16/02',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ kind: 'WORKDAY', source: 'ADMIN' });
    // Due dates read the stored calendar: Thursday 05/02 + 2 working days is now Saturday 07/02, not Monday 09/02.
    const exceptions = await loadExceptions(env.t.database.db, '2026-02-05');
    expect(localParts(dueDate(new Date('2026-02-05T09:00:00+07:00'), 2, 'WORKING_DAY', '15:00', exceptions)).day).toBe(
      '2026-02-07',
    );
    expect(
      (
        await env.w.agents.leaderA.put('/api/calendar/days/2026-02-08', {
          kind: 'WORKDAY',
          nameVi: 'Thử',
          nameEn: 'Try',
        })
      ).statusCode,
    ).toBe(403);
    const cleared = await env.w.agents.province.request({ method: 'DELETE', url: '/api/calendar/days/2026-02-07' });
    expect(cleared.statusCode).toBe(204);
    expect(
      (await env.w.agents.province.request({ method: 'DELETE', url: '/api/calendar/days/2026-02-07' })).statusCode,
    ).toBe(404);
  });
});
