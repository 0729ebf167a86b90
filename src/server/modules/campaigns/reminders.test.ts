import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { smsSegments } from './reminders.js';

// No SMS provider is configured here: the preview says so, and the messages simply fail (DELIVERY_WORKER off: queued).
const env = useWorld({ DELIVERY_WORKER: 'off' });

/** A campaign in group A1 with An's household (who has a phone on record) still to see. */
const campaignA1 = async () => (await env.w.f.campaignWithTarget(env.w.groupA1, env.w.households.hA1.id)).campaignId;

describe('smsSegments', () => {
  it('counts 160 plain characters or 70 with Vietnamese accents per segment (153 / 67 when split)', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('Nhắc')).toBe(1);
    expect(smsSegments('ắ'.repeat(71))).toBe(2);
    expect(smsSegments('ắ'.repeat(300))).toBe(5);
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
    expect(p.cost.sms.segments).toBeGreaterThanOrEqual(2);
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

  it('lets a reminder through once the interval is over', async () => {
    const id = await campaignA1();
    const first = await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {});
    await env.t.database.raw(`update announcements set sent_at = now() - interval '25 hours' where id = $1`, [
      first.json().announcementId,
    ]);
    expect((await env.w.agents.headA1.post(`/api/campaigns/${id}/remind`, {})).statusCode).toBe(201);
  });
});
