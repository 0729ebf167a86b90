import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { eventually, type Agent } from '../../../../test/helpers.js';
import { multipartBody } from '../../../../test/multipart.js';
import { useWorld } from '../../../../test/world.js';
import { runImportJob } from './imports.job.js';
import { sweepImports } from './imports.service.js';

// Spreadsheets that would cost the server too much, imports a crash left half-way, and the uploaded file's lifetime.
const env = useWorld({ IMPORT_MAX_ROWS: '3000', IMPORT_MAX_UNCOMPRESSED_MB: '5', IMPORT_FILE_HOURS: '1' });

const header = 'Số hộ,Địa chỉ,Loại hộ,Họ và tên,Ngày sinh,Giới tính';
/** A distinct name per row, letters only as a name must be: "Người Thử Bac". */
const nameOf = (i: number) => {
  let word = '';
  for (let n = i + 26; n > 0; n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
  return `Người Thử ${word[0]!.toUpperCase()}${word.slice(1)}`;
};
const family = (i: number) =>
  `${1000 + Math.floor(i / 4)},"Số ${1000 + Math.floor(i / 4)}, thôn Đông",Gia đình,${nameOf(i)},01/01/1980,` +
  (i % 2 ? 'Nữ' : 'Nam');
const csvOf = (rows: number) => [header, ...Array.from({ length: rows }, (_, i) => family(i))].join('\n');

/** An .xlsx-shaped ZIP with the given entries (enough for the limits, which read only the ZIP and XML headers). */
const xlsx = (entries: Record<string, Uint8Array>) =>
  Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), ...entries }, { level: 9 }));

const upload = (agent: Agent, unitId: number, name: string, content: Buffer | string) =>
  agent.request({ method: 'POST', url: '/api/imports', ...multipartBody({ unitId }, { name, content }) });

const jobRow = async (id: number) =>
  (
    await env.t.database.raw<{ status: string; has_file: boolean; failure: string | null; processed_rows: number }>(
      `select status, file is not null as has_file, failure, processed_rows from import_jobs where id = $1`,
      [id],
    )
  )[0]!;

async function settled(id: number, statuses: string[]) {
  return eventually(async () => {
    const row = await jobRow(id);
    return statuses.includes(row.status) ? row : undefined;
  });
}

const imports = async () =>
  (await env.t.database.raw<{ n: number }>(`select count(*)::int as n from import_jobs`))[0]!.n;

describe('imports refuse what would cost too much, before parsing', () => {
  it('refuses a CSV with more rows than an import takes (413, nothing stored)', async () => {
    const before = await imports();
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'lon.csv', csvOf(3005));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().detail).toContain('3.000');
    expect(await imports()).toBe(before);
  });

  it('refuses a zip bomb: an entry inflating hundreds of times over, or past the uncompressed limit', async () => {
    const bomb = xlsx({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'bom.xlsx', bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/giải nén ra 20 MB/);
  });

  it('refuses a sheet that declares more rows, or more shared strings, than an import takes', async () => {
    const sheet = '<worksheet><dimension ref="A1:O1000000"/><sheetData/></worksheet>';
    const rows = await upload(
      env.w.agents.leaderA,
      env.w.communeA.id,
      'dong.xlsx',
      xlsx({ 'xl/worksheets/sheet1.xml': strToU8(sheet) }),
    );
    expect(rows.statusCode).toBe(413);
    const sst = '<sst count="90000000" uniqueCount="90000000"></sst>';
    const strings = await upload(
      env.w.agents.leaderA,
      env.w.communeA.id,
      'chuoi.xlsx',
      xlsx({ 'xl/sharedStrings.xml': strToU8(sst) }),
    );
    expect(strings.statusCode).toBe(413);
  });

  it('refuses a damaged .xlsx with a clear 400', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    const res = await upload(env.w.agents.leaderA, env.w.communeA.id, 'hong.xlsx', broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('FORMAT');
  });
});

describe('an import interrupted half-way', () => {
  it('resumes after its run stalls (a crash), writes every row once, and the stalled run can no longer write', async () => {
    const { w, t } = env;
    const res = await upload(w.agents.leaderA, w.groupA1.id, 'dai.csv', csvOf(2500));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as number;
    await settled(id, ['VALIDATED']);
    // Committed by hand (no job message), so this test runs the import itself and can stop it half-way.
    await t.database.raw(
      `update import_jobs set status = 'QUEUED', mode = 'IMPORT', processed_rows = 0 where id = $1`,
      [id],
    );
    const deps = { database: t.database, config: t.config, jobs: t.jobs };
    let release: (reason: Error) => void = () => undefined;
    const stalled = runImportJob(deps, id, {
      afterBatch: () => new Promise<void>((_, reject) => (release = reject)),
    });
    await eventually(async () => {
      const row = await jobRow(id);
      return row.status === 'IMPORTING' && row.processed_rows >= 2000 ? true : undefined;
    });
    const half = await t.database.raw<{ n: number }>(
      `select count(*)::int as n from residents where full_name like 'Người Thử %'`,
    );
    expect(half[0]!.n).toBe(2000);

    // The process "died": after the stale time the sweep hands the job to a new run, which finishes it.
    const swept = await sweepImports(deps, { staleMs: 0 });
    expect(swept.resumed).toEqual([id]);
    const done = await settled(id, ['DONE', 'FAILED']);
    expect(done).toMatchObject({ status: 'DONE', has_file: false });
    const all = await t.database.raw<{ n: number; names: number }>(
      `select count(*)::int as n, count(distinct full_name)::int as names from residents where full_name like 'Người Thử %'`,
    );
    expect(all[0]).toEqual({ n: 2500, names: 2500 });

    // The old run wakes up failing: its writes are refused (the job stays DONE, not FAILED).
    release(new Error('the old process comes back'));
    await stalled;
    expect((await jobRow(id)).status).toBe('DONE');
  });
});

describe('the uploaded file is deleted when it is no longer needed', () => {
  it('on cancel (then commit is refused), on failure, and when left unused past IMPORT_FILE_HOURS', async () => {
    const { w, t } = env;
    const small = csvOf(3);
    const a = (await upload(w.agents.leaderA, w.groupA1.id, 'huy.csv', small)).json().id as number;
    await settled(a, ['VALIDATED']);
    const cancelled = await w.agents.leaderA.post(`/api/imports/${a}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('CANCELLED');
    expect(await jobRow(a)).toMatchObject({ status: 'CANCELLED', has_file: false });
    expect((await w.agents.leaderA.post(`/api/imports/${a}/commit`, { skipBadRows: false })).statusCode).toBe(409);
    expect((await w.agents.leaderA.post(`/api/imports/${a}/cancel`)).statusCode).toBe(409);

    const b = (await upload(w.agents.leaderA, w.groupA1.id, 'cu.csv', small)).json().id as number;
    await settled(b, ['VALIDATED']);
    await t.database.raw(`update import_jobs set updated_at = now() - interval '2 hours' where id = $1`, [b]);
    const swept = await sweepImports({ database: t.database, config: t.config, jobs: t.jobs });
    expect(swept.expired).toContain(b);
    expect(await jobRow(b)).toMatchObject({ status: 'EXPIRED', has_file: false });

    // The uploader loses the right to import before the job runs: it fails, says why, and the file goes.
    const c = (await upload(w.agents.headA1, w.groupA1.id, 'mat-quyen.csv', small)).json().id as number;
    await settled(c, ['VALIDATED']);
    await t.database.raw(`update import_jobs set status = 'QUEUED' where id = $1`, [c]);
    await t.database.raw(`delete from role_assignments where user_id = $1`, [w.accounts.headA1.id]);
    await runImportJob({ database: t.database, config: t.config, jobs: t.jobs }, c);
    expect(await jobRow(c)).toMatchObject({ status: 'FAILED', has_file: false, failure: 'NO_RIGHT' });
    const shown = (await w.agents.leaderA.get(`/api/imports/${c}`)).json();
    expect(shown.failure).toBe('Người tải tệp lên không còn quyền nhập danh sách');
  });
});
