import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { applicant, dossierKit } from './dossiers.test-kit.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submission } = dossierKit(env);

type FieldProblem = { field: string; code: string; message: string };

/** Submits online with the applicant's details changed, in the language given, and returns the 400's field entries. */
async function refused(change: Record<string, unknown>, language: { header?: string; query?: string } = {}) {
  const res = await env.t.app.inject({
    method: 'POST',
    url: `/api/public/dossiers${language.query ? `?lang=${language.query}` : ''}`,
    payload: submission({ applicant: { ...applicant, ...change } }),
    headers: language.header ? { 'accept-language': language.header } : {},
  });
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return (res.json() as { errors: FieldProblem[] }).errors;
}

describe('POST /api/public/dossiers field errors', () => {
  it('400 names the ID number field with a stable code and plain Vietnamese words, no field path', async () => {
    const errors = await refused({ personalId: '03119000555' }, { header: 'vi-VN,vi;q=0.9' });
    expect(errors).toEqual([
      {
        field: 'body.applicant.personalId',
        code: 'PERSONAL_ID_LENGTH',
        message: 'Số định danh cá nhân phải có 12 chữ số',
      },
    ]);
  });

  it('400 says the same in English when the page asks for English (Accept-Language or ?lang=)', async () => {
    for (const language of [{ header: 'en-GB,en;q=0.9' }, { query: 'en' }]) {
      const [error] = await refused({ personalId: 'abc' }, language);
      expect(error).toMatchObject({ field: 'body.applicant.personalId', code: 'PERSONAL_ID_LENGTH' });
      expect(error!.message).toBe('A personal ID number has 12 digits');
    }
  });

  it('400 tells a 12-digit number no province ever had from a short one, and a bad phone and a missing name', async () => {
    const errors = await refused({ personalId: '003190005555', phone: '12345', fullName: undefined });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['body.applicant.personalId']).toMatchObject({ code: 'PERSONAL_ID_INVALID' });
    expect(byField['body.applicant.phone']).toMatchObject({
      code: 'PHONE',
      message: 'Số điện thoại chưa đúng, ví dụ 0912 345 678',
    });
    expect(byField['body.applicant.fullName']).toMatchObject({ code: 'REQUIRED', message: 'Vui lòng điền mục này' });
    for (const e of errors) expect(e.message).not.toMatch(/body|applicant|[A-Z_]{5,}/);
  });
});
