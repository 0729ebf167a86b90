import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestContext } from '../../../../test/helpers.js';
import { buildWorld, type World } from '../../../../test/world.js';

// The demo's round trip (`npm start`): a resident writes to the OA from the sandbox page, the message goes through the
// app's signed webhook and becomes a question, and the OA's reply and the officer's answer land in the sandbox outbox
// under that person's phone.
let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await buildTestApp({ DELIVERY_WORKER: 'off', PUBLIC_URL: 'https://ketnoi.example.vn' }, { sandbox: true });
  w = await buildWorld(t);
  t.config.zalo.feedbackCommune = w.communeA.code;
});
afterAll(() => t.close());

describe('POST /api/sandbox/zalo-messages', () => {
  it("files a demo resident's message as a question and shows the OA's reply and the answer in the outbox", async () => {
    const leader = w.agents.leaderA;
    expect((await leader.post('/api/sandbox/zalo-messages', { phone: '0912', text: 'x' })).statusCode).toBe(400);
    const sent = await leader.post('/api/sandbox/zalo-messages', {
      phone: '0912 000 333',
      text: 'Xin hỏi lịch tiêm chủng tháng này ở trạm y tế xã?',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ sent: true, followerId: 'zl84912000333', mailbox: '+84912000333' });
    const [ticket] = await t.database.raw<{ id: number; code: string; lookup_token: string; commune_id: number }>(
      'select id, code, lookup_token, commune_id from tickets where sender_zalo_bidx = $1',
      [t.cipher.blindIndex('zl84912000333', 'zalo')],
    );
    expect(ticket!.commune_id).toBe(w.communeA.id);

    const outbox = async () =>
      (await leader.get('/api/sandbox/messages?mailbox=%2B84912000333')).json().items as {
        channel: string;
        text: string;
        link: string | null;
      }[];
    await vi.waitFor(async () => expect(await outbox()).toHaveLength(1), { timeout: 10_000 });
    const [reply] = await outbox();
    expect(reply).toMatchObject({ channel: 'ZALO', link: `https://ketnoi.example.vn/q/${ticket!.lookup_token}` });
    expect(reply!.text).toContain(ticket!.code);

    // The officer answers through the staff API; the worker sends it on Zalo (the window is open).
    const accepted = await leader.post(`/api/feedback/tickets/${ticket!.id}/accept`, { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const answered = await leader.put(`/api/feedback/tickets/${ticket!.id}/answer`, {
      version: accepted.json().version,
      answer: 'Trạm y tế tiêm chủng vào sáng thứ Năm hằng tuần.',
      submit: true,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await vi.waitFor(async () => expect(await outbox()).toHaveLength(2), { timeout: 10_000 });
    expect((await outbox())[1]!.text).toContain('Trạm y tế tiêm chủng vào sáng thứ Năm hằng tuần.');
  });
});
