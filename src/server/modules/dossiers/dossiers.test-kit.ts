import { expect } from 'vitest';
import { multipartBody } from '../../../../test/multipart.js';
import { APPLICANT_COOKIE, issueProofs } from './dossiers.applicant.js';
import type { useWorld } from '../../../../test/world.js';

// What the dossier tests share: a citizen's online submission, an officer's action, papers good and bad.

/** A multipart body with one file, as a browser's upload sends it. */
export const filePart = (name: string, content: Buffer, type = 'application/pdf') =>
  multipartBody({}, { name, content, type });
export const minimalPdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n'),
);
export const windowsExe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);

export const applicant = {
  fullName: 'Nguyễn Thị Hoa',
  personalId: '031190005555',
  phone: '0912 000 123',
  email: 'hoa@example.vn',
};

/** Submission and workflow helpers over a test world. */
export function dossierKit(env: ReturnType<typeof useWorld>) {
  const submission = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    unitCode: env.w.communeA.code,
    procedureCode: '1.004873',
    applicant,
    fields: { purpose: 'Đăng ký kết hôn' },
    returnMethod: 'COUNTER',
    ...extra,
  });
  /** Uploads a scan as a citizen does before submitting: the reference a submission presents. */
  async function uploadPaper(paper?: number, procedureCode?: string) {
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/uploads',
      ...filePart(`giay-to-${paper ?? 'khac'}.pdf`, minimalPdf),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, key } = res.json() as { id: number; key: string };
    return { id, key, ...(paper === undefined ? {} : { paper }), ...(procedureCode ? { procedureCode } : {}) };
  }
  /** A scan of each required paper of a procedure, tied to its paper. */
  async function requiredPapers(procedureCode: string, tag = false) {
    const res = await env.t.app.inject({ method: 'GET', url: `/api/public/procedures/${procedureCode}` });
    const documents = (res.json() as { documents: { required: boolean }[] }).documents;
    const refs = [];
    for (const [paper, d] of documents.entries())
      if (d.required) refs.push(await uploadPaper(paper, tag ? procedureCode : undefined));
    return refs;
  }
  /**
   * An anonymous online submission; `proof` is the submitting client's proof cookie (30 minutes, this dossier only),
   * which a test passes on to act as that client, or leaves out to be a mere link holder.
   */
  async function submitOnline(
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    cookies: Record<string, string> = {},
  ) {
    const body = submission(extra);
    // Unless the test says which files it sends, each required paper of the procedure comes as a scan.
    if (!('uploads' in extra)) body.uploads = await requiredPapers(String(body.procedureCode));
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: body,
      headers,
      cookies,
    });
    expect(res.statusCode, res.body).toBe(201);
    const proof = res.cookies.find((c) => c.name === 'ketnoi_applicant')?.value;
    return {
      ...(res.json() as {
        id: number;
        code: string;
        token: string;
        statusUrl: string;
        receiptUrl: string;
        bundle: { code: string; token: string; procedureCode: string }[];
      }),
      proof: proof ?? '',
    };
  }
  const act = (agent: 'onestopA' | 'leaderA' | 'leaderB', id: number, body: Record<string, unknown>) =>
    env.w.agents[agent].post(`/api/dossiers/${id}/actions`, body);
  /** A request on the public side of a dossier, with a proof cookie when given (else as a mere link holder). */
  const asApplicant = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    options: { proof?: string; payload?: object; ip?: string; cookies?: Record<string, string> } = {},
  ) =>
    env.t.app.inject({
      method,
      url,
      payload: options.payload,
      remoteAddress: options.ip,
      cookies: { ...(options.proof ? { ketnoi_applicant: options.proof } : {}), ...options.cookies },
    });
  /** The result file attached by the officer: what approval and return need beside the fee. */
  const attachResult = (id: number) =>
    env.w.agents.onestopA.request({
      method: 'POST',
      url: `/api/dossiers/${id}/files`,
      ...multipartBody({ kind: 'RESULT' }, { name: 'ket-qua.pdf', content: minimalPdf, type: 'application/pdf' }),
    });
  /** The fee paid in cash at the counter (nothing when the procedure is free). */
  async function payCash(id: number) {
    const d = (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json() as { feeAmount: number; paid: boolean };
    if (d.feeAmount === 0 || d.paid) return;
    const res = await env.w.agents.onestopA.post(`/api/dossiers/${id}/cash`, { amount: d.feeAmount });
    expect(res.statusCode, res.body).toBe(200);
  }
  /** Result on file and fee paid: a dossier ready to be approved and returned; answers its version now. */
  async function settle(id: number): Promise<number> {
    expect((await attachResult(id)).statusCode).toBe(201);
    await payCash(id);
    return (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json().version as number;
  }
  return { submission, submitOnline, act, asApplicant, uploadPaper, requiredPapers, attachResult, payCash, settle };
}

/**
 * The cookie of a proven applicant for one dossier, as a code that checked out would give it: for tests whose
 * subject is what the applicant does next (a rating, a form), not the proof itself (dossiers.applicant.test.ts).
 */
export async function applicantCookie(env: ReturnType<typeof useWorld>, dossier: { id: number; token: string }) {
  const [proof] = await issueProofs(env.t.database.db, [dossier], 'CODE');
  return { cookie: `${APPLICANT_COOKIE}=${proof!.token}` };
}
