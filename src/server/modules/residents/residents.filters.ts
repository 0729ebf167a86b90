import { sql, type SQL } from 'drizzle-orm';
import { validation } from '../../lib/errors.js';
import type { RegistryFilter } from './residents.schemas.js';

/** The person-level part of a registry filter (everything but the search box and the unit). */
export type PersonFilter = {
  ageFrom?: number;
  ageTo?: number;
  gender?: string;
  vneidLevel?: string;
  smartphone?: 'yes' | 'no' | 'unknown';
  /** All of these tags. */
  tags: string[];
  movedInSince?: string;
  /** The kind of household the person lives in (for a household list: of the household itself). */
  householdKind?: string;
};

/** The query's filter fields as the repositories take them; refuses an age range that ends before it starts. */
export function personFilterOf(q: RegistryFilter): PersonFilter {
  if (q.ageFrom !== undefined && q.ageTo !== undefined && q.ageFrom > q.ageTo)
    throw validation([
      {
        field: 'ageTo',
        code: 'too_small',
        message: { vi: 'Tuổi "đến" không được nhỏ hơn tuổi "từ"', en: 'The upper age must not be below the lower age' },
      },
    ]);
  return {
    ageFrom: q.ageFrom,
    ageTo: q.ageTo,
    gender: q.gender,
    vneidLevel: q.vneidLevel,
    smartphone: q.smartphone,
    tags: q.tag === undefined ? [] : [q.tag].flat(),
    movedInSince: q.movedInSince,
    householdKind: q.kind,
  };
}

/** Today in Vietnam, whatever the server's zone: an age changes at local midnight. */
const today = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * The latest day the person can have been born: the day itself, else the last day of the known month or year.
 * Ages are counted from it (docs/decisions.md, "Ages from partial birth dates"), so "70 and over" never lists a
 * person who may still be 69, and "up to 6" keeps a child who may be 6.
 */
const latestBirthday = (r: string) =>
  sql.raw(`(case ${r}.birth_precision
    when 'YEAR' then ${r}.birth_date + interval '1 year' - interval '1 day'
    when 'MONTH' then ${r}.birth_date + interval '1 month' - interval '1 day'
    else ${r}.birth_date end)`);

/**
 * Conditions on one resident row, named `r` in the query ("residents", or an alias inside a household's EXISTS).
 * Empty when the filter asks nothing of the person. Kept to plain columns of that row and its current stay, so the same SQL
 * serves the resident list, the household list and both exports.
 */
export function personConditions(f: PersonFilter, r: string): SQL[] {
  const col = (name: string) => sql.raw(`${r}.${name}`);
  const out: SQL[] = [];
  // Age ≥ A when the A-th birthday has come; age ≤ B when the (B+1)-th has not.
  if (f.ageFrom !== undefined)
    out.push(sql`${latestBirthday(r)} + make_interval(years => ${f.ageFrom}::int) <= ${today}`);
  if (f.ageTo !== undefined)
    out.push(sql`${latestBirthday(r)} + make_interval(years => ${f.ageTo + 1}::int) > ${today}`);
  if (f.gender) out.push(sql`${col('gender')} = ${f.gender}`);
  if (f.vneidLevel) out.push(sql`${col('vneid_level')} = ${f.vneidLevel}`);
  if (f.smartphone === 'yes') out.push(sql`${col('has_smartphone')} is true`);
  if (f.smartphone === 'no') out.push(sql`${col('has_smartphone')} is false`);
  if (f.smartphone === 'unknown') out.push(sql`${col('has_smartphone')} is null`);
  if (f.tags.length)
    out.push(
      sql`${col('tags')} @> array[${sql.join(
        f.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  if (f.movedInSince)
    out.push(sql`exists (select 1 from household_members mi where mi.resident_id = ${col('id')}
      and mi.left_on is null and mi.joined_on >= ${f.movedInSince}::date)`);
  return out;
}
