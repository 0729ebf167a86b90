import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';
import { dossierKit, filePart } from './dossiers.test-kit.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submission, submitOnline, act, asApplicant, settle, requiredPapers } = dossierKit(env);

describe('the workflow', () => {
  it('receive → assign → send for approval → leader approves → return → the citizen sees the timeline and rates', async () => {
    const made = await submitOnline();
    const received = await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().dueAt).not.toBeNull();
    const officerId = env.w.accounts.onestopA.id;
    const assigned = await act('onestopA', made.id, {
      action: 'ASSIGN',
      version: received.json().version,
      assigneeId: officerId,
    });
    expect(assigned.json()).toMatchObject({ status: 'PROCESSING', assigneeId: officerId });
    expect(
      (await env.w.agents.onestopA.get('/api/dossiers?queue=mine')).json().items.map((d: { id: number }) => d.id),
    ).toContain(made.id);

    const sent = await act('onestopA', made.id, { action: 'SEND_FOR_APPROVAL', version: assigned.json().version });
    expect(sent.json().awaitingApproval).toBe(true);
    // The officer cannot approve; the action belongs to the leader.
    const officerApproves = await act('onestopA', made.id, { action: 'APPROVE', version: sent.json().version });
    expect(officerApproves.statusCode).toBe(403);
    expect(
      (await env.w.agents.leaderA.get('/api/dossiers?queue=to_approve')).json().items.map((d: { id: number }) => d.id),
    ).toContain(made.id);
    // Approval needs the result on file and the fee settled (dossiers.papers.test.ts shows the refusals).
    const approved = await act('leaderA', made.id, { action: 'APPROVE', version: await settle(made.id) });
    expect(approved.json()).toMatchObject({ status: 'RESOLVED', onTime: true });
    const returned = await act('onestopA', made.id, { action: 'RETURN', version: approved.json().version });
    expect(returned.json().status).toBe('RETURNED');

    const page = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'SUBMIT',
      'RECEIVE',
      'ASSIGN',
      'SEND_FOR_APPROVAL',
      'PAY',
      'APPROVE',
      'RETURN',
    ]);
    expect(page.json().applicantInitials).toBe('N.T.H.');
    for (const secret of ['Nguyễn Thị Hoa', '031190005555', '912000123', 'hoa@example.vn', 'Cán bộ'])
      expect(page.body).not.toContain(secret);
    expect(page.json().canRate).toBe(true);

    // The applicant rates (here the client that submitted, still proven; a code does it later: applicant tests).
    const rated = await asApplicant('POST', `/api/public/dossiers/${made.token}/rating`, {
      proof: made.proof,
      payload: { rating: 'SATISFIED', comment: 'Cán bộ nhiệt tình' },
    });
    expect(rated.json()).toMatchObject({ rating: 'SATISFIED', canRate: false, applicant: { via: 'SUBMISSION' } });
    const twice = await asApplicant('POST', `/api/public/dossiers/${made.token}/rating`, {
      proof: made.proof,
      payload: { rating: 'UNSATISFIED' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('answers 409 with a clear message to an action the status does not allow, and to a stale screen', async () => {
    const made = await submitOnline();
    const early = await act('onestopA', made.id, { action: 'RETURN', version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().detail).toContain('Mới đăng ký');
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    const stale = await act('onestopA', made.id, { action: 'REQUEST_SUPPLEMENT', version: 1, reason: 'Thiếu giấy' });
    expect(stale.statusCode).toBe(409);
    const noReason = await act('onestopA', made.id, { action: 'STOP', version: 2 });
    expect(noReason.statusCode).toBe(400);
  });

  it('refuses with Form 03, sends back from approval, lets the officer resolve what needs no signature, stops with Form 05', async () => {
    const refused = await submitOnline();
    expect((await act('onestopA', refused.id, { action: 'REFUSE', version: 1 })).statusCode).toBe(400);
    const r = await act('onestopA', refused.id, {
      action: 'REFUSE',
      version: 1,
      reason: 'Không thuộc thẩm quyền của xã',
    });
    expect(r.json()).toMatchObject({ status: 'REFUSED', allowedActions: [] });
    expect((await env.w.agents.onestopA.get(`/api/public/dossiers/${refused.token}/forms/03`)).statusCode).toBe(200);

    const back = await submitOnline();
    await act('onestopA', back.id, { action: 'RECEIVE', version: 1 });
    await act('onestopA', back.id, { action: 'ASSIGN', version: 2, assigneeId: env.w.accounts.onestopA.id });
    await act('onestopA', back.id, { action: 'SEND_FOR_APPROVAL', version: 3 });
    expect(
      (await act('onestopA', back.id, { action: 'SEND_BACK', version: 4, reason: 'Kiểm tra lại' })).statusCode,
    ).toBe(403);
    const sentBack = await act('leaderA', back.id, {
      action: 'SEND_BACK',
      version: 4,
      reason: 'Thiếu xác minh tình trạng hôn nhân nơi cư trú trước',
    });
    expect(sentBack.json()).toMatchObject({ status: 'PROCESSING', awaitingApproval: false });
    // An officer cannot resolve a procedure that needs the leader's signature.
    expect((await act('onestopA', back.id, { action: 'RESOLVE', version: 5 })).statusCode).toBe(403);
    const stopped = await act('onestopA', back.id, {
      action: 'STOP',
      version: 5,
      reason: 'Người nộp đã mất năng lực hành vi dân sự',
    });
    expect(stopped.json().status).toBe('STOPPED');
    expect((await env.w.agents.onestopA.get(`/api/public/dossiers/${back.token}/forms/05`)).statusCode).toBe(200);

    // A copy of a civil-status extract is signed by the officer: resolved without the leader, returned by post.
    const extract = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({
        procedureCode: '2.000635',
        fields: { copies: '2' },
        uploads: await requiredPapers('2.000635'),
        returnMethod: 'POST',
        postalAddress: 'Số 7, ngõ 3, thôn Đông',
      }),
    });
    const id = extract.json().id as number;
    await env.t.database.raw(`update procedures set requires_approval = false where code = '2.000635'`);
    await act('onestopA', id, { action: 'RECEIVE', version: 1 });
    await act('onestopA', id, { action: 'ASSIGN', version: 2, assigneeId: env.w.accounts.onestopA.id });
    const resolved = await act('onestopA', id, { action: 'RESOLVE', version: await settle(id) });
    expect(resolved.json()).toMatchObject({ status: 'RESOLVED', onTime: true });
    // Sent with a tracking number first: a postal return is the shipment the citizen can follow.
    await env.w.agents.onestopA.post(`/api/dossiers/${id}/shipments`, {
      direction: 'OUT',
      trackingNumber: `EB${String(id).padStart(9, '0')}VN`,
      address: 'Số 7, ngõ 3, thôn Đông',
    });
    const returned = await act('onestopA', id, {
      action: 'RETURN',
      version: resolved.json().version,
      returnMethod: 'POST',
    });
    expect(returned.json()).toMatchObject({ status: 'RETURNED', returnMethod: 'POST' });
  });

  it('pauses the clock while waiting for papers and moves the due date when they arrive', async () => {
    const made = await submitOnline();
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    const asked = await act('onestopA', made.id, {
      action: 'REQUEST_SUPPLEMENT',
      version: 2,
      reason: 'Bổ sung bản sao giấy khai sinh',
    });
    expect(asked.json().status).toBe('SUPPLEMENT_REQUESTED');
    const form02 = await env.w.agents.onestopA.get(`/api/public/dossiers/${made.token}/forms/02`);
    expect(form02.statusCode).toBe(200);
    // Pretend the request went out three weeks ago: the due date moves by the working days spent waiting.
    await env.t.database.raw(
      `update dossiers set paused_at = paused_at - interval '21 days', due_at = due_at - interval '21 days'
       where id = $1`,
      [made.id],
    );
    const before = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    const upload = (
      await env.t.app.inject({
        method: 'POST',
        url: '/api/public/uploads',
        ...filePart('ban-sao.png', tinyPng, 'image/png'),
      })
    ).json();
    const provided = await asApplicant('POST', `/api/public/dossiers/${made.token}/actions`, {
      proof: made.proof,
      payload: { action: 'SUPPLEMENT', uploads: [{ id: upload.id, key: upload.key }] },
    });
    expect(provided.statusCode, provided.body).toBe(200);
    const after = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    expect(after.status).toBe('RECEIVED');
    expect(new Date(after.dueAt).getTime() - new Date(before.dueAt).getTime()).toBeGreaterThanOrEqual(13 * 86400_000);
    // The declaration it came with, and the copy provided now.
    expect(after.files.map((f: { fileName: string }) => f.fileName)).toEqual(['giay-to-0.pdf', 'ban-sao.png']);
  });

  it('issues an apology with a new date (Form 04) and shows overdue dossiers in their queue', async () => {
    const made = await submitOnline();
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    await env.t.database.raw(`update dossiers set due_at = now() - interval '1 day' where id = $1`, [made.id]);
    const overdue = (await env.w.agents.onestopA.get('/api/dossiers?queue=overdue')).json();
    expect(overdue.items.find((d: { id: number }) => d.id === made.id)).toMatchObject({ overdue: true });
    const earlier = await act('onestopA', made.id, {
      action: 'APOLOGIZE',
      version: 2,
      reason: 'Chờ xác minh',
      newDueDate: '2020-01-01',
    });
    expect(earlier.statusCode).toBe(400);
    const apology = await act('onestopA', made.id, {
      action: 'APOLOGIZE',
      version: 2,
      reason: 'Chờ xác minh tại nơi cư trú cũ',
      newDueDate: '2099-01-05',
    });
    expect(apology.json().extendedDueAt).toMatch(/^2099-01-05T10:00/);
    const pdf = await asApplicant('GET', `/api/public/dossiers/${made.token}/forms/04`, { proof: made.proof });
    expect(pdf.statusCode).toBe(200);
    expect((await env.w.agents.onestopA.get(`/api/public/dossiers/${made.token}/forms/05`)).statusCode).toBe(404);
  });

  it('lets the proven applicant withdraw through the link, and look the dossier up by code and phone digits', async () => {
    const made = await submitOnline();
    const wrong = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/dossier-lookup?code=${made.code}&phoneLast4=9999`,
    });
    expect(wrong.statusCode).toBe(404);
    const found = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/dossier-lookup?code=${made.code.toLowerCase()}&phoneLast4=0123`,
    });
    expect(found.json()).toMatchObject({ code: made.code, token: made.token });
    const withdrawn = await asApplicant('POST', `/api/public/dossiers/${made.token}/actions`, {
      proof: made.proof,
      payload: { action: 'WITHDRAW', reason: 'Nộp nhầm thủ tục' },
    });
    expect(withdrawn.json().status).toBe('WITHDRAWN');
    // The applicant sees their own reason; someone holding only the link sees the step, not the reason.
    expect(withdrawn.json().timeline.at(-1)).toMatchObject({ action: 'WITHDRAW', reason: 'Nộp nhầm thủ tục' });
    const linkOnly = (await asApplicant('GET', `/api/public/dossiers/${made.token}`)).json();
    expect(linkOnly.timeline.at(-1)).toMatchObject({ action: 'WITHDRAW', reason: null });
    const again = await asApplicant('POST', `/api/public/dossiers/${made.token}/actions`, {
      proof: made.proof,
      payload: { action: 'WITHDRAW', reason: 'Lần nữa' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps another commune’s officers out: not listed, not readable, not actionable', async () => {
    const made = await submitOnline();
    expect((await env.w.agents.leaderB.get(`/api/dossiers/${made.id}`)).statusCode).toBe(404);
    expect((await act('leaderB', made.id, { action: 'RECEIVE', version: 1 })).statusCode).toBe(404);
    const listed = (await env.w.agents.leaderB.get('/api/dossiers?queue=all&limit=200')).json();
    expect(listed.items.map((d: { id: number }) => d.id)).not.toContain(made.id);
  });
});
