import type { Role } from '../src/shared/enums.js';
import { factories } from './factories.js';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, login, type Agent, type TestContext } from './helpers.js';

/**
 * A small fixed world for route and access tests: commune A (groups A1 with an alley, A2) and commune B (group B1)
 * in province 31, one account per role, and a few households and residents in each place.
 */
export async function buildWorld(t: TestContext) {
  const f = factories(t.database, t.cipher);
  const nation = await f.nation();
  const province = await f.province('31');
  const otherProvince = await f.province('01');
  const communeA = await f.commune({ name: 'Xã An Hòa' });
  const communeB = await f.commune({ name: 'Phường Bình Minh' });
  const communeC = await f.commune({ name: 'Xã Khác Tỉnh', province: '01' });
  const groupA1 = await f.group(communeA, { code: 'T01', name: 'Thôn Đông' });
  const groupA2 = await f.group(communeA, { code: 'T02', name: 'Thôn Tây' });
  const groupB1 = await f.group(communeB, { code: 'T01', name: 'Tổ dân phố 1' });
  const groupC1 = await f.group(communeC, { code: 'T01', name: 'Thôn Một' });
  const { insertUnit } = await import('../src/server/modules/units/units.repo.js');
  const alleyA1 = await insertUnit(t.database.db, {
    parent: groupA1,
    code: 'NGO3',
    name: 'Ngõ 3',
    kind: 'ZONE',
    tier: 'ZONE',
  });

  const hA1 = await f.household(alleyA1, { address: 'Số 7, ngõ 3, thôn Đông', code: '7' });
  const hA2 = await f.household(groupA2, {
    address: 'Nhà trọ Hạnh Phúc, thôn Tây',
    kind: 'BOARDING_HOUSE',
    code: '21',
  });
  const hB1 = await f.household(groupB1, { address: 'Số 12 đường Lê Lợi', code: '12' });
  const hC1 = await f.household(groupC1, { address: 'Số 1 thôn Một', code: '1' });

  const an = await f.resident(hA1, {
    fullName: 'Nguyễn Văn An',
    birthDate: '1978-03-15',
    gender: 'MALE',
    personalId: '031078001234',
    phone: '+84912345678',
    head: true,
    ethnicity: 'Kinh',
    healthNotes: 'Tiểu đường',
  });
  const binh = await f.resident(hA1, {
    fullName: 'Trần Thị Bình',
    birthDate: '1980-07-02',
    gender: 'FEMALE',
    personalId: '031180004321',
  });
  const cuong = await f.resident(hA2, { fullName: 'Lê Đức Cường', birthDate: '2001-11-20', gender: 'MALE' });
  const dung = await f.resident(hB1, {
    fullName: 'Phạm Thị Dung',
    birthDate: '1990-01-01',
    gender: 'FEMALE',
    personalId: '031190007777',
  });
  const em = await f.resident(hC1, { fullName: 'Hoàng Văn Em', birthDate: '1985-01-01', gender: 'MALE' });

  const accounts = {
    admin: await f.user('SYSTEM_ADMIN', nation),
    province: await f.user('PROVINCE_OFFICER', province),
    leaderA: await f.user('COMMUNE_LEADER', communeA),
    onestopA: await f.user('ONESTOP_OFFICER', communeA),
    headA1: await f.user('GROUP_HEAD', groupA1),
    teamA1: await f.user('DIGITAL_TEAM', groupA1),
    leaderB: await f.user('COMMUNE_LEADER', communeB),
  } satisfies Record<string, { username: string; password: string }>;
  const agents = {} as Record<keyof typeof accounts, Agent>;
  for (const [name, account] of Object.entries(accounts))
    agents[name as keyof typeof accounts] = await login(t.app, account.username, account.password);
  const roleOf: Record<keyof typeof accounts, Role> = {
    admin: 'SYSTEM_ADMIN',
    province: 'PROVINCE_OFFICER',
    leaderA: 'COMMUNE_LEADER',
    onestopA: 'ONESTOP_OFFICER',
    headA1: 'GROUP_HEAD',
    teamA1: 'DIGITAL_TEAM',
    leaderB: 'COMMUNE_LEADER',
  };
  return {
    f,
    nation,
    province,
    otherProvince,
    communeA,
    communeB,
    communeC,
    groupA1,
    groupA2,
    groupB1,
    groupC1,
    alleyA1,
    households: { hA1, hA2, hB1, hC1 },
    residents: { an, binh, cuong, dung, em },
    accounts,
    agents,
    roleOf,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * The usual test-file setup: a fresh app and world before the file's tests, closed after. Fields are filled in by
 * beforeAll, so read them inside tests (`env.w.agents…`), not at module level.
 */
export function useWorld(overrides: Record<string, string> = {}): { t: TestContext; w: World } {
  const env = {} as { t: TestContext; w: World };
  beforeAll(async () => {
    env.t = await buildTestApp(overrides);
    env.w = await buildWorld(env.t);
  });
  afterAll(() => env.t?.close());
  return env;
}
