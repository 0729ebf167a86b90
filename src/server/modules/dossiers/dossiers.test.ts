import { multipartBody } from '../../../../test/multipart.js';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';
import { localParts } from '../calendar/working-days.js';
import { dropAbandonedUploads, stopLateSupplements } from './dossiers.sweep.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });

/** A multipart body with one file, as a browser's upload sends it. */
const filePart = (name: string, content: Buffer, type = 'application/pdf') =>
  multipartBody({}, { name, content, type });
const minimalPdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n'),
);
const windowsExe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

const applicant = {
  fullName: 'Nguyễn Thị Hoa',
  personalId: '031190005555',
  phone: '0912 000 123',
  email: 'hoa@example.vn',
};
const submission = (extra: Record<string, unknown> = {}) => ({
  unitCode: env.w.communeA.code,
  procedureCode: '1.004873',
  applicant,
  fields: { purpose: 'Đăng ký kết hôn' },
  returnMethod: 'COUNTER',
  ...extra,
});

async function submitOnline(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await env.t.app.inject({
    method: 'POST',
    url: '/api/public/dossiers',
    payload: submission(extra),
    headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: number;
    code: string;
    token: string;
    statusUrl: string;
    receiptUrl: string;
    bundle: { code: string; token: string; procedureCode: string }[];
  };
}

const act = (agent: 'onestopA' | 'leaderA' | 'leaderB', id: number, body: Record<string, unknown>) =>
  env.w.agents[agent].post(`/api/dossiers/${id}/actions`, body);

describe('online submission', () => {
  it('takes an upload checked by content, gives a daily code, a secret status link and a receipt PDF', async () => {
    const upload = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/uploads',
      ...filePart('to-khai.pdf', minimalPdf),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json() as { id: number; key: string; mime: string };
    expect(file.mime).toBe('application/pdf');

    const made = await submitOnline({ uploads: [{ id: file.id, key: file.key, label: 'Tờ khai' }] });
    const day = localParts(new Date()).day.replaceAll('-', '').slice(2);
    expect(made.code).toMatch(new RegExp(`^${env.w.communeA.code}-${day}-\\d{4}$`));
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(made.statusUrl).toContain(`/s/${made.token}`);
    expect(made.token).not.toContain('031190005555');

    const receipt = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}/forms/01` });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The officer sees the applicant's details (decrypted) and the attached paper.
    const detail = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    expect(detail).toMatchObject({
      status: 'NEW',
      channel: 'ONLINE',
      applicantPersonalId: '031190005555',
      applicantPhone: '+84912000123',
    });
    expect(detail.files).toHaveLength(1);
    expect(detail.fields).toEqual([{ key: 'purpose', label: 'Mục đích sử dụng', value: 'Đăng ký kết hôn' }]);
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['RECEIVE', 'REFUSE', 'REQUEST_SUPPLEMENT']));
    const stored = await env.t.database.raw<{ enc: string }>(
      'select applicant_pid_enc as enc from dossiers where id = $1',
      [made.id],
    );
    expect(stored[0]!.enc).not.toContain('031190005555');
  });

  it('deletes papers uploaded for a submission that never came, after a day', async () => {
    const upload = (
      await env.t.app.inject({
        method: 'POST',
        url: '/api/public/uploads',
        ...filePart('bo-do.png', tinyPng, 'image/png'),
      })
    ).json();
    expect(await dropAbandonedUploads(env.t)).toBe(0);
    expect(await dropAbandonedUploads(env.t, new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    const [row] = await env.t.database.raw('select id from dossier_files where id = $1', [upload.id]);
    expect(row).toBeUndefined();
  });

  it('refuses an .exe renamed .pdf with a clear message, whatever its name says', async () => {
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/uploads',
      ...filePart('giay-to.pdf', windowsExe),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'FILE_TYPE' });
    expect(res.json().errors[0].message).toContain('PDF, JPEG hoặc PNG');
  });

  it('checks the procedure: its own required fields, online availability, post', async () => {
    const missing = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ fields: {} }),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'fields.purpose', code: 'REQUIRED' })]);
    const offline = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ procedureCode: '2.000815', fields: {} }),
    });
    expect(offline.statusCode).toBe(409);
    expect(offline.json().detail).toContain('Bộ phận một cửa');
    const noAddress = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ returnMethod: 'POST' }),
    });
    expect(noAddress.statusCode).toBe(400);
  });

  it('gives the same dossier back when a client retries with the same idempotency key', async () => {
    const key = `retry-${Date.now()}`;
    const first = await submitOnline({}, { 'idempotency-key': key });
    const again = await submitOnline({}, { 'idempotency-key': key });
    expect(again.code).toBe(first.code);
    expect(again.id).toBe(first.id);
  });

  it('submits a birth bundle as linked dossiers tracked together', async () => {
    const fields = { childName: 'Nguyễn Minh Khang', childBirthDate: '2026-10-30', birthPlace: 'Trạm y tế xã' };
    const made = await submitOnline({ procedureCode: '1.001193', fields, bundleWith: ['1.004222', 'LT.BHYT6'] });
    expect(made.bundle.map((b) => b.procedureCode)).toEqual(['1.004222', 'LT.BHYT6']);
    const list = (await env.w.agents.onestopA.get(`/api/dossiers?queue=to_receive&q=${made.code}`)).json();
    expect(list.items[0].bundleId).toBe(made.id);
    const together = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.bundle[0]!.token}` })
    ).json();
    expect(together.linked.map((l: { code: string }) => l.code)).toEqual([made.code, made.bundle[1]!.code]);

    // Papers asked for in a group must come within 7 working days, or the dossier stops by itself.
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    const asked = await act('onestopA', made.id, {
      action: 'REQUEST_SUPPLEMENT',
      version: 2,
      reason: 'Bổ sung giấy chứng sinh bản gốc',
    });
    const [{ days }] = (await env.t.database.raw<{ days: number }>(
      `select extract(day from supplement_due_at - now())::int as days from dossiers where id = $1`,
      [made.id],
    )) as [{ days: number }];
    expect(days).toBeGreaterThanOrEqual(8);
    expect(asked.json().status).toBe('SUPPLEMENT_REQUESTED');
    const single = await submitOnline();
    await act('onestopA', single.id, { action: 'REQUEST_SUPPLEMENT', version: 1, reason: 'Thiếu tờ khai' });
    await env.t.database.raw(`update dossiers set supplement_due_at = now() - interval '1 minute' where id = $1`, [
      made.id,
    ]);
    expect(await stopLateSupplements(env.t)).toBe(1);
    const stopped = (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}` })).json();
    expect(stopped.status).toBe('STOPPED');
    expect(stopped.timeline.at(-1)).toMatchObject({ action: 'STOP', actorKind: 'SYSTEM', formType: 'MAU_05' });
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${single.id}`)).json().status).toBe('SUPPLEMENT_REQUESTED');

    const wrong = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ bundleWith: ['1.004222'] }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].code).toBe('NOT_IN_GROUP');
  });
});

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
    const approved = await act('leaderA', made.id, { action: 'APPROVE', version: sent.json().version });
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
      'APPROVE',
      'RETURN',
    ]);
    expect(page.json().applicantInitials).toBe('N.T.H.');
    for (const secret of ['Nguyễn Thị Hoa', '031190005555', '912000123', 'hoa@example.vn', 'Cán bộ'])
      expect(page.body).not.toContain(secret);
    expect(page.json().canRate).toBe(true);

    const rated = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/rating`,
      payload: { rating: 'SATISFIED', comment: 'Cán bộ nhiệt tình' },
    });
    expect(rated.json()).toMatchObject({ rating: 'SATISFIED', canRate: false });
    const twice = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/rating`,
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
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${refused.token}/forms/03` })).statusCode,
    ).toBe(200);

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
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${back.token}/forms/05` })).statusCode,
    ).toBe(200);

    // A copy of a civil-status extract is signed by the officer: resolved without the leader, returned by post.
    const extract = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({
        procedureCode: '2.000635',
        fields: { copies: '2' },
        returnMethod: 'POST',
        postalAddress: 'Số 7, ngõ 3, thôn Đông',
      }),
    });
    const id = extract.json().id as number;
    await env.t.database.raw(`update procedures set requires_approval = false where code = '2.000635'`);
    await act('onestopA', id, { action: 'RECEIVE', version: 1 });
    await act('onestopA', id, { action: 'ASSIGN', version: 2, assigneeId: env.w.accounts.onestopA.id });
    const resolved = await act('onestopA', id, { action: 'RESOLVE', version: 3 });
    expect(resolved.json()).toMatchObject({ status: 'RESOLVED', onTime: true });
    const returned = await act('onestopA', id, { action: 'RETURN', version: 4, returnMethod: 'POST' });
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
    const form02 = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}/forms/02` });
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
    const provided = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/actions`,
      payload: { action: 'SUPPLEMENT', uploads: [{ id: upload.id, key: upload.key }] },
    });
    expect(provided.statusCode, provided.body).toBe(200);
    const after = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    expect(after.status).toBe('RECEIVED');
    expect(new Date(after.dueAt).getTime() - new Date(before.dueAt).getTime()).toBeGreaterThanOrEqual(13 * 86400_000);
    expect(after.files).toHaveLength(1);
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
    const pdf = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}/forms/04` });
    expect(pdf.statusCode).toBe(200);
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}/forms/05` })).statusCode,
    ).toBe(404);
  });

  it('lets the applicant withdraw through the link, and look the dossier up by code and phone digits', async () => {
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
    const withdrawn = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/actions`,
      payload: { action: 'WITHDRAW', reason: 'Nộp nhầm thủ tục' },
    });
    expect(withdrawn.json().status).toBe('WITHDRAWN');
    const again = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/actions`,
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

describe('counter submission and bulk assignment', () => {
  it('receives at once when an officer submits at the counter; a digital-team member’s submission waits for an officer', async () => {
    const payload = {
      unitId: env.w.communeA.id,
      procedureCode: '1.004873',
      applicant,
      fields: { purpose: 'Xin việc' },
      returnMethod: 'POST',
      postalAddress: 'Số 7, ngõ 3, thôn Đông',
    };
    const byOfficer = await env.w.agents.onestopA.post('/api/dossiers', payload);
    expect(byOfficer.statusCode, byOfficer.body).toBe(201);
    const officerDossier = (await env.w.agents.onestopA.get(`/api/dossiers/${byOfficer.json().id}`)).json();
    expect(officerDossier).toMatchObject({ status: 'RECEIVED', channel: 'IN_PERSON', returnMethod: 'POST' });
    // A digital-team member serves a residential group: the counter they help at is their commune's.
    const targets = (await env.w.agents.teamA1.get('/api/dossiers/counter-units')).json().items;
    expect(targets).toEqual([{ id: env.w.communeA.id, code: env.w.communeA.code, name: env.w.communeA.name }]);
    const byPost = await env.w.agents.onestopA.post('/api/dossiers', { ...payload, channel: 'POSTAL' });
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${byPost.json().id}`)).json()).toMatchObject({
      channel: 'POSTAL',
      status: 'RECEIVED',
    });
    const byTeam = await env.w.agents.teamA1.post('/api/dossiers', payload);
    expect(byTeam.statusCode).toBe(201);
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${byTeam.json().id}`)).json().status).toBe('NEW');

    const bulk = await env.w.agents.onestopA.post('/api/dossiers/assign', {
      ids: [byOfficer.json().id, byTeam.json().id, 999999],
      assigneeId: env.w.accounts.onestopA.id,
    });
    expect(bulk.json().assigned).toEqual([byOfficer.json().code]);
    expect(bulk.json().refused).toHaveLength(2);
    const officers = (await env.w.agents.onestopA.get(`/api/dossiers/officers?unit=${env.w.communeA.id}`)).json();
    expect(officers.items.map((o: { username: string }) => o.username)).toEqual(
      expect.arrayContaining([env.w.accounts.onestopA.username, env.w.accounts.leaderA.username]),
    );
  });
});

describe('dossier codes under load', () => {
  it('gives 200 concurrent submissions 200 distinct, consecutive codes', async () => {
    const before = await env.t.database.raw<{ last: number }>(
      `select coalesce(max(last), 0)::int as last from dossier_counters where unit_id = $1 and day = $2`,
      [env.w.communeB.id, localParts(new Date()).day],
    );
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        env.t.app.inject({
          method: 'POST',
          url: '/api/public/dossiers',
          payload: submission({ unitCode: env.w.communeB.code }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const seqs = results.map((r) => Number((r.json().code as string).split('-').at(-1))).sort((a, b) => a - b);
    const start = before[0]!.last + 1;
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => start + i));
    const [{ count }] = (await env.t.database.raw<{ count: number }>(
      `select count(distinct code)::int as count from dossiers where unit_id = $1`,
      [env.w.communeB.id],
    )) as [{ count: number }];
    expect(count).toBeGreaterThanOrEqual(200);
  });
});
