import { multipartBody } from '../../../../test/multipart.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { eventually, type Agent } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

const header =
  'Số hộ,Địa chỉ,Loại hộ,Mã thôn/tổ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Số điện thoại,Quan hệ với chủ hộ,Loại cư trú,Ngày đến ở,Mức VNeID,Có điện thoại thông minh,Nhãn';
const clean = [
  header,
  '101,"Số 101, thôn Đông",Gia đình,T01,Ngô Văn Lâm,05/06/1975,Nam,031075000101,0901 000 101,Chủ hộ,Thường trú,01/01/2000,Mức 2,Có,',
  '101,"Số 101, thôn Đông",Gia đình,T01,Đinh Thị Mơ,12/12/1978,Nữ,031178000102,,Vợ/Chồng,Thường trú,01/01/2000,Mức 1,Có,',
  '101,"Số 101, thôn Đông",Gia đình,T01,Ngô Minh Khang,01/02/2015,Nam,,,Con,Thường trú,01/02/2015,Chưa có,,học sinh',
  '102,Nhà trọ số 2 thôn Tây,Nhà trọ,T02,Lý Thị Nga,03/03/2002,Nữ,031302000103,0902000103,Người thuê trọ,Tạm trú,01/09/2025,Mức 2,Có,sinh viên',
].join('\n');

async function upload(agent: Agent, unitId: number, name: string, content: Buffer | string) {
  const body = multipartBody({ unitId }, { name, content, type: 'application/octet-stream' });
  return agent.request({ method: 'POST', url: '/api/imports', ...body });
}

async function settled(agent: Agent, id: number, statuses: string[]) {
  return eventually(async () => {
    const job = (await agent.get(`/api/imports/${id}`)).json();
    return statuses.includes(job.status) ? job : undefined;
  });
}

const count = async (table: string) =>
  (await env.t.database.raw<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('import: dry run with bad rows', () => {
  it('reports every bad row (row, column, reason in Vietnamese) and writes nothing; commit is refused', async () => {
    const bad = [
      header,
      // short name, bad date, bad phone
      ',Số 1 thôn Đông,Gia đình,T01,,31/02/1990,Nam,031090000001,0901,Chủ hộ,Thường trú,,Mức 2,Có,',
      // unknown group, ID says female
      '5,Số 5 thôn Đông,Gia đình,T99,Hà Văn Tư,01/01/1990,Nam,031190000002,,Chủ hộ,Thường trú,,Mức 2,Có,',
      // bad kind, gender, residence, vneid
      '6,Số 6 thôn Đông,Biệt thự,T01,Hà Văn Năm,01/01/1990,Không rõ,,,Chủ hộ,Vãng lai,,Mức 9,Có,',
      // in the registry (same commune): fine
      '7,Số 7 thôn Đông,Gia đình,T01,Nguyễn Văn An,15/03/1978,Nam,031078001234,,Chủ hộ,Thường trú,,,,',
      // ID belongs to commune B
      '8,Số 8 thôn Đông,Gia đình,T01,Người Xã Khác,01/01/1990,Nữ,031190007777,,Chủ hộ,Thường trú,,Mức 2,Có,',
    ].join('\n');
    const before = await count('residents');
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'danh-sach.csv', bad);
    expect(res.statusCode).toBe(202);
    const job = await settled(env.w.agents.leaderA, res.json().id, ['VALIDATED', 'FAILED']);
    expect(job.status).toBe('VALIDATED');
    const problems = job.errors.map(
      (e: { row: number; column: string; code: string }) => `${e.row}:${e.column}:${e.code}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '2:Họ và tên:REQUIRED',
        '2:Ngày sinh:DATE',
        '2:Số điện thoại:PHONE',
        '3:Mã thôn/tổ:UNIT',
        '3:Số định danh cá nhân:PERSONAL_ID_GENDER',
        '4:Loại hộ:VALUE',
        '4:Giới tính:VALUE',
        '4:Loại cư trú:VALUE',
        '4:Mức VNeID:VALUE',
        '6:Số định danh cá nhân:OUT_OF_SCOPE',
      ]),
    );
    expect(problems.some((p: string) => p.startsWith('5:'))).toBe(false);
    expect(job.errors.find((e: { code: string }) => e.code === 'UNIT').message).toContain('Không có thôn/tổ mã "T99"');
    expect(job.summary).toMatchObject({ validRows: 1, badRows: 4 });
    expect(await count('residents')).toBe(before);
    const commit = await env.w.agents.leaderA.post(`/api/imports/${job.id}/commit`, {});
    expect(commit.statusCode).toBe(409);
    // Skipping bad rows imports the one good row: Nguyễn Văn An, matched by ID, moves to household 7 (new);
    // his phone stays, since the file leaves it blank.
    const skipped = await env.w.agents.leaderA.post(`/api/imports/${job.id}/commit`, { skipBadRows: true });
    expect(skipped.statusCode).toBe(202);
    const done = await settled(env.w.agents.leaderA, job.id, ['DONE', 'FAILED']);
    expect(done.status).toBe('DONE');
    expect(done.summary).toMatchObject({
      householdsCreated: 1,
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsMoved: 1,
    });
    expect((await env.w.agents.leaderA.get('/api/residents?q=0912345678')).json().items[0].fullName).toBe(
      'Nguyễn Văn An',
    );
  });

  it('shows errors in English when asked', async () => {
    const res = await upload(
      env.w.agents.leaderA,
      env.w.communeA.id,
      'x.csv',
      `${header}\n1,Số 1,Gia đình,T01,Hà Văn Một,01/01/1990,Nam,,,Chủ hộ,,,,,\n2,Số 2,Gia đình,T01,X,bad,Nam,,,,,,,,`,
    );
    const job = await settled(env.w.agents.leaderA, res.json().id, ['VALIDATED']);
    const en = (await env.w.agents.leaderA.get(`/api/imports/${job.id}?lang=en`)).json();
    expect(en.errors.map((e: { message: string }) => e.message)).toContain('Full name is missing');
  });

  it('refuses a file that is neither xlsx nor csv, judged by content (an .exe renamed .csv)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'danh-sach.csv', exe);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
  });

  it('reports missing columns once', async () => {
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'x.csv', 'Tên,Tuổi\nA,3');
    const job = await settled(env.w.agents.leaderA, res.json().id, ['VALIDATED']);
    expect(job.errors).toHaveLength(1);
    expect(job.errors[0].code).toBe('MISSING_COLUMNS');
  });
});

describe('import: a clean file, then the same file again', () => {
  it('imports households and residents; importing again changes nothing', async () => {
    const households0 = await count('households');
    const residents0 = await count('residents');
    const first = await upload(env.w.agents.leaderA, env.w.communeA.id, 'sach.csv', clean);
    const validated = await settled(env.w.agents.leaderA, first.json().id, ['VALIDATED']);
    expect(validated.errorCount).toBe(0);
    expect(validated.summary).toMatchObject({ validRows: 4, badRows: 0, households: 2 });
    expect(await count('residents')).toBe(residents0);
    await env.w.agents.leaderA.post(`/api/imports/${validated.id}/commit`, {});
    const done = await settled(env.w.agents.leaderA, validated.id, ['DONE', 'FAILED']);
    expect(done.summary).toMatchObject({ householdsCreated: 2, residentsCreated: 4, residentsUpdated: 0 });
    expect(await count('households')).toBe(households0 + 2);
    expect(await count('residents')).toBe(residents0 + 4);

    const found = (await env.w.agents.leaderA.get('/api/households?q=ngo%20van%20lam')).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ headName: 'Ngô Văn Lâm', memberCount: 3, unitName: 'Thôn Đông' });
    const lam = (await env.w.agents.leaderA.get('/api/residents?q=031075000101')).json().items[0];
    const detail = (await env.w.agents.leaderA.get(`/api/residents/${lam.id}`)).json();
    const shown = (await env.w.agents.leaderA.post(`/api/residents/${lam.id}/reveal`)).json();
    expect(shown.phone).toBe('+84901000101');
    expect(detail).toMatchObject({
      vneidLevel: 'L2',
      hasSmartphone: true,
      birthDate: '1975-06-05',
    });

    const again = await upload(env.w.agents.leaderA, env.w.communeA.id, 'sach.csv', clean);
    const v2 = await settled(env.w.agents.leaderA, again.json().id, ['VALIDATED']);
    await env.w.agents.leaderA.post(`/api/imports/${v2.id}/commit`, {});
    const done2 = await settled(env.w.agents.leaderA, v2.id, ['DONE', 'FAILED']);
    expect(done2.summary).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 0,
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsMoved: 0,
      residentsUnchanged: 4,
    });
    expect(await count('households')).toBe(households0 + 2);
    expect(await count('residents')).toBe(residents0 + 4);
  });

  it('re-import updates a changed field instead of duplicating (matched by ID, else name + birth date + household)', async () => {
    const changed = clean.replace('Mức 1,Có,', 'Mức 2,Có,').replace('Chưa có,,học sinh', 'Chưa có,,"học sinh, giỏi"');
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'sua.csv', changed);
    const v = await settled(env.w.agents.leaderA, res.json().id, ['VALIDATED']);
    await env.w.agents.leaderA.post(`/api/imports/${v.id}/commit`, {});
    const done = await settled(env.w.agents.leaderA, v.id, ['DONE']);
    expect(done.summary).toMatchObject({ residentsCreated: 0, residentsUpdated: 2, residentsUnchanged: 2 });
    const khang = (await env.w.agents.leaderA.get('/api/residents?q=ngo%20minh%20khang')).json().items;
    expect(khang).toHaveLength(1);
    expect(khang[0].tags).toEqual(['học sinh', 'giỏi']);
  });
});

describe('import: xlsx, template and export round trip', () => {
  it('the template downloads as a real .xlsx with the Vietnamese headers', async () => {
    const res = await env.w.agents.headA1.get('/api/imports/template?format=xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Họ và tên');
    expect(sheet.getRow(2).getCell(5).value).toBe('Nguyễn Văn An');
  });

  it('an .xlsx list imports for a group head into their group (no group column needed)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('DS');
    sheet.addRow(['Số hộ', 'Địa chỉ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quan hệ với chủ hộ']);
    sheet.addRow(['55', 'Số 55 thôn Đông', 'Tạ Văn Xuyên', new Date(Date.UTC(1966, 4, 19)), 'Nam', 'Chủ hộ']);
    sheet.addRow(['55', 'Số 55 thôn Đông', 'Tạ Thị Yên', '20/08/1968', 'Nữ', 'Vợ/Chồng']);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(env.w.agents.headA1, env.w.groupA1.id, 'ds.xlsx', buffer);
    const v = await settled(env.w.agents.headA1, res.json().id, ['VALIDATED']);
    expect(v.errors).toEqual([]);
    expect(v.format).toBe('xlsx');
    await env.w.agents.headA1.post(`/api/imports/${v.id}/commit`, {});
    await settled(env.w.agents.headA1, v.id, ['DONE']);
    const p = (await env.w.agents.headA1.get('/api/residents?q=ta%20van%20xuyen')).json().items[0];
    expect(p).toMatchObject({ birthDate: '1966-05-19', unitId: env.w.groupA1.id });
  });

  it('imports at province level with groups named "commune/group" (or a unique alley code)', async () => {
    const csv = [
      'Số hộ,Địa chỉ,Mã thôn/tổ,Họ và tên,Ngày sinh,Giới tính',
      `P1,Số 1 tỉnh,${env.w.communeA.code}/T02,Kha Văn Tỉnh,01/01/1970,Nam`,
      `P2,Số 2 tỉnh,${env.w.communeB.code}/t01,Kha Thị Tỉnh,01/01/1972,Nữ`,
      'P3,Số 3 tỉnh,NGO3,Kha Văn Ngõ,01/01/1975,Nam',
      'P4,Số 4 tỉnh,T01,Kha Văn Mơ Hồ,01/01/1975,Nam',
    ].join('\n');
    const res = await upload(env.w.agents.admin, env.w.province.id, 'tinh.csv', csv);
    const v = await settled(env.w.agents.admin, res.json().id, ['VALIDATED']);
    // "T01" alone is ambiguous in a province (every commune has one): refused; the others resolve.
    expect(v.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(['5:UNIT']);
    await env.w.agents.admin.post(`/api/imports/${v.id}/commit`, { skipBadRows: true });
    await settled(env.w.agents.admin, v.id, ['DONE']);
    const units = async (q: string) =>
      (await env.w.agents.admin.get(`/api/residents?q=${q}`)).json().items.map((r: { unitId: number }) => r.unitId);
    expect(await units('kha%20van%20tinh')).toEqual([env.w.groupA2.id]);
    expect(await units('kha%20thi%20tinh')).toEqual([env.w.groupB1.id]);
    expect(await units('kha%20van%20ngo')).toEqual([env.w.alleyA1.id]);
  });

  it('a group head cannot import into another group (404)', async () => {
    expect((await upload(env.w.agents.headA1, env.w.groupA2.id, 'x.csv', clean)).statusCode).toBe(404);
  });

  it('exports residents as xlsx and csv (streamed, audited) in the template columns; the export re-imports unchanged', async () => {
    const xlsx = await env.w.agents.leaderA.get(`/api/exports/residents?format=xlsx&unit=${env.w.groupA1.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(5).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Ngô Văn Lâm']));
    const csv = await env.w.agents.leaderA.get(`/api/exports/residents?format=csv&unit=${env.w.groupA1.id}`);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('031078001234');
    const audited = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'export.residents'`,
    );
    expect(audited[0]!.n).toBe(2);
    const back = await upload(env.w.agents.leaderA, env.w.communeA.id, 'xuat.csv', csv.body);
    const v = await settled(env.w.agents.leaderA, back.json().id, ['VALIDATED']);
    expect(v.errors).toEqual([]);
    await env.w.agents.leaderA.post(`/api/imports/${v.id}/commit`, {});
    const done = await settled(env.w.agents.leaderA, v.id, ['DONE']);
    expect(done.summary).toMatchObject({
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsMoved: 0,
      householdsCreated: 0,
    });
  });

  it('exports households; 403 for a role without export', async () => {
    const res = await env.w.agents.leaderA.get('/api/exports/households?format=csv');
    expect(res.body).toContain('Nhà trọ Hạnh Phúc');
    expect((await env.w.agents.teamA1.get('/api/exports/households?format=csv')).statusCode).toBe(403);
  });
});
