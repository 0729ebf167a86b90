import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { bodyOf, useFakeSmtp } from '../../../../test/fake-smtp.js';
import { eventually } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { mailOutbox, ticketEvents, tickets } from '../../db/schema/index.js';
import { flushOutbox } from '../mail/mail.service.js';
import { remindDueTickets } from './feedback.reminders.js';
import { fileTicket } from './feedback.test-kit.js';

// Reminders reach people: email through the outbox over real SMTP, else SMS through the gateway, else "none" noted.
const sms = useFakeSms();
const smtp = useFakeSmtp(sms.overrides);
sms.overrides.PUBLIC_URL = 'https://ketnoi.example.vn';
const env = useWorld(sms.overrides);

// In March 2027, far past the machine's clock, so the app's own 15-minute sweep never takes these tickets first.
const RECEIVED = new Date('2027-03-01T08:00:00+07:00');
const LATE = new Date('2027-03-20T09:00:00+07:00');

async function officer(contact: { email?: string; phone?: string }) {
  const { w } = env;
  const u = await w.f.user('ONESTOP_OFFICER', w.communeA);
  if (contact.email || contact.phone) {
    const res = await w.agents.leaderA.patch(`/api/users/${u.id}`, contact);
    expect(res.statusCode, res.body).toBe(200);
  }
  return u;
}

async function assignedTicket(assigneeId: number, title: string) {
  const made = await fileTicket(env.t, env.w.communeA.id, { title, receivedAt: RECEIVED });
  await env.t.database.db.update(tickets).set({ assigneeId, status: 'ASSIGNED' }).where(eq(tickets.id, made.id));
  return made;
}

const reminders = async (ticketId: number) =>
  (await env.t.database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId))).filter(
    (e) => e.kind === 'REMINDED',
  );

describe('feedback reminders reach the people named', () => {
  it('emails an assignee with an email, texts one with a phone only, notes "none" for one with neither; once', async () => {
    const { t } = env;
    const byMail = await officer({ email: 'Can.Bo.Mot@Xa-An-Hoa.gov.vn', phone: '0912 111 222' });
    const bySms = await officer({ phone: '0913 222 333' });
    const nobody = await officer({});
    const a = await assignedTicket(byMail.id, 'Cống thoát nước tắc ở thôn Đông');
    const b = await assignedTicket(bySms.id, 'Rác thải chưa được thu gom');
    const c = await assignedTicket(nobody.id, 'Xin hướng dẫn cài VNeID');

    expect(await remindDueTickets(t, LATE)).toBeGreaterThanOrEqual(3);

    const [ea] = await reminders(a.id);
    expect(ea!.data).toMatchObject({ threshold: 'OVERDUE', reached: [{ userId: byMail.id, via: 'email' }] });
    const [eb] = await reminders(b.id);
    expect(eb!.data).toMatchObject({ reached: [{ userId: bySms.id, via: 'sms' }], smsPending: [] });
    const [ec] = await reminders(c.id);
    expect(ec!.data).toMatchObject({ reached: [{ userId: nobody.id, via: 'none' }] });

    // The email: queued with the event, sent by the outbox over SMTP (email preferred when both are on file).
    await flushOutbox(t);
    const mail = await eventually(async () => smtp.received.find((m) => m.to.includes('can.bo.mot@xa-an-hoa.gov.vn')));
    const text = bodyOf(mail.raw);
    expect(text).toContain(a.code);
    expect(text).toContain('Cống thoát nước tắc ở thôn Đông');
    expect(text).toContain('quá hạn giải quyết');
    expect(text).toMatch(/Hạn giải quyết: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\./);
    expect(text).toContain(`https://ketnoi.example.vn/feedback/${a.id}`);
    expect(sms.messages.filter((m) => m.to === '+84912111222')).toEqual([]);

    // The SMS: to the phone on file, with the code, due time and the console link.
    const texts = sms.messages.filter((m) => m.to === '+84913222333');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toContain(b.code);
    expect(texts[0]!.text).toContain('Rac thai chua duoc thu gom');
    expect(texts[0]!.text).toContain(`https://ketnoi.example.vn/feedback/${b.id}`);
    expect(texts[0]!.reference).toBe(`feedback-remind:${eb!.id}:${bySms.id}`);

    // A second sweep: no new event, no second mail row, no second text.
    const mails = async () =>
      (await t.database.db.select().from(mailOutbox)).filter((m) => m.kind === 'FEEDBACK_REMINDER').length;
    const before = await mails();
    await remindDueTickets(t, LATE);
    await flushOutbox(t);
    expect(await reminders(a.id)).toHaveLength(1);
    expect(await reminders(b.id)).toHaveLength(1);
    expect(await mails()).toBe(before);
    expect(sms.messages.filter((m) => m.to === '+84913222333')).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes('can.bo.mot@xa-an-hoa.gov.vn'))).toHaveLength(1);
  });

  it('an SMS the gateway could not take stays owed and goes with the next sweep, once', async () => {
    const { t } = env;
    const u = await officer({ phone: '0914 333 444' });
    const made = await assignedTicket(u.id, 'Đường ngập nước sau mưa');
    sms.failures.push(503);
    await remindDueTickets(t, LATE);
    const [event] = await reminders(made.id);
    expect(event!.data).toMatchObject({ reached: [{ userId: u.id, via: 'sms' }], smsPending: [String(u.id)] });
    expect(sms.messages.filter((m) => m.to === '+84914333444')).toEqual([]);

    await remindDueTickets(t, new Date(LATE.getTime() + 15 * 60_000));
    await remindDueTickets(t, new Date(LATE.getTime() + 30 * 60_000));
    expect(sms.messages.filter((m) => m.to === '+84914333444')).toHaveLength(1);
    expect((await reminders(made.id))[0]!.data).toMatchObject({ smsPending: [] });
  });

  it('no processor with a contact: the unit processors are named, each with how they were reached', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id, { title: 'Chưa ai nhận', receivedAt: RECEIVED });
    await remindDueTickets(t, LATE);
    const [event] = await reminders(made.id);
    const reached = event!.data.reached as { userId: number; via: string }[];
    expect(reached.map((r) => r.userId)).toEqual(event!.data.recipients);
    expect(reached.find((r) => r.userId === w.accounts.leaderA.id)).toEqual({
      userId: w.accounts.leaderA.id,
      via: 'none',
    });
  });
});
