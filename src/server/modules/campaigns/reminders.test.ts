import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { sendDue } from '../announcements/deliveries.js';
import { smsOf, type Outgoing } from '../announcements/senders.js';
import { smsSegments, unaccented } from '../announcements/templates.js';
import { reminderSms } from './reminders.js';

// No SMS provider is configured here: the preview says so, and the messages simply fail (DELIVERY_WORKER off: queued).
const env = useWorld({ DELIVERY_WORKER: 'off' });

/** A campaign in group A1 with An's household (who has a phone on record) still to see. */
const campaignA1 = async () => (await env.w.f.campaignWithTarget(env.w.groupA1, env.w.households.hA1.id)).campaignId;

describe('the reminder SMS', () => {
  const campaign = { name: 'Cài đặt và kích hoạt định danh điện tử mức 2', deadline: '2026-12-15' };
  const link = `https://ketnoi.example.vn/a/1000000?h=10000000&t=${'x'.repeat(22)}`;

  it('writes Vietnamese without tone marks in GSM-7 (quotes and dashes too)', () => {
    expect(unaccented('Nhắc hộ gia đình Đinh – “Số 17”…')).toBe('Nhac ho gia dinh Dinh - "So 17"...');
    expect(smsSegments(unaccented('Ồ ạ ữ ặ ỷ')).encoding).toBe('GSM-7');
  });

  it('is short: two GSM-7 segments with the link by default, where the accented text would take more', () => {
    const plain = smsOf({ title: '', text: '', link, sms: reminderSms(campaign, false) });
    expect(plain).toBe(
      `Nhac: nha minh chua xong "Cai dat va kich hoat dinh danh dien tu...", han 15/12/2026. To cong nghe so se den ho tro. Huong dan:\n${link}`,
    );
    expect(smsSegments(plain)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    const accented = smsOf({ title: '', text: '', link, sms: reminderSms(campaign, true) });
    expect(accented).toContain('Nhắc: nhà mình chưa xong');
    expect(smsSegments(accented)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
  });
});

describe('POST /api/campaigns/{id}/remind/preview', () => {
  it('200: the households, their channels and an estimated SMS cost at the default price, marked as an estimate', async () => {
    const id = await campaignA1();
    const res = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind/preview`, {});
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      unitId: env.w.groupA1.id,
      households: 1,
      reach: { channels: [{ channel: 'SMS', recipients: 1, configured: false }], none: 0, unconfigured: ['SMS'] },
      guard: { intervalHours: 24, blocked: false, recentHouseholds: 0, lastSentAt: null },
      canOverride: false,
    });
    expect(p.cost).toMatchObject({ estimate: true, sms: { messages: 1, price: 850 }, zns: { messages: 0, total: 0 } });
    // The cost follows the SMS as it will go: its own short wording, unaccented by default (GSM-7), and the link.
    expect(p.cost.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(p.cost.sms.text).toMatch(/^Nhac: nha minh chua xong .*Huong dan:\n.+\/a\/\d+\?h=/s);
    expect(smsSegments(p.cost.sms.text).segments).toBe(p.cost.sms.segments);
    expect(p.cost.total).toBe(850 * p.cost.sms.segments);
    expect(p.cost.pricesAreDefaults).toBe(true);
  });

  it("uses the channel's contract price once set", async () => {
    const set = await env.w.agents.admin.put('/api/channels/limits/SMS', {
      perMinute: 600,
      perDay: 50000,
      priceVnd: 1000,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ priceVnd: 1000 });
    const p = (await env.w.agents.leaderA.post(`/api/campaigns/${await campaignA1()}/remind/preview`, {})).json();
    expect(p.cost.sms.price).toBe(1000);
    expect(p.cost.total).toBe(1000 * p.cost.sms.segments);
    expect(p.canOverride).toBe(true);
  });
});

describe('POST /api/campaigns/{id}/remind (the guard)', () => {
  it('409 REMINDER_TOO_SOON for a second reminder to the same households within 24 h; a group head cannot override (403)', async () => {
    const id = await campaignA1();
    const first = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {});
    expect(first.statusCode, first.body).toBe(201);
    const preview = (await env.w.agents.headA1.post(`/api/campaigns/${id}/remind/preview`, {})).json();
    expect(preview.guard).toMatchObject({ blocked: true, recentHouseholds: 1 });
    expect(Date.parse(preview.guard.nextAllowedAt) - Date.parse(preview.guard.lastSentAt)).toBe(24 * 3600_000);
    const second = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'REMINDER_TOO_SOON' });
    expect(second.json().detail).toContain('1 hộ');
    const headOverride = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {
      override: { reason: 'Nhắc lại gấp' },
    });
    expect(headOverride.statusCode).toBe(403);
    // The leader too is refused without an override.
    expect(
      (await env.w.agents.leaderA.post(`/api/campaigns/${id}/remind`, { unitId: env.w.groupA1.id })).statusCode,
    ).toBe(409);
  });

  it('201 when a leader overrides with a reason, which is audited', async () => {
    const id = await campaignA1();
    expect((await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {})).statusCode).toBe(201);
    const tooShort = await env.w.agents.leaderA.post(`/api/campaigns/${id}/remind`, { override: { reason: 'x' } });
    expect(tooShort.statusCode).toBe(400);
    const res = await env.w.agents.leaderA.post(`/api/campaigns/${id}/remind`, {
      unitId: env.w.groupA1.id,
      override: { reason: 'Hạn chót là ngày mai' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [audit] = await env.t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'campaign.remind-override' and entity_id = $1`,
      [String(id)],
    );
    expect(audit!.details).toMatchObject({
      reason: 'Hạn chót là ngày mai',
      remindedAgain: 1,
      announcementId: res.json().announcementId,
    });
  });

  it('sends the short SMS wording with the household’s link, as the preview priced it', async () => {
    const id = await campaignA1();
    const preview = (await env.w.agents.headA1.post(`/api/campaigns/${id}/remind/preview`, {})).json();
    expect((await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {})).statusCode).toBe(201);
    const sent: string[] = [];
    const capture = {
      channel: 'SMS' as const,
      configured: true,
      send: async (m: Outgoing) => {
        sent.push(smsOf(m));
        return {};
      },
    };
    const deps = { database: env.t.database, cipher: env.t.cipher, config: env.t.config };
    // The next 10:00 in Vietnam (03:00 UTC), after the reminder was queued and outside the quiet hours.
    const morning = new Date();
    morning.setUTCHours(3, 0, 0, 0);
    if (morning.getTime() <= Date.now()) morning.setUTCDate(morning.getUTCDate() + 1);
    await sendDue(deps, { SMS: capture }, morning);
    // Earlier reminders in this file are still queued (no worker here): each goes as its own short SMS.
    const [wording] = preview.cost.sms.text.split('\n');
    const ours = sent.filter((m) => m.startsWith(`${wording}\n`));
    expect(ours.length).toBeGreaterThan(0);
    for (const m of sent)
      expect(smsSegments(m)).toMatchObject({ encoding: 'GSM-7', segments: preview.cost.sms.segments });
  });

  it('lets a reminder through once the interval is over', async () => {
    const id = await campaignA1();
    const first = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {});
    await env.t.database.raw(`update announcements set sent_at = now() - interval '25 hours' where id = $1`, [
      first.json().announcementId,
    ]);
    expect((await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {})).statusCode).toBe(201);
  });
});
