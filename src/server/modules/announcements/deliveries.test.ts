import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { eventually } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { sendScheduled } from './announcements.service.js';
import { applyDeliveryReport, sendDue } from './deliveries.js';
import { sendableAt } from './delivery-queue.js';
import { smsChannel } from './senders.js';

const sms = useFakeSms();
const env = useWorld(sms.overrides);
const at = (local: string) => new Date(`${local}:00+07:00`);
const sender = () => ({ SMS: smsChannel(env.t.config, () => undefined) });
const deps = () => ({ database: env.t.database, cipher: env.t.cipher, config: env.t.config });

async function sentAnnouncement(priority = 'NORMAL') {
  const made = await env.w.agents.leaderA.post('/api/announcements', {
    title: 'Cắt điện',
    body: '<p>Thứ Bảy 8:00–11:00</p>',
    category: 'POLICY',
    priority,
    audience: { unitIds: [env.w.communeA.id] },
  });
  return made.json().id as number;
}

describe('quiet hours', () => {
  it('holds non-urgent messages from 21:00 to 07:00 Vietnam time; emergencies go at once', () => {
    expect(sendableAt(at('2026-11-24T22:30'), false).toISOString()).toBe(at('2026-11-25T07:00').toISOString());
    expect(sendableAt(at('2026-11-24T05:10'), false).toISOString()).toBe(at('2026-11-24T07:00').toISOString());
    expect(sendableAt(at('2026-11-24T10:00'), false).toISOString()).toBe(at('2026-11-24T10:00').toISOString());
    expect(sendableAt(at('2026-11-24T23:59'), true).toISOString()).toBe(at('2026-11-24T23:59').toISOString());
  });
});

describe('reach while messages wait', () => {
  it('lists households whose SMS waits out the night as waiting, with the time it goes, not as ones to visit', async () => {
    // Scheduled far ahead, then sent by the scheduler at 06:12 Vietnam time: the SMS waits for 07:00.
    const made = await env.w.agents.leaderA.post('/api/announcements', {
      title: 'Tiêm chủng',
      body: '<p>Sáng mai tại trạm y tế</p>',
      category: 'HEALTH',
      audience: { unitIds: [env.w.communeA.id] },
      scheduledAt: at('2099-01-05T06:00').toISOString(),
    });
    const id = made.json().id as number;
    expect((await env.w.agents.leaderA.post(`/api/announcements/${id}/send`)).json().status).toBe('SCHEDULED');
    expect(await sendScheduled(env.t.database, at('2099-01-05T06:12'))).toBeGreaterThan(0);
    const reach = (await env.w.agents.leaderA.get(`/api/announcements/${id}/reach`)).json();
    // Two households: An's SMS waits for 07:00; the boarding house has no channel at all and is the one to visit.
    expect(reach.waiting).toEqual({
      households: 1,
      byTime: [{ at: at('2099-01-05T07:00').toISOString(), households: 1 }],
    });
    expect(reach.notReached.map((h: { address: string }) => h.address)).toEqual(['Nhà trọ Hạnh Phúc, thôn Tây']);
  });
});

describe('the delivery pipeline', () => {
  it('sends one SMS per household through the gateway after sending, and the reach counts it', async () => {
    const id = await sentAnnouncement('URGENT');
    const sent = await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
    expect(sent.json()).toEqual({ status: 'SENT', households: 2, messages: 1 });
    const message = await eventually(async () => sms.messages.find((m) => m.text.startsWith('Cắt điện')));
    // The text, then the household's own link to the whole announcement (opening it counts as read).
    expect(message.to).toBe('+84912345678');
    expect(message.text).toMatch(
      new RegExp(`^Cắt điện\nThứ Bảy 8:00–11:00\nhttp://localhost:\\d+/a/${id}\\?h=\\d+&t=[\\w-]{22}$`),
    );
    expect(message.reference).toMatch(/^ketnoi-delivery-\d+$/);
    const reach = await eventually(async () => {
      const r = (await env.w.agents.leaderA.get(`/api/announcements/${id}/reach`)).json();
      return r.totals.reached === 1 ? r : undefined;
    });
    expect(reach.deliveries).toEqual({ delivered: 1 });
  });

  it('retries a temporary failure with backoff, gives up on a refusal, and resumes a crashed batch without sending twice', async () => {
    const id = await sentAnnouncement('URGENT');
    // Queue without the worker running: mark the announcement sent through the service path the route uses.
    sms.failures.push(500, 500, 500, 500, 500, 500);
    await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
    const row = async () =>
      (
        await env.t.database.raw<{ id: number; status: string; attempts: number }>(
          'select id, status, attempts from deliveries where announcement_id = $1',
          [id],
        )
      )[0]!;
    await eventually(async () => ((await row()).status === 'temporary-failure' ? true : undefined));
    sms.failures.length = 0;
    const later = new Date(Date.now() + 24 * 3600_000);
    await sendDue(deps(), sender(), later);
    expect(await row()).toMatchObject({ status: 'delivered' });
    const before = sms.messages.length;
    await sendDue(deps(), sender(), new Date(later.getTime() + 3600_000));
    expect(sms.messages.length).toBe(before);

    // A refusal (bad number) is permanent.
    const refused = await sentAnnouncement('URGENT');
    sms.failures.push(400);
    await env.w.agents.leaderA.post(`/api/announcements/${refused}/send`);
    await eventually(async () =>
      (
        await env.t.database.raw<{ status: string }>('select status from deliveries where announcement_id = $1', [
          refused,
        ])
      )[0]?.status === 'permanent-failure'
        ? true
        : undefined,
    );

    // A worker that died after claiming its batch: the rows stay "sending"; the next run sends each exactly once.
    const crashed = await sentAnnouncement('URGENT');
    await env.t.database.raw(`update announcements set status = 'SENT' where id = $1`, [crashed]);
    await env.t.database.raw(
      `insert into deliveries (announcement_id, household_id, channel, address_enc, status, updated_at)
      values ($1, $2, 'SMS', $3, 'sending', now() - interval '10 minutes')`,
      [crashed, env.w.households.hA1.id, env.t.cipher.encrypt('+84912345678')],
    );
    const [{ id: deliveryId }] = (await env.t.database.raw<{ id: number }>(
      'select id from deliveries where announcement_id = $1',
      [crashed],
    )) as [{ id: number }];
    await sendDue(deps(), sender());
    await sendDue(deps(), sender());
    expect(sms.messages.filter((m) => m.reference === `ketnoi-delivery-${deliveryId}`)).toHaveLength(1);
  });

  it('keeps a failure the gateway reported while the rest of its batch was still going out', async () => {
    const id = await sentAnnouncement('URGENT');
    // The gateway reports the number unreachable before it even answers the send.
    sms.hooks.beforeAnswer = (m) =>
      applyDeliveryReport(env.t.database, m.reference!, { status: 'permanent-failure', error: 'out of reach' });
    try {
      await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
      const status = () =>
        env.t.database.raw<{ status: string; reason: string | null }>(
          `select status, reason from deliveries where announcement_id = $1 and channel = 'SMS'`,
          [id],
        );
      const [row] = await eventually(async () => {
        const rows = await status();
        return rows[0] && rows[0].status !== 'sending' && rows[0].status !== 'created' ? rows : undefined;
      });
      await sendDue(deps(), sender());
      expect((await status())[0]).toEqual({ status: 'permanent-failure', reason: 'UNDELIVERABLE' });
      expect(row).toEqual({ status: 'permanent-failure', reason: 'UNDELIVERABLE' });
    } finally {
      sms.hooks.beforeAnswer = undefined;
    }
  });
});
