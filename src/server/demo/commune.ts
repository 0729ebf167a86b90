import { sql } from 'drizzle-orm';
import { foldText } from '../../shared/text.js';
import { queryRows, type Tx } from '../db/client.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { insertUnit, type UnitRow } from '../modules/units/units.repo.js';
import {
  communeNames,
  givenFemale,
  givenMale,
  middleFemale,
  middleMale,
  pidProvinces,
  streetNames,
  surnames,
  type Random,
} from './names.js';

const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type Person = {
  id: number;
  full_name: string;
  search_text: string;
  birth_date: string;
  birth_precision: 'DAY' | 'YEAR';
  gender: 'MALE' | 'FEMALE';
  personal_id_enc: string | null;
  personal_id_bidx: string | null;
  phone_enc: string | null;
  phone_bidx: string | null;
  vneid_level: string;
  has_smartphone: boolean | null;
  tags: string[];
  ethnicity: string | null;
  unit_id: number;
  household_id: number;
  relation: string;
  residence_type: string;
  joined_on: string;
};

/** One demo commune: its groups and alleys, households and people, written in set-based batches of 5,000. */
export async function buildCommune(
  tx: Tx,
  cipher: PiiCipher,
  rnd: Random,
  province: UnitRow,
  index: number,
  target: number,
  counters: { pid: number; phone: number },
  thisYear: number,
) {
  const taken = new Set(
    (await queryRows<{ code: string }>(tx, sql`select code from units where tier = 'COMMUNE'`)).map((r) => r.code),
  );
  let codeNumber = 11824 + index;
  while (taken.has(pad(codeNumber, 5))) codeNumber += 1;
  const isWard = index % 3 === 1;
  const baseName =
    communeNames[index % communeNames.length]! +
    (index >= communeNames.length ? ` ${Math.floor(index / communeNames.length) + 1}` : '');
  const commune = await insertUnit(tx, {
    parent: province,
    code: pad(codeNumber, 5),
    name: `${isWard ? 'Phường' : 'Xã'} ${baseName}`,
    kind: isWard ? 'WARD' : 'COMMUNE',
    tier: 'COMMUNE',
    legalBasis: 'Dữ liệu minh họa',
    validFrom: '2025-07-01',
  });
  const groupCount = Math.max(2, Math.min(20, Math.round(target / 1500)));
  const groups: UnitRow[] = [];
  const places: UnitRow[] = [];
  for (let g = 1; g <= groupCount; g++) {
    const group = await insertUnit(tx, {
      parent: commune,
      code: isWard ? `TDP${pad(g)}` : `T${pad(g)}`,
      name: isWard ? `Tổ dân phố ${g}` : `Thôn ${g}`,
      kind: isWard ? 'TO_DAN_PHO' : 'THON',
      tier: 'COMMUNITY',
    });
    groups.push(group);
    places.push(group);
    for (let z = 1; z <= 3; z++)
      places.push(
        await insertUnit(tx, { parent: group, code: `NGO${z}`, name: `Ngõ ${z}`, kind: 'ZONE', tier: 'ZONE' }),
      );
  }

  const people: Person[] = [];
  const households: {
    id: number;
    unit_id: number;
    code: string;
    address: string;
    kind: string;
    head: number | null;
    search_text: string;
    address_search: string;
  }[] = [];
  const nextIds = async (table: 'households' | 'residents', n: number) =>
    (
      await queryRows<{ id: number }>(
        tx,
        sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`,
      )
    ).map((r) => r.id);

  const age = (min: number, max: number) => rnd.int(min, max);
  let made = 0;
  const plannedHouseholds: { unit: UnitRow; code: string; address: string; boarding: boolean; size: number }[] = [];
  const perPlace = new Map<number, number>();
  while (made < target) {
    const unit = places[rnd.int(0, places.length - 1)]!;
    const n = (perPlace.get(unit.id) ?? 0) + 1;
    perPlace.set(unit.id, n);
    const boarding = rnd.next() < 0.03;
    const size = Math.min(
      target - made,
      boarding
        ? rnd.int(4, 12)
        : rnd.weighted([
            [1, 12],
            [2, 20],
            [3, 22],
            [4, 24],
            [5, 12],
            [6, 6],
            [7, 3],
            [8, 1],
          ] as const),
    );
    const where = unit.tier === 'ZONE' ? `${unit.name}, ` : '';
    const address = boarding
      ? `Nhà trọ số ${n}, ${where}${rnd.pick(streetNames)}`
      : `Số ${n}, ${where}đường ${rnd.pick(streetNames)}`;
    plannedHouseholds.push({ unit, code: `${unit.code}-${n}`, address, boarding, size });
    made += size;
  }
  const householdIds = await nextIds('households', plannedHouseholds.length);
  const residentIds = await nextIds('residents', made);
  let ri = 0;

  const person = (
    householdId: number,
    unitId: number,
    years: number,
    gender: 'MALE' | 'FEMALE',
    relation: string,
    residence: string,
    surname: string,
    joinedYear?: number,
  ): Person => {
    const birthYear = thisYear - years;
    const day = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
    // An elder's papers often give only the year of birth: every tenth person over 75 is recorded so (decided by
    // the id, not the random stream, so the rest of the demo stays as it was), and the age filters count them honestly.
    const yearOnly = years >= 75 && residentIds[ri]! % 10 === 0;
    const birth = yearOnly ? `${birthYear}-01-01` : day;
    const [middle, given] = gender === 'MALE' ? [middleMale, givenMale] : [middleFemale, givenFemale];
    const name = `${surname} ${rnd.pick(middle)} ${rnd.pick(given)}`;
    let pid: string | null = null;
    if (rnd.next() < 0.92) {
      const n = counters.pid++;
      const century = Math.floor((birthYear - 1900) / 100);
      // Province code, century and gender digit, two digits of the birth year, six running digits (DOMAIN.md §8).
      const province = pidProvinces[Math.floor(n / 1_000_000) % pidProvinces.length];
      const centuryGender = century * 2 + (gender === 'FEMALE' ? 1 : 0);
      pid = `${province}${centuryGender}${pad(birthYear % 100)}${pad(n % 1_000_000, 6)}`;
    }
    const adult = years >= 16;
    const phone = adult && rnd.next() < 0.75 ? `+849${pad(counters.phone++ % 100_000_000, 8)}` : null;
    const vneid =
      years >= 14
        ? rnd.weighted([
            ['L2', 60],
            ['L1', 15],
            ['NONE', 25],
          ] as const)
        : years >= 6
          ? rnd.weighted([
              ['L1', 30],
              ['NONE', 70],
            ] as const)
          : 'NONE';
    const tags: string[] = [];
    if (years >= 60) tags.push('người cao tuổi');
    return {
      id: residentIds[ri++]!,
      full_name: name,
      search_text: foldText(name),
      birth_date: birth,
      birth_precision: yearOnly ? 'YEAR' : 'DAY',
      gender,
      personal_id_enc: pid ? cipher.encrypt(pid) : null,
      personal_id_bidx: pid ? cipher.blindIndex(pid, 'pid') : null,
      phone_enc: phone ? cipher.encrypt(phone) : null,
      phone_bidx: phone ? cipher.blindIndex(phone, 'phone') : null,
      vneid_level: vneid,
      has_smartphone: adult ? rnd.next() < (years >= 60 ? 0.4 : 0.85) : null,
      tags,
      ethnicity: rnd.next() < 0.97 ? 'Kinh' : rnd.pick(['Tày', 'Mường', 'Hoa', 'Nùng']),
      unit_id: unitId,
      household_id: householdId,
      relation,
      residence_type: residence,
      joined_on: `${Math.max(joinedYear ?? birthYear, birthYear)}-${birth.slice(5)}`,
    };
  };

  plannedHouseholds.forEach((h, i) => {
    const id = householdIds[i]!;
    const surname = rnd.weighted(surnames);
    let head: Person | null = null;
    if (h.boarding) {
      for (let k = 0; k < h.size; k++)
        people.push(
          person(
            id,
            h.unit.id,
            age(18, 35),
            rnd.next() < 0.5 ? 'MALE' : 'FEMALE',
            'TENANT',
            'TEMPORARY',
            rnd.weighted(surnames),
            thisYear - rnd.int(0, 3),
          ),
        );
    } else {
      const headAge = age(h.size === 1 ? 22 : 28, 78);
      const headGender = rnd.next() < 0.72 ? 'MALE' : 'FEMALE';
      head = person(id, h.unit.id, headAge, headGender, 'HEAD', 'PERMANENT', surname, thisYear - rnd.int(1, 30));
      people.push(head);
      let left = h.size - 1;
      if (left > 0 && rnd.next() < 0.85) {
        people.push(
          person(
            id,
            h.unit.id,
            Math.max(20, headAge + rnd.int(-6, 4)),
            headGender === 'MALE' ? 'FEMALE' : 'MALE',
            'SPOUSE',
            'PERMANENT',
            rnd.weighted(surnames),
            thisYear - rnd.int(1, 25),
          ),
        );
        left -= 1;
      }
      if (left > 2 && headAge < 60 && rnd.next() < 0.5) {
        people.push(
          person(
            id,
            h.unit.id,
            Math.min(96, headAge + rnd.int(22, 32)),
            rnd.next() < 0.6 ? 'FEMALE' : 'MALE',
            'PARENT',
            'PERMANENT',
            surname,
          ),
        );
        left -= 1;
      }
      for (; left > 0; left--) {
        const childAge = Math.max(0, headAge - rnd.int(20, 38));
        people.push(
          person(
            id,
            h.unit.id,
            childAge,
            rnd.next() < 0.5 ? 'MALE' : 'FEMALE',
            'CHILD',
            rnd.next() < 0.05 ? 'TEMPORARY_ABSENT' : 'PERMANENT',
            surname,
          ),
        );
      }
    }
    households.push({
      id,
      unit_id: h.unit.id,
      code: h.code,
      address: h.address,
      kind: h.boarding ? 'BOARDING_HOUSE' : 'FAMILY',
      head: head?.id ?? null,
      search_text: foldText(`${head?.full_name ?? ''} ${h.address}`),
      address_search: foldText(h.address),
    });
  });

  for (let i = 0; i < households.length; i += 5000) {
    await tx.execute(sql`
      insert into households (id, unit_id, code, address, kind, search_text, address_search) overriding system value
      select id, unit_id, code, address, kind, search_text, address_search
      from json_to_recordset(${json(households.slice(i, i + 5000))})
        as x(id int, unit_id int, code text, address text, kind text, search_text text, address_search text)`);
  }
  // When each account was checked (the VNeID indicator counts level 2 only from that day): spread over the past
  // 14–30 months, differently per commune, so a year of monthly values climbs at its own pace. From the id, not the
  // random stream, so the rest of the demo stays as it was.
  const vneidSpread = 420 + ((index * 137) % 480);
  for (let i = 0; i < people.length; i += 5000) {
    const chunk = json(people.slice(i, i + 5000));
    await tx.execute(sql`
      insert into residents (id, full_name, search_text, birth_date, birth_precision, gender, personal_id_enc,
        personal_id_bidx, phone_enc, phone_bidx, vneid_level, vneid_checked_on, has_smartphone, tags, ethnicity,
        unit_id, household_id)
      overriding system value
      select id, full_name, search_text, birth_date, birth_precision, gender, personal_id_enc, personal_id_bidx,
        phone_enc, phone_bidx, vneid_level,
        case when vneid_level <> 'NONE' then least(current_date - 1,
          greatest(birth_date + case when vneid_level = 'L2' then 14 * 366 else 6 * 366 end,
            current_date - 1 - ((id::bigint * 2654435761) % ${vneidSpread})::int)) end,
        has_smartphone, array(select json_array_elements_text(tags)), ethnicity, unit_id, household_id
      from json_to_recordset(${chunk}) as x(id int, full_name text, search_text text, birth_date date,
        birth_precision text, gender text,
        personal_id_enc text, personal_id_bidx text, phone_enc text, phone_bidx text, vneid_level text,
        has_smartphone boolean, tags json, ethnicity text, unit_id int, household_id int)`);
    await tx.execute(sql`
      insert into household_members (household_id, resident_id, relation, residence_type, joined_on)
      select household_id, id, relation, residence_type, joined_on from json_to_recordset(${chunk})
        as x(id int, household_id int, relation text, residence_type text, joined_on date)`);
  }
  for (let i = 0; i < households.length; i += 5000) {
    await tx.execute(sql`
      update households h set head_resident_id = x.head
      from json_to_recordset(${json(households.slice(i, i + 5000).filter((h) => h.head))}) as x(id int, head int)
      where h.id = x.id`);
  }
  return { commune, firstGroup: groups[0]!, households: households.length, residents: people.length };
}
