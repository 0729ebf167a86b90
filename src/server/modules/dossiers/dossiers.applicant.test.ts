import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { useWorld } from '../../../../test/world.js';
import { applicant, dossierKit, filePart } from './dossiers.test-kit.js';

// Holding a dossier's link (or its code and 4 phone digits) shows its status; every change, and its forms, need
// proof of being the applicant: the account that filed it, or a code sent by SMS to the phone on file.

const sms = useFakeSms();
// The same object: the gateway's address is filled in by its beforeAll, before the app is built.
sms.overrides.PUBLIC_SUBMIT_PER_MINUTE = '1000';
const env = useWorld(sms.overrides);
const { submitOnline, act, asApplicant, requiredPapers, settle } = dossierKit(env);
const { messages, codeSentTo } = sms;
const url = (token: string, rest = '') => `/api/public/dossiers/${token}${rest}`;
const phoneOf = (n: number) => `0912 0${String(n).padStart(2, '0')} 123`;
const onFile = (n: number) => `+849120${String(n).padStart(2, '0')}123`;
const notThis = (code: string) => (code === '000000' ? '111111' : '000000');

/**
 * A dossier received and asking for papers, as a link holder finds it. Each test gives its own applicant's phone
 * (`0912 0NN 123`: all end in 123), so the 3 codes an hour per phone of one test do not spill into another.
 */
async function waitingForPapers(n: number) {
  const made = await submitOnline({ applicant: { ...applicant, phone: phoneOf(n) } });
  await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
  await act('onestopA', made.id, { action: 'REQUEST_SUPPLEMENT', version: 2, reason: 'Bổ sung giấy khai sinh' });
  return made;
}

async function upload() {
  const res = await env.t.app.inject({ method: 'POST', url: '/api/public/uploads', ...filePart('a.png', tinyPng) });
  return res.json() as { id: number; key: string };
}

/** Asks for a code for a dossier and checks it: the proof cookie, as the page would hold it. */
async function proveByCode(token: string, n: number) {
  expect((await asApplicant('POST', url(token, '/proof-code'))).statusCode).toBe(202);
  const res = await asApplicant('POST', url(token, '/proof'), { payload: { code: codeSentTo(onFile(n)) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.cookies.find((c) => c.name === 'ketnoi_applicant')!.value;
}

const dossierRow = async (id: number) =>
  (
    await env.t.database.raw<{ status: string; rating: string | null }>(
      'select status, rating from dossiers where id = $1',
      [id],
    )
  )[0]!;

describe('a link holder without proof', () => {
  it('is refused (401 problem+json) withdrawing, providing papers, rating and downloading forms; nothing changes', async () => {
    const made = await waitingForPapers(1);
    const paper = await upload();
    const refusals = [
      await asApplicant('POST', url(made.token, '/actions'), { payload: { action: 'WITHDRAW', reason: 'Rút' } }),
      await asApplicant('POST', url(made.token, '/actions'), {
        payload: { action: 'SUPPLEMENT', uploads: [{ id: paper.id, key: paper.key }] },
      }),
      await asApplicant('GET', url(made.token, '/forms/01')),
      await asApplicant('GET', url(made.token, '/forms/02')),
    ];
    for (const res of refusals) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('xác nhận');
    }
    expect((await dossierRow(made.id)).status).toBe('SUPPLEMENT_REQUESTED');
    const [file] = await env.t.database.raw<{ dossier_id: number | null }>(
      'select dossier_id from dossier_files where id = $1',
      [paper.id],
    );
    expect(file!.dossier_id).toBeNull();

    const returned = await submitOnline();
    await act('onestopA', returned.id, { action: 'RECEIVE', version: 1 });
    await act('onestopA', returned.id, { action: 'ASSIGN', version: 2, assigneeId: env.w.accounts.onestopA.id });
    await act('onestopA', returned.id, { action: 'SEND_FOR_APPROVAL', version: 3 });
    const approved = await act('leaderA', returned.id, { action: 'APPROVE', version: await settle(returned.id) });
    await act('onestopA', returned.id, { action: 'RETURN', version: approved.json().version });
    expect((await dossierRow(returned.id)).status).toBe('RETURNED');
    const rating = await asApplicant('POST', url(returned.token, '/rating'), { payload: { rating: 'UNSATISFIED' } });
    expect(rating.statusCode).toBe(401);
    expect((await dossierRow(returned.id)).rating).toBeNull();
  });

  it('sees the status, not the staff’s reasons, and only the last 3 digits of the phone a code would go to', async () => {
    const made = await waitingForPapers(2);
    const page = await asApplicant('GET', url(made.token));
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      applicant: null,
      proof: { phoneEnding: '123', account: false },
    });
    expect(page.json().timeline.at(-1)).toMatchObject({ action: 'REQUEST_SUPPLEMENT', reason: null });
    for (const secret of ['Bổ sung giấy khai sinh', '912002123', applicant.fullName, applicant.personalId])
      expect(page.body).not.toContain(secret);
  });
});

describe('a one-time code to the phone on file', () => {
  it('goes only to the phone on file, whatever number the caller sends', async () => {
    const made = await waitingForPapers(3);
    const before = messages.length;
    const sent = await asApplicant('POST', url(made.token, '/proof-code'), { payload: { phone: '0999888777' } });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ sent: true, phoneEnding: '123', minutes: 10 });
    expect(messages.slice(before).map((m) => m.to)).toEqual([onFile(3)]);
    expect(messages.at(-1)!.text).toContain(made.code);
    const audit = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where entity_type = 'dossier' and entity_id = $1`,
      [String(made.id)],
    );
    expect(audit.map((a) => a.action)).toContain('dossier.proof_code');
  });

  it('refuses a wrong code; a right one gives a 30-minute proof for that dossier only, enough for several changes', async () => {
    const made = await waitingForPapers(4);
    const other = await waitingForPapers(4);
    await asApplicant('POST', url(made.token, '/proof-code'));
    const code = codeSentTo(onFile(4));
    const wrong = await asApplicant('POST', url(made.token, '/proof'), { payload: { code: notThis(code) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'code', code: 'CODE' });
    expect(wrong.cookies.find((c) => c.name === 'ketnoi_applicant')).toBeUndefined();
    // This dossier's code does not prove another dossier of the same phone.
    expect((await asApplicant('POST', url(other.token, '/proof'), { payload: { code } })).statusCode).toBe(400);

    const proved = await asApplicant('POST', url(made.token, '/proof'), { payload: { code } });
    expect(proved.statusCode, proved.body).toBe(200);
    expect(proved.json().applicant).toMatchObject({ via: 'CODE' });
    expect(proved.json().timeline.at(-1).reason).toBe('Bổ sung giấy khai sinh');
    const cookie = proved.cookies.find((c) => c.name === 'ketnoi_applicant')!;
    expect(cookie).toMatchObject({ path: `/api/public/dossiers/${made.token}`, httpOnly: true, sameSite: 'Strict' });
    expect(cookie.maxAge).toBe(1800);
    // Used once: the same code again proves nothing.
    expect((await asApplicant('POST', url(made.token, '/proof'), { payload: { code } })).statusCode).toBe(400);

    // One code, two changes in one visit: the papers, then withdrawing; and the forms.
    const paper = await upload();
    const supplied = await asApplicant('POST', url(made.token, '/actions'), {
      proof: cookie.value,
      payload: { action: 'SUPPLEMENT', uploads: [{ id: paper.id, key: paper.key }] },
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect((await asApplicant('GET', url(made.token, '/forms/02'), { proof: cookie.value })).statusCode).toBe(200);
    const withdrawn = await asApplicant('POST', url(made.token, '/actions'), {
      proof: cookie.value,
      payload: { action: 'WITHDRAW', reason: 'Không cần nữa' },
    });
    expect(withdrawn.json()).toMatchObject({ status: 'WITHDRAWN', applicant: { via: 'CODE' } });
    // The proof opens this dossier only.
    const elsewhere = await asApplicant('POST', url(other.token, '/actions'), {
      proof: cookie.value,
      payload: { action: 'WITHDRAW', reason: 'Thử' },
    });
    expect(elsewhere.statusCode).toBe(401);
    expect((await dossierRow(other.id)).status).toBe('SUPPLEMENT_REQUESTED');

    const audit = await env.t.database.raw<{ action: string; details: Record<string, unknown> }>(
      `select action, details from audit_log where entity_type = 'dossier' and entity_id = $1 order by id`,
      [String(made.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['dossier.proof_code', 'dossier.proof_failed', 'dossier.proof', 'dossier.form']),
    );
    expect(audit.find((a) => a.action === 'dossier.withdraw')!.details).toMatchObject({ via: 'CODE' });
    expect(audit.find((a) => a.action === 'dossier.supplement')!.details).toMatchObject({ via: 'CODE' });
  });

  it('refuses an expired code and an expired proof; the applicant can end a proof early', async () => {
    const made = await waitingForPapers(5);
    await asApplicant('POST', url(made.token, '/proof-code'));
    const code = codeSentTo(onFile(5));
    await env.t.database.raw(`update phone_codes set expires_at = now() - interval '1 second' where dossier_id = $1`, [
      made.id,
    ]);
    expect((await asApplicant('POST', url(made.token, '/proof'), { payload: { code } })).statusCode).toBe(400);

    const proof = await proveByCode(made.token, 5);
    await env.t.database.raw(
      `update dossier_proofs set expires_at = now() - interval '1 second' where dossier_id = $1`,
      [made.id],
    );
    const late = await asApplicant('POST', url(made.token, '/actions'), {
      proof,
      payload: { action: 'WITHDRAW', reason: 'Rút' },
    });
    expect(late.statusCode).toBe(401);

    const fresh = await proveByCode(made.token, 5);
    expect((await asApplicant('DELETE', url(made.token, '/proof'), { proof: fresh })).statusCode).toBe(204);
    const after = await asApplicant('GET', url(made.token, '/forms/01'), { proof: fresh });
    expect(after.statusCode).toBe(401);
  });

  it('sends at most 3 codes an hour for a dossier and its phone', async () => {
    const made = await waitingForPapers(6);
    const other = await waitingForPapers(6);
    for (let i = 0; i < 3; i++)
      expect((await asApplicant('POST', url(made.token, '/proof-code'), { ip: `203.0.113.${i}` })).statusCode).toBe(
        202,
      );
    const limited = await asApplicant('POST', url(made.token, '/proof-code'), { ip: '203.0.113.9' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    // The same phone through another of its dossiers: still the phone's 3.
    expect((await asApplicant('POST', url(other.token, '/proof-code'), { ip: '203.0.113.10' })).statusCode).toBe(429);
  });

  it('cannot be sent for a dossier without a phone on file: only its account or the counter can change it', async () => {
    const made = await waitingForPapers(7);
    await env.t.database.raw(
      'update dossiers set applicant_phone_enc = null, applicant_phone_bidx = null where id = $1',
      [made.id],
    );
    const page = (await asApplicant('GET', url(made.token))).json();
    expect(page.proof).toEqual({ phoneEnding: null, account: false });
    const code = await asApplicant('POST', url(made.token, '/proof-code'));
    expect(code.statusCode).toBe(409);
    expect(code.json().detail).toContain('Bộ phận một cửa');
    const withdraw = await asApplicant('POST', url(made.token, '/actions'), {
      payload: { action: 'WITHDRAW', reason: 'Rút' },
    });
    expect(withdraw.statusCode).toBe(401);
    expect(withdraw.json().detail).toContain('Bộ phận một cửa');
  });
});

describe('a citizen account', () => {
  async function account(phone: string, personalId: string) {
    await env.t.app.inject({ method: 'POST', url: '/api/public/citizens/code', payload: { phone } });
    const e164 = `+84${phone.slice(1)}`;
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/citizens',
      payload: { fullName: 'Phan Thị Yến', phone, personalId, password: 'mat-khau-cong-dan', code: codeSentTo(e164) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return {
      cookies: { ketnoi_citizen: res.cookies.find((c) => c.name === 'ketnoi_citizen')!.value },
      csrf: res.json().csrfToken as string,
    };
  }
  const asCitizen = (
    who: { cookies: Record<string, string>; csrf: string },
    method: 'GET' | 'POST',
    path: string,
    payload?: object,
    headers: Record<string, string> = { 'x-csrf-token': who.csrf },
  ) => env.t.app.inject({ method, url: path, payload, cookies: who.cookies, headers });

  it('that filed the dossier acts without a code; another account is refused (403); keys stay its own', async () => {
    const yen = await account('0912777101', '031190008888');
    const other = await account('0912777102', '031190009999');
    const submission = {
      unitCode: env.w.communeA.code,
      procedureCode: '1.004873',
      fields: { purpose: 'Đăng ký kết hôn' },
      returnMethod: 'COUNTER',
    };
    const key = { 'x-csrf-token': yen.csrf, 'idempotency-key': 'citizen-key-0001' };
    const made = await asCitizen(
      yen,
      'POST',
      '/api/public/dossiers',
      { ...submission, uploads: await requiredPapers('1.004873') },
      key,
    );
    expect(made.statusCode, made.body).toBe(201);
    const { token, id } = made.json() as { token: string; id: number };
    // Another account sending the same key and content gets its own dossier.
    // (The same content but its own scan of the declaration: a file is claimed by one dossier only.)
    const theirs = await asCitizen(
      other,
      'POST',
      '/api/public/dossiers',
      { ...submission, uploads: await requiredPapers('1.004873') },
      {
        'x-csrf-token': other.csrf,
        'idempotency-key': 'citizen-key-0001',
      },
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(id);
    expect(theirs.body).not.toContain(token);

    const page = (await asCitizen(yen, 'GET', url(token))).json();
    expect(page).toMatchObject({ applicant: { via: 'ACCOUNT', until: null }, proof: { account: true } });
    expect((await asCitizen(yen, 'GET', url(token, '/forms/01'))).statusCode).toBe(200);

    const refused = await asCitizen(other, 'POST', url(token, '/actions'), { action: 'WITHDRAW', reason: 'Rút hộ' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await asCitizen(other, 'GET', url(token, '/forms/01'))).statusCode).toBe(403);
    // The owner's change carries the account's CSRF token, as every account request does.
    const noCsrf = await asCitizen(yen, 'POST', url(token, '/actions'), { action: 'WITHDRAW', reason: 'Rút' }, {});
    expect(noCsrf.statusCode).toBe(403);
    const withdrawn = await asCitizen(yen, 'POST', url(token, '/actions'), {
      action: 'WITHDRAW',
      reason: 'Nộp nhầm',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'WITHDRAWN', applicant: { via: 'ACCOUNT' } });
    const [entry] = await env.t.database.raw<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'dossier.withdraw' and entity_id = $1`,
      [String(id)],
    );
    expect(entry!.details).toMatchObject({ via: 'ACCOUNT' });
  });
});

describe('papers claimed by their key', () => {
  it('attach only with the key their upload answered with, even for the proven applicant', async () => {
    const made = await waitingForPapers(8);
    const mine = await upload();
    const someoneElses = await upload();
    const claim = (ref: { id: number; key: string }) =>
      asApplicant('POST', url(made.token, '/actions'), {
        proof: made.proof,
        payload: { action: 'SUPPLEMENT', uploads: [ref] },
      });
    const guessed = await claim({ id: someoneElses.id, key: mine.key });
    expect(guessed.statusCode).toBe(409);
    expect((await dossierRow(made.id)).status).toBe('SUPPLEMENT_REQUESTED');
    expect((await claim(mine)).statusCode).toBe(200);
    const files = await env.t.database.raw<{ id: number; dossier_id: number | null }>(
      'select id, dossier_id from dossier_files where id in ($1, $2) order by id',
      [mine.id, someoneElses.id],
    );
    expect(files).toEqual([
      { id: mine.id, dossier_id: made.id },
      { id: someoneElses.id, dossier_id: null },
    ]);
  });
});

describe('the receipt and other forms', () => {
  it('go to the submitting client, the proven applicant and the commune’s staff; not to a link holder or another commune', async () => {
    const made = await submitOnline();
    expect(made.proof).not.toBe('');
    expect((await asApplicant('GET', url(made.token, '/forms/01'), { proof: made.proof })).statusCode).toBe(200);
    expect((await asApplicant('GET', url(made.token, '/forms/01'))).statusCode).toBe(401);
    expect((await env.w.agents.onestopA.get(url(made.token, '/forms/01'))).statusCode).toBe(200);
    const outside = await env.w.agents.leaderB.get(url(made.token, '/forms/01'));
    expect(outside.statusCode).toBe(401);
    expect(outside.body).not.toContain(applicant.fullName);
  });
});

describe('looking a dossier up by code and phone digits', () => {
  it('stops looking a code up after 5 wrong endings in an hour, from any address', async () => {
    const made = await submitOnline();
    const lookup = (digits: string, ip: string) =>
      asApplicant('GET', `/api/public/dossier-lookup?code=${made.code}&phoneLast4=${digits}`, { ip });
    for (let i = 0; i < 5; i++) expect((await lookup(`900${i}`, `192.0.2.${i}`)).statusCode).toBe(404);
    const locked = await lookup('0123', '192.0.2.77');
    expect(locked.statusCode).toBe(429);
    expect(locked.body).not.toContain(made.token);
    // Another dossier's look-up is not affected; what it gives is the status, not the right to change it.
    const other = await submitOnline();
    const found = await asApplicant('GET', `/api/public/dossier-lookup?code=${other.code}&phoneLast4=0123`);
    expect(found.json()).toMatchObject({ token: other.token, applicant: null });
    const withdraw = await asApplicant('POST', url(other.token, '/actions'), {
      payload: { action: 'WITHDRAW', reason: 'Rút' },
    });
    expect(withdraw.statusCode).toBe(401);
  });
});
