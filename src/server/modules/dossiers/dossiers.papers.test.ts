import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/multipart.js';
import { useWorld } from '../../../../test/world.js';
import { applicant, dossierKit, minimalPdf } from './dossiers.test-kit.js';

// A dossier carries what its procedure requires: each required paper (a file tied to it, or at the counter handed
// over on paper), a bundle's fields and papers once for all its dossiers, and the result and fee before approval.

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submission, submitOnline, act, uploadPaper, requiredPapers, attachResult, payCash } = dossierKit(env);
const post = (payload: object) => env.t.app.inject({ method: 'POST', url: '/api/public/dossiers', payload });
const detail = async (id: number) => (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json();
const mark = (id: number, body: object) => env.w.agents.onestopA.post(`/api/dossiers/${id}/marks`, body);
const birthFields = {
  childName: 'Nguyễn Minh Khang',
  childBirthDate: '2026-10-30',
  birthPlace: 'Trạm y tế xã',
  address: 'Số 7, ngõ 3, thôn Đông',
};
const counterPayload = (extra: object = {}) => ({
  unitId: env.w.communeA.id,
  procedureCode: '1.004873',
  applicant,
  fields: { purpose: 'Xin việc' },
  returnMethod: 'COUNTER',
  ...extra,
});

describe('required papers', () => {
  it('refuses an online dossier without its required paper, naming it; a file must be tied to the paper it is', async () => {
    const none = await post(submission({ uploads: [] }));
    expect(none.statusCode).toBe(422);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({ code: 'PAPERS_MISSING', title: 'Còn thiếu giấy tờ' });
    expect(none.json().detail).toContain('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    expect(none.json().errors).toEqual([
      expect.objectContaining({ field: 'papers.1.004873.0', code: 'PAPER_MISSING' }),
    ]);
    const english = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: submission({ uploads: [] }),
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().detail).toContain('Marital-status certificate declaration form');

    // A file that says nothing of which paper it is does not stand for the declaration.
    const loose = await post(submission({ uploads: [await uploadPaper()] }));
    expect(loose.json().code).toBe('PAPERS_MISSING');
    // A file tied to a paper the procedure does not have is refused outright.
    const unknown = await post(submission({ uploads: [await uploadPaper(7)] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'uploads.0', code: 'UNKNOWN_PAPER' });
    // Online, "handed over on paper" is not a thing: the field is not even read.
    const onPaper = await post(submission({ uploads: [], papersOnPaper: [{ paper: 0 }] }));
    expect(onPaper.json().code).toBe('PAPERS_MISSING');

    // With the declaration tied to its paper (and the optional ID left out), it goes in and shows against its paper.
    const made = await submitOnline({ uploads: [await uploadPaper(0)] });
    const d = await detail(made.id);
    expect(
      d.papers.map((p: { paper: number; required: boolean; files: unknown[] }) => [
        p.paper,
        p.required,
        p.files.length,
      ]),
    ).toEqual([
      [0, true, 1],
      [1, false, 0],
    ]);
    expect(d.files[0]).toMatchObject({ paper: 0, kind: 'UPLOAD' });
  });

  it('at the counter, takes a paper handed over on paper or as a scan, and refuses one missing', async () => {
    const missing = await env.w.agents.onestopA.post('/api/dossiers', counterPayload());
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('PAPERS_MISSING');

    const onPaper = await env.w.agents.onestopA.post(
      '/api/dossiers',
      counterPayload({ papersOnPaper: [{ paper: 0 }] }),
    );
    expect(onPaper.statusCode, onPaper.body).toBe(201);
    const d = await detail(onPaper.json().id);
    expect(d.status).toBe('RECEIVED');
    expect(d.papers[0]).toMatchObject({ paper: 0, onPaper: true, files: [] });
    expect(d.papers[1]).toMatchObject({ paper: 1, onPaper: false });

    const scanned = await env.w.agents.onestopA.post(
      '/api/dossiers',
      counterPayload({ uploads: [await uploadPaper(0)] }),
    );
    expect(scanned.statusCode, scanned.body).toBe(201);
    expect((await detail(scanned.json().id)).papers[0]).toMatchObject({ onPaper: false, files: [expect.any(Object)] });

    // Later, the officer scans the optional ID paper onto its box, or notes it was shown on paper.
    const id = onPaper.json().id as number;
    const scan = await env.w.agents.onestopA.request({
      method: 'POST',
      url: `/api/dossiers/${id}/files`,
      ...multipartBody({ kind: 'SCAN', paper: 1 }, { name: 'cccd.pdf', content: minimalPdf, type: 'application/pdf' }),
    });
    expect(scan.statusCode, scan.body).toBe(201);
    expect(scan.json().paper).toBe(1);
    const wrongBox = await env.w.agents.onestopA.request({
      method: 'POST',
      url: `/api/dossiers/${id}/files`,
      ...multipartBody({ kind: 'SCAN', paper: 9 }, { name: 'x.pdf', content: minimalPdf, type: 'application/pdf' }),
    });
    expect(wrongBox.statusCode).toBe(400);
    expect((await mark(id, { kind: 'PAPER', paper: 9 })).statusCode).toBe(400);
    const marked = await mark(id, { kind: 'PAPER', paper: 1 });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().papers[1]).toMatchObject({ onPaper: true, files: [{ fileName: 'cccd.pdf' }] });
    const audit = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where entity_type = 'dossier' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toContain('dossier.paper.on_paper');
  });
});

describe('a bundle (liên thông)', () => {
  it('asks each procedure’s fields and papers once and makes real linked dossiers the officer sees from any', async () => {
    // The residence registration's papers are missing: refused, naming them, though the birth papers are there.
    const partial = await post(
      submission({
        procedureCode: '1.001193',
        fields: birthFields,
        uploads: await requiredPapers('1.001193'),
        bundleWith: ['1.004222', 'LT.BHYT6'],
      }),
    );
    expect(partial.statusCode).toBe(422);
    expect(partial.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'papers.1.004222.0',
      'papers.1.004222.1',
    ]);
    expect(partial.json().detail).toContain('Giấy tờ chứng minh chỗ ở hợp pháp');
    // A field only the residence registration asks for is still asked for.
    const { address: _a, ...noAddress } = birthFields;
    const noField = await post(submission({ procedureCode: '1.001193', fields: noAddress, bundleWith: ['1.004222'] }));
    expect(noField.json().errors).toEqual([expect.objectContaining({ field: 'fields.address', code: 'REQUIRED' })]);

    const made = await submitOnline({
      procedureCode: '1.001193',
      fields: birthFields,
      uploads: [
        ...(await requiredPapers('1.001193')),
        ...(await requiredPapers('1.004222', true)),
        // An extra paper sent for the residence registration, tied to none of its papers.
        await uploadPaper(undefined, '1.004222'),
      ],
      bundleWith: ['1.004222', 'LT.BHYT6'],
    });
    const [residence, insurance] = made.bundle;
    const birth = await detail(made.id);
    // Each dossier holds its own procedure's fields (the child's name typed once reaches both that ask for it).
    expect(birth.fields.map((f: { key: string }) => f.key)).toEqual(['childName', 'childBirthDate', 'birthPlace']);
    const linkedIds = birth.linked.map((l: { id: number }) => l.id);
    expect(birth.linked.map((l: { code: string }) => l.code)).toEqual([residence!.code, insurance!.code]);
    const res = await detail(linkedIds[0]);
    expect(res.fields).toEqual([{ key: 'address', label: 'Địa chỉ đăng ký thường trú', value: birthFields.address }]);
    expect(res.files.map((f: { paper: number }) => f.paper)).toEqual([0, 1, null]);
    expect(birth.files.map((f: { paper: number }) => f.paper)).toEqual([0, 1]);
    expect(res.papers.every((p: { files: unknown[] }) => p.files.length === 1)).toBe(true);
    expect(res.linked.map((l: { id: number }) => l.id)).toEqual([made.id, linkedIds[1]]);
    const ins = await detail(linkedIds[1]);
    expect(ins.fields.map((f: { key: string; value: string }) => [f.key, f.value])).toEqual([
      ['childName', 'Nguyễn Minh Khang'],
      ['childBirthDate', '2026-10-30'],
      ['birthPlace', 'Trạm y tế xã'],
    ]);
    expect(ins.linked.map((l: { id: number }) => l.id)).toEqual([made.id, linkedIds[0]]);
  });

  it('hands a paper two procedures of the bundle ask for once, and each dossier keeps its copy', async () => {
    // The health-insurance procedure edited to ask for the birth certificate too (as a province may).
    await env.t.database.raw(
      `update procedures set documents = '[{"nameVi":"Giấy chứng sinh","nameEn":"Birth certificate from the hospital","copyType":"COPY","count":1,"required":true}]'::jsonb
       where code = 'LT.BHYT6' and status = 'PUBLISHED'`,
    );
    const { address: _a, ...childOnly } = birthFields;
    const made = await submitOnline({
      procedureCode: '1.001193',
      fields: childOnly,
      uploads: await requiredPapers('1.001193'),
      bundleWith: ['LT.BHYT6'],
    });
    const ins = await detail((await detail(made.id)).linked[0].id);
    expect(ins.papers).toEqual([
      expect.objectContaining({ paper: 0, files: [expect.objectContaining({ fileName: 'giay-to-1.pdf' })] }),
    ]);
    expect((await detail(made.id)).papers[1].files).toHaveLength(1);
  });
});

describe('approval and return need the result and the fee', () => {
  it('refuses approval without the result or the fee, says which, and offers the button once both are there', async () => {
    const made = await submitOnline();
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    await act('onestopA', made.id, { action: 'ASSIGN', version: 2, assigneeId: env.w.accounts.onestopA.id });
    await act('onestopA', made.id, { action: 'SEND_FOR_APPROVAL', version: 3 });
    const waiting = (await env.w.agents.leaderA.get(`/api/dossiers/${made.id}`)).json();
    expect(waiting.allowedActions).not.toContain('APPROVE');
    expect(waiting.blockedActions).toEqual(['APPROVE']);
    expect(waiting.blockers).toEqual(['RESULT', 'FEE']);

    const refused = await act('leaderA', made.id, { action: 'APPROVE', version: 4 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('NOT_READY_TO_CLOSE');
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['RESULT_MISSING', 'FEE_UNSETTLED']);
    expect(refused.json().detail).toContain('chưa có kết quả');

    expect((await attachResult(made.id)).statusCode).toBe(201);
    const feeOnly = await act('leaderA', made.id, { action: 'APPROVE', version: 4 });
    expect(feeOnly.json().errors.map((e: { code: string }) => e.code)).toEqual(['FEE_UNSETTLED']);
    expect(feeOnly.json().detail).toContain('phí, lệ phí chưa được nộp hoặc miễn');

    await payCash(made.id);
    const ready = (await env.w.agents.leaderA.get(`/api/dossiers/${made.id}`)).json();
    expect(ready).toMatchObject({ blockers: [], blockedActions: [], fee: { paid: true } });
    expect(ready.allowedActions).toContain('APPROVE');
    const approved = await act('leaderA', made.id, { action: 'APPROVE', version: ready.version });
    expect(approved.json().status).toBe('RESOLVED');
    expect(approved.json().allowedActions).toContain('RETURN');
  });

  it('takes a result issued on paper and a waived fee (with its reason, audited); refuses a waiver once paid', async () => {
    const id = (await env.w.f.dossier(env.w.communeA, { receivedBy: env.w.accounts.onestopA })).id;
    const waived = await mark(id, { kind: 'FEE_EXEMPT' });
    expect(waived.statusCode).toBe(400);
    const noResult = await act('onestopA', id, {
      action: 'ASSIGN',
      version: 1,
      assigneeId: env.w.accounts.onestopA.id,
    });
    await env.t.database.raw(`update procedures set requires_approval = false where code = '1.004873'`);
    try {
      const refused = await act('onestopA', id, { action: 'RESOLVE', version: noResult.json().version });
      expect(refused.json().code).toBe('NOT_READY_TO_CLOSE');
      expect((await mark(id, { kind: 'RESULT' })).json()).toMatchObject({
        result: { onPaper: true },
        blockers: ['FEE'],
      });
      const exempt = await mark(id, { kind: 'FEE_EXEMPT', note: 'Người có công với cách mạng' });
      expect(exempt.json()).toMatchObject({
        fee: { exempt: 'Người có công với cách mạng', paid: false },
        blockers: [],
      });
      const resolved = await act('onestopA', id, { action: 'RESOLVE', version: exempt.json().version });
      expect(resolved.json().status).toBe('RESOLVED');
      const returned = await act('onestopA', id, { action: 'RETURN', version: resolved.json().version });
      expect(returned.json().status).toBe('RETURNED');
      expect((await mark(id, { kind: 'RESULT' })).statusCode).toBe(409);
    } finally {
      await env.t.database.raw(`update procedures set requires_approval = true where code = '1.004873'`);
    }
    const audit = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where entity_type = 'dossier' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['dossier.result.on_paper', 'dossier.fee.exempt']),
    );

    const paid = (await env.w.f.dossier(env.w.communeA, { receivedBy: env.w.accounts.onestopA })).id;
    await payCash(paid);
    expect((await mark(paid, { kind: 'FEE_EXEMPT', note: 'Hộ nghèo' })).statusCode).toBe(409);
  });
});
