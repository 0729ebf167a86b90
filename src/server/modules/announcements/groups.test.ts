import { multipartBody } from '../../../../test/multipart.js';
import { describe, expect, it } from 'vitest';
import { wavInfo } from '../../lib/wav.js';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useWorld } from '../../../../test/world.js';
import { sendScheduled } from './announcements.service.js';
import { createSenders, sendDue } from './deliveries.js';

const sms = useFakeSms();
Object.assign(sms.overrides, { DELIVERY_WORKER: 'off', PUBLIC_URL: 'https://ketnoi.example.vn' });
const env = useWorld(sms.overrides);
const deps = () => ({ database: env.t.database, cipher: env.t.cipher, config: env.t.config });
const pump = () =>
  sendDue(
    deps(),
    createSenders(deps(), () => undefined),
  );
const group = () => `/api/public/groups/${env.w.groupA1.id}`;
const lastTo = (phone: string) => sms.messages.filter((m) => m.to === phone).at(-1)!;

async function draft(extra: Record<string, unknown> = {}) {
  const made = await env.w.agents.leaderA.post('/api/announcements', {
    title: 'Treo cờ Tổ quốc',
    body: '<p>Mừng Quốc khánh 2/9, các hộ treo cờ từ ngày 1/9.</p>',
    category: 'CAMPAIGN',
    priority: 'URGENT',
    audience: { unitIds: [env.w.groupA1.id] },
    ...extra,
  });
  expect(made.statusCode, made.body).toBe(201);
  return made.json().id as number;
}

describe('group channels', () => {
  let token = '';
  it('joins by phone code and registry match, with clear refusals, and shows the membership rate per group', async () => {
    const g = await env.t.app.inject({ method: 'GET', url: group() });
    expect(g.json()).toMatchObject({ name: 'Thôn Đông', channels: ['SMS', 'PUSH'] });
    expect(g.json().vapidPublicKey).toMatch(/^[\w-]{80,}$/);
    expect(g.json().codeBy).toEqual(['SMS']);
    const byZalo = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/code`,
      payload: { phone: '0912345678', by: 'ZALO' },
    });
    expect(byZalo.statusCode).toBe(400);
    expect(byZalo.json().errors[0]).toMatchObject({ field: 'by', code: 'UNAVAILABLE' });
    await env.t.app.inject({ method: 'POST', url: `${group()}/code`, payload: { phone: '0912 345 678' } });
    const wrong = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: { phone: '0912345678', code: '000000', channels: [{ channel: 'SMS' }] },
    });
    expect(wrong.statusCode).toBe(400);
    // A phone that is not in the registry waits for the group head, and the answer says nothing more.
    await env.t.app.inject({ method: 'POST', url: `${group()}/code`, payload: { phone: '0977000111' } });
    const unknown = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: { phone: '0977000111', code: sms.codeSentTo('+84977000111'), channels: [{ channel: 'SMS' }] },
    });
    expect(unknown.statusCode).toBe(202);
    expect(Object.keys(unknown.json()).sort()).toEqual(['groupName', 'manageToken', 'status']);
    const joined = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: {
        phone: '0912345678',
        code: sms.codeSentTo('+84912345678'),
        language: 'en',
        channels: [{ channel: 'SMS' }, { channel: 'EMAIL' }],
      },
    });
    expect(joined.statusCode).toBe(400);
    expect(joined.json().errors[0].field).toBe('channels.1.email');
    await env.t.app.inject({ method: 'POST', url: `${group()}/code`, payload: { phone: '0912345678' } });
    const ok = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: {
        phone: '0912345678',
        code: sms.codeSentTo('+84912345678'),
        language: 'en',
        channels: [{ channel: 'SMS' }],
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'JOINED', address: 'Số 7, ngõ 3, thôn Đông' });
    token = ok.json().manageToken;

    const rates = (await env.w.agents.leaderA.get('/api/groups/membership')).json().items;
    expect(rates).toEqual([
      { unitId: env.w.groupA1.id, name: 'Thôn Đông', households: 1, members: 1, rate: 100 },
      { unitId: env.w.groupA2.id, name: 'Thôn Tây', households: 1, members: 0, rate: 0 },
    ]);
    const poster = await env.w.agents.leaderA.get(`/api/groups/${env.w.groupA1.id}/poster.pdf`);
    expect(poster.headers['content-type']).toBe('application/pdf');
    expect(poster.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await env.w.agents.leaderB.get(`/api/groups/${env.w.groupA1.id}/poster.pdf`)).statusCode).toBe(404);
  });

  it("sends a member the language they chose; the household's link opens it, records read and acknowledgement, and the timeline counts them", async () => {
    const id = await draft({
      ackRequested: true,
      translations: { en: { title: 'Flag day', body: '<p>Hang the national flag from 1 September.</p>' } },
    });
    await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
    await pump();
    const text = lastTo('+84912345678').text;
    expect(text).toMatch(/^Flag day\nHang the national flag/);
    const link = new URL(/https:\S+/.exec(text)![0]);
    const h = Number(link.searchParams.get('h'));
    const t = link.searchParams.get('t')!;
    expect((await env.t.app.inject({ method: 'GET', url: `/api/public/announcements/${id}` })).statusCode).toBe(404);
    const opened = await env.t.app.inject({ method: 'GET', url: `/api/public/announcements/${id}?h=${h}&t=${t}` });
    expect(opened.json()).toMatchObject({
      title: 'Treo cờ Tổ quốc',
      translations: { en: { title: 'Flag day' } },
      ackRequested: true,
      acknowledged: false,
    });
    expect(
      (
        await env.t.app.inject({
          method: 'POST',
          url: `/api/public/announcements/${id}/read`,
          payload: { h, t: 'x'.repeat(22) },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await env.t.app.inject({ method: 'POST', url: `/api/public/announcements/${id}/read`, payload: { h, t } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await env.t.app.inject({ method: 'POST', url: `/api/public/announcements/${id}/ack`, payload: { h, t } }))
        .statusCode,
    ).toBe(204);
    const reach = (await env.w.agents.leaderA.get(`/api/announcements/${id}/reach`)).json();
    expect(reach.totals).toEqual({ targeted: 1, reached: 1, read: 1, acknowledged: 1 });
    const timeline = (await env.w.agents.leaderA.get(`/api/announcements/${id}/reach/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ reached: 1, read: 1, acknowledged: 1 });

    const me = (
      await env.t.app.inject({ method: 'GET', url: '/api/public/membership', headers: { 'x-member-token': token } })
    ).json();
    expect(me.announcements[0]).toMatchObject({ id, read: true, acknowledged: true });
    const channelId = me.channels[0].id;
    expect(
      (
        await env.t.app.inject({
          method: 'PATCH',
          url: '/api/public/membership',
          headers: { 'x-member-token': token },
          payload: { language: 'vi', channelId, active: false },
        })
      ).statusCode,
    ).toBe(204);
    const after = (
      await env.t.app.inject({ method: 'GET', url: '/api/public/membership', headers: { 'x-member-token': token } })
    ).json();
    expect(after).toMatchObject({ language: 'vi', channels: [{ channel: 'SMS', active: false }] });
    expect(
      (await env.t.app.inject({ method: 'GET', url: '/api/public/membership', headers: { 'x-member-token': 'nope' } }))
        .statusCode,
    ).toBe(401);
  });

  it('schedules, cancels, and sends when the time comes', async () => {
    const later = await draft({ scheduledAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await env.w.agents.leaderA.post(`/api/announcements/${later}/send`)).json()).toEqual({
      status: 'SCHEDULED',
      households: 0,
      messages: 0,
    });
    const dropped = await draft({ scheduledAt: new Date(Date.now() + 3600_000).toISOString() });
    await env.w.agents.leaderA.post(`/api/announcements/${dropped}/send`);
    expect((await env.w.agents.leaderA.post(`/api/announcements/${dropped}/cancel`)).statusCode).toBe(204);
    expect(await sendScheduled(env.t.database, new Date(Date.now() + 2 * 3600_000))).toBe(1);
    const list = (await env.w.agents.leaderA.get('/api/announcements')).json().items;
    expect(list.find((a: { id: number }) => a.id === later)).toMatchObject({ status: 'SENT' });
    expect(list.find((a: { id: number }) => a.id === dropped)).toMatchObject({ status: 'CANCELLED' });
    expect((await env.w.agents.leaderA.post(`/api/announcements/${later}/cancel`)).statusCode).toBe(409);
    expect((await env.w.agents.leaderA.get(`/api/announcements/${later}/reach`)).json().totals.targeted).toBe(1);
  });

  it('sends to an internal staff group by SMS, without the households', async () => {
    const g = await env.w.agents.leaderA.post('/api/staff-groups', {
      unitId: env.w.communeA.id,
      name: 'Trưởng thôn, tổ trưởng',
      kind: 'GROUP_HEADS',
    });
    expect(g.statusCode).toBe(201);
    expect(
      (
        await env.w.agents.leaderA.post(`/api/staff-groups/${g.json().id}/members`, {
          fullName: 'Hoàng Văn Tám',
          title: 'Trưởng thôn Đông',
          phone: '0903 123 456',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await env.w.agents.leaderA.post(`/api/staff-groups/${g.json().id}/members`, { fullName: 'Không liên lạc' }))
        .statusCode,
    ).toBe(400);
    const id = await draft({
      title: 'Họp giao ban thôn',
      audience: { unitIds: [env.w.communeA.id], staffGroupIds: [g.json().id], reachHouseholds: false },
    });
    expect((await env.w.agents.leaderA.post(`/api/announcements/${id}/send`)).json()).toEqual({
      status: 'SENT',
      households: 0,
      messages: 1,
    });
    await pump();
    expect(lastTo('+84903123456').text).toMatch(/^Họp giao ban thôn/);
    const other = await env.w.agents.leaderB.post('/api/announcements', {
      title: 'Nhầm nhóm',
      body: '<p>x</p>',
      category: 'POLICY',
      audience: { unitIds: [env.w.communeB.id], staffGroupIds: [g.json().id] },
    });
    expect(other.statusCode).toBe(404);
  });

  it('sends personal content to each person (their own channels, else their phone in the registry), household content once', async () => {
    // Bình's phone is on record for her (the team wrote it in after a visit): it names her household.
    await env.t.database.raw('update residents set phone_enc = $1, phone_bidx = $2 where id = $3', [
      env.t.cipher.encrypt('+84987654321'),
      env.t.cipher.blindIndex('+84987654321', 'phone'),
      env.w.residents.binh.id,
    ]);
    await env.t.app.inject({ method: 'POST', url: `${group()}/code`, payload: { phone: '0987654321' } });
    const binh = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: { phone: '0987654321', code: sms.codeSentTo('+84987654321'), channels: [{ channel: 'SMS' }] },
    });
    expect(binh.statusCode, binh.body).toBe(201);
    const personal = await draft({
      title: 'Mời khám sàng lọc tiểu đường',
      audience: { unitIds: [env.w.groupA1.id], perPerson: true, ageMin: 40 },
    });
    expect((await env.w.agents.leaderA.post(`/api/announcements/${personal}/send`)).json()).toEqual({
      status: 'SENT',
      households: 1,
      messages: 2,
    });
    await pump();
    // An (48) chose SMS but switched it off: his phone in the registry; Bình (46) joined with her own phone.
    expect(lastTo('+84912345678').text).toMatch(/^Mời khám sàng lọc tiểu đường/);
    expect(lastTo('+84987654321').text).toMatch(/^Mời khám sàng lọc tiểu đường/);
    const household = await draft({ title: 'Lịch thu gom rác', audience: { unitIds: [env.w.groupA1.id], ageMin: 40 } });
    expect((await env.w.agents.leaderA.post(`/api/announcements/${household}/send`)).json()).toEqual({
      status: 'SENT',
      households: 1,
      messages: 1,
    });
  });

  it('attaches files, plans loudspeaker broadcasts, prints the bulletin and reads it aloud', async () => {
    const id = await draft({ isPublic: true });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = await env.w.agents.leaderA.request({
      method: 'POST',
      url: `/api/announcements/${id}/files`,
      ...multipartBody({}, { name: 'Kế hoạch.pdf', content: pdf, type: 'application/pdf' }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const plan = await env.w.agents.leaderA.post(`/api/announcements/${id}/broadcasts`, {
      unitId: env.w.groupA1.id,
      airAt: ['2030-09-01T06:30:00+07:00', '2030-09-01T17:00:00+07:00'],
    });
    expect(plan.json().items.map((b: { unitName: string; status: string }) => [b.unitName, b.status])).toEqual([
      ['Thôn Đông', 'PLANNED'],
      ['Thôn Đông', 'PLANNED'],
    ]);
    expect(
      (await env.w.agents.leaderA.post(`/api/announcements/${id}/broadcasts/${plan.json().items[0].id}/aired`))
        .statusCode,
    ).toBe(204);
    const bulletin = await env.w.agents.leaderA.get(`/api/announcements/${id}/bulletin.pdf`);
    expect(bulletin.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audio = await env.w.agents.leaderA.get(`/api/announcements/${id}/audio.wav`);
    expect(audio.statusCode).toBe(200);
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    expect(audio.rawPayload.length).toBeGreaterThan(50_000);
    // The header says how long it plays (espeak-ng streamed to a pipe says 0x7FFFFFFF bytes): the samples' length.
    const wav = wavInfo(audio.rawPayload);
    expect(wav.riffSize).toBe(audio.rawPayload.length - 8);
    expect(wav.dataSize).toBe(audio.rawPayload.length - wav.dataOffset);
    const frames = wav.dataSize / ((wav.channels * wav.bitsPerSample) / 8);
    expect(wav.seconds).toBeCloseTo(frames / wav.sampleRate, 6);
    expect(wav.seconds).toBeGreaterThan(2);
    expect(wav.seconds).toBeLessThan(120);

    await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
    const opened = (await env.t.app.inject({ method: 'GET', url: `/api/public/announcements/${id}` })).json();
    expect(opened.files).toEqual([{ id: upload.json().id, name: 'Kế hoạch.pdf', size: pdf.length }]);
    const file = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/announcements/${id}/files/${upload.json().id}`,
    });
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await env.w.agents.leaderA.post(`/api/announcements/${id}/files`)).statusCode).toBe(409);
  });
});

describe('a server without a speech synthesiser', () => {
  const bare = useWorld({ ESPEAK_PATH: '/nonexistent/espeak-ng' });
  it('says so clearly instead of failing', async () => {
    const id = await bare.w.f.announcement(bare.w.groupA1);
    const res = await bare.w.agents.leaderA.get(`/api/announcements/${id}/audio.wav`);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SPEECH_UNAVAILABLE' });
    expect(res.json().detail).toContain('espeak-ng');
  });
});
