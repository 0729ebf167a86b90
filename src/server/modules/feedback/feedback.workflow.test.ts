import { defaultCategories } from '../../../shared/feedback.js';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';
import { auditLog, feedbackCategories, ticketEvents } from '../../db/schema/index.js';
import { fileTicket } from './feedback.test-kit.js';

// The staff workflow of a ticket: every status change, and every refusal (wrong status, stale version, no
// permission, outside one's units).
const env = useWorld();

describe('the queue and a ticket', () => {
  it('GET /api/feedback/tickets lists open tickets in the caller’s units only; the detail shows the full phone (audited)', async () => {
    const { t, w } = env;
    const a = await fileTicket(t, w.communeA.id, { unitId: w.groupA1.id });
    const b = await fileTicket(t, w.communeB.id);
    const list = await w.agents.leaderA.get('/api/feedback/tickets');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((i: { id: number }) => i.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect(list.json().total).toBe(ids.length);
    const item = list.json().items.find((i: { id: number }) => i.id === a.id);
    expect(item).toMatchObject({ code: a.code, status: 'RECEIVED', unitName: 'Thôn Đông', overdue: false });
    // The category in both console languages.
    const category = defaultCategories.find((c) => c.nameVi === item.categoryName);
    expect(item.categoryNameEn).toBe(category!.nameEn);

    const one = await w.agents.headA1.get(`/api/feedback/tickets/${a.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ senderPhone: '+84987000111', senderName: 'Ma Văn Gửi', version: 1 });
    expect(one.json().actions).toEqual(expect.arrayContaining(['accept', 'reject', 'assign', 'transfer', 'note']));
    expect(one.json().actions).not.toContain('abuse'); // a group head is no leader
    expect(one.json().lookupUrl).toMatch(/\/q\/[\w-]{20,}$/);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ticket.read'));
    expect(audits.some((r) => r.entityId === String(a.id))).toBe(true);

    expect((await w.agents.leaderA.get(`/api/feedback/tickets/${b.id}`)).statusCode).toBe(404);
    expect((await w.agents.teamA1.get(`/api/feedback/tickets/${a.id}`)).statusCode).toBe(403);
  });

  it('POST /api/feedback/tickets records a hotline call (201), once per Idempotency-Key', async () => {
    const { t, w } = env;
    const [cat] = await t.database.db
      .select()
      .from(feedbackCategories)
      .where(eq(feedbackCategories.communeId, w.communeA.id));
    const body = {
      communeId: w.communeA.id,
      channel: 'HOTLINE',
      categoryId: cat!.id,
      title: 'Hỏi về cấp lại thẻ bảo hiểm y tế',
      body: 'Mất thẻ thì làm lại ở đâu?',
      senderPhone: '0912 000 222',
      publishable: true,
    };
    const headers = { 'idempotency-key': 'hotline-call-0001' };
    const first = await w.agents.headA1.request({
      method: 'POST',
      url: '/api/feedback/tickets',
      payload: body,
      headers,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ channel: 'HOTLINE', senderPhone: '+84912000222', status: 'RECEIVED' });
    const again = await w.agents.headA1.request({
      method: 'POST',
      url: '/api/feedback/tickets',
      payload: body,
      headers,
    });
    expect(again.json().id).toBe(first.json().id);
    const outside = await w.agents.headA1.post('/api/feedback/tickets', { ...body, communeId: w.communeB.id });
    expect(outside.statusCode).toBe(404);
  });
});

describe('search, filters and files', () => {
  it('q matches the code or folded words; unitId takes the unit and below; a file downloads (audited)', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id, {
      unitId: w.groupA2.id,
      title: 'Cống thoát nước bị tắc',
      files: [{ fileName: 'cong.png', mimeType: 'image/png', content: tinyPng }],
    });
    const byWords = await w.agents.leaderA.get(`/api/feedback/tickets?q=${encodeURIComponent('cong thoat')}`);
    expect(byWords.json().items.map((i: { id: number }) => i.id)).toContain(made.id);
    const byCode = await w.agents.leaderA.get(`/api/feedback/tickets?q=${made.code.toLowerCase()}`);
    expect(byCode.json().items.map((i: { id: number }) => i.id)).toEqual([made.id]);
    const inA1 = await w.agents.leaderA.get(`/api/feedback/tickets?unitId=${w.groupA1.id}`);
    expect(inA1.json().items.map((i: { id: number }) => i.id)).not.toContain(made.id);
    const inA = await w.agents.leaderA.get(`/api/feedback/tickets?unitId=${w.communeA.id}&channel=WEB`);
    expect(inA.json().items.map((i: { id: number }) => i.id)).toContain(made.id);

    const detail = (await w.agents.leaderA.get(`/api/feedback/tickets/${made.id}`)).json();
    expect(detail.files).toEqual([expect.objectContaining({ fileName: 'cong.png', public: false })]);
    const file = await w.agents.leaderA.get(`/api/feedback/tickets/${made.id}/files/${detail.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ticket.file.read'));
    expect(audits.some((a) => a.entityId === String(made.id))).toBe(true);
    expect((await w.agents.headA1.get(`/api/feedback/tickets/${made.id}/files/${detail.files[0].id}`)).statusCode).toBe(
      404,
    );
  });
});

describe('the workflow', () => {
  it('accept → assign → answer (sent at once without approval) → close, each journaled; stale versions and wrong statuses refused', async () => {
    const { t, w } = env;
    const made = await fileTicket(t, w.communeA.id);
    const id = made.id;
    const accept = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/accept`, { version: 1 });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json()).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(accept.json().acceptedAt).not.toBeNull();

    const stale = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/reject`, { version: 1, reason: 'Trùng' });
    expect(stale.statusCode).toBe(409);
    const twice = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/accept`, { version: 2 });
    expect(twice.statusCode).toBe(409);

    const notOfficer = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/assign`, {
      version: 2,
      assigneeId: w.accounts.teamA1.id,
    });
    expect(notOfficer.statusCode).toBe(400);
    const assignees = await w.agents.onestopA.get(`/api/feedback/tickets/${id}/assignees`);
    expect(assignees.json().map((a: { id: number }) => a.id)).toEqual(
      expect.arrayContaining([w.accounts.onestopA.id, w.accounts.leaderA.id]),
    );
    expect(assignees.json().map((a: { id: number }) => a.id)).not.toContain(w.accounts.headA1.id);
    const assigned = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/assign`, {
      version: 2,
      assigneeId: w.accounts.onestopA.id,
    });
    expect(assigned.json()).toMatchObject({ status: 'ASSIGNED', assigneeId: w.accounts.onestopA.id });
    const mine = await w.agents.onestopA.get('/api/feedback/tickets?view=mine');
    expect(mine.json().items.map((i: { id: number }) => i.id)).toContain(id);

    const draft = await w.agents.onestopA.put(`/api/feedback/tickets/${id}/answer`, {
      version: 3,
      answer: 'Đã báo điện lực thay bóng.',
      submit: false,
    });
    expect(draft.json()).toMatchObject({ status: 'ASSIGNED', answerState: 'DRAFT' });
    const sent = await w.agents.onestopA.put(`/api/feedback/tickets/${id}/answer`, {
      version: 4,
      answer: 'Điện lực đã thay bóng đèn ngày 05/12.',
      links: [{ label: 'Đường dây nóng điện lực', href: 'https://evn.example/lien-he' }],
      submit: true,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'ANSWERED', answerState: 'SENT', onTime: true });
    expect(sent.json().answerLinks).toHaveLength(1);
    expect(sent.json().actions).toContain('close');
    const closed = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/close`, { version: 5 });
    expect(closed.json()).toMatchObject({ status: 'CLOSED' });
    // The workflow's own lines: the notify worker's NOTIFIED row comes whenever its job has run (timing).
    const kinds = (await t.database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)))
      .map((e) => e.kind)
      .filter((k) => k !== 'NOTIFIED');
    expect(kinds).toEqual(['CREATED', 'STATUS', 'STATUS', 'ANSWER_DRAFTED', 'ANSWER_SENT', 'STATUS']);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['ticket.accept', 'ticket.assign', 'ticket.answer', 'ticket.close']),
    );
  });

  it('reject needs a reason and ends the ticket; a province officer (read only) may not act (403)', async () => {
    const { t, w } = env;
    const { id } = await fileTicket(t, w.communeA.id);
    expect((await w.agents.province.post(`/api/feedback/tickets/${id}/accept`, { version: 1 })).statusCode).toBe(403);
    expect((await w.agents.leaderA.post(`/api/feedback/tickets/${id}/reject`, { version: 1 })).statusCode).toBe(400);
    const rejected = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/reject`, {
      version: 1,
      reason: 'Không thuộc thẩm quyền của xã',
    });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', rejectReason: 'Không thuộc thẩm quyền của xã' });
    expect(rejected.json().onTime).toBeNull();
    expect(rejected.json().actions).not.toContain('answer');
    expect((await w.agents.leaderA.post(`/api/feedback/tickets/${id}/close`, { version: 2 })).statusCode).toBe(409);
  });

  it('approval on: submit → PENDING (only a leader approves; a group head is refused) → returned → resubmitted → approved', async () => {
    const { t, w } = env;
    const settings = (await w.agents.leaderA.get(`/api/feedback/settings/${w.communeA.id}`)).json();
    const saved = await w.agents.leaderA.put(`/api/feedback/settings/${w.communeA.id}`, {
      ...(settings as object),
      approvalRequired: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { id } = await fileTicket(t, w.communeA.id, { unitId: w.groupA1.id });
    await w.agents.headA1.post(`/api/feedback/tickets/${id}/assign`, { version: 1, assigneeId: w.accounts.headA1.id });
    const submitted = await w.agents.headA1.put(`/api/feedback/tickets/${id}/answer`, {
      version: 2,
      answer: 'Tổ sẽ dọn rác sáng thứ Bảy.',
      submit: true,
    });
    expect(submitted.json()).toMatchObject({ status: 'ASSIGNED', answerState: 'PENDING' });
    expect(submitted.json().actions).not.toContain('answer');
    const approval = await w.agents.leaderA.get('/api/feedback/tickets?view=approval');
    expect(approval.json().items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await w.agents.headA1.post(`/api/feedback/tickets/${id}/answer/approve`, { version: 3 })).statusCode).toBe(
      403,
    );
    const returned = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/answer/return`, {
      version: 3,
      note: 'Ghi rõ giờ dọn',
    });
    expect(returned.json()).toMatchObject({ answerState: 'DRAFT' });
    await w.agents.headA1.put(`/api/feedback/tickets/${id}/answer`, {
      version: 4,
      answer: 'Tổ sẽ dọn rác 7 giờ sáng thứ Bảy.',
      submit: true,
    });
    const approved = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/answer/approve`, { version: 5 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'ANSWERED',
      answerState: 'SENT',
      answer: 'Tổ sẽ dọn rác 7 giờ sáng thứ Bảy.',
      answeredBy: w.accounts.headA1.id,
    });
    const back = await w.agents.leaderA.put(`/api/feedback/settings/${w.communeA.id}`, {
      ...(saved.json() as object),
      approvalRequired: false,
    });
    expect(back.statusCode).toBe(200);
    const stale = await w.agents.leaderA.put(`/api/feedback/settings/${w.communeA.id}`, saved.json());
    expect(stale.statusCode).toBe(409);
  });

  it('transfer: to another unit of the caller’s (it leaves the old unit’s lists, the assignee cleared); out of scope refused', async () => {
    const { t, w } = env;
    const { id } = await fileTicket(t, w.communeA.id, { unitId: w.groupA1.id });
    await w.agents.leaderA.post(`/api/feedback/tickets/${id}/assign`, { version: 1, assigneeId: w.accounts.headA1.id });
    const outside = await w.agents.headA1.post(`/api/feedback/tickets/${id}/transfer`, {
      version: 2,
      unitId: w.groupA2.id,
      note: 'Việc của thôn Tây',
    });
    expect(outside.statusCode).toBe(403);
    const otherCommune = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/transfer`, {
      version: 2,
      unitId: w.groupB1.id,
      note: 'Sang phường khác',
    });
    expect(otherCommune.statusCode).toBe(400);
    const moved = await w.agents.leaderA.post(`/api/feedback/tickets/${id}/transfer`, {
      version: 2,
      unitId: w.groupA2.id,
      note: 'Việc của thôn Tây',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'TRANSFERRED', unitId: w.groupA2.id, assigneeId: null });
    expect(moved.json().events.at(-1)).toMatchObject({
      fromUnitName: 'Thôn Đông',
      toUnitName: 'Thôn Tây',
      public: false,
    });
    const headList = await w.agents.headA1.get('/api/feedback/tickets');
    expect(headList.json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await w.agents.headA1.get(`/api/feedback/tickets/${id}`)).statusCode).toBe(404);
  });

  it('notes are internal and bump no version; anyone without processing rights is refused', async () => {
    const { t, w } = env;
    const { id } = await fileTicket(t, w.communeA.id);
    const noted = await w.agents.onestopA.post(`/api/feedback/tickets/${id}/notes`, {
      body: 'Đã gọi lại cho người gửi',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json().version).toBe(1);
    expect(noted.json().events.at(-1)).toMatchObject({ kind: 'NOTE', public: false, body: 'Đã gọi lại cho người gửi' });
    expect((await w.agents.province.post(`/api/feedback/tickets/${id}/notes`, { body: 'x' })).statusCode).toBe(403);
  });
});
