import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/multipart.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { useWorld } from '../../../../test/world.js';
import { localParts } from '../calendar/working-days.js';
import { resultLink } from './dossiers.results.js';
import { applicantCookie, dossierKit, minimalPdf } from './dossiers.test-kit.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submitOnline, act } = dossierKit(env);
const today = localParts(new Date()).day;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A copy of a civil-status extract (signed by the officer, no leader), with its fee paid by a recorded transfer. */
async function resolvedCopy(returnMethod: 'ONLINE' | 'POST') {
  await env.t.database.raw(`update procedures set requires_approval = false where code = '2.000635'`);
  const made = await submitOnline({
    procedureCode: '2.000635',
    fields: { copies: '2' },
    returnMethod,
    ...(returnMethod === 'POST' ? { postalAddress: 'Số 7, ngõ 3, thôn Đông' } : {}),
  });
  const officer = env.w.agents.onestopA;
  let version = (await act('onestopA', made.id, { action: 'RECEIVE', version: 1 })).json().version;
  version = (
    await act('onestopA', made.id, { action: 'ASSIGN', version, assigneeId: env.w.accounts.onestopA.id })
  ).json().version;
  const fee = (await officer.get(`/api/dossiers/${made.id}`)).json().feeAmount as number;
  if (fee > 0) {
    const paid = await officer.post(`/api/dossiers/${made.id}/transfer`, {
      amount: fee,
      reference: `FT${made.code.replace(/\D/g, '')}`,
      transferredOn: today,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    version += 1;
  }
  // Resolving needs a result: the extract is signed on paper first; the electronic copy comes later (or not).
  const noted = await officer.post(`/api/dossiers/${made.id}/marks`, { kind: 'RESULT', note: 'Bản giấy đã ký' });
  expect(noted.statusCode, noted.body).toBeLessThan(300);
  version = (await officer.get(`/api/dossiers/${made.id}`)).json().version as number;
  const resolved = await act('onestopA', made.id, { action: 'RESOLVE', version });
  expect(resolved.statusCode, resolved.body).toBe(200);
  return { ...made, version: resolved.json().version as number };
}

const attachResult = (id: number) =>
  env.w.agents.onestopA.request({
    method: 'POST',
    url: `/api/dossiers/${id}/files`,
    ...multipartBody(
      { kind: 'RESULT', label: 'Bản sao trích lục' },
      { name: 'ban-sao-trich-luc.pdf', content: minimalPdf, type: 'application/pdf' },
    ),
  });

describe('the electronic result reaches the citizen', () => {
  it('cannot be returned online without the file; then downloads from the status page by a signed, audited link', async () => {
    const d = await resolvedCopy('ONLINE');
    const { cookie } = await applicantCookie(env, d);
    const results = (proof?: string) =>
      env.t.app.inject({
        method: 'GET',
        url: `/api/public/dossiers/${d.token}/results`,
        headers: proof ? { cookie: proof } : {},
      });
    // Resolved but not returned: nothing to download yet, even for the applicant.
    expect((await results(cookie)).json()).toEqual({ ready: false, items: [] });

    const early = await act('onestopA', d.id, { action: 'RETURN', version: d.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('bản điện tử của kết quả');
    const upload = await attachResult(d.id);
    expect(upload.statusCode, upload.body).toBe(201);
    const returned = await act('onestopA', d.id, { action: 'RETURN', version: d.version });
    expect(returned.statusCode, returned.body).toBe(200);

    // A mere link holder gets no result; the proven applicant gets a link that needs no cookie.
    expect([401, 403]).toContain((await results()).statusCode);
    const list = (await results(cookie)).json();
    expect(list.ready).toBe(true);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ fileName: 'ban-sao-trich-luc.pdf', size: minimalPdf.length });
    const expiresIn = new Date(list.items[0].expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
    const file = await env.t.app.inject({ method: 'GET', url: list.items[0].url });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(minimalPdf)).toBe(true);
    const audits = (await env.t.database.raw(
      `select details from audit_log where action = 'dossier.result.download' and entity_id = $1`,
      [d.id],
    )) as { details: { file: number } }[];
    expect(audits).toEqual([{ details: { file: list.items[0].id } }]);

    // A changed signature, another file's signature, or an expired link: refused, and nothing audited.
    const url = new URL(list.items[0].url, 'http://x');
    const sig = url.searchParams.get('sig')!;
    const forged = `${url.pathname}?expires=${url.searchParams.get('expires')}&sig=${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect((await env.t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(403);
    const later = `${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 3600}&sig=${sig}`;
    expect((await env.t.app.inject({ method: 'GET', url: later })).statusCode).toBe(403);
    const old = resultLink(env.t.config, list.items[0].id, new Date(Date.now() - 11 * 60_000));
    expect((await env.t.app.inject({ method: 'GET', url: old.url })).statusCode).toBe(403);
    const otherFile = resultLink(env.t.config, list.items[0].id + 1000);
    expect((await env.t.app.inject({ method: 'GET', url: otherFile.url })).statusCode).toBe(404);
    expect(
      await env.t.database.raw(`select 1 from audit_log where action = 'dossier.result.download' and entity_id = $1`, [
        d.id,
      ]),
    ).toHaveLength(1);
  });

  it('a scan of an applicant’s paper is not a result: its id in a signed link is refused', async () => {
    const made = await submitOnline();
    const [scan] = (await env.t.database.raw(
      `insert into dossier_files (dossier_id, kind, file_name, mime, size, sha256, content)
       values ($1, 'SCAN', 'cccd.pdf', 'application/pdf', 1, 'x', '\\x25') returning id`,
      [made.id],
    )) as [{ id: number }];
    expect((await env.t.app.inject({ method: 'GET', url: resultLink(env.t.config, scan.id).url })).statusCode).toBe(
      404,
    );
  });

  it('a postal return keeps address, postage and tracking number, and the status page shows the tracking', async () => {
    const d = await resolvedCopy('POST');
    const early = await act('onestopA', d.id, { action: 'RETURN', version: d.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('số vận đơn');
    const sent = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/shipments`, {
      direction: 'OUT',
      trackingNumber: `EB${String(d.id).padStart(9, '0')}VN`,
      address: 'Số 7, ngõ 3, thôn Đông',
      feeAmount: 25000,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const returned = await act('onestopA', d.id, { action: 'RETURN', version: d.version });
    expect(returned.statusCode, returned.body).toBe(200);
    const [kept] = (await env.t.database.raw(
      `select address, fee_amount, tracking_number from postal_shipments where dossier_id = $1`,
      [d.id],
    )) as [Record<string, unknown>];
    expect(kept).toEqual({
      address: 'Số 7, ngõ 3, thôn Đông',
      fee_amount: 25000,
      tracking_number: `EB${String(d.id).padStart(9, '0')}VN`,
    });
    const tracking = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.token}/shipments` });
    expect(tracking.json().items).toEqual([
      expect.objectContaining({
        carrier: 'VNPost',
        trackingNumber: `EB${String(d.id).padStart(9, '0')}VN`,
        status: 'CREATED',
      }),
    ]);
    // Papers that came in by post are not the result's tracking.
    await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/shipments`, {
      direction: 'IN',
      trackingNumber: `RR${String(d.id).padStart(9, '0')}VN`,
    });
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.token}/shipments` })).json().items,
    ).toHaveLength(1);
  });
});

describe('apologies and the forms officers print', () => {
  // June 2099 has no public holiday: the 2nd is a Tuesday, the 6th a Saturday.
  const tuesday = '2099-06-02';
  const saturday = '2099-06-06';
  const holiday = '2099-06-10';
  const nextTuesday = '2099-06-16';

  it('refuses a new date that is not a working day; the overdue flag and queue follow the new date', async () => {
    await env.t.database.raw(
      `insert into calendar_days (day, kind, name_vi, name_en) values ($1, 'HOLIDAY', 'Nghỉ bù', 'Day off')
       on conflict (day) do nothing`,
      [holiday],
    );
    const made = await submitOnline();
    const received = await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    await env.t.database.raw(`update dossiers set due_at = now() - interval '1 day' where id = $1`, [made.id]);
    const overdueIds = async () =>
      (await env.w.agents.onestopA.get('/api/dossiers?queue=overdue&limit=100'))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await overdueIds()).toContain(made.id);
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json().overdue).toBe(true);

    const version = received.json().version as number;
    const apologize = (day: string, v = version) =>
      act('onestopA', made.id, { action: 'APOLOGIZE', version: v, reason: 'Chờ xác minh', newDueDate: day });
    for (const day of [saturday, holiday]) {
      const refused = await apologize(day);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ field: 'newDueDate', code: 'NOT_WORKING_DAY' });
      expect(refused.json().errors[0].message).toContain(dmy(day));
    }
    const ok = await apologize(tuesday);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().overdue).toBe(false);
    expect(await overdueIds()).not.toContain(made.id);
    expect((await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${made.token}` })).json().overdue).toBe(
      false,
    );

    // The new date passes in turn: overdue again.
    await env.t.database.raw(`update dossiers set extended_due_at = now() - interval '1 hour' where id = $1`, [
      made.id,
    ]);
    expect(await overdueIds()).toContain(made.id);
  });

  it('moves an apology’s date by the working days spent waiting for papers, as it moves the first one', async () => {
    const made = await submitOnline();
    await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    const apology = await act('onestopA', made.id, {
      action: 'APOLOGIZE',
      version: 2,
      reason: 'Chờ xác minh',
      newDueDate: tuesday,
    });
    expect(apology.statusCode, apology.body).toBe(200);
    await act('onestopA', made.id, { action: 'REQUEST_SUPPLEMENT', version: 3, reason: 'Bản sao giấy khai sinh' });
    // The request went out three weeks ago.
    await env.t.database.raw(`update dossiers set paused_at = paused_at - interval '21 days' where id = $1`, [made.id]);
    const { cookie } = await applicantCookie(env, made);
    const provided = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${made.token}/actions`,
      payload: { action: 'SUPPLEMENT', uploads: [] },
      headers: { cookie },
    });
    expect(provided.statusCode, provided.body).toBe(200);
    const after = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    const moved = new Date(after.extendedDueAt).getTime() - new Date(apology.json().extendedDueAt).getTime();
    expect(moved).toBeGreaterThanOrEqual(13 * 86400_000);
    expect(moved).toBeLessThanOrEqual(24 * 86400_000);
    expect(localParts(new Date(after.extendedDueAt)).time).toBe('17:00');
  });

  it('prints Form 04 with the date it replaces, and forms 02–05 with header, number, place, date and signature as text', async () => {
    const made = await submitOnline();
    const received = await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
    const dueAt = received.json().dueAt as string;
    const first = await act('onestopA', made.id, {
      action: 'APOLOGIZE',
      version: 2,
      reason: 'Chờ xác minh tại nơi cư trú cũ',
      newDueDate: tuesday,
    });
    expect(first.statusCode, first.body).toBe(200);
    const form = async (n: string) => {
      const res = await env.w.agents.onestopA.get(`/api/public/dossiers/${made.token}/forms/${n}`);
      expect(res.statusCode, `${n}: ${res.body.slice(0, 200)}`).toBe(200);
      return pdfText(res.rawPayload);
    };
    const firstForm = await form('04');
    expect(firstForm).toContain(`Ngày hẹn trả trước đây: 17:00 ${dmy(localParts(new Date(dueAt)).day)}`);
    expect(firstForm).toContain(`Ngày hẹn trả mới: 17:00 ${dmy(tuesday)}`);

    const second = await act('onestopA', made.id, {
      action: 'APOLOGIZE',
      version: 3,
      reason: 'Chờ ý kiến của Công an xã',
      newDueDate: nextTuesday,
    });
    expect(second.statusCode, second.body).toBe(200);
    const text = await form('04');
    // The second apology replaces the first apology's date, not the original one.
    expect(text).toContain(`Ngày hẹn trả trước đây: 17:00 ${dmy(tuesday)}`);
    expect(text).toContain(`Ngày hẹn trả mới: 17:00 ${dmy(nextTuesday)}`);
    // Each apology is its own document of the commune's counter, numbered in its register.
    expect(text).toMatch(/Số: \d{2,}\/XLHS/);
    expect(text.match(/Số: (\d+)\/XLHS/)![1]).not.toBe(firstForm.match(/Số: (\d+)\/XLHS/)![1]);
    // A sentence wrapped over two lines still reads as the sentence.
    for (const words of [
      'ỦY BAN NHÂN DÂN XÃ AN HÒA',
      'BỘ PHẬN MỘT CỬA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Lý do: Chờ ý kiến của Công an xã',
      'Bộ phận một cửa thành thật xin lỗi ông/bà vì hồ sơ chưa được giải quyết đúng hẹn.',
      // An apology is signed for the commune, and goes to the applicant.
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nơi nhận:',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    const [dd, mm, yyyy] = dmy(today).split('/');
    expect(text).toContain(`An Hòa, ngày ${dd} tháng ${mm} năm ${yyyy}`);

    // Form 02 from a supplement request, 05 from a stop: each its own number and title.
    await act('onestopA', made.id, { action: 'REQUEST_SUPPLEMENT', version: 4, reason: 'Bản sao giấy khai sinh' });
    await act('onestopA', made.id, { action: 'STOP', version: 5, reason: 'Người nộp đề nghị dừng' });
    const supplement = await form('02');
    expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(supplement).toMatch(/Số: \d{2,}\/BSHS/);
    expect(supplement).toContain('NGƯỜI LẬP PHIẾU');
    expect(supplement).toContain('(Ký, ghi rõ họ tên)');
    expect(supplement).toContain('Nội dung cần bổ sung: Bản sao giấy khai sinh');
    const stop = await form('05');
    expect(stop).toContain('THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ');
    expect(stop).toContain('Lý do: Người nộp đề nghị dừng');
    expect(stop).toContain('TM. ỦY BAN NHÂN DÂN');

    // Form 03 from a refusal at reception.
    const refused = await submitOnline();
    await act('onestopA', refused.id, { action: 'REFUSE', version: 1, reason: 'Không thuộc thẩm quyền của xã' });
    const refusal = pdfText(
      (await env.w.agents.onestopA.get(`/api/public/dossiers/${refused.token}/forms/03`)).rawPayload,
    );
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal).toContain('Lý do: Không thuộc thẩm quyền của xã');
  });
});
