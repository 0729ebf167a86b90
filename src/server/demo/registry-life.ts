import { sql } from 'drizzle-orm';
import { Permission } from '../../shared/permissions.js';
import type { Database } from '../db/client.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { queryRows } from '../db/client.js';
import { createHousehold } from '../modules/households/households.service.js';
import { recordBirth } from '../modules/households/households.events.js';
import { createResident } from '../modules/residents/residents.service.js';
import { leaveResident } from '../modules/residents/residents.stays.js';

/**
 * A month of the registry kept by hand in the first group, through the same services the console uses (so each shows
 * in the history, with the group head as author): a boarding house that took in four workers and lost two, and a
 * baby born into a family. The group head can try every other action on these and undo the latest.
 */
export async function seedRegistryLifeDemo(
  database: Database,
  cipher: PiiCipher,
  group: UnitRow,
  head: { id: number; username: string },
) {
  const scope = { permission: Permission.HOUSEHOLD_WRITE, prefixes: [group.path] };
  const actor = {
    userId: head.id,
    username: head.username,
    roles: 'GROUP_HEAD',
    unitId: group.id,
    ip: '127.0.0.1',
    userAgent: 'demo',
  };
  const deps = { database, cipher };
  const day = (daysAgo: number) => new Date(Date.now() + 7 * 3600_000 - daysAgo * 86400_000).toISOString().slice(0, 10);
  const house = await createHousehold(
    database,
    scope,
    { unitId: group.id, address: `Nhà trọ Hoa Sữa, ${group.name}`, kind: 'BOARDING_HOUSE', code: 'NT-1' },
    actor,
  );
  const tenants = [
    ['Vi Văn Thắng', '1999-04-12', 'MALE', 'Cao Bằng', 120],
    ['Hoàng Thị Mai', '2001-09-03', 'FEMALE', 'Thanh Hóa', 95],
    ['Lò Văn Quý', '1997-01-25', 'MALE', 'Sơn La', 60],
    ['Nông Thị Hằng', '2002-06-30', 'FEMALE', 'Lạng Sơn', 30],
  ] as const;
  const made = [];
  for (const [fullName, birthDate, gender, cameFrom, daysAgo] of tenants) {
    made.push(
      await createResident(
        deps,
        scope,
        null,
        {
          householdId: house.id,
          fullName,
          birthDate,
          gender,
          relation: 'TENANT',
          residenceType: 'TEMPORARY',
          joinedOn: day(daysAgo),
          cameFrom,
          vneidLevel: 'NONE',
          tags: [],
        },
        actor,
      ),
    );
  }
  for (const [i, daysAgo] of [
    [0, 20],
    [2, 7],
  ] as const) {
    await leaveResident(deps, scope, null, made[i]!.id, { leftOn: day(daysAgo), reason: 'Trả phòng' }, actor);
  }
  // A family of several people in the group gets a newborn.
  const [family] = await queryRows<{ id: number; version: number }>(
    database.db,
    sql`select h.id, h.version from households h
        where h.unit_id = ${group.id} and h.kind = 'FAMILY' and h.head_resident_id is not null
          and (select count(*) from household_members m where m.household_id = h.id and m.left_on is null) >= 4
        order by h.id limit 1`,
  );
  if (family) {
    await recordBirth(
      database,
      scope,
      family.id,
      { version: family.version, fullName: 'Nguyễn Minh Khang', birthDate: day(12), gender: 'MALE', relation: 'CHILD' },
      actor,
    );
  }
}
