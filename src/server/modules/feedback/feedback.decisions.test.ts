import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { ticketEvents, ticketFiles, tickets } from '../../db/schema/index.js';
import { tinyPng } from '../../../../test/factories.js';
import { remindDueTickets } from './feedback.reminders.js';
import { listQueue } from './feedback.service.js';
import { fileTicket } from './feedback.test-kit.js';

// Beside the status: extensions, merging duplicates (they follow the answer), abuse, publication, the views that
// count working hours, and the reminders.
const env = useWorld();

/** The notify jobs queued for a ticket (ZALO's worker takes them). */
async function notices(ticketId: number) {
  const rows = await env.t.database.raw<{ data: { ticketId: number; kind: string } }>(
    "select data from pgboss.job where name = 'feedback.notify'",
  );
  return rows.filter((r) => r.data.ticketId === ticketId).map((r) => r.data.kind);
}

const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((i) => i.id);

describe('extension', () => {
  it('requested by the officer (a date after the due date), granted by a leader: the due date moves, the citizen is told', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id);
    const id = made.id;
    const early = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/extension`, {
      version: 1,
      until: new Date(made.dueAt.getTime() - 3600_000).toISOString(),
      reason: 'Cần khảo sát',
    });
    expect(early.statusCode).toBe(400);
    expect(
      (await w.agents.leaderA.post(`/api/feedback/tickets/${id}/extension/decide`, { version: 1, approve: true }))
        .statusCode,
    ).toBe(409);
    const until = new Date(made.dueAt.getTime() + 5 * 86_400_000).toISOString();
    const asked = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/extension`, {
      version: 1,
      until,
      reason: 'Cần phối hợp với điện lực',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      extensionRequestedUntil: until,
      extensionReason: 'Cần phối hợp với điện lực',
    });
    expect(asked.json().actions).not.toContain('request_extension');
    expect(ids(await w.agents.leaderA.get('/api/feedback/tickets?view=approval'))).toContain(id);
    expect(
      (await w.agents.onestopA.post(`/api/feedback/tickets/${id}/extension/decide`, { version: 2, approve: true }))
        .statusCode,
    ).toBe(403);
    const granted = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/extension/decide`, {
      version: 2,
      approve: true,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ extendedDueAt: until, dueAt: until, extensionRequestedUntil: null });
    expect(granted.json().events.at(-1)).toMatchObject({ kind: 'EXTENSION_DECIDED', public: true });
    await eventually(async () => ((await notices(id)).includes('EXTENDED') ? true : undefined));
  });

  it('refused: the old due date stands', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id);
    const until = new Date(made.dueAt.getTime() + 2 * 86_400_000).toISOString();
    await w.agents.onestopA.post(`/api/feedback/tickets/${made.id}/extension`, { version: 1, until, reason: 'Chờ' });
    const refused = await w.agents.leaderA.post(`/api/feedback/tickets/${made.id}/extension/decide`, {
      version: 2,
      approve: false,
      note: 'Việc đơn giản, làm ngay',
    });
    expect(refused.json()).toMatchObject({ extendedDueAt: null, dueAt: made.dueAt.toISOString() });
    expect(refused.json().actions).toContain('request_extension');
  });
});

describe('merge', () => {
  it('a duplicate leaves the open lists and follows its target’s answer; each citizen is told', async () => {
    const { t, w } = env;
    const target = await fileTicket(t, w.communeA.id, { title: 'Ngập nước đường liên thôn' });
    const dup = await fileTicket(t, w.communeA.id, { title: 'Đường liên thôn ngập' });
    const other = await fileTicket(t, w.communeB.id);
    expect(
      (await w.agents.leaderA.post(`/api/feedback/tickets/${dup.id}/merge`, { version: 1, intoId: other.id }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.agents.admin.post(`/api/feedback/tickets/${dup.id}/merge`, { version: 1, intoId: other.id })).statusCode,
    ).toBe(400);
    expect(
      (await w.agents.leaderA.post(`/api/feedback/tickets/${dup.id}/merge`, { version: 1, intoId: dup.id })).statusCode,
    ).toBe(400);
    const merged = await w.agents.onestopA.post(`/api/feedback/tickets/${dup.id}/merge`, {
      version: 1,
      intoId: target.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ mergedIntoId: target.id, actions: ['note'] });
    const open = await w.agents.leaderA.get('/api/feedback/tickets?view=open');
    expect(ids(open)).toContain(target.id);
    expect(ids(open)).not.toContain(dup.id);
    expect(ids(await w.agents.leaderA.get('/api/feedback/tickets?view=finished'))).toContain(dup.id);
    const into = (await w.agents.leaderA.get(`/api/feedback/tickets/${target.id}`)).json();
    expect(into.merged).toEqual([{ id: dup.id, code: dup.code }]);

    await w.agents.leaderA.post(`/api/feedback/tickets/${target.id}/accept`, { version: 1 });
    const answered = await w.agents.leaderA.put(`/api/feedback/tickets/${target.id}/answer`, {
      version: 2,
      answer: 'Xã đã nạo vét cống ngày 06/12.',
      submit: true,
    });
    expect(answered.json().status).toBe('ANSWERED');
    const [d] = await t.database.db.select().from(tickets).where(eq(tickets.id, dup.id));
    expect(d).toMatchObject({ status: 'ANSWERED', answerState: 'SENT', answer: 'Xã đã nạo vét cống ngày 06/12.' });
    await eventually(async () => ((await notices(dup.id)).includes('ANSWERED') ? true : undefined));
    expect(await notices(target.id)).toContain('ANSWERED');

    // Merged into a ticket answered already: it takes the answer at once.
    const late = await fileTicket(t, w.communeA.id);
    await w.agents.leaderA.post(`/api/feedback/tickets/${late.id}/merge`, { version: 1, intoId: target.id });
    const [l] = await t.database.db.select().from(tickets).where(eq(tickets.id, late.id));
    expect(l).toMatchObject({ status: 'ANSWERED', mergedIntoId: target.id, answer: 'Xã đã nạo vét cống ngày 06/12.' });
  });
});

describe('abuse', () => {
  it('a leader marks it: hidden from every list but the abuse view, kept; an officer may not', async () => {
    const { t, w } = env;
    const { id } = await fileTicket(t, w.communeA.id, { title: 'Quảng cáo vay tiền' });
    expect(
      (await w.agents.onestopA.post(`/api/feedback/tickets/${id}/abuse`, { version: 1, reason: 'Spam' })).statusCode,
    ).toBe(403);
    const marked = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/abuse`, { version: 1, reason: 'Tin rác' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().abuseAt).not.toBeNull();
    for (const view of ['open', 'due_soon', 'overdue', 'finished', 'approval'])
      expect(ids(await w.agents.leaderA.get(`/api/feedback/tickets?view=${view}`)), view).not.toContain(id);
    expect(ids(await w.agents.leaderA.get('/api/feedback/tickets?view=abuse'))).toContain(id);
    expect((await w.agents.leaderA.get(`/api/feedback/tickets/${id}`)).statusCode).toBe(200);
  });
});

describe('publication', () => {
  it('previewed masked, published with the files chosen, taken down; refused when the sender did not allow it', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id, {
      publishable: true,
      senderName: 'Ma Văn Gửi',
      body: 'Tôi là Ma Văn Gửi, số điện thoại 0987000111, nhà số 7 ngõ 3 bị ngập.',
      files: [{ fileName: 'anh.png', mimeType: 'image/png', content: tinyPng }],
    });
    await w.agents.leaderA.post(`/api/feedback/tickets/${made.id}/accept`, { version: 1 });
    await w.agents.leaderA.put(`/api/feedback/tickets/${made.id}/answer`, {
      version: 2,
      answer: 'Đã khơi thông cống.',
      submit: true,
    });
    const preview = await w.agents.leaderA.get(`/api/feedback/tickets/${made.id}/publication/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().publicBody).not.toContain('Ma Văn Gửi');
    expect(preview.json().publicBody).not.toContain('0987000111');
    const [file] = await t.database.db.select().from(ticketFiles).where(eq(ticketFiles.ticketId, made.id));
    const published = await w.agents.leaderA.put(`/api/feedback/tickets/${made.id}/publication`, {
      version: 3,
      ...(preview.json() as object),
      publicFileIds: [file!.id],
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    expect(published.json().files[0].public).toBe(true);
    expect(published.json().actions).toContain('unpublish');
    const down = await w.agents.leaderA.request({
      method: 'DELETE',
      url: `/api/feedback/tickets/${made.id}/publication`,
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ publishedAt: null });
    expect(down.json().files[0].public).toBe(false);

    const secret = await fileTicket(t, w.communeA.id, { publishable: false });
    await w.agents.leaderA.post(`/api/feedback/tickets/${secret.id}/accept`, { version: 1 });
    await w.agents.leaderA.put(`/api/feedback/tickets/${secret.id}/answer`, {
      version: 2,
      answer: 'Đã xử lý.',
      submit: true,
    });
    const refused = await w.agents.leaderA.put(`/api/feedback/tickets/${secret.id}/publication`, {
      version: 3,
      publicTitle: 'Hỏi',
      publicBody: 'Nội dung',
      publicAnswer: 'Trả lời',
    });
    expect(refused.statusCode).toBe(409);
  });
});

describe('views in working hours, and reminders', () => {
  it('an urgent ticket of Friday afternoon is due soon over the weekend and overdue on Monday morning; reminded once per threshold', async () => {
    const { t, w } = env;
    // Friday 04/12/2026 15:00: four working hours are 15:00–17:00 and Monday 07:30–09:30.
    const made = await fileTicket(t, w.communeA.id, {
      severity: 'URGENT',
      receivedAt: new Date('2026-12-04T15:00:00+07:00'),
    });
    expect(made.dueAt.toISOString()).toBe(new Date('2026-12-07T09:30:00+07:00').toISOString());
    const calm = await fileTicket(t, w.communeA.id, { receivedAt: new Date('2026-12-04T15:00:00+07:00') });
    const scope = { permission: 'feedback.read' as const, prefixes: [w.communeA.path] };
    const by = (now: string) => ({
      userId: w.accounts.leaderA.id,
      actor: { userId: null, username: null, roles: null, unitId: null, ip: 'test', userAgent: null },
      now: new Date(now),
    });
    const query = (view: 'due_soon' | 'overdue') => ({ view, page: 1, pageSize: 200 });
    const saturday = '2026-12-05T10:00:00+07:00';
    const soon = await listQueue(t.database.db, scope, query('due_soon'), by(saturday));
    expect(soon.items.map((i) => i.id)).toContain(made.id);
    expect(soon.items.map((i) => i.id)).not.toContain(calm.id);
    expect(soon.items.find((i) => i.id === made.id)).toMatchObject({ dueSoon: true, overdue: false });
    expect(
      (await listQueue(t.database.db, scope, query('overdue'), by(saturday))).items.map((i) => i.id),
    ).not.toContain(made.id);
    const monday = '2026-12-07T09:31:00+07:00';
    const late = await listQueue(t.database.db, scope, query('overdue'), by(monday));
    expect(late.items.find((i) => i.id === made.id)).toMatchObject({ overdue: true, dueSoon: false });

    const reminded = async () =>
      (await t.database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, made.id))).filter(
        (e) => e.kind === 'REMINDED',
      );
    await remindDueTickets(t, new Date(saturday));
    await remindDueTickets(t, new Date(saturday));
    expect((await reminded()).map((e) => e.data.threshold)).toEqual(['DUE_SOON']);
    await remindDueTickets(t, new Date(monday));
    await remindDueTickets(t, new Date(monday));
    const events = await reminded();
    expect(events.map((e) => e.data.threshold)).toEqual(['DUE_SOON', 'OVERDUE']);
    expect(events[1]!.data.recipients).toEqual(expect.arrayContaining([w.accounts.leaderA.id, w.accounts.onestopA.id]));
    expect(events[1]!.public).toBe(false);
  });
});

describe('on time', () => {
  it('is frozen at the first answer against the due date in force: late stays late after a reopening; an extension counts', async () => {
    const { t, w } = env;
    const late = await fileTicket(t, w.communeA.id, { receivedAt: new Date('2026-10-01T08:00:00+07:00') });
    await w.agents.leaderA.post(`/api/feedback/tickets/${late.id}/accept`, { version: 1 });
    const answered = await w.agents.leaderA.put(`/api/feedback/tickets/${late.id}/answer`, {
      version: 2,
      answer: 'Đã xử lý.',
      submit: true,
    });
    expect(answered.json()).toMatchObject({ status: 'ANSWERED', onTime: false });
    // The citizen reopens (PUBLIC's part): back to ASSIGNED; a second answer does not change the first one's verdict.
    await t.database.db.update(tickets).set({ status: 'ASSIGNED' }).where(eq(tickets.id, late.id));
    const again = await w.agents.leaderA.put(`/api/feedback/tickets/${late.id}/answer`, {
      version: 3,
      answer: 'Đã xử lý lại.',
      submit: true,
    });
    expect(again.json()).toMatchObject({ status: 'ANSWERED', onTime: false, answer: 'Đã xử lý lại.' });

    const extended = await fileTicket(t, w.communeA.id, { receivedAt: new Date('2026-10-01T08:00:00+07:00') });
    // An extension granted back then: the due date in force is the new one (set directly: a past date is refused).
    await t.database.db
      .update(tickets)
      .set({ extendedDueAt: new Date(Date.now() + 86_400_000) })
      .where(eq(tickets.id, extended.id));
    await w.agents.leaderA.post(`/api/feedback/tickets/${extended.id}/accept`, { version: 1 });
    const inTime = await w.agents.leaderA.put(`/api/feedback/tickets/${extended.id}/answer`, {
      version: 2,
      answer: 'Đã xử lý.',
      submit: true,
    });
    expect(inTime.json()).toMatchObject({ onTime: true, overdue: false });
  });
});
