import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Agent } from '../../../../test/helpers.js';
import { multipartBody } from '../../../../test/multipart.js';
import { useWorld } from '../../../../test/world.js';
import { insertUnit } from '../units/units.repo.js';

/**
 * The registry lists a group head works from: every filter on its own, together, across scope, refused when
 * malformed; house order; alleys named with their thôn; and the export holding exactly what the list shows.
 */
const env = useWorld();

type Item = { fullName: string; address: string | null; unitName: string };
const names = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.fullName);
const sorted = (res: { json(): { items: Item[] } }) => names(res).sort();

/** Today's date in Vietnam as the database sees it, and dates counted back from it. */
let today = '';
const shift = (iso: string, { years = 0, months = 0, days = 0 }) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let G = 0;
const list = (agent: Agent, query: string) => agent.get(`/api/residents?unit=${G}&limit=200&${query}`);

beforeAll(async () => {
  const { f, communeA } = env.w;
  const db = env.t.database;
  const [row] = await db.raw<{ day: string }>(`select ((now() at time zone 'Asia/Ho_Chi_Minh')::date)::text as day`);
  today = row!.day;
  const group = await f.group(communeA, { code: 'TL', name: 'Thôn Lê' });
  G = group.id;
  const alley = await insertUnit(db.db, { parent: group, code: 'NGO9', name: 'Ngõ 9', kind: 'ZONE', tier: 'ZONE' });
  const h103 = await f.household(group, { address: 'Số 103, thôn Lê', code: '103' });
  const h17 = await f.household(group, { address: 'Số 17, thôn Lê', code: '17' });
  const h5 = await f.household(alley, { address: 'Số 5, ngõ 9, thôn Lê', code: '5' });
  const tro = await f.household(group, { address: 'Nhà trọ Bình An, thôn Lê', kind: 'BOARDING_HOUSE', code: '200' });
  const seventy = shift(today, { years: -70 });
  const person = async (
    household: typeof h17,
    fullName: string,
    gender: 'MALE' | 'FEMALE',
    set: {
      birth: string;
      precision?: string;
      vneid?: string;
      phone?: boolean | null;
      tags?: string[];
      joined?: string;
    },
  ) => {
    const r = await f.resident(household, { fullName, gender, birthDate: set.birth });
    await db.raw(
      `update residents set birth_precision = $2, vneid_level = $3, has_smartphone = $4, tags = $5 where id = $1`,
      [r.id, set.precision ?? 'DAY', set.vneid ?? 'NONE', set.phone ?? null, set.tags ?? []],
    );
    if (set.joined)
      await db.raw(`update household_members set joined_on = $2 where resident_id = $1`, [r.id, set.joined]);
    return r;
  };
  // Seventy today, and seventy tomorrow.
  await person(h103, 'Cụ Bảy', 'MALE', { birth: seventy, vneid: 'L2', phone: true, tags: ['người cao tuổi'] });
  await person(h103, 'Cụ Tám', 'FEMALE', { birth: shift(seventy, { days: 1 }), vneid: 'L1', phone: false });
  // Born "in the year 70 years ago": counted from 31/12 of it, so still 69 (unless today is 31/12).
  await person(h17, 'Ông Năm', 'MALE', { birth: `${seventy.slice(0, 4)}-01-01`, precision: 'YEAR', vneid: 'L2' });
  // Born "last month, 70 years ago": the last possible day has passed, so 70 whatever the day was.
  await person(h17, 'Bà Sáu', 'FEMALE', {
    birth: `${shift(seventy, { months: -1 }).slice(0, 7)}-01`,
    precision: 'MONTH',
    phone: true,
    tags: ['người cao tuổi', 'hộ nghèo'],
  });
  await person(h5, 'Bé Na', 'FEMALE', { birth: shift(today, { years: -5 }), joined: shift(today, { years: -5 }) });
  await person(tro, 'Chị Thuê', 'FEMALE', {
    birth: shift(today, { years: -22 }),
    vneid: 'L2',
    phone: true,
    joined: shift(today, { days: -10 }),
  });
});

const yearEnd = () => today.slice(5) === '12-31';

describe('GET /api/residents: filters', () => {
  it('age from/to counts a partial birth date from its latest possible day (a year-only 70-year-old is 69 until 31/12)', async () => {
    const leader = env.w.agents.leaderA;
    const from70 = ['Bà Sáu', 'Cụ Bảy', ...(yearEnd() ? ['Ông Năm'] : [])].sort();
    expect(sorted(await list(leader, 'ageFrom=70'))).toEqual(from70);
    expect(sorted(await list(leader, 'ageFrom=69&ageTo=69'))).toEqual(
      ['Cụ Tám', ...(yearEnd() ? [] : ['Ông Năm'])].sort(),
    );
    expect(sorted(await list(leader, 'ageTo=6'))).toEqual(['Bé Na']);
    expect(sorted(await list(leader, 'ageFrom=5&ageTo=5'))).toEqual(['Bé Na']);
    expect(sorted(await list(leader, 'ageFrom=18&ageTo=60'))).toEqual(['Chị Thuê']);
  });

  it('filters by gender, VNeID level, smartphone (yes, no, unknown) and tags (all of those given)', async () => {
    const leader = env.w.agents.leaderA;
    expect(sorted(await list(leader, 'gender=MALE'))).toEqual(['Cụ Bảy', 'Ông Năm']);
    expect(sorted(await list(leader, 'vneidLevel=L2'))).toEqual(['Chị Thuê', 'Cụ Bảy', 'Ông Năm']);
    expect(sorted(await list(leader, 'vneidLevel=NONE'))).toEqual(['Bà Sáu', 'Bé Na']);
    expect(sorted(await list(leader, 'smartphone=yes'))).toEqual(['Bà Sáu', 'Chị Thuê', 'Cụ Bảy']);
    expect(sorted(await list(leader, 'smartphone=no'))).toEqual(['Cụ Tám']);
    expect(sorted(await list(leader, 'smartphone=unknown'))).toEqual(['Bé Na', 'Ông Năm']);
    const elder = encodeURIComponent('người cao tuổi');
    expect(sorted(await list(leader, `tag=${elder}`))).toEqual(['Bà Sáu', 'Cụ Bảy']);
    expect(sorted(await list(leader, `tag=${elder}&tag=${encodeURIComponent('hộ nghèo')}`))).toEqual(['Bà Sáu']);
  });

  it('filters by the kind of household (boarding house) and by arrival since a day', async () => {
    const leader = env.w.agents.leaderA;
    expect(sorted(await list(leader, 'kind=BOARDING_HOUSE'))).toEqual(['Chị Thuê']);
    expect(sorted(await list(leader, `movedInSince=${shift(today, { months: -1 })}`))).toEqual(['Chị Thuê']);
    expect(sorted(await list(leader, `movedInSince=${shift(today, { years: -6 })}`))).toEqual(['Bé Na', 'Chị Thuê']);
  });

  it('combines filters (and the unit picker takes an alley on its own)', async () => {
    const leader = env.w.agents.leaderA;
    expect(sorted(await list(leader, 'ageFrom=60&vneidLevel=L2&smartphone=yes'))).toEqual(['Cụ Bảy']);
    expect(sorted(await list(leader, 'gender=FEMALE&ageTo=30'))).toEqual(['Bé Na', 'Chị Thuê']);
    const alley = (await env.w.agents.leaderA.get(`/api/units?parent=${G}`)).json().items[0].id;
    expect(names(await leader.get(`/api/residents?unit=${alley}`))).toEqual(['Bé Na']);
  });

  it('is scoped: another commune, another group or the province outside never sees these people', async () => {
    for (const q of ['ageFrom=60', 'vneidLevel=L2', 'kind=BOARDING_HOUSE', 'smartphone=unknown']) {
      const b = names(await env.w.agents.leaderB.get(`/api/residents?limit=200&${q}`));
      expect(b.filter((n) => ['Cụ Bảy', 'Ông Năm', 'Chị Thuê', 'Bé Na'].includes(n))).toEqual([]);
      const head = names(await env.w.agents.headA1.get(`/api/residents?limit=200&${q}`));
      expect(head.filter((n) => ['Cụ Bảy', 'Ông Năm', 'Chị Thuê', 'Bé Na'].includes(n))).toEqual([]);
    }
    expect((await env.w.agents.leaderB.get(`/api/residents?unit=${G}&ageFrom=60`)).statusCode).toBe(404);
    expect((await env.w.agents.headA1.get(`/api/households?unit=${G}&ageFrom=60`)).statusCode).toBe(404);
  });

  it.each([
    'ageFrom=-1',
    'ageFrom=abc',
    'ageTo=151',
    'ageFrom=2.5',
    'ageFrom=80&ageTo=70',
    'gender=X',
    'vneidLevel=L3',
    'smartphone=maybe',
    'kind=VILLA',
    'movedInSince=2024-13-01',
    'movedInSince=01/02/2024',
    `tag=${'x'.repeat(41)}`,
  ])('400 problem+json for %s, on both lists and both exports', async (q) => {
    for (const path of ['/api/residents', '/api/households', '/api/exports/residents', '/api/exports/households']) {
      const res = await env.w.agents.leaderA.get(`${path}?${q}`);
      expect(res.statusCode, `${path}?${q}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION');
    }
  });

  it('the filter is recorded in the audit log (never an ID number typed)', async () => {
    await list(env.w.agents.leaderA, 'ageFrom=70&vneidLevel=L2&tag=abc');
    const [row] = await env.t.database.raw<{ details: { filter: Record<string, unknown> } }>(
      `select details from audit_log where action = 'resident.list' order by id desc limit 1`,
    );
    expect(row!.details.filter).toMatchObject({ ageFrom: 70, vneidLevel: 'L2', tags: ['abc'], unit: G });
  });
});

describe('house order and unit names', () => {
  it('households in numeric house order ("Số 5", "Số 17", "Số 103"), alleys named with their thôn', async () => {
    const res = await env.w.agents.leaderA.get(`/api/households?unit=${G}`);
    const items = res.json().items as { address: string; unitName: string }[];
    expect(items.map((h) => h.address)).toEqual([
      'Nhà trọ Bình An, thôn Lê',
      'Số 5, ngõ 9, thôn Lê',
      'Số 17, thôn Lê',
      'Số 103, thôn Lê',
    ]);
    expect(items.map((h) => h.unitName)).toEqual(['Thôn Lê', 'Ngõ 9 · Thôn Lê', 'Thôn Lê', 'Thôn Lê']);
  });

  it('residents follow their households in house order, in pages that do not overlap', async () => {
    const all = (await list(env.w.agents.leaderA, '')).json().items as Item[];
    expect(all.map((r) => r.address)).toEqual([
      'Nhà trọ Bình An, thôn Lê',
      'Số 5, ngõ 9, thôn Lê',
      'Số 17, thôn Lê',
      'Số 17, thôn Lê',
      'Số 103, thôn Lê',
      'Số 103, thôn Lê',
    ]);
    expect(all.find((r) => r.fullName === 'Bé Na')!.unitName).toBe('Ngõ 9 · Thôn Lê');
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++)
      paged.push(...names(await env.w.agents.leaderA.get(`/api/residents?unit=${G}&limit=2&page=${page}`)));
    expect(paged).toEqual(all.map((r) => r.fullName));
  });
});

describe('GET /api/households: the same filters, on the people living there', () => {
  it('a household matches when one of its current members does', async () => {
    const addresses = async (q: string) =>
      ((await env.w.agents.leaderA.get(`/api/households?unit=${G}&${q}`)).json().items as { address: string }[]).map(
        (h) => h.address,
      );
    expect(await addresses('ageFrom=70')).toEqual(['Số 17, thôn Lê', 'Số 103, thôn Lê']);
    expect(await addresses('ageTo=6')).toEqual(['Số 5, ngõ 9, thôn Lê']);
    expect(await addresses('kind=BOARDING_HOUSE')).toEqual(['Nhà trọ Bình An, thôn Lê']);
    expect(await addresses(`movedInSince=${shift(today, { months: -1 })}`)).toEqual(['Nhà trọ Bình An, thôn Lê']);
    expect(await addresses('smartphone=no&gender=FEMALE')).toEqual(['Số 103, thôn Lê']);
  });
});

/** Every row of the list under this filter, page by page (the list has no total). */
async function listTotal(agent: Agent, path: string, query: string) {
  let total = 0;
  for (let page = 1; ; page++) {
    const body = (await agent.get(`${path}?${query}&limit=2&page=${page}`)).json();
    total += body.items.length;
    if (!body.hasMore) return total;
  }
}

async function sheetRows(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  return sheet.getColumn(5).values.slice(2) as string[];
}

describe('GET /api/exports: the list filters', () => {
  it.each([
    'ageFrom=70',
    'vneidLevel=L2',
    'ageFrom=60&vneidLevel=L2&smartphone=yes',
    'kind=BOARDING_HOUSE',
    'gender=FEMALE',
    '',
  ])('residents .xlsx with %j holds as many rows as the list', async (q) => {
    const query = `unit=${G}${q ? `&${q}` : ''}`;
    const total = await listTotal(env.w.agents.leaderA, '/api/residents', query);
    const file = await env.w.agents.leaderA.get(`/api/exports/residents?format=xlsx&${query}`);
    expect(file.statusCode).toBe(200);
    const rows = await sheetRows(file.rawPayload);
    expect(rows).toHaveLength(total);
    expect(total).toBeGreaterThan(0);
  });

  it('names only the people of the filter, and records the filter in the audit log', async () => {
    const file = await env.w.agents.leaderA.get(`/api/exports/residents?format=xlsx&unit=${G}&ageFrom=70`);
    expect((await sheetRows(file.rawPayload)).sort()).toEqual(
      ['Bà Sáu', 'Cụ Bảy', ...(yearEnd() ? ['Ông Năm'] : [])].sort(),
    );
    const [row] = await env.t.database.raw<{ details: { format: string; filter: Record<string, unknown> } }>(
      `select details from audit_log where action = 'export.residents' order by id desc limit 1`,
    );
    expect(row!.details).toMatchObject({ format: 'xlsx', filter: { ageFrom: 70, unit: G } });
  });

  it('households .csv with a person filter holds as many rows as the household list', async () => {
    const query = `unit=${G}&ageFrom=70`;
    const total = await listTotal(env.w.agents.leaderA, '/api/households', query);
    const file = await env.w.agents.leaderA.get(`/api/exports/households?format=csv&${query}`);
    const lines = file.body.trim().split('\n');
    expect(lines).toHaveLength(total + 1);
    expect(file.body).toContain('Số 17, thôn Lê');
    expect(file.body).not.toContain('Nhà trọ Bình An');
  });

  it('a filtered export imports back with no error and no change', async () => {
    const leader = env.w.agents.leaderA;
    const csv = await leader.get(`/api/exports/residents?format=csv&unit=${G}&ageFrom=60&kind=FAMILY`);
    const body = multipartBody({ unitId: env.w.communeA.id }, { name: 'loc.csv', content: csv.body, type: 'text/csv' });
    const id = (await leader.request({ method: 'POST', url: '/api/imports', ...body })).json().id;
    const job = async (statuses: string[]) =>
      eventually(async () => {
        const j = (await leader.get(`/api/imports/${id}`)).json();
        return statuses.includes(j.status) ? j : undefined;
      });
    expect((await job(['VALIDATED', 'FAILED'])).errors).toEqual([]);
    await leader.post(`/api/imports/${id}/commit`, {});
    expect((await job(['DONE', 'FAILED'])).summary).toMatchObject({
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsMoved: 0,
      householdsCreated: 0,
    });
  });

  it('a group head outside the unit gets 404, never an empty file', async () => {
    expect((await env.w.agents.leaderB.get(`/api/exports/residents?unit=${G}&ageFrom=70`)).statusCode).toBe(404);
  });
});
