import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Agent, type TestContext } from '../../../../test/helpers.js';
import { buildWorld, type World } from '../../../../test/world.js';
import { ConfigError, loadConfig } from '../../config.js';
import { createSenders, sendDue } from '../announcements/deliveries.js';
import { sandboxFollowerId, sandboxPushSubscription } from './sandbox.rules.js';
import { startSandbox } from './sandbox.js';

// The app built over the sandbox providers (as `npm start` runs it), the pipeline driven by hand (worker off) so
// each step is seen; delivery reports wait until the outbox is read (reportDelayMs 0 in tests).
let t: TestContext;
let w: World;
let leader: Agent;
beforeAll(async () => {
  t = await buildTestApp({ DELIVERY_WORKER: 'off', PUBLIC_URL: 'https://ketnoi.example.vn' }, { sandbox: true });
  w = await buildWorld(t);
  leader = w.agents.leaderA;
});
afterAll(() => t.close());

const deps = () => ({ database: t.database, cipher: t.cipher, config: t.config });
async function pumpAll() {
  for (let i = 0; i < 5; i++) {
    const r = await sendDue(
      deps(),
      createSenders(deps(), () => undefined),
    );
    if (r.delivered + r.failed === 0) return;
  }
}
const outbox = async (mailbox: string) => {
  const res = await leader.get(`/api/sandbox/messages?mailbox=${encodeURIComponent(mailbox)}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    channel: string;
    status: string;
    reason: string | null;
    title: string;
    text: string;
    link: string | null;
  }[];
};
const rows = (id: number) =>
  t.database.raw<{ channel: string; status: string; step: number; last_error: string | null; household_id: number }>(
    'select channel, status, step, last_error, household_id from deliveries where announcement_id = $1 order by household_id, step',
    [id],
  );

/** A household of group A1 whose head joined the group channel with these channels, in this order. */
async function member(householdId: number, residentId: number, phone: string, channels: [string, string][]) {
  const [m] = await t.database.raw<{ id: number }>(
    `insert into group_members (group_id, household_id, resident_id, phone_enc, phone_bidx, manage_token_hash)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      w.groupA1.id,
      householdId,
      residentId,
      t.cipher.encrypt(phone),
      t.cipher.blindIndex(phone, 'phone'),
      randomBytes(16).toString('hex'),
    ],
  );
  for (const [rank, [channel, address]] of channels.entries()) {
    await t.database.raw(
      'insert into member_channels (member_id, channel, rank, address_enc) values ($1, $2, $3, $4)',
      [m!.id, channel, rank + 1, t.cipher.encrypt(address)],
    );
  }
}
async function household(phone: string) {
  const h = await w.f.household(w.groupA1);
  const r = await w.f.resident(h, { head: true, phone });
  return { h, r };
}

describe('the sandbox providers', () => {
  let announcementId = 0;
  const household1 = () => w.households.hA1.id;

  it('GET /api/sandbox: 200 for announcement writers with the channels it stands in for; 403 for others', async () => {
    const res = await leader.get('/api/sandbox');
    expect(res.statusCode).toBe(200);
    expect(res.json().channels).toEqual({ ZALO: true, ZNS: true, SMS: true, EMAIL: true, PUSH: true });
    expect(res.json().rules.refusedSuffix).toBe('000');
    expect((await w.agents.teamA1.get('/api/sandbox')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/sandbox' })).statusCode).toBe(401);
  });

  it('delivers an announcement over Zalo, ZNS, SMS, email and push; a refused number fails with its reason and falls back', async () => {
    await member(household1(), w.residents.an.id, '+84912345678', [
      ['ZALO', sandboxFollowerId('+84912345678')],
      ['SMS', '+84912345678'],
    ]);
    const refused = await household('+84912345000');
    await member(refused.h.id, refused.r.id, '+84912345000', [
      ['SMS', '+84912345000'],
      ['EMAIL', 'lan.tran@example.vn'],
    ]);
    const zns = await household('+84912000102');
    await member(zns.h.id, zns.r.id, '+84912000102', [['ZNS', '+84912000102']]);
    const push = await household('+84912000103');
    const sub = sandboxPushSubscription(t.sandbox!.base, '+84912000103');
    await member(push.h.id, push.r.id, '+84912000103', [['PUSH', JSON.stringify(sub)]]);
    const unreachable = await household('+84912345999');
    await member(unreachable.h.id, unreachable.r.id, '+84912345999', [
      ['SMS', '+84912345999'],
      ['EMAIL', 'duc.le@example.vn'],
    ]);

    const made = await leader.post('/api/announcements', {
      title: 'Tạm ngừng cấp nước sáng mai',
      body: '<p>Ngừng cấp nước từ 7 giờ đến 11 giờ để sửa đường ống.</p>',
      category: 'EVENT',
      priority: 'URGENT',
      ackRequested: true,
      audience: { unitIds: [w.groupA1.id] },
    });
    expect(made.statusCode).toBe(201);
    announcementId = made.json().id;
    expect((await leader.post(`/api/announcements/${announcementId}/send`)).statusCode).toBe(200);
    await pumpAll();

    const an = await outbox('0912345678');
    expect(an.map((m) => [m.channel, m.status])).toEqual([['ZALO', 'accepted']]);
    expect(an[0]!.text).toContain('Tạm ngừng cấp nước sáng mai');
    expect(an[0]!.link).toMatch(new RegExp(`^https://ketnoi.example.vn/a/${announcementId}\\?h=\\d+&t=`));

    expect((await outbox('+84912000102')).map((m) => [m.channel, m.title])).toEqual([
      ['ZNS', 'Tạm ngừng cấp nước sáng mai'],
    ]);
    const pushed = await outbox('+84912000103');
    expect(pushed.map((m) => [m.channel, m.title, m.text])).toEqual([
      ['PUSH', 'Tạm ngừng cấp nước sáng mai', 'Ngừng cấp nước từ 7 giờ đến 11 giờ để sửa đường ống.'],
    ]);

    // The refused number: the gateway's 400 is in the outbox with its reason, the delivery failed with it, and the
    // household's next channel (email) got the message.
    const lan = await outbox('+84912345000');
    expect(lan.map((m) => [m.channel, m.status, m.reason])).toEqual([
      ['SMS', 'refused', 'Số thuê bao không tồn tại (400)'],
    ]);
    await pumpAll();
    const mail = await outbox('lan.tran@example.vn');
    expect(mail.map((m) => [m.channel, m.status, m.title])).toEqual([
      ['EMAIL', 'accepted', 'Tạm ngừng cấp nước sáng mai'],
    ]);
    expect(mail[0]!.text).toContain('Ngừng cấp nước từ 7 giờ');
    expect(mail[0]!.link).toContain(`/a/${announcementId}?h=${refused.h.id}&t=`);

    // Out of reach: accepted, then the gateway's signed report says undeliverable, and the email goes instead.
    const duc = await outbox('+84912345999');
    expect(duc.map((m) => [m.channel, m.status])).toEqual([['SMS', 'undeliverable']]);
    await pumpAll();
    expect((await outbox('duc.le@example.vn')).map((m) => m.channel)).toEqual(['EMAIL']);

    const byHousehold = new Map<number, string[]>();
    for (const r of await rows(announcementId))
      byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), `${r.channel}:${r.status}`]);
    expect(byHousehold.get(household1())).toEqual(['ZALO:delivered']);
    expect(byHousehold.get(refused.h.id)).toEqual(['SMS:permanent-failure', 'EMAIL:delivered']);
    expect(byHousehold.get(unreachable.h.id)).toEqual(['SMS:permanent-failure', 'EMAIL:delivered']);
    expect(byHousehold.get(zns.h.id)).toEqual(['ZNS:delivered']);
    expect(byHousehold.get(push.h.id)).toEqual(['PUSH:delivered']);
    const [failed] = (await rows(announcementId)).filter((r) => r.household_id === refused.h.id);
    expect(failed!.last_error).toBe('SMS refused by the gateway (400)');
    // The Zalo webhook (signed, through the real route) was taken once for the OA message.
    const events = await t.database.raw<{ event_name: string }>('select event_name from webhook_events');
    expect(events.map((e) => e.event_name)).toEqual(['user_received_message']);
  });

  it("opens the read link from the phone's message and acknowledges: the announcement's reach updates", async () => {
    const before = (await leader.get(`/api/announcements/${announcementId}/reach`)).json();
    expect(before.totals).toMatchObject({ reached: 5, read: 0, acknowledged: 0 });
    const link = new URL((await outbox('+84912345678'))[0]!.link!);
    const body = { h: Number(link.searchParams.get('h')), t: link.searchParams.get('t') };
    const opened = await t.app.inject({
      method: 'GET',
      url: `${link.pathname.replace('/a/', '/api/public/announcements/')}${link.search}`,
    });
    expect(opened.statusCode).toBe(200);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/public/announcements/${announcementId}/read`,
      payload: body,
    });
    expect(read.statusCode).toBeLessThan(300);
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/public/announcements/${announcementId}/ack`,
      payload: body,
    });
    expect(ack.statusCode).toBeLessThan(300);
    const after = (await leader.get(`/api/announcements/${announcementId}/reach`)).json();
    expect(after.totals).toMatchObject({ reached: 5, read: 1, acknowledged: 1 });
  });

  it('lists every mailbox that received something, newest first', async () => {
    const boxes = (await leader.get('/api/sandbox')).json().mailboxes as { mailbox: string; channels: string[] }[];
    expect(boxes.map((b) => b.mailbox).sort()).toEqual(
      [
        '+84912000102',
        '+84912000103',
        '+84912345000',
        '+84912345678',
        '+84912345999',
        'duc.le@example.vn',
        'lan.tran@example.vn',
      ].sort(),
    );
  });
});

describe('production', () => {
  const keys = {
    KETNOI_ENV: 'production',
    KETNOI_DATA_KEY: randomBytes(32).toString('base64'),
    KETNOI_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  it('refuses SANDBOX=on and never turns the sandbox on by itself', async () => {
    expect(() => loadConfig({ ...keys, SANDBOX: 'on' })).toThrow(ConfigError);
    expect(loadConfig(keys).sandbox.enabled).toBe(false);
    expect(loadConfig({ ...keys, KETNOI_ENV: undefined, NODE_ENV: 'production', SANDBOX: 'off' }).sandbox.enabled).toBe(
      false,
    );
    await expect(startSandbox(loadConfig(keys))).rejects.toThrow(/never run in production/);
  });
  it('is on by default outside production (npm start) and off in tests', () => {
    const dev = loadConfig({
      ...keys,
      KETNOI_ENV: 'development',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ketnoi-sandbox-')),
      PORT: '3100',
    });
    expect(dev.sandbox).toEqual({ enabled: true, port: 3101 });
    expect(loadConfig({ ...keys, KETNOI_ENV: 'test' }).sandbox.enabled).toBe(false);
  });
});
