import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useWorld } from '../../../../test/world.js';

const sms = useFakeSms();
const env = useWorld(sms.overrides);

describe('announcements', () => {
  it('writes (sanitised), sizes, sends to a snapshot, shows in the public feed, and measures reach per group', async () => {
    const { w } = env;
    const created = await w.agents.leaderA.post('/api/announcements', {
      title: 'Khám sàng lọc tiểu đường miễn phí',
      category: 'HEALTH',
      isPublic: true,
      ackRequested: true,
      body: '<p>Sáng Chủ nhật tại trạm y tế.<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>',
      audience: { unitIds: [w.groupA1.id, w.groupA2.id], ageMin: 18 },
    });
    expect(created.statusCode, created.body).toBe(201);
    // Filed under its author's unit (the commune), not under the first group it targets.
    expect(created.json()).toMatchObject({ status: 'DRAFT', unitId: w.communeA.id, part: false });
    expect(created.json().bodyHtml).not.toMatch(/script|javascript/);
    const id = created.json().id as number;

    const feedBefore = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeA.code}/announcements` })
    ).json();
    expect(feedBefore.items).toEqual([]);
    // Sending from the list first shows the draft's audience and its split, the same numbers the form gives.
    const draft = await w.agents.leaderA.get(`/api/announcements/${id}/audience`);
    expect(draft.statusCode, draft.body).toBe(200);
    const sized = await w.agents.leaderA.post('/api/announcements/audience', {
      unitIds: [w.groupA1.id, w.groupA2.id],
      ageMin: 18,
    });
    expect(draft.json()).toEqual(sized.json());
    expect(draft.json()).toMatchObject({ households: 2 });
    expect(draft.json().reach.channels.length + draft.json().reach.none).toBeGreaterThan(0);
    const sent = await w.agents.leaderA.post(`/api/announcements/${id}/send`);
    expect(sent.json()).toEqual({ status: 'SENT', households: 2, messages: 1 });
    expect((await w.agents.leaderA.post(`/api/announcements/${id}/send`)).statusCode).toBe(409);

    const feed = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeA.code}/announcements` })
    ).json();
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual(['Khám sàng lọc tiểu đường miễn phí']);
    expect(feed.items[0].text).toBe('Sáng Chủ nhật tại trạm y tế.\nx');
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeB.code}/announcements` })).json()
        .items,
    ).toEqual([]);

    // Nguyễn Văn An (household hA1) opens a citizen account and acknowledges for his household.
    await env.t.app.inject({ method: 'POST', url: '/api/public/citizens/code', payload: { phone: '0912345678' } });
    const account = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/citizens',
      payload: {
        fullName: 'Nguyễn Văn An',
        phone: '0912345678',
        personalId: '031078001234',
        password: 'mat-khau-cua-an',
        code: sms.codeSentTo('+84912345678'),
      },
    });
    const cookie = account.cookies.find((c) => c.name === 'ketnoi_citizen')!.value;
    const ack = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/announcements/${id}/ack`,
      cookies: { ketnoi_citizen: cookie },
      headers: { 'x-csrf-token': account.json().csrfToken },
    });
    expect(ack.statusCode, ack.body).toBe(204);
    expect((await env.t.app.inject({ method: 'POST', url: `/api/public/announcements/${id}/ack` })).statusCode).toBe(
      401,
    );

    // An account that gives An's ID number with a phone the registry does not have for him acknowledges nothing.
    await env.t.app.inject({ method: 'POST', url: '/api/public/citizens/code', payload: { phone: '0966000222' } });
    const impostor = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/citizens',
      payload: {
        fullName: 'Nguyễn Văn An',
        phone: '0966000222',
        personalId: '031078001234',
        password: 'mat-khau-gia-danh',
        code: sms.codeSentTo('+84966000222'),
      },
    });
    const impostorAck = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/announcements/${id}/ack`,
      cookies: { ketnoi_citizen: impostor.cookies.find((c) => c.name === 'ketnoi_citizen')!.value },
      headers: { 'x-csrf-token': impostor.json().csrfToken },
    });
    expect(impostorAck.statusCode).toBe(404);

    const reach = (await w.agents.leaderA.get(`/api/announcements/${id}/reach`)).json();
    expect(reach.totals).toMatchObject({ targeted: 2, read: 1, acknowledged: 1 });
    expect(reach.groups.map((g: { name: string; acknowledged: number }) => [g.name, g.acknowledged])).toEqual([
      ['Thôn Đông', 1],
      ['Thôn Tây', 0],
    ]);
    expect(reach.notAcknowledged.map((h: { address: string }) => h.address)).toEqual(['Nhà trọ Hạnh Phúc, thôn Tây']);
    // The boarding house has no phone on record: no message reached it, so it heads the team's list.
    expect(reach.notReached.map((h: { address: string }) => h.address)).toContain('Nhà trọ Hạnh Phúc, thôn Tây');
    const sheet = await w.agents.leaderA.get(`/api/announcements/${id}/to-visit?which=not-acknowledged`);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Thôn, tổ dân phố', 'Địa chỉ', 'Chủ hộ', 'Số điện thoại', 'Kết quả đi hộ'],
      ['Thôn Tây', 'Nhà trọ Hạnh Phúc, thôn Tây'],
    ]);
    const audited = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'announcement.to-visit'`,
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('keeps writers inside their units: a group head cannot target another group, another commune sees nothing', async () => {
    const { w } = env;
    const outside = await w.agents.headA1.post('/api/announcements', {
      title: 'Thử',
      body: '<p>x</p>',
      category: 'POLICY',
      audience: { unitIds: [w.groupA2.id] },
    });
    expect(outside.statusCode).toBe(404);
    const mine = await w.agents.headA1.post('/api/announcements', {
      title: 'Họp thôn',
      body: '<p>x</p>',
      category: 'EVENT',
      audience: { unitIds: [w.groupA1.id] },
    });
    expect(mine.statusCode).toBe(201);
    expect((await w.agents.leaderB.get(`/api/announcements/${mine.json().id}/reach`)).statusCode).toBe(404);
    expect(
      (await w.agents.leaderB.get('/api/announcements')).json().items.map((a: { id: number }) => a.id),
    ).not.toContain(mine.json().id);
  });

  it('keeps templates with ((placeholders)) and previews them per channel, values escaped', async () => {
    const { w } = env;
    const made = await w.agents.headA1.post('/api/message-templates', {
      unitId: w.groupA1.id,
      name: 'Họp thôn',
      title: 'Họp ((thon))',
      body: '<p>Tối ((ngay)) lúc ((gio)) tại nhà văn hóa.</p>',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().placeholders).toEqual(['thon', 'ngay', 'gio']);
    const preview = (
      await w.agents.headA1.post(`/api/message-templates/${made.json().id}/preview`, {
        values: { thon: 'Thôn Đông', ngay: 'thứ Bảy' },
      })
    ).json();
    expect(preview).toMatchObject({
      title: 'Họp Thôn Đông',
      text: 'Tối thứ Bảy lúc  tại nhà văn hóa.',
      missing: ['gio'],
    });
    // The SMS carries the household's link after the text: Vietnamese is UCS-2, so that is two segments.
    expect(preview.sms).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(preview.sms.text).toMatch(
      /^Họp Thôn Đông\nTối thứ Bảy lúc {2}tại nhà văn hóa\.\nhttp:\/\/localhost:\d+\/a\/\d+\?h=\d+&t=/,
    );
    expect(preview.zns).toEqual([
      { name: 'title', length: 13, max: 100, fits: true },
      { name: 'summary', length: 33, max: 400, fits: true },
      { name: 'link', length: preview.sms.text.split('\n').at(-1).length, max: 200, fits: true },
    ]);
    expect(preview.zalo.fits).toBe(true);
    const long = await w.agents.headA1.post('/api/message-templates', {
      unitId: w.groupA1.id,
      name: 'Dài',
      title: 'Lịch tiêm',
      body: `<p>${'Tiêm nhắc lại cho trẻ dưới 5 tuổi. '.repeat(15)}</p>`,
    });
    const tooLong = (
      await w.agents.headA1.post(`/api/message-templates/${long.json().id}/preview`, { values: {} })
    ).json();
    expect(tooLong.zns.find((p: { name: string }) => p.name === 'summary')).toMatchObject({ max: 400, fits: false });
    expect(tooLong.push.body).toHaveLength(300);
    const hostile = (
      await w.agents.headA1.post(`/api/message-templates/${made.json().id}/preview`, {
        values: { ngay: '<script>alert(1)</script>', gio: '19:30' },
      })
    ).json();
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.text).toContain('<script>alert(1)</script>');
    expect(
      (await w.agents.leaderB.post(`/api/message-templates/${made.json().id}/preview`, { values: {} })).statusCode,
    ).toBe(404);
    expect((await w.agents.leaderB.get('/api/message-templates')).json().items).toEqual([]);
  });
});
