import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';
import { localParts } from '../calendar/working-days.js';
import { dropAbandonedUploads, dropSpentProofs, stopLateSupplements } from './dossiers.sweep.js';
import { applicant, dossierKit, filePart, minimalPdf, windowsExe } from './dossiers.test-kit.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const kit = dossierKit(env);
const { submission, submitOnline, act, asApplicant, requiredPapers } = kit;

describe('online submission', () => {
  it('drops applicant proofs past their time and lookup failures past their hour, keeping the live ones', async () => {
    const d = await env.w.f.dossier(env.w.communeA);
    await env.t.database.raw(
      `insert into dossier_proofs (token_hash, dossier_id, via, expires_at) values
         ('spent', $1, 'CODE', now() - interval '1 minute'), ('live', $1, 'CODE', now() + interval '20 minutes')`,
      [d.id],
    );
    await env.t.database.raw(
      `insert into dossier_lookup_failures (dossier_id, at) values ($1, now() - interval '2 hours'), ($1, now())`,
      [d.id],
    );
    await dropSpentProofs(env.t);
    const left = await env.t.database.raw<{ proofs: string; failures: number }>(
      `select (select string_agg(token_hash, ',') from dossier_proofs where dossier_id = $1) as proofs,
              (select count(*)::int from dossier_lookup_failures where dossier_id = $1) as failures`,
      [d.id],
    );
    expect(left[0]).toEqual({ proofs: 'live', failures: 1 });
  });

  it('takes an upload checked by content, gives a daily code, a secret status link and a receipt PDF', async () => {
    const upload = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/uploads',
      ...filePart('to-khai.pdf', minimalPdf),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json() as { id: number; key: string; mime: string };
    expect(file.mime).toBe('application/pdf');

    const made = await submitOnline({ uploads: [{ id: file.id, key: file.key, label: 'Tờ khai', paper: 0 }] });
    const day = localParts(new Date()).day.replaceAll('-', '').slice(2);
    expect(made.code).toMatch(new RegExp(`^${env.w.communeA.code}-${day}-\\d{4}$`));
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(made.statusUrl).toContain(`/s/${made.token}`);
    expect(made.token).not.toContain('031190005555');

    // The submitting client is the applicant for half an hour: it prints its receipt without a code.
    const receipt = await asApplicant('GET', `/api/public/dossiers/${made.token}/forms/01`, { proof: made.proof });
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

  it('submits a birth bundle as linked dossiers tracked together', async () => {
    const fields = {
      childName: 'Nguyễn Minh Khang',
      childBirthDate: '2026-10-30',
      birthPlace: 'Trạm y tế xã',
      address: 'Số 7, ngõ 3, thôn Đông',
    };
    const uploads = [...(await requiredPapers('1.001193')), ...(await requiredPapers('1.004222', true))];
    const made = await submitOnline({
      procedureCode: '1.001193',
      fields,
      uploads,
      bundleWith: ['1.004222', 'LT.BHYT6'],
    });
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

describe('idempotency keys are the caller’s own', () => {
  const client = (id: string) => ({ ketnoi_client: `client-${id}-0123456789abcdef` });
  // A procedure asking for no paper: the same content can be sent again (an upload is claimed only once).
  const child = { childName: 'Lê Minh An', childBirthDate: '2026-11-02', birthPlace: 'Trạm y tế xã' };
  const submission = (extra: Record<string, unknown> = {}) =>
    kit.submission({ procedureCode: 'LT.BHYT6', fields: child, ...extra });
  const submitOnline = (...args: Parameters<typeof kit.submitOnline>) =>
    kit.submitOnline({ procedureCode: 'LT.BHYT6', fields: child, ...args[0] }, args[1], args[2]);
  const post = (payload: object, key: string, cookies: Record<string, string> = {}) =>
    env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload,
      headers: { 'idempotency-key': key },
      cookies,
    });

  it('gives the same dossier back when the same client retries with the same key and content', async () => {
    const key = `retry-${Date.now()}`;
    const first = await submitOnline({}, { 'idempotency-key': key }, client('a'));
    // The same content with its keys in another order is the same submission.
    const { fields, ...rest } = submission();
    const again = await post({ fields, ...rest }, key, client('a'));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id, code: first.code, token: first.token });
  });

  it('never gives the dossier to another client sending the same key and the same content', async () => {
    const key = `shared-${Date.now()}`;
    const first = await submitOnline({}, { 'idempotency-key': key }, client('a'));
    const other = await post(submission(), key, client('b'));
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().id).not.toBe(first.id);
    expect(other.body).not.toContain(first.token);
    expect(other.body).not.toContain(first.code);
    // Without a client id the key belongs to nobody: no dossier is looked up by it.
    const anonymous = await post(submission(), key);
    expect(anonymous.statusCode).toBe(201);
    expect([first.id, other.json().id]).not.toContain(anonymous.json().id);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED, never the first dossier, to the same key with other content', async () => {
    const key = `edited-${Date.now()}`;
    const first = await submitOnline({}, { 'idempotency-key': key }, client('a'));
    const edited = await post(submission({ fields: { ...child, childName: 'Lê Minh Anh' } }), key, client('a'));
    expect(edited.statusCode).toBe(422);
    expect(edited.headers['content-type']).toContain('application/problem+json');
    expect(edited.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', title: 'Mã chống gửi trùng đã dùng' });
    expect(edited.json().detail).toContain('nội dung khác');
    for (const secret of [first.token, first.code, String(first.id)]) expect(edited.body).not.toContain(secret);
    const english = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ fields: { ...child, childName: 'Lê Minh Anh' } }),
      headers: { 'idempotency-key': key, 'accept-language': 'en' },
      cookies: client('a'),
    });
    expect(english.json().detail).toContain('other content');
    // Keys are per commune: the same client and key to another commune is another submission.
    const elsewhere = await post(submission({ unitCode: env.w.communeB.code }), key, client('a'));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().id).not.toBe(first.id);
  });

  it('converges racing retries of one submission on one dossier', async () => {
    const key = `race-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => post(submission(), key, client('r'))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const [{ count }] = (await env.t.database.raw<{ count: number }>(
      `select count(*)::int as count from dossiers where idempotency_key = $1`,
      [key],
    )) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('at the counter, a key is the staff member’s own', async () => {
    const payload = {
      unitId: env.w.communeA.id,
      procedureCode: '1.004873',
      applicant,
      fields: { purpose: 'Xin việc' },
      returnMethod: 'COUNTER',
      papersOnPaper: [{ paper: 0 }],
    };
    const key = `counter-${Date.now()}`;
    const counter = (agent: 'onestopA' | 'leaderA', body: object) =>
      env.w.agents[agent].request({
        method: 'POST',
        url: '/api/dossiers',
        payload: body,
        headers: { 'idempotency-key': key },
      });
    const first = await counter('onestopA', payload);
    expect(first.statusCode, first.body).toBe(201);
    expect((await counter('onestopA', payload)).json().id).toBe(first.json().id);
    const colleague = await counter('leaderA', payload);
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json().id).not.toBe(first.json().id);
    const changed = await counter('onestopA', { ...payload, fields: { purpose: 'Đăng ký kết hôn' } });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
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
      papersOnPaper: [{ paper: 0 }],
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
          // A procedure asking for no paper: this is about codes, not uploads.
          payload: submission({
            unitCode: env.w.communeB.code,
            procedureCode: 'LT.BHYT6',
            fields: { childName: 'Lê Minh An', childBirthDate: '2026-11-02', birthPlace: 'Trạm y tế xã' },
          }),
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
