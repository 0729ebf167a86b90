import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useFakeZalo } from '../../../../test/fake-zalo.js';
import { useWorld } from '../../../../test/world.js';
import { groupMembers, memberChannels } from '../../db/schema/index.js';
import { createSenders } from '../announcements/deliveries.js';
import { createTicket } from './feedback.intake.js';
import { FEEDBACK_NOTIFY_QUEUE, notifyCitizen } from './feedback.notify.js';
import { zaloAttachments, zaloMediaLink, zaloMessageText } from './feedback.zalo.js';

// The Zalo round trip against the local fake Zalo and SMS gateway: a message to the OA becomes a ticket (the code
// and status link replied on Zalo), the answer goes back on Zalo within the 48-hour window and by ZNS outside it, the
// citizen's next message joins the ticket, and a repeated webhook delivery files nothing twice. The notify worker runs
// as in production (pg-boss), woken by the job each change queues.
const overrides: Record<string, string> = { DELIVERY_WORKER: 'off', PUBLIC_URL: 'https://ketnoi.example.vn' };
const zalo = useFakeZalo();
const sms = useFakeSms();
beforeAll(() => void Object.assign(overrides, zalo.overrides, sms.overrides));
const env = useWorld(overrides);

const MEMBER = 'zl-member-an';
const STRANGER = 'zl-stranger';
let msgSeq = 0;

async function webhook(event: Record<string, unknown>) {
  const raw = JSON.stringify({ app_id: '1234567890', oa_id: '99887766', timestamp: String(Date.now()), ...event });
  const timestamp = String((JSON.parse(raw) as { timestamp: string }).timestamp);
  const res = await env.t.app.inject({
    method: 'POST',
    url: '/api/public/zalo/webhook',
    payload: raw,
    headers: { 'content-type': 'application/json', 'x-zevent-signature': zalo.sign(raw, timestamp) },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { ok: true; duplicate: boolean };
}
const say = (from: string, text: string, msgId = `m-${++msgSeq}`) =>
  webhook({ event_name: 'user_send_text', sender: { id: from }, message: { msg_id: msgId, text } });

type Row = { id: number; code: string; lookup_token: string; channel: string; commune_id: number; body: string };
const ticketsOf = (follower: string) =>
  env.t.database.raw<Row & { language: string; sender_phone_enc: string | null; location_unit_id: number | null }>(
    'select * from tickets where sender_zalo_bidx = $1 order by id',
    [env.t.cipher.blindIndex(follower, 'zalo')],
  );
const eventsOf = (ticketId: number) =>
  env.t.database.raw<{ kind: string; body: string | null; public: boolean; data: Record<string, unknown> }>(
    'select kind, body, public, data from ticket_events where ticket_id = $1 order by id',
    [ticketId],
  );
const oaTo = (userId: string) => zalo.state.oa.filter((m) => m.userId === userId);

/** An officer of the commune accepts the ticket and sends an answer through the staff API (no approval needed). */
async function answer(ticketId: number, text: string, agent = env.w.agents.leaderA) {
  const version = (await agent.get(`/api/feedback/tickets/${ticketId}`)).json().version as number;
  const accepted = await agent.post(`/api/feedback/tickets/${ticketId}/accept`, { version });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const sent = await agent.put(`/api/feedback/tickets/${ticketId}/answer`, {
    version: accepted.json().version,
    answer: text,
    submit: true,
  });
  expect(sent.statusCode, sent.body).toBe(200);
  expect(sent.json()).toMatchObject({ status: 'ANSWERED', answerState: 'SENT' });
}

describe('Zalo messages to the OA and the notify worker', () => {
  beforeAll(async () => {
    const { t, w } = env;
    // An, a member of Thôn Đông's channel, linked her Zalo earlier; anyone else is filed under the default commune.
    const phone = '+84912000111';
    const [member] = await t.database.db
      .insert(groupMembers)
      .values({
        groupId: w.groupA1.id,
        householdId: w.households.hA1.id,
        phoneEnc: t.cipher.encrypt(phone),
        phoneBidx: t.cipher.blindIndex(phone, 'phone'),
        language: 'vi',
        manageTokenHash: randomBytes(16).toString('hex'),
      })
      .returning();
    await t.database.db.insert(memberChannels).values({
      memberId: member!.id,
      channel: 'ZALO',
      rank: 1,
      addressEnc: t.cipher.encrypt(MEMBER),
      addressBidx: t.cipher.blindIndex(MEMBER, 'zalo'),
    });
    t.config.zalo.feedbackCommune = w.communeB.code;
  });

  it("files a member's message as a ticket of her commune and replies on Zalo with the code and status link; a repeated delivery files nothing", async () => {
    const first = await say(MEMBER, 'Đèn đường ngõ 3 thôn Đông bị hỏng ba hôm nay, tối rất tối.', 'msg-lamp');
    expect(first).toEqual({ ok: true, duplicate: false });
    expect(await say(MEMBER, 'Đèn đường ngõ 3 thôn Đông bị hỏng ba hôm nay, tối rất tối.', 'msg-lamp')).toEqual({
      ok: true,
      duplicate: true,
    });
    const [ticket, ...more] = await ticketsOf(MEMBER);
    expect(more).toHaveLength(0);
    expect(ticket).toMatchObject({
      channel: 'ZALO',
      commune_id: env.w.communeA.id,
      location_unit_id: env.w.groupA1.id,
      body: 'Đèn đường ngõ 3 thôn Đông bị hỏng ba hôm nay, tối rất tối.',
    });
    expect(ticket!.code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    // Her phone comes from the registry's member record: the fallback outside Zalo's window.
    expect(env.t.cipher.decrypt(ticket!.sender_phone_enc!)).toBe('+84912000111');

    await vi.waitFor(() => expect(oaTo(MEMBER)).toHaveLength(1), { timeout: 10_000 });
    const reply = oaTo(MEMBER)[0]!.text;
    expect(reply).toContain(ticket!.code);
    expect(reply).toContain(`https://ketnoi.example.vn/q/${ticket!.lookup_token}`);
    expect(reply).toContain('Xã An Hòa đã nhận phản ánh, kiến nghị');
    await vi.waitFor(async () =>
      expect((await eventsOf(ticket!.id)).find((e) => e.kind === 'NOTIFIED')?.data).toMatchObject({
        notify: 'RECEIVED',
        state: 'SENT',
        channel: 'ZALO',
      }),
    );
    const audit = await env.t.database.raw<{ action: string }>(
      "select action from audit_log where entity_type = 'ticket' and entity_id = $1",
      [String(ticket!.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['ticket.create']);
  });

  it("joins her next message (and an image, kept as a link on Zalo's CDN) to the open ticket, acknowledged on Zalo", async () => {
    const [ticket] = await ticketsOf(MEMBER);
    await say(MEMBER, 'Bổ sung: cột đèn số 12 cạnh nhà văn hóa.');
    await webhook({
      event_name: 'user_send_image',
      sender: { id: MEMBER },
      message: {
        msg_id: `m-${++msgSeq}`,
        text: '',
        attachments: [
          { type: 'image', payload: { url: 'https://photo-stal-1.zdn.vn/abc/cot-den.jpg', thumbnail: 'x' } },
          { type: 'image', payload: { url: 'http://evil.example.com/x.jpg' } },
        ],
      },
    });
    expect(await ticketsOf(MEMBER)).toHaveLength(1);
    const messages = (await eventsOf(ticket!.id)).filter((e) => e.kind === 'CITIZEN_MESSAGE');
    expect(messages.map((m) => [m.body, m.public])).toEqual([
      ['Bổ sung: cột đèn số 12 cạnh nhà văn hóa.', true],
      ['[Ảnh: https://photo-stal-1.zdn.vn/abc/cot-den.jpg]\n[Ảnh]', true],
    ]);
    await vi.waitFor(() => expect(oaTo(MEMBER)).toHaveLength(3), { timeout: 10_000 });
    expect(oaTo(MEMBER)[1]!.text).toContain(`Đã nhận thêm thông tin cho phản ánh ${ticket!.code}`);
  });

  it('sends the answer on Zalo within the 48-hour window, once however often the job runs', async () => {
    const [ticket] = await ticketsOf(MEMBER);
    await answer(ticket!.id, 'Điện lực xã đã thay bóng đèn cột số 12 sáng nay. Cảm ơn bà đã báo.');
    await vi.waitFor(() => expect(oaTo(MEMBER)).toHaveLength(4), { timeout: 10_000 });
    const sent = oaTo(MEMBER)[3]!.text;
    expect(sent).toContain(`Trả lời phản ánh, kiến nghị ${ticket!.code}`);
    expect(sent).toContain('Điện lực xã đã thay bóng đèn cột số 12 sáng nay.');
    expect(sent).toContain(`/q/${ticket!.lookup_token}`);

    // A retried or repeated job finds the notice already given.
    const deps = { ...env.t };
    const senders = createSenders(deps, () => undefined);
    expect(await notifyCitizen(deps, senders, { ticketId: ticket!.id, kind: 'ANSWERED' })).toEqual({
      state: 'ALREADY',
    });
    expect(oaTo(MEMBER)).toHaveLength(4);
    const notified = (await eventsOf(ticket!.id)).filter((e) => e.kind === 'NOTIFIED');
    expect(notified.map((e) => [e.data.notify, e.data.channel, e.public])).toEqual([
      ['RECEIVED', 'ZALO', false],
      ['APPENDED', 'ZALO', false],
      ['APPENDED', 'ZALO', false],
      ['ANSWERED', 'ZALO', false],
    ]);
  });

  it('files a stranger under the default commune, and answers by ZNS or SMS once the 48-hour window has closed', async () => {
    await say(STRANGER, 'Cho hỏi thủ tục đăng ký tạm trú cần giấy tờ gì?');
    const [ticket] = await ticketsOf(STRANGER);
    expect(ticket).toMatchObject({ commune_id: env.w.communeB.id, location_unit_id: null, sender_phone_enc: null });
    await vi.waitFor(() => expect(oaTo(STRANGER)).toHaveLength(1), { timeout: 10_000 });

    // Neither Zalo (window closed) nor a phone: nobody can be told, and the journal says so.
    await env.t.database.raw(
      "update zalo_followers set last_interaction_at = now() - interval '49 hours' where follower_id = $1",
      [STRANGER],
    );
    const rejected = await env.w.agents.leaderB.post(`/api/feedback/tickets/${ticket!.id}/reject`, {
      version: 1,
      reason: 'Câu hỏi thuộc thẩm quyền Công an xã',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await vi.waitFor(async () =>
      expect((await eventsOf(ticket!.id)).filter((e) => e.kind === 'NOTIFIED').map((e) => e.data)).toMatchObject([
        { notify: 'RECEIVED', state: 'SENT', channel: 'ZALO' },
        { notify: 'REJECTED', state: 'UNREACHABLE', tried: [] },
      ]),
    );
    expect(oaTo(STRANGER)).toHaveLength(1);

    // The member's window closes too: her answer to a second question goes by ZNS to her phone. Her first question
    // was just answered, so "Mới:" makes this one a new question rather than a reply to that answer.
    await say(MEMBER, 'Mới: Cống thoát nước trước nhà số 7 bị tắc.');
    const second = (await ticketsOf(MEMBER)).at(-1)!;
    expect(second.body).toBe('Cống thoát nước trước nhà số 7 bị tắc.');
    await vi.waitFor(() => expect(oaTo(MEMBER)).toHaveLength(5), { timeout: 10_000 });
    await env.t.database.raw(
      "update zalo_followers set last_interaction_at = now() - interval '49 hours' where follower_id = $1",
      [MEMBER],
    );
    const zns = zalo.state.zns.length;
    await answer(second.id, 'Tổ vệ sinh môi trường sẽ thông cống vào sáng thứ Bảy.');
    await vi.waitFor(() => expect(zalo.state.zns).toHaveLength(zns + 1), { timeout: 10_000 });
    expect(zalo.state.zns.at(-1)).toMatchObject({
      phone: '84912000111',
      templateId: '246810',
      data: {
        title: `Trả lời phản ánh, kiến nghị ${second.code}`,
        summary: 'Tổ vệ sinh môi trường sẽ thông cống vào sáng thứ Bảy.',
        link: `https://ketnoi.example.vn/q/${second.lookup_token}`,
      },
    });
    expect(oaTo(MEMBER)).toHaveLength(5);
  });

  it("tells a web question's sender by SMS in their language, and by the mail outbox when there is only an email", async () => {
    const { t, w } = env;
    const made = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        channel: 'WEB',
        title: 'Garbage',
        body: 'Garbage not collected',
        senderPhone: '+84912000222',
        language: 'en',
      }),
    );
    await t.jobs.send(FEEDBACK_NOTIFY_QUEUE, { ticketId: made.id, kind: 'RECEIVED' });
    await vi.waitFor(() => expect(sms.messages.filter((m) => m.to === '+84912000222')).toHaveLength(1), {
      timeout: 10_000,
    });
    const text = sms.messages.find((m) => m.to === '+84912000222')!.text;
    expect(text).toContain(`Xã An Hòa has received your question ${made.code}`);
    expect(text).toContain(`https://ketnoi.example.vn/q/${made.lookupToken}`);

    // Reopened by the citizen (the public side queues RECEIVED again): told as a reopening, once.
    await t.database.raw(
      `insert into ticket_events (ticket_id, kind, from_status, to_status, actor_kind, public, data)
       values ($1, 'STATUS', 'ANSWERED', 'RECEIVED', 'CITIZEN', true, '{"reopened": true}')`,
      [made.id],
    );
    const deps0 = { ...t };
    const senders0 = createSenders(deps0, () => undefined);
    const reopened = { ticketId: made.id, kind: 'RECEIVED' } as const;
    expect(await notifyCitizen(deps0, senders0, reopened)).toEqual({ state: 'SENT', channel: 'SMS' });
    expect(await notifyCitizen(deps0, senders0, reopened)).toEqual({ state: 'ALREADY' });
    expect(await notifyCitizen(deps0, senders0, { ticketId: made.id, kind: 'TRANSFERRED' as 'RECEIVED' })).toEqual({
      state: 'GONE',
    });
    const toHer = sms.messages.filter((m) => m.to === '+84912000222');
    expect(toHer).toHaveLength(2);
    expect(toHer[1]!.text).toContain(`Your question ${made.code} has been reopened`);

    const mailed = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        channel: 'OPEN311',
        title: '道路',
        body: '道路に穴があります',
        senderEmail: 'tanaka@example.jp',
        language: 'ja',
      }),
    );
    const deps = { ...t };
    const outcome = await notifyCitizen(
      deps,
      createSenders(deps, () => undefined),
      {
        ticketId: mailed.id,
        kind: 'RECEIVED',
      },
    );
    expect(outcome).toEqual({ state: 'SENT', channel: 'EMAIL' });
    const [mail] = await t.database.raw<{ to_address: string; data: { subject: string; text: string } }>(
      "select to_address, data from mail_outbox where kind = 'FEEDBACK_NOTICE'",
    );
    expect(mail!.to_address).toBe('tanaka@example.jp');
    expect(mail!.data.subject).toBe(`Xã An Hòaはご意見・ご要望（${mailed.code}）を受け付けました`);
    expect(mail!.data.text).toContain(`/q/${mailed.lookupToken}`);
  });

  it("joins the citizen's reply to the answer she got, mails the officer who answered, and tells her how to reopen", async () => {
    const { t, w } = env;
    await t.database.raw('update users set email = $1 where username = $2', [
      'lanh.dao@an-hoa.example.vn',
      w.accounts.leaderA.username,
    ]);
    const answered = (await ticketsOf(MEMBER)).at(-1)!;
    const before = (await ticketsOf(MEMBER)).length;
    const replies = oaTo(MEMBER).length;
    await say(MEMBER, 'Cống vẫn còn tắc ở đoạn trước nhà số 9, nhờ xã xem lại.');
    expect(await ticketsOf(MEMBER)).toHaveLength(before);
    const joined = (await eventsOf(answered.id)).filter((e) => e.kind === 'CITIZEN_MESSAGE').at(-1)!;
    expect(joined).toMatchObject({ public: true, data: { afterAnswer: true } });
    expect(joined.body).toBe('Cống vẫn còn tắc ở đoạn trước nhà số 9, nhờ xã xem lại.');
    const [mail] = await t.database.raw<{ to_address: string; data: { subject: string; text: string } }>(
      "select to_address, data from mail_outbox where kind = 'FEEDBACK_STAFF_NOTICE' order by id desc limit 1",
    );
    expect(mail!.to_address).toBe('lanh.dao@an-hoa.example.vn');
    expect(mail!.data.subject).toContain(answered.code);
    expect(mail!.data.text).toContain('nhờ xã xem lại');
    expect(mail!.data.text).toContain(`/feedback/${answered.id}`);
    // Her reply opened the 48-hour window again: told on Zalo, with the way to reopen and the way to ask anew.
    await vi.waitFor(() => expect(oaTo(MEMBER)).toHaveLength(replies + 1), { timeout: 10_000 });
    const told = oaTo(MEMBER).at(-1)!.text;
    expect(told).toContain(`Đã ghi tin nhắn vào phản ánh ${answered.code} (đã được trả lời)`);
    expect(told).toContain('"Mới:"');
    expect(told).toContain(`/q/${answered.lookup_token}`);
  });

  it('keeps a join link code as a link and nothing else, and reads attachments safely', async () => {
    const { t } = env;
    const [channel] = await t.database.raw<{ id: number }>(
      "insert into member_channels (member_id, channel, rank, link_code) select id, 'ZALO', 2, 'ABCD2345' from group_members limit 1 returning id",
    );
    await say('zl-linker', 'ma cua toi abcd2345');
    expect(await ticketsOf('zl-linker')).toHaveLength(0);
    const [linked] = await t.database.raw<{ address_bidx: string }>(
      'select address_bidx from member_channels where id = $1',
      [channel!.id],
    );
    expect(linked!.address_bidx).toBe(t.cipher.blindIndex('zl-linker', 'zalo'));

    expect(zaloMediaLink('https://s120-ava-talk.zadn.vn/a.jpg')).toBe('https://s120-ava-talk.zadn.vn/a.jpg');
    expect(zaloMediaLink('https://zdn.vn.evil.com/a.jpg')).toBeNull();
    expect(zaloMediaLink('https://user:pw@photo.zdn.vn/a.jpg')).toBeNull();
    expect(zaloMediaLink('javascript:alert(1)')).toBeNull();
    const parts = zaloAttachments([
      { type: 'location', payload: { coordinates: { latitude: '20.86', longitude: '106.68' } } },
      { type: 'location', payload: { coordinates: { latitude: '200', longitude: '106' } } },
      'junk',
    ]);
    expect(parts).toEqual([{ type: 'location', lat: 20.86, lng: 106.68 }, { type: 'location' }]);
    expect(zaloMessageText({ text: '', attachments: parts })).toBe('[Vị trí: 20.860000, 106.680000]\n[Vị trí]');
    expect(
      zaloMessageText({ text: '', attachments: [{ type: 'sticker', url: 'https://zalo-api.zadn.vn/s.png' }] }),
    ).toBe('');

    // A shared location is the new ticket's map point.
    await webhook({
      event_name: 'user_send_location',
      sender: { id: 'zl-walker' },
      message: {
        msg_id: `m-${++msgSeq}`,
        text: 'Ổ gà lớn ở đây',
        attachments: [{ type: 'location', payload: { coordinates: { latitude: '20.8612', longitude: '106.6801' } } }],
      },
    });
    const [pothole] = await t.database.raw<{ title: string; lat: number; lng: number; body: string }>(
      'select title, lat, lng, body from tickets where sender_zalo_bidx = $1',
      [t.cipher.blindIndex('zl-walker', 'zalo')],
    );
    expect(pothole).toEqual({
      title: 'Ổ gà lớn ở đây',
      lat: 20.8612,
      lng: 106.6801,
      body: 'Ổ gà lớn ở đây\n[Vị trí: 20.861200, 106.680100]',
    });
    // The reply is under way when the message is filed: waited for, so the file closes on a quiet app.
    await vi.waitFor(() => expect(oaTo('zl-walker')).toHaveLength(1), { timeout: 10_000 });
  });
});
