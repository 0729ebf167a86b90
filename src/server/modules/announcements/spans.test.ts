import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/text.js';
import { spanningExpectations, type SpanningTarget } from '../../../../test/access/announcements.js';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { login, type Agent } from '../../../../test/helpers.js';
import { multipartBody } from '../../../../test/multipart.js';
import { listOperations } from '../../../../test/openapi.js';
import { useWorld } from '../../../../test/world.js';
import { replaceRoles } from '../users/users.repo.js';
import { pdfWords, sheetRows } from '../../../../test/documents.js';
import { sendScheduled } from './announcements.service.js';
import { createSenders, sendDue } from './deliveries.js';

// A record that spans units: the commune's announcement to two groups belongs to the commune, and each group's head
// sees only their group's part of it — in lists, counts, files and PDFs.
const sms = useFakeSms();
Object.assign(sms.overrides, { DELIVERY_WORKER: 'off', PUBLIC_URL: 'https://ketnoi.example.vn' });
const env = useWorld(sms.overrides);
const deps = () => ({ database: env.t.database, cipher: env.t.cipher, config: env.t.config });

/** Group A2's household, as nothing outside A2 (and the commune) may show it: folded, to search any answer. */
const secretsOfA2 = ['Thôn Tây', 'Nhà trọ Hạnh Phúc', 'Đỗ Thị Hạnh', 'Lê Đức Cường', '977 123 456', '977123456'];
const secretsOfA1 = ['Thôn Đông', 'Số 7, ngõ 3', 'Nguyễn Văn An', '912 345 678', '912345678'];
const folded = (secrets: string[]) => secrets.map(foldText);

let headA2: Agent;
let spanning: SpanningTarget;

beforeAll(async () => {
  const { w } = env;
  // Thôn Tây's boarding house gets a head with a phone, so there is a phone of A2 to keep from A1's head.
  await w.f.resident(w.households.hA2, {
    fullName: 'Đỗ Thị Hạnh',
    birthDate: '1975-04-04',
    gender: 'FEMALE',
    phone: '+84977123456',
    head: true,
  });
  const head = await w.f.user('GROUP_HEAD', w.groupA2);
  headA2 = await login(env.t.app, head.username, head.password);
  const staff = await w.agents.leaderA.post('/api/staff-groups', {
    unitId: w.communeA.id,
    name: 'Trưởng thôn',
    kind: 'GROUP_HEADS',
  });
  await w.agents.leaderA.post(`/api/staff-groups/${staff.json().id}/members`, {
    fullName: 'Hoàng Văn Tám',
    phone: '0903 123 456',
  });
  const made = await w.agents.leaderA.post('/api/announcements', {
    title: 'Tiêm phòng dại cho chó mèo',
    body: '<p>Sáng Chủ nhật, các hộ đưa chó mèo đến nhà văn hóa.</p>',
    category: 'HEALTH',
    priority: 'URGENT',
    ackRequested: true,
    audience: { unitIds: [w.groupA1.id, w.groupA2.id], staffGroupIds: [staff.json().id] },
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as number;
  const file = await w.agents.leaderA.request({
    method: 'POST',
    url: `/api/announcements/${id}/files`,
    ...multipartBody({}, { name: 'Lich tiem.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' }),
  });
  expect(file.statusCode, file.body).toBe(201);
  const plan = async (unitId: number) =>
    (
      await w.agents.leaderA.post(`/api/announcements/${id}/broadcasts`, {
        unitId,
        airAt: ['2030-09-01T06:30:00+07:00'],
      })
    )
      .json()
      .items.find((b: { unitId: number }) => b.unitId === unitId).id as number;
  const broadcasts = { A1: await plan(w.groupA1.id), A2: await plan(w.groupA2.id), commune: await plan(w.communeA.id) };
  expect((await w.agents.leaderA.post(`/api/announcements/${id}/send`)).json()).toMatchObject({ households: 2 });
  await sendDue(
    deps(),
    createSenders(deps(), () => undefined),
  );
  spanning = { w, id, fileId: file.json().id, broadcasts };
});

describe('an announcement that spans units', () => {
  it('is filed under its author’s unit: the commune for its leader’s, the group for its head’s; one spanning two held units is refused', async () => {
    const { w } = env;
    const list = (await w.agents.leaderA.get('/api/announcements')).json().items;
    expect(list.find((a: { id: number }) => a.id === spanning.id)).toMatchObject({
      unitId: w.communeA.id,
      part: false,
    });
    const own = await w.agents.headA1.post('/api/announcements', {
      title: 'Họp thôn',
      body: '<p>x</p>',
      category: 'EVENT',
      audience: { unitIds: [w.alleyA1.id] },
    });
    expect(own.json()).toMatchObject({ unitId: w.groupA1.id, part: false });
    // A head of both groups has no one unit that holds the two: they write one announcement each.
    const twoGroups = await w.f.user('GROUP_HEAD', w.groupA1);
    await replaceRoles(env.t.database.db, twoGroups.id, [
      { role: 'GROUP_HEAD', unitId: w.groupA1.id },
      { role: 'GROUP_HEAD', unitId: w.groupA2.id },
    ]);
    const both = await login(env.t.app, twoGroups.username, twoGroups.password);
    const refused = await both.post('/api/announcements', {
      title: 'Họp hai thôn',
      body: '<p>x</p>',
      category: 'EVENT',
      audience: { unitIds: [w.groupA1.id, w.groupA2.id] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'audience.unitIds', code: 'SPANS_UNITS' });
  });

  it("shows in a group head's list once sent, marked as their part; the commune's drafts do not", async () => {
    const { w } = env;
    const draft = await w.agents.leaderA.post('/api/announcements', {
      title: 'Bản nháp của xã',
      body: '<p>x</p>',
      category: 'POLICY',
      audience: { unitIds: [w.groupA1.id] },
    });
    // A message to the commune's staff only (no households) is not any group's either.
    const staffOnly = await w.agents.leaderA.post('/api/announcements', {
      title: 'Họp giao ban',
      body: '<p>x</p>',
      category: 'EVENT',
      priority: 'URGENT',
      audience: { unitIds: [w.communeA.id], reachHouseholds: false, staffGroupIds: [] },
    });
    expect((await w.agents.leaderA.post(`/api/announcements/${staffOnly.json().id}/send`)).statusCode).toBe(200);
    const items = (await w.agents.headA1.get('/api/announcements')).json().items as { id: number; part: boolean }[];
    expect(items.find((a) => a.id === spanning.id)).toMatchObject({ part: true, unitId: w.communeA.id });
    expect(items.map((a) => a.id)).not.toContain(draft.json().id);
    expect(items.map((a) => a.id)).not.toContain(staffOnly.json().id);
    expect(
      (await w.agents.leaderB.get('/api/announcements')).json().items.map((a: { id: number }) => a.id),
    ).not.toContain(spanning.id);
  });

  it("shows in the public feed of the commune it went to when it is filed above it (the administrator's)", async () => {
    const { w } = env;
    const made = await w.agents.admin.post('/api/announcements', {
      title: 'Thông báo của tỉnh',
      body: '<p>x</p>',
      category: 'POLICY',
      priority: 'URGENT',
      isPublic: true,
      audience: { unitIds: [w.communeA.id] },
    });
    expect(made.json()).toMatchObject({ unitId: w.nation.id });
    await w.agents.admin.post(`/api/announcements/${made.json().id}/send`);
    const feed = async (code: string) =>
      (await env.t.app.inject({ url: `/api/public/communes/${code}/announcements` })).json().items as { id: number }[];
    expect((await feed(w.communeA.code)).map((a) => a.id)).toContain(made.json().id);
    expect((await feed(w.communeB.code)).map((a) => a.id)).not.toContain(made.json().id);
  });

  it("gives each group's head only their group's reach: rows, totals, deliveries, households, timeline", async () => {
    const { w } = env;
    const whole = (await w.agents.leaderA.get(`/api/announcements/${spanning.id}/reach`)).json();
    expect(whole).toMatchObject({ part: false, totals: { targeted: 2, reached: 2, acknowledged: 0 } });
    expect(whole.deliveries).toEqual({ delivered: 3 });
    expect(whole.notAcknowledged.map((h: { address: string }) => h.address).sort()).toEqual([
      'Nhà trọ Hạnh Phúc, thôn Tây',
      'Số 7, ngõ 3, thôn Đông',
    ]);

    const a1 = await w.agents.headA1.get(`/api/announcements/${spanning.id}/reach`);
    expect(a1.statusCode, a1.body).toBe(200);
    expect(a1.json()).toMatchObject({
      part: true,
      totals: { targeted: 1, reached: 1, read: 0, acknowledged: 0 },
      // The staff member's SMS is the commune's, not the group's.
      deliveries: { delivered: 1 },
      groups: [{ name: 'Thôn Đông', targeted: 1 }],
      notAcknowledged: [{ address: 'Số 7, ngõ 3, thôn Đông', headName: 'Nguyễn Văn An' }],
    });
    expect(a1.json().groups).toHaveLength(1);
    for (const secret of folded(secretsOfA2)) expect(foldText(a1.body)).not.toContain(secret);

    const a2 = await headA2.get(`/api/announcements/${spanning.id}/reach`);
    expect(a2.json()).toMatchObject({ part: true, groups: [{ name: 'Thôn Tây' }], totals: { targeted: 1 } });
    for (const secret of folded(secretsOfA1)) expect(foldText(a2.body)).not.toContain(secret);

    const timeline = (await w.agents.headA1.get(`/api/announcements/${spanning.id}/reach/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ reached: 1 });
    const wholeTimeline = (await w.agents.leaderA.get(`/api/announcements/${spanning.id}/reach/timeline`)).json();
    expect(wholeTimeline.at(-1)).toMatchObject({ reached: 2 });
  });

  it("puts only the head's own group in the households-to-visit spreadsheet (names and phones), and audits it as a part", async () => {
    const { w } = env;
    const sheet = await w.agents.headA1.get(`/api/announcements/${spanning.id}/to-visit?which=not-acknowledged`);
    expect(sheet.statusCode).toBe(200);
    expect(await sheetRows(sheet.rawPayload)).toEqual([
      ['Thôn, tổ dân phố', 'Địa chỉ', 'Chủ hộ', 'Số điện thoại', 'Kết quả đi hộ'],
      ['Thôn Đông', 'Số 7, ngõ 3, thôn Đông', 'Nguyễn Văn An', '0912 345 678'],
    ]);
    const other = await headA2.get(`/api/announcements/${spanning.id}/to-visit?which=not-acknowledged&format=csv`);
    expect(other.body).toContain('0977 123 456');
    for (const secret of folded(secretsOfA1)) expect(foldText(other.body)).not.toContain(secret);
    const whole = await sheetRows(
      (await w.agents.leaderA.get(`/api/announcements/${spanning.id}/to-visit?which=not-acknowledged`)).rawPayload,
    );
    expect(whole).toHaveLength(3);
    const [audit] = await env.t.database.raw<{ details: { part: boolean; households: number } }>(
      `select details from audit_log where action = 'announcement.to-visit' and username = $1`,
      [w.accounts.headA1.username],
    );
    expect(audit!.details).toMatchObject({ part: true, households: 1 });
  });

  it("lets a group head follow and plan the loudspeakers on their own and the commune's speakers, never another group's", async () => {
    const { w } = env;
    const url = `/api/announcements/${spanning.id}`;
    const seen = (await w.agents.headA1.get(`${url}/broadcasts`)).json().items as { unitName: string }[];
    expect(seen.map((b) => b.unitName).sort()).toEqual(['Thôn Đông', 'Xã An Hòa']);
    const words = pdfWords((await w.agents.headA1.get(`${url}/bulletin.pdf`)).rawPayload);
    expect(words).toContain(foldText('loa Thôn Đông'));
    expect(words).toContain(foldText('loa Xã An Hòa'));
    expect(words).toContain(foldText('Tiêm phòng dại cho chó mèo'));
    for (const secret of folded(secretsOfA2)) expect(words).not.toContain(secret);
    expect(pdfWords((await w.agents.leaderA.get(`${url}/bulletin.pdf`)).rawPayload)).toContain(
      foldText('loa Thôn Tây'),
    );
    // Another group's speakers are out of hand, the commune's too (the commune marks its own broadcasts).
    expect((await w.agents.headA1.post(`${url}/broadcasts/${spanning.broadcasts.A2}/aired`)).statusCode).toBe(404);
    expect((await w.agents.headA1.post(`${url}/broadcasts/${spanning.broadcasts.commune}/aired`)).statusCode).toBe(404);
    const elsewhere = await w.agents.headA1.post(`${url}/broadcasts`, {
      unitId: w.groupA2.id,
      airAt: ['2030-09-01T18:00:00+07:00'],
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('answers each operation on one announcement as test/access/announcements.ts says: the part, or nothing', async () => {
    const { w } = env;
    const keys = listOperations(env.t.app)
      .map((o) => o.key)
      .filter((k) => k.startsWith('GET /api/announcements/{id}') || k.startsWith('POST /api/announcements/{id}'));
    expect(keys.filter((k) => !(k in spanningExpectations))).toEqual([]);
    for (const key of keys) {
      const e = spanningExpectations[key]!;
      const target = e.call(spanning);
      const res = await w.agents.headA1.request({
        method: key.split(' ')[0] as 'GET' | 'POST',
        url: target.url,
        payload: target.payload,
        headers: target.headers,
      });
      const label = `${key} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (e.access === 'filingUnit') {
        expect(res.statusCode, label).toBe(404);
        continue;
      }
      expect(res.statusCode, label).toBeLessThan(300);
      const type = String(res.headers['content-type']);
      const text = type.includes('pdf')
        ? pdfWords(res.rawPayload)
        : type.includes('spreadsheet')
          ? foldText((await sheetRows(res.rawPayload)).flat().join(' '))
          : type.includes('audio')
            ? ''
            : foldText(res.body);
      for (const secret of folded(secretsOfA2)) expect(text, `${label} shows ${secret}`).not.toContain(secret);
    }
  });

  it("keeps a group head's scheduled announcement inside their group: the commune's staff groups are out of reach", async () => {
    const { w } = env;
    const [staff] = await env.t.database.raw<{ id: number }>(
      `select id from staff_groups where unit_id = $1 order by id limit 1`,
      [w.communeA.id],
    );
    const later = await w.agents.headA1.post('/api/announcements', {
      title: 'Nhắn cả trưởng thôn',
      body: '<p>x</p>',
      category: 'EVENT',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      audience: { unitIds: [w.groupA1.id], staffGroupIds: [staff!.id] },
    });
    expect(later.statusCode).toBe(404);
    const own = await w.agents.headA1.post('/api/announcements', {
      title: 'Họp thôn tối nay',
      body: '<p>x</p>',
      category: 'EVENT',
      priority: 'URGENT',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      audience: { unitIds: [w.groupA1.id] },
    });
    expect((await w.agents.headA1.post(`/api/announcements/${own.json().id}/send`)).json().status).toBe('SCHEDULED');
    expect(await sendScheduled(env.t.database, new Date(Date.now() + 2 * 3600_000))).toBe(1);
    const [sent] = await env.t.database.raw<{ n: number; groups: number[] }>(
      `select count(*)::int as n, array_agg(distinct group_id) as groups
       from announcement_households where announcement_id = $1`,
      [own.json().id],
    );
    expect(sent).toEqual({ n: 1, groups: [w.groupA1.id] });
  });
});

describe('migration 0025: announcements filed under their first target', () => {
  it("re-files them under their author's unit, else the deepest unit holding every target", async () => {
    const { w } = env;
    const file = async (unitId: number, unitIds: number[], createdBy: number) =>
      (
        await env.t.database.raw<{ id: number }>(
          `insert into announcements (unit_id, title, body_html, category, audience, created_by)
           values ($1, 'Cũ', '<p>x</p>', 'POLICY', $2, $3) returning id`,
          [unitId, JSON.stringify({ unitIds }), createdBy],
        )
      )[0]!.id;
    const roleless = await w.f.user('DIGITAL_TEAM', w.groupA1);
    const leaders = await file(w.groupA1.id, [w.groupA1.id, w.groupA2.id], w.accounts.leaderA.id);
    const heads = await file(w.alleyA1.id, [w.alleyA1.id], w.accounts.headA1.id);
    const nobody = await file(w.alleyA1.id, [w.alleyA1.id, w.groupA2.id], roleless.id);
    const sql = readFileSync(new URL('../../db/migrations/0025_refile-announcements.sql', import.meta.url), 'utf8');
    await env.t.database.raw(sql);
    const filed = await env.t.database.raw<{ id: number; unit_id: number }>(
      'select id, unit_id from announcements where id = any($1) order by id',
      [[leaders, heads, nobody]],
    );
    expect(filed).toEqual([
      { id: leaders, unit_id: w.communeA.id },
      { id: heads, unit_id: w.groupA1.id },
      { id: nobody, unit_id: w.communeA.id },
    ]);
  });
});
