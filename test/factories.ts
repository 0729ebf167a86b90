import { sql } from 'drizzle-orm';
import type { Role } from '../src/shared/enums.js';
import { foldText } from '../src/shared/text.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import type { PiiCipher } from '../src/server/lib/pii-cipher.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { insertHousehold, setHouseholdHead } from '../src/server/modules/households/households.repo.js';
import { insertMembership, insertResident } from '../src/server/modules/residents/residents.repo.js';
import { insertUnit, type UnitRow } from '../src/server/modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../src/server/modules/users/users.repo.js';

/** Test data built through the repositories (fast, no HTTP); each factory fills what its parents need. */
export function factories(database: Database, cipher: PiiCipher) {
  const { db } = database;
  let seq = 0;
  const unitByCode = async (code: string, tier: string) =>
    (await queryRows<UnitRow>(db, sql`select * from units where code = ${code} and tier = ${tier}`))[0]!;

  const f = {
    province: (code = '31') => unitByCode(code, 'PROVINCE'),
    nation: () => unitByCode('VN', 'NATION'),
    async commune(opts: { code?: string; name?: string; province?: string } = {}) {
      const province = await f.province(opts.province);
      seq += 1;
      return insertUnit(db, { parent: province, code: opts.code ?? String(20000 + seq * 7), name: opts.name ?? `Xã Thử ${seq}`, kind: 'COMMUNE', tier: 'COMMUNE' });
    },
    async group(commune: UnitRow, opts: { code?: string; name?: string } = {}) {
      seq += 1;
      return insertUnit(db, { parent: commune, code: opts.code ?? `T${seq}`, name: opts.name ?? `Thôn ${seq}`, kind: 'THON', tier: 'COMMUNITY' });
    },
    async household(unit: UnitRow, opts: { address?: string; kind?: string; code?: string } = {}) {
      seq += 1;
      return insertHousehold(db, { unitId: unit.id, code: opts.code ?? `H${seq}`, address: opts.address ?? `Số ${seq}, ngõ ${seq % 7}`, kind: opts.kind ?? 'FAMILY' });
    },
    async resident(
      household: { id: number; unitId: number; address: string },
      opts: { fullName?: string; birthDate?: string; gender?: 'MALE' | 'FEMALE'; personalId?: string; phone?: string; head?: boolean; ethnicity?: string; healthNotes?: string } = {},
    ) {
      seq += 1;
      const fullName = opts.fullName ?? `Nguyễn Văn Thử ${String.fromCharCode(65 + (seq % 26))}`;
      const r = await insertResident(db, {
        fullName,
        searchText: foldText(fullName),
        birthDate: opts.birthDate ?? '1980-05-01',
        gender: opts.gender ?? 'MALE',
        personalIdEnc: opts.personalId ? cipher.encrypt(opts.personalId) : null,
        personalIdBidx: opts.personalId ? cipher.blindIndex(opts.personalId, 'pid') : null,
        phoneEnc: opts.phone ? cipher.encrypt(opts.phone) : null,
        phoneBidx: opts.phone ? cipher.blindIndex(opts.phone, 'phone') : null,
        ethnicity: opts.ethnicity ?? null,
        healthNotes: opts.healthNotes ?? null,
        unitId: household.unitId,
        householdId: household.id,
      });
      await insertMembership(db, { householdId: household.id, residentId: r.id, relation: opts.head ? 'HEAD' : 'OTHER', residenceType: 'PERMANENT', joinedOn: '2010-01-01' });
      if (opts.head) await setHouseholdHead(db, household, r);
      return r;
    },
    async user(role: Role, unit: UnitRow, opts: { username?: string; password?: string } = {}) {
      seq += 1;
      const username = opts.username ?? `${role.toLowerCase()}_${seq}`;
      const password = opts.password ?? 'mat-khau-thu-nghiem';
      const user = await insertUser(db, { username, fullName: `Cán bộ ${seq}`, passwordHash: await hashPassword(password) });
      await replaceRoles(db, user.id, [{ role, unitId: unit.id }]);
      return { ...user, password };
    },
  };
  return f;
}
