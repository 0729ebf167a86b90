import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { eventually, type Agent } from '../../../../test/helpers.js';
import { multipartBody } from '../../../../test/multipart.js';
import { titledListXlsx } from '../../../../test/registry-sheets.js';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

async function upload(agent: Agent, unitId: number, name: string, content: Buffer | string) {
  const body = multipartBody({ unitId }, { name, content, type: 'application/octet-stream' });
  const res = await agent.request({ method: 'POST', url: '/api/imports', ...body });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as number;
}

const settled = (agent: Agent, id: number, statuses: string[]) =>
  eventually(async () => {
    const job = (await agent.get(`/api/imports/${id}`)).json();
    return statuses.includes(job.status) ? job : undefined;
  });

async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

/** Everything an import would write; a missing count is a failure, not a zero. */
const changes = (s: Record<string, number>) =>
  ['householdsCreated', 'householdsUpdated', 'residentsCreated', 'residentsUpdated', 'residentsMoved']
    .map((k) => s[k] ?? Number.NaN)
    .reduce((a, b) => a + b, 0);

describe('import keeps what it reads', () => {
  it('reads a titled list with a merged two-row header, headings and numbers in number cells; reports one bad row as .xlsx', async () => {
    const agent = env.w.agents.headA1;
    const id = await upload(agent, env.w.groupA1.id, 'danh-sach-thon-dong.xlsx', await titledListXlsx());
    const job = await settled(agent, id, ['VALIDATED', 'FAILED']);
    expect(job.status).toBe('VALIDATED');
    // Only the bad row is an error: no title, heading, numbering or signature row is.
    expect(job.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(['13:VALUE']);
    expect(job.summary).toMatchObject({ validRows: 2, badRows: 1, householdsCreated: 1, residentsCreated: 2 });
    const notices = Object.fromEntries(job.notices.map((n: { code: string; rows: number[] }) => [n.code, n.rows]));
    expect(notices).toMatchObject({
      NUMBERING_ROW: [8],
      'SECTION_UNIT:9': [9],
      'SECTION_SKIPPED:12': [12],
      ID_ZERO_RESTORED: [10],
      PHONE_ZERO_RESTORED: [10],
      NOT_A_PERSON: [15, 16],
    });
    expect(job.hasReport).toBe(true);

    // The error report: the bad row as the file had it, under the file's own headers, with the reason beside it.
    const report = await agent.get(`/api/imports/${id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('danh-sach-thon-dong-loi.xlsx');
    const rows = await sheetOf(report.rawPayload);
    expect(rows[0]).toEqual([
      'Dòng',
      'STT',
      'Số hộ',
      'Địa chỉ',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số định danh cá nhân',
      'Số điện thoại',
      'Quan hệ với chủ hộ',
      'Loại cư trú',
      'Ngày đến ở',
      'Lỗi',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 7)).toEqual(['13', '3', '52', 'Số 52 thôn Đông', 'Lê Văn Sai', '12/05/1990', 'Không rõ']);
    expect(rows[1]!.at(-1)).toContain('Giới tính: Giới tính phải là "Nam" hoặc "Nữ"');

    const commit = await agent.post(`/api/imports/${id}/commit`, { skipBadRows: true });
    expect(commit.statusCode).toBe(202);
    const done = await settled(agent, id, ['DONE', 'FAILED']);
    expect(done.summary).toMatchObject({ householdsCreated: 1, residentsCreated: 2, skippedRows: 1 });

    // 1956 stays 1956 (not 09/05/1905, not 01/01/1956); 03/1980 stays March 1980; a blank arrival stays unknown.
    const lanh = (await agent.get('/api/residents?q=vu%20thi%20lanh')).json().items[0];
    expect(lanh).toMatchObject({ birthDate: '1956', unitName: 'Ngõ 3 · Thôn Đông', personalIdMasked: '••••••••0123' });
    const detail = (await agent.get(`/api/residents/${lanh.id}`)).json();
    expect(detail.memberships[0].joinedOn).toBeNull();
    const contact = (await env.w.agents.leaderA.post(`/api/residents/${lanh.id}/reveal`, {})).json();
    expect(contact).toMatchObject({ personalId: '031156000123', phone: '+84912345678' });
    const hung = (await agent.get('/api/residents?q=vu%20van%20hung')).json().items[0];
    expect(hung.birthDate).toBe('1980-03');
    const stored = await env.t.database.raw<{ birth_date: string; birth_precision: string }>(
      `select birth_date::text, birth_precision from residents where id = ${lanh.id}`,
    );
    expect(stored[0]).toEqual({ birth_date: '1956-01-01', birth_precision: 'YEAR' });

    // The history keeps who, when, which file and what it did, and the report outlives the deleted file.
    const history = (await agent.get('/api/imports')).json().items;
    const entry = history.find((h: { id: number }) => h.id === id);
    expect(entry).toMatchObject({
      fileName: 'danh-sach-thon-dong.xlsx',
      status: 'DONE',
      hasReport: true,
      summary: expect.objectContaining({ residentsCreated: 2, skippedRows: 1 }),
    });
    expect(entry.uploadedBy).not.toBe('');
    const file = await env.t.database.raw<{ gone: boolean }>(
      `select file is null as gone from import_jobs where id = ${id}`,
    );
    expect(file[0]!.gone).toBe(true);
    expect(await sheetOf((await agent.get(`/api/imports/${id}/report`)).rawPayload)).toHaveLength(2);
    const audited = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'import.report' and entity_id = '${id}'`,
    );
    expect(audited[0]!.n).toBe(2);
  });

  it('gives back a lost 0 only when there is one reading; refuses IDs of no birth province', async () => {
    const csv = [
      'Họ và tên,Ngày sinh,Giới tính,Địa chỉ,Mã thôn/tổ,Số định danh cá nhân,Số điện thoại',
      // 10 digits: two zeros lost, or one digit mistyped? refused, not guessed
      'Đào Văn Mười,01/01/1980,Nam,Số 9 thôn Tây,T02,3108000123,',
      // 003 was never a province of birth registration
      'Đào Văn Ba,01/01/1980,Nam,Số 9 thôn Tây,T02,003080000123,',
      // 8 digits cannot be a phone with its 0 dropped
      'Đào Thị Tám,01/01/1980,Nữ,Số 9 thôn Tây,T02,,91234567',
      // a year that is not one
      'Đào Thị Năm,0000,Nữ,Số 9 thôn Tây,T02,,',
    ].join('\n');
    const id = await upload(env.w.agents.leaderA, env.w.communeA.id, 'so.csv', csv);
    const job = await settled(env.w.agents.leaderA, id, ['VALIDATED']);
    expect(job.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '2:PERSONAL_ID_FORMAT',
      '3:PERSONAL_ID_PROVINCE',
      '4:PHONE',
      '5:DATE',
    ]);
    expect(job.notices).toEqual([]);
  });

  it('reads a CSV saved from such a list too: titles above, ";" between cells, a heading row', async () => {
    const csv = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;;;;;',
      'DANH SÁCH NHÂN KHẨU THÔN TÂY;;;;;',
      ';;;;;',
      'STT;Họ và tên;Ngày sinh;Giới tính;Địa chỉ;Số điện thoại',
      'Thôn Tây;;;;;',
      '1;Kiều Văn Một;1961;Nam;Số 3 thôn Tây;987654321',
      ';Người lập biểu;;;Trưởng thôn;',
    ].join('\r\n');
    const id = await upload(env.w.agents.leaderA, env.w.communeA.id, 'thon-tay.csv', csv);
    const job = await settled(env.w.agents.leaderA, id, ['VALIDATED']);
    expect(job.errors).toEqual([]);
    expect(job.notices.map((n: { code: string }) => n.code).sort()).toEqual([
      'NOT_A_PERSON',
      'PHONE_ZERO_RESTORED',
      'SECTION_UNIT:5',
    ]);
    expect(job.summary).toMatchObject({ validRows: 1, residentsCreated: 1 });
  });

  it('a list without relation, residence or kind columns leaves them as the registry has them', async () => {
    const csv = [
      'Số hộ,Địa chỉ,Mã thôn/tổ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân',
      '7,"Số 7, ngõ 3, thôn Đông",T01/NGO3,Nguyễn Văn An,15/03/1978,Nam,031078001234',
    ].join('\n');
    const id = await upload(env.w.agents.leaderA, env.w.communeA.id, 'it-cot.csv', csv);
    const job = await settled(env.w.agents.leaderA, id, ['VALIDATED']);
    expect(job.errors).toEqual([]);
    expect(job.summary).toMatchObject({ residentsUnchanged: 1 });
    expect(changes(job.summary)).toBe(0);
  });

  it('"40+" takes a year-only birth only once every day of that year is 40 years ago', async () => {
    const vnToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const year = Number(vnToday.slice(0, 4));
    const audience = { unitIds: [env.w.groupA2.id], ageMin: 40, perPerson: true };
    const people = async () =>
      (await env.w.agents.leaderA.post('/api/announcements/audience', audience)).json().people as number;
    const before = await people();
    const csv = [
      'Số hộ,Họ và tên,Ngày sinh,Giới tính,Địa chỉ,Mã thôn/tổ',
      `88,Mai Văn Tròn,${year - 40},Nam,Số 88 thôn Tây,T02`,
      `88,Mai Văn Qua,${year - 41},Nam,Số 88 thôn Tây,T02`,
    ].join('\n');
    const id = await upload(env.w.agents.leaderA, env.w.communeA.id, 'tuoi.csv', csv);
    await settled(env.w.agents.leaderA, id, ['VALIDATED']);
    await env.w.agents.leaderA.post(`/api/imports/${id}/commit`, {});
    await settled(env.w.agents.leaderA, id, ['DONE']);
    // Born "year − 40" may still be 39 (only 31 December makes it certain); born "year − 41" is 40 at least.
    expect(await people()).toBe(before + (vnToday.endsWith('-12-31') ? 2 : 1));
  });
});

describe('export and import are one format', () => {
  const roundTrip = async (exporter: Agent, importer: Agent, unitId: number, format: 'xlsx' | 'csv') => {
    const file = await exporter.get(`/api/exports/residents?format=${format}&unit=${unitId}`);
    expect(file.statusCode).toBe(200);
    const id = await upload(importer, unitId, `xuat.${format}`, file.rawPayload);
    const job = await settled(importer, id, ['VALIDATED', 'FAILED']);
    return { job, file };
  };

  it('a group list, a commune list and a province list each import back with no error and no change', async () => {
    // Year-only and month-year births, an unknown arrival and an alley under a group, all in the lists.
    const csv = [
      'Số hộ,Họ và tên,Ngày sinh,Giới tính,Địa chỉ,Mã thôn/tổ,Quan hệ với chủ hộ,Số định danh cá nhân',
      '90,Tạ Văn Năm,1950,Nam,"Số 90, ngõ 3",T01/NGO3,Chủ hộ,031050000190',
      '90,Tạ Thị Tháng,07/1953,Nữ,"Số 90, ngõ 3",T01/NGO3,Vợ/Chồng,',
    ].join('\n');
    const seed = await upload(env.w.agents.leaderA, env.w.communeA.id, 'them.csv', csv);
    await settled(env.w.agents.leaderA, seed, ['VALIDATED']);
    await env.w.agents.leaderA.post(`/api/imports/${seed}/commit`, {});
    await settled(env.w.agents.leaderA, seed, ['DONE']);

    const levels = [
      { name: 'group', exporter: env.w.agents.headA1, importer: env.w.agents.headA1, unit: env.w.groupA1.id },
      { name: 'commune', exporter: env.w.agents.leaderA, importer: env.w.agents.leaderA, unit: env.w.communeA.id },
      { name: 'province', exporter: env.w.agents.province, importer: env.w.agents.admin, unit: env.w.province.id },
    ];
    for (const level of levels)
      for (const format of ['xlsx', 'csv'] as const) {
        const { job, file } = await roundTrip(level.exporter, level.importer, level.unit, format);
        const label = `${level.name} ${format}`;
        expect(job.errors, label).toEqual([]);
        expect(job.summary.validRows, label).toBeGreaterThan(0);
        expect(changes(job.summary), `${label} ${JSON.stringify(job.summary)}`).toBe(0);
        expect(job.summary.residentsUnchanged, label).toBe(job.summary.validRows);
        if (format === 'csv') {
          const text = file.body;
          // the alley written with its group's code; a year of birth as a year, an unknown arrival as blank
          expect(text, label).toContain(level.name === 'province' ? `,${env.w.communeA.code}/T01/NGO3,` : ',T01/NGO3,');
          expect(text, label).toMatch(/Tạ Văn Năm,1950,Nam,031050000190,,Chủ hộ,Thường trú,,/);
          expect(text, label).toContain('Tạ Thị Tháng,07/1953,');
        }
      }
  });
});
