import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, useFakeSmtp } from '../../../../test/fake-smtp.js';
import { useFakePush } from '../../../../test/fake-push.js';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useFakeZalo } from '../../../../test/fake-zalo.js';
import { useWorld } from '../../../../test/world.js';
import { createSenders, sendDue } from './deliveries.js';

// Every channel against a local peer speaking its real protocol; the pipeline is driven by hand (worker off) so each
// step is seen. Overrides are gathered before the app is built.
const overrides: Record<string, string> = {
  DELIVERY_WORKER: 'off',
  PUBLIC_URL: 'https://ketnoi.example.vn',
  SMS_CALLBACK_SECRET: 'sms-gateway-callback-secret',
};
const sms = useFakeSms();
const zalo = useFakeZalo();
const push = useFakePush();
const smtp = useFakeSmtp();
beforeAll(() => void Object.assign(overrides, sms.overrides, zalo.overrides, smtp.overrides));
const env = useWorld(overrides);

const deps = () => ({ database: env.t.database, cipher: env.t.cipher, config: env.t.config });
const pump = async (now = new Date()) =>
  sendDue(
    deps(),
    createSenders(deps(), () => undefined),
    now,
  );
const rows = (id: number) =>
  env.t.database.raw<{ channel: string; status: string; step: number; last_error: string | null }>(
    'select channel, status, step, last_error from deliveries where announcement_id = $1 order by step',
    [id],
  );
async function announce(title: string, extra: Record<string, unknown> = {}) {
  const made = await env.w.agents.leaderA.post('/api/announcements', {
    title,
    body: '<p>Họp tổ lúc 19:30 tại nhà văn hóa</p>',
    category: 'EVENT',
    priority: 'URGENT',
    audience: { unitIds: [env.w.groupA1.id] },
    ...extra,
  });
  expect(made.statusCode).toBe(201);
  const sent = await env.w.agents.leaderA.post(`/api/announcements/${made.json().id}/send`);
  expect(sent.statusCode).toBe(200);
  return made.json().id as number;
}
async function webhook(event: Record<string, unknown>, signature?: string) {
  const raw = JSON.stringify({ app_id: '1234567890', oa_id: '99887766', timestamp: String(Date.now()), ...event });
  const timestamp = String((JSON.parse(raw) as { timestamp: string }).timestamp);
  return env.t.app.inject({
    method: 'POST',
    url: '/api/public/zalo/webhook',
    payload: raw,
    headers: { 'content-type': 'application/json', 'x-zevent-signature': signature ?? zalo.sign(raw, timestamp) },
  });
}
async function join(phone: string, channels: unknown[]) {
  expect(
    (await env.t.app.inject({ method: 'POST', url: `/api/public/groups/${env.w.groupA1.id}/code`, payload: { phone } }))
      .statusCode,
  ).toBe(202);
  return env.t.app.inject({
    method: 'POST',
    url: `/api/public/groups/${env.w.groupA1.id}/join`,
    payload: { phone, code: sms.codeSentTo(phone.replace(/^0/, '+84')), channels },
  });
}

describe('channels, fallback and the Zalo webhook', () => {
  let anToken = '';
  // Bình's own phone is on record for her, so it names her household when she joins.
  beforeAll(async () => {
    await env.t.database.raw('update residents set phone_enc = $1, phone_bidx = $2 where id = $3', [
      env.t.cipher.encrypt('+84987654321'),
      env.t.cipher.blindIndex('+84987654321', 'phone'),
      env.w.residents.binh.id,
    ]);
  });

  it('links a Zalo follower by the code shown at joining, with the webhook signature checked and events applied once', async () => {
    const joined = await join('0912345678', [
      { channel: 'ZALO' },
      { channel: 'SMS' },
      { channel: 'EMAIL', email: 'an.nguyen@example.vn' },
    ]);
    expect(joined.statusCode).toBe(201);
    const body = joined.json();
    expect(body).toMatchObject({ groupName: 'Thôn Đông', address: 'Số 7, ngõ 3, thôn Đông', zaloOaId: '99887766' });
    expect(body.zaloLinkCode).toMatch(/^[A-Z2-9]{8}$/);
    anToken = body.manageToken;

    expect(
      (await webhook({ event_name: 'follow', follower: { id: 'zl-an' } }, `mac=${'0'.repeat(64)}`)).statusCode,
    ).toBe(403);
    expect((await webhook({ event_name: 'follow', follower: { id: 'zl-an' } })).json()).toEqual({
      ok: true,
      duplicate: false,
    });
    const text = {
      event_name: 'user_send_text',
      sender: { id: 'zl-an' },
      message: { msg_id: 'msg-1', text: `Ma cua toi: ${body.zaloLinkCode.toLowerCase()}` },
    };
    expect((await webhook(text)).json()).toEqual({ ok: true, duplicate: false });
    expect((await webhook(text)).json()).toEqual({ ok: true, duplicate: true });
    const me = await env.t.app.inject({
      method: 'GET',
      url: '/api/public/membership',
      headers: { 'x-member-token': anToken },
    });
    expect(me.json().channels.map((c: { channel: string; active: boolean }) => [c.channel, c.active])).toEqual([
      ['ZALO', true],
      ['SMS', true],
      ['EMAIL', true],
    ]);
  });

  it('sends on the first channel (Zalo, token refreshed and rotated), counts a seen receipt as read, and falls back Zalo → SMS → email', async () => {
    const first = await announce('Họp tổ tháng 12');
    await pump();
    expect(zalo.state.oa).toHaveLength(1);
    expect(zalo.state.oa[0]).toMatchObject({ userId: 'zl-an' });
    expect(zalo.state.oa[0]!.text).toContain('Họp tổ tháng 12');
    expect(zalo.state.refreshes).toBe(1);
    const [stored] = await env.t.database.raw<{ refresh_enc: string }>('select refresh_enc from zalo_tokens');
    expect(env.t.cipher.decrypt(stored!.refresh_enc)).toBe('refresh-1');
    expect(await rows(first)).toMatchObject([{ channel: 'ZALO', status: 'delivered' }]);
    await webhook({ event_name: 'user_seen_message', sender: { id: 'zl-an' }, message: { msg_ids: ['oa-msg-1'] } });
    const reach = (await env.w.agents.leaderA.get(`/api/announcements/${first}/reach`)).json();
    expect(reach.totals).toMatchObject({ targeted: 1, reached: 1, read: 1 });

    // Zalo refuses (outside the 48-hour window): SMS goes instead; the gateway then refuses the number: email.
    zalo.state.refused.add('zl-an');
    sms.failures.push(400);
    const second = await announce('Lịch tiêm chủng');
    await pump();
    await pump();
    await pump();
    expect(await rows(second)).toMatchObject([
      { channel: 'ZALO', status: 'permanent-failure', step: 0 },
      { channel: 'SMS', status: 'permanent-failure', step: 1 },
      { channel: 'EMAIL', status: 'delivered', step: 2 },
    ]);
    const mail = smtp.received.find((m) => m.raw.includes('ketnoi-delivery-'))!;
    expect(mail.to).toEqual(['an.nguyen@example.vn']);
    const headers = mail.raw.replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toMatch(
      /List-Unsubscribe: +<https:\/\/ketnoi\.example\.vn\/api\/public\/channels\/unsubscribe\?c=\d+&t=/,
    );
    expect(bodyOf(mail.raw)).toContain('Họp tổ lúc 19:30');

    // The email's unsubscribe link switches that channel off (the one-click POST mail clients send).
    const link = /List-Unsubscribe: +<https:\/\/ketnoi\.example\.vn(\/api\/public\/channels\/unsubscribe\?[^>]+)>/.exec(
      headers,
    )![1]!;
    const off = await env.t.app.inject({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(off.json()).toEqual({ channel: 'EMAIL' });
    expect(
      (await env.t.app.inject({ method: 'POST', url: link.replace(/t=[^&]+/, `t=${'A'.repeat(22)}`) })).statusCode,
    ).toBe(404);

    // Unfollowing the OA switches the Zalo channel off too.
    await webhook({ event_name: 'unfollow', follower: { id: 'zl-an' } });
    const me = (
      await env.t.app.inject({ method: 'GET', url: '/api/public/membership', headers: { 'x-member-token': anToken } })
    ).json();
    expect(me.channels.map((c: { channel: string; active: boolean }) => [c.channel, c.active])).toEqual([
      ['ZALO', false],
      ['SMS', true],
      ['EMAIL', false],
    ]);
    expect(me.announcements.map((a: { title: string }) => a.title)).toEqual(['Lịch tiêm chủng', 'Họp tổ tháng 12']);
  });

  it('pushes to a browser subscription (VAPID, encrypted), drops a gone endpoint, and falls back to ZNS by phone', async () => {
    expect(
      (
        await env.t.app.inject({
          method: 'DELETE',
          url: '/api/public/membership',
          headers: { 'x-member-token': anToken },
        })
      ).statusCode,
    ).toBe(204);
    const subscription = push.subscribe();
    const joined = await join('0987654321', [{ channel: 'PUSH', subscription }, { channel: 'ZNS' }]);
    expect(joined.statusCode).toBe(201);
    const id = await announce('Cắt nước sáng mai', { translations: {} });
    await pump();
    expect(push.received).toHaveLength(1);
    expect(push.received[0]!.authorization).toMatch(/^vapid t=.+, k=.+/);
    expect(push.received[0]!.payload).toMatchObject({
      title: 'Cắt nước sáng mai',
      body: 'Họp tổ lúc 19:30 tại nhà văn hóa',
    });
    expect(push.received[0]!.payload.url).toMatch(new RegExp(`^https://ketnoi\\.example\\.vn/a/${id}\\?h=\\d+&t=`));
    expect(await rows(id)).toMatchObject([{ channel: 'PUSH', status: 'delivered' }]);

    push.gone.add(subscription.endpoint);
    const next = await announce('Phun thuốc muỗi');
    await pump();
    await pump();
    expect(await rows(next)).toMatchObject([
      { channel: 'PUSH', status: 'permanent-failure' },
      { channel: 'ZNS', status: 'delivered' },
    ]);
    expect(zalo.state.zns.at(-1)).toMatchObject({
      phone: '84987654321',
      templateId: '246810',
      data: { title: 'Phun thuốc muỗi', summary: 'Họp tổ lúc 19:30 tại nhà văn hóa' },
    });
    expect(zalo.state.zns.at(-1)!.trackingId).toMatch(/^ketnoi-delivery-\d+$/);
    const me = (
      await env.t.app.inject({
        method: 'GET',
        url: '/api/public/membership',
        headers: { 'x-member-token': joined.json().manageToken },
      })
    ).json();
    expect(me.channels.find((c: { channel: string }) => c.channel === 'PUSH').active).toBe(false);
  });

  it('keeps to the channel limits and the quiet hours, and drops what expired before it could go', async () => {
    // Days ahead of today, so queued messages (due now) are due at these moments whenever the test runs.
    const day = (ahead: number) => new Date(Date.now() + ahead * 86400_000).toISOString().slice(0, 10);
    const vn = (ahead: number, time: string) => new Date(`${day(ahead)}T${time}:00+07:00`);
    await env.t.database.raw(`update group_members set left_at = now()`);
    await env.t.database.raw(`update channel_limits set per_minute = 1 where channel = 'SMS'`);
    const a = await announce('Thông báo 1');
    const b = await announce('Thông báo 2');
    expect(await pump(vn(2, '10:00'))).toMatchObject({ delivered: 1 });
    expect(await pump(vn(2, '10:00'))).toMatchObject({ delivered: 0 });
    expect(await pump(vn(2, '10:01'))).toMatchObject({ delivered: 1 });
    expect([...(await rows(a)), ...(await rows(b))].map((r) => r.status)).toEqual(['delivered', 'delivered']);
    await env.t.database.raw(`update channel_limits set per_minute = 600 where channel = 'SMS'`);

    const night = await announce('Lịch thu gom rác', { priority: 'NORMAL' });
    const emergency = await announce('Cảnh báo lũ', { priority: 'NORMAL', category: 'EMERGENCY' });
    await pump(vn(2, '22:30'));
    expect((await rows(night))[0]!.status).toBe('created');
    expect((await rows(emergency))[0]!.status).toBe('delivered');
    await pump(vn(3, '07:00'));
    expect((await rows(night))[0]!.status).toBe('delivered');

    const stale = await announce('Hết hạn', { priority: 'NORMAL', expiresAt: vn(4, '08:00').toISOString() });
    await pump(vn(4, '09:00'));
    expect(await rows(stale)).toMatchObject([
      { status: 'permanent-failure', last_error: 'expired before it could be sent' },
    ]);
  });

  it("applies the SMS gateway's signed delivery reports: undeliverable after acceptance falls back to the next channel", async () => {
    const joined = await join('0912345678', [{ channel: 'SMS' }, { channel: 'EMAIL', email: 'an.nguyen@example.vn' }]);
    expect(joined.statusCode).toBe(201);
    const id = await announce('Lịch cắt điện');
    await pump();
    const [sent] = await env.t.database.raw<{ id: number; status: string }>(
      'select id, status from deliveries where announcement_id = $1',
      [id],
    );
    expect(sent!.status).toBe('delivered');
    const report = (body: unknown, secret = 'sms-gateway-callback-secret') => {
      const raw = JSON.stringify(body);
      return env.t.app.inject({
        method: 'POST',
        url: '/api/public/sms/reports',
        payload: raw,
        headers: {
          'content-type': 'application/json',
          'x-signature': createHmac('sha256', secret).update(raw).digest('hex'),
        },
      });
    };
    const undeliverable = {
      reference: `ketnoi-delivery-${sent!.id}`,
      status: 'permanent-failure',
      error: 'handset unreachable for 72 hours',
    };
    expect((await report(undeliverable, 'not-the-gateway-secret')).statusCode).toBe(403);
    expect((await report(undeliverable)).json()).toEqual({ known: true });
    expect((await report(undeliverable)).json()).toEqual({ known: true });
    expect((await report({ reference: 'ketnoi-delivery-999999', status: 'delivered' })).json()).toEqual({
      known: false,
    });
    await pump();
    expect(await rows(id)).toMatchObject([
      { channel: 'SMS', status: 'permanent-failure', step: 0, last_error: 'handset unreachable for 72 hours' },
      { channel: 'EMAIL', status: 'delivered', step: 1 },
    ]);
  });

  it('sends the joining code by Zalo (ZNS OTP template) to people who do not use SMS', async () => {
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/groups/${env.w.groupA1.id}` })).json().codeBy,
    ).toEqual(['SMS', 'ZALO']);
    const sentBefore = sms.messages.length;
    expect(
      (
        await env.t.app.inject({
          method: 'POST',
          url: `/api/public/groups/${env.w.groupA1.id}/code`,
          payload: { phone: '0987654321', by: 'ZALO' },
        })
      ).statusCode,
    ).toBe(202);
    expect(sms.messages.length).toBe(sentBefore);
    const otp = zalo.state.zns.at(-1)!;
    expect(otp).toMatchObject({ phone: '84987654321', templateId: '135790' });
    expect(otp.data.otp).toMatch(/^\d{6}$/);
    const joined = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/groups/${env.w.groupA1.id}/join`,
      payload: { phone: '0987654321', code: otp.data.otp, channels: [{ channel: 'ZNS' }] },
    });
    expect(joined.statusCode, joined.body).toBe(201);
  });
});
