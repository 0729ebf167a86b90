import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { sendDue, type Senders } from './deliveries.js';
import { Refused, type Channel, type ChannelSender } from './senders.js';

// No provider is configured in this world (the channels page and the preview say so); the pipeline is driven by hand
// with stand-in senders, so each outcome — delivered, refused, provider not configured — is chosen by the test.
const env = useWorld({ DELIVERY_WORKER: 'off' });
const deps = () => ({ database: env.t.database, cipher: env.t.cipher, config: env.t.config });
const ok = (channel: Channel): ChannelSender => ({ channel, configured: true, send: async () => ({}) });
const refusing = (channel: Channel): ChannelSender => ({
  channel,
  configured: true,
  send: async () => {
    throw new Refused('Zalo -213: user has not followed the OA');
  },
});
const absent = (channel: Channel): ChannelSender => ({ channel, configured: false, send: async () => ({}) });
const pump = (senders: Senders) => sendDue(deps(), senders, new Date());

/** Group A2's household joins its channel: Zalo first, then email. */
async function joinA2() {
  const { t, w } = env;
  const [member] = await t.database.raw<{ id: number }>(
    `insert into group_members (group_id, household_id, resident_id, phone_enc, phone_bidx, manage_token_hash)
     values ($1, $2, $3, $4, $5, 'tok-a2') returning id`,
    [w.groupA2.id, w.households.hA2.id, w.residents.cuong.id, t.cipher.encrypt('+84977000111'), 'bidx-a2'],
  );
  await t.database.raw(
    `insert into member_channels (member_id, channel, rank, address_enc) values ($1, 'ZALO', 1, $2), ($1, 'EMAIL', 2, $3)`,
    [member!.id, t.cipher.encrypt('follower-a2'), t.cipher.encrypt('cuong@example.vn')],
  );
}

async function sendToCommune(title: string) {
  const made = await env.w.agents.leaderA.post('/api/announcements', {
    title,
    body: '<p>Họp tổ lúc 19:30 tại nhà văn hóa</p>',
    category: 'EVENT',
    priority: 'URGENT',
    audience: { unitIds: [env.w.communeA.id] },
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as number;
  expect((await env.w.agents.leaderA.post(`/api/announcements/${id}/send`)).statusCode).toBe(200);
  return id;
}

describe('POST /api/announcements/audience (the pre-send split)', () => {
  it('200: counts households per first channel, those with no channel at all, and the unconfigured channels relied on', async () => {
    const before = await env.w.agents.leaderA.post('/api/announcements/audience', { unitIds: [env.w.communeA.id] });
    expect(before.statusCode, before.body).toBe(200);
    // An's household has his phone on record (an SMS); the boarding house has no phone and no channel.
    expect(before.json().reach).toEqual({
      perPerson: false,
      channels: [{ channel: 'SMS', recipients: 1, configured: false }],
      none: 1,
      unconfigured: ['SMS'],
    });
    await joinA2();
    const after = await env.w.agents.leaderA.post('/api/announcements/audience', { unitIds: [env.w.communeA.id] });
    expect(after.json().reach).toMatchObject({
      channels: [
        { channel: 'ZALO', recipients: 1 },
        { channel: 'SMS', recipients: 1 },
      ],
      none: 0,
      unconfigured: ['ZALO', 'SMS'],
    });
  });
});

describe('GET /api/announcements/{id}/deliveries', () => {
  let id = 0;
  it('200: per channel and reason, the same counts as the deliveries table, and the fallback each household took', async () => {
    id = await sendToCommune('Họp tổ dân phố');
    // An's SMS goes; the boarding house's Zalo is refused, so its email is queued and finds no provider.
    await pump({ SMS: ok('SMS'), ZALO: refusing('ZALO'), EMAIL: absent('EMAIL') });
    await pump({ SMS: ok('SMS'), ZALO: refusing('ZALO'), EMAIL: absent('EMAIL') });
    const table = await env.t.database.raw<{ channel: string; status: string; reason: string | null; n: number }>(
      `select channel, status, reason, count(*)::int as n from deliveries where announcement_id = $1
       group by 1, 2, 3 order by 1`,
      [id],
    );
    expect(table).toEqual([
      { channel: 'EMAIL', status: 'technical-failure', reason: 'NOT_CONFIGURED', n: 1 },
      { channel: 'SMS', status: 'delivered', reason: null, n: 1 },
      { channel: 'ZALO', status: 'permanent-failure', reason: 'REFUSED', n: 1 },
    ]);
    const res = await env.w.agents.leaderA.get(`/api/announcements/${id}/deliveries`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const channel = (c: string) => body.channels.find((x: { channel: string }) => x.channel === c);
    expect(channel('SMS')).toMatchObject({
      configured: false,
      queued: 0,
      sent: 0,
      delivered: 1,
      failed: 0,
      reasons: [],
    });
    expect(channel('ZALO')).toMatchObject({ failed: 1, reasons: [{ reason: 'REFUSED', state: 'failed', count: 1 }] });
    expect(channel('EMAIL')).toMatchObject({
      failed: 1,
      reasons: [{ reason: 'NOT_CONFIGURED', state: 'failed', count: 1 }],
    });
    expect(body.chains).toEqual(
      expect.arrayContaining([
        { channels: ['SMS'], outcome: 'delivered', recipients: 1 },
        { channels: ['ZALO', 'EMAIL'], outcome: 'failed', recipients: 1 },
      ]),
    );
    expect(body.retryable).toBe(1);
  });

  it('200: lists the messages behind a count with their chain; a group head sees only their own households', async () => {
    const failed = await env.w.agents.leaderA.get(`/api/announcements/${id}/deliveries/messages?state=failed`);
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().items).toHaveLength(2);
    const email = await env.w.agents.leaderA.get(`/api/announcements/${id}/deliveries/messages?reason=NOT_CONFIGURED`);
    expect(email.json().items).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        state: 'failed',
        reason: 'NOT_CONFIGURED',
        recipient: 'Lê Đức Cường',
        retryable: true,
        chain: [
          { channel: 'ZALO', state: 'failed', reason: 'REFUSED' },
          { channel: 'EMAIL', state: 'failed', reason: 'NOT_CONFIGURED' },
        ],
      }),
    ]);
    // Group A1's head: only An's household (the boarding house is in A2).
    const head = await env.w.agents.headA1.get(`/api/announcements/${id}/deliveries`);
    expect(head.json()).toMatchObject({ part: true, retryable: 0 });
    expect(head.json().channels.filter((c: { delivered: number; failed: number }) => c.delivered + c.failed)).toEqual([
      expect.objectContaining({ channel: 'SMS', delivered: 1 }),
    ]);
    const headList = await env.w.agents.headA1.get(`/api/announcements/${id}/deliveries/messages`);
    expect(headList.body).not.toContain('Cường');
  });

  it('POST …/deliveries/retry: 409 for a permanent reason, 200 for the rest (audited), nothing when nothing is left', async () => {
    const rows = await env.t.database.raw<{ id: number; channel: string }>(
      'select id, channel from deliveries where announcement_id = $1',
      [id],
    );
    const zalo = rows.find((r) => r.channel === 'ZALO')!.id;
    const refused = await env.w.agents.leaderA.post(`/api/announcements/${id}/deliveries/retry`, {
      deliveryIds: [zalo],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DELIVERY_NOT_RETRYABLE');
    const byReason = await env.w.agents.leaderA.post(`/api/announcements/${id}/deliveries/retry`, {
      reason: 'REFUSED',
    });
    expect(byReason.statusCode).toBe(409);
    // Group A1's head has nothing failed in their part.
    const head = await env.w.agents.headA1.post(`/api/announcements/${id}/deliveries/retry`, {});
    expect(head.json()).toEqual({ retried: 0, notRetryable: 0 });

    const retried = await env.w.agents.leaderA.post(`/api/announcements/${id}/deliveries/retry`, {});
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ retried: 1, notRetryable: 0 });
    const [audit] = await env.t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'announcement.retry' and entity_id = $1`,
      [String(id)],
    );
    expect(audit!.details).toMatchObject({ retried: 1, part: false });
    // Once email is configured, the retried message goes.
    await pump({ EMAIL: ok('EMAIL') });
    const after = (await env.w.agents.leaderA.get(`/api/announcements/${id}/deliveries`)).json();
    expect(after.chains).toEqual(
      expect.arrayContaining([{ channels: ['ZALO', 'EMAIL'], outcome: 'delivered', recipients: 1 }]),
    );
    // Nothing left to retry but the refused Zalo message (not the last of its chain): nothing happens.
    const again = await env.w.agents.leaderA.post(`/api/announcements/${id}/deliveries/retry`, {});
    expect(again.json()).toEqual({ retried: 0, notRetryable: 0 });
  });

  it('404 for an announcement outside the caller’s units', async () => {
    expect((await env.w.agents.leaderB.get(`/api/announcements/${id}/deliveries`)).statusCode).toBe(404);
    expect((await env.w.agents.leaderB.post(`/api/announcements/${id}/deliveries/retry`, {})).statusCode).toBe(404);
  });
});

describe('GET /api/channels', () => {
  it("200: each provider's state — configured, last success, last error with its time and message, today's use", async () => {
    const res = await env.w.agents.leaderA.get('/api/channels');
    expect(res.statusCode, res.body).toBe(200);
    const state = (c: string) => res.json().items.find((x: { channel: string }) => x.channel === c);
    expect(state('SMS')).toMatchObject({
      configured: false,
      lastError: null,
      lastErrorReason: null,
      priceVnd: 850,
      priceIsDefault: true,
    });
    expect(state('SMS').lastSuccessAt).not.toBeNull();
    expect(state('SMS').usedToday).toBeGreaterThanOrEqual(1);
    // The reason code (shown translated) comes with the provider's own words (a detail line).
    expect(state('ZALO')).toMatchObject({
      lastSuccessAt: null,
      lastError: 'Zalo -213: user has not followed the OA',
      lastErrorReason: 'REFUSED',
    });
    expect(state('ZALO').lastErrorAt).not.toBeNull();
    // Email failed (no provider), then went once configured: both are on record.
    expect(state('EMAIL')).toMatchObject({
      lastError: 'EMAIL provider not configured',
      lastErrorReason: 'NOT_CONFIGURED',
    });
    expect(state('EMAIL').lastSuccessAt).not.toBeNull();
    expect(state('PUSH')).toMatchObject({
      lastSuccessAt: null,
      lastErrorAt: null,
      lastErrorReason: null,
      usedToday: 0,
    });
  });
});
