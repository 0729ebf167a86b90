import { sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { householdKey, type ParsedRow, type RowError } from './imports.rows.js';

export type ApplyCounts = {
  householdsCreated: number;
  householdsUpdated: number;
  residentsCreated: number;
  residentsUpdated: number;
  residentsMoved: number;
  residentsUnchanged: number;
};

export const emptyCounts = (): ApplyCounts => ({
  householdsCreated: 0, householdsUpdated: 0, residentsCreated: 0, residentsUpdated: 0, residentsMoved: 0, residentsUnchanged: 0,
});

/** A JSON array parameter: one round trip per statement, read with json_to_recordset on both databases. */
const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

type HouseholdRef = { id: number; unit_id: number; code: string | null; address: string; kind: string };
type ExistingResident = {
  id: number; unit_id: number; household_id: number | null; full_name: string; birth_date: string; gender: string;
  phone_bidx: string | null; personal_id_bidx: string | null; vneid_level: string; has_smartphone: boolean | null;
  tags: string[]; relation: string | null; residence_type: string | null; in_scope: boolean; search_text: string;
};

/**
 * Writes one batch of clean rows (the caller holds the transaction). Set-based throughout: each step is one
 * statement over the whole batch, which keeps a 1M-row import within reach of COPY. Re-importing the same rows
 * matches them (by ID number, else name + birth date + household) and changes nothing.
 */
export async function applyBatch(tx: Tx, cipher: PiiCipher, scope: Scope, rows: ParsedRow[], counts: ApplyCounts): Promise<RowError[]> {
  const errors: RowError[] = [];

  // 1. Households: find by (unit, number) or (unit, address); create the missing ones; refresh changed ones.
  const wanted = new Map<string, ParsedRow>();
  for (const r of rows) if (!wanted.has(householdKey(r))) wanted.set(householdKey(r), r);
  const keys = [...wanted.values()].map((r) => ({ unit_id: r.unitId, code: r.householdCode, address: r.address }));
  const found = await queryRows<HouseholdRef>(tx, sql`
    select h.id, h.unit_id, h.code, h.address, h.kind from households h
    join json_to_recordset(${json(keys)}) as k(unit_id int, code text, address text)
      on h.unit_id = k.unit_id and (h.code = k.code or (k.code is null and h.code is null and h.address = k.address))
    where h.dissolved_on is null`);
  const householdIds = new Map<string, HouseholdRef>();
  for (const h of found) householdIds.set(householdKey({ unitId: h.unit_id, householdCode: h.code, address: h.address }), h);
  const missing = [...wanted.entries()].filter(([k]) => !householdIds.has(k)).map(([, r]) => r);
  if (missing.length) {
    const created = await queryRows<HouseholdRef>(tx, sql`
      insert into households (unit_id, code, address, kind, search_text, address_search)
      select unit_id, code, address, kind, search_text, search_text
      from json_to_recordset(${json(missing.map((r) => ({ unit_id: r.unitId, code: r.householdCode, address: r.address, kind: r.householdKind, search_text: foldText(r.address) })))})
        as x(unit_id int, code text, address text, kind text, search_text text)
      returning id, unit_id, code, address, kind`);
    for (const h of created) householdIds.set(householdKey({ unitId: h.unit_id, householdCode: h.code, address: h.address }), h);
    counts.householdsCreated += created.length;
  }
  const changedHouseholds = [...wanted.entries()]
    .map(([k, r]) => ({ h: householdIds.get(k)!, r }))
    .filter(({ h, r }) => found.includes(h) && (h.address !== r.address || h.kind !== r.householdKind));
  if (changedHouseholds.length) {
    await tx.execute(sql`
      update households h set address = x.address, address_search = x.address_search, kind = x.kind, version = h.version + 1, updated_at = now()
      from json_to_recordset(${json(changedHouseholds.map(({ h, r }) => ({ id: h.id, address: r.address, address_search: foldText(r.address), kind: r.householdKind })))}) as x(id int, address text, address_search text, kind text)
      where h.id = x.id`);
    counts.householdsUpdated += changedHouseholds.length;
  }

  // 2. Residents: match by blind index of the ID number, else by folded name + birth date in the same household.
  const prepared = rows.map((r) => ({
    r,
    householdId: householdIds.get(householdKey(r))!.id,
    pidBidx: r.personalId ? cipher.blindIndex(r.personalId, 'pid') : null,
    phoneBidx: r.phone ? cipher.blindIndex(r.phone, 'phone') : null,
  }));
  const existing = await queryRows<ExistingResident>(tx, sql`
    select r.id, r.unit_id, r.household_id, r.full_name, r.birth_date::text as birth_date, r.gender, r.phone_bidx, r.personal_id_bidx,
      r.vneid_level, r.has_smartphone, r.tags, r.search_text, m.relation, m.residence_type,
      exists (select 1 from units u where u.id = r.unit_id and ${pathInScope(sql`u.path`, scope)}) as in_scope
    from residents r
    left join household_members m on m.resident_id = r.id and m.left_on is null
    where r.personal_id_bidx in (select value from json_array_elements_text(${json(prepared.map((p) => p.pidBidx).filter(Boolean))}))
       or (r.personal_id_bidx is null and (r.household_id, r.search_text, r.birth_date) in (
         select household_id, search_text, birth_date from json_to_recordset(${json(prepared.filter((p) => !p.pidBidx).map((p) => ({ household_id: p.householdId, search_text: p.r.searchText, birth_date: p.r.birthDate })))})
           as k(household_id int, search_text text, birth_date date)))`);
  const byPid = new Map(existing.filter((e) => e.personal_id_bidx).map((e) => [e.personal_id_bidx!, e]));
  const byNatural = new Map(existing.map((e) => [`${e.household_id}|${e.search_text}|${e.birth_date}`, e]));

  const inserts: typeof prepared = [];
  const updates: { id: number; p: (typeof prepared)[number] }[] = [];
  const moves: { id: number; p: (typeof prepared)[number] }[] = [];
  const membershipChanges: { id: number; p: (typeof prepared)[number] }[] = [];
  for (const p of prepared) {
    const e = (p.pidBidx && byPid.get(p.pidBidx)) || (!p.pidBidx ? byNatural.get(`${p.householdId}|${p.r.searchText}|${p.r.birthDate}`) : undefined);
    if (!e) {
      inserts.push(p);
      continue;
    }
    if (!e.in_scope) {
      errors.push({ row: p.r.rowNumber, column: 'Số định danh cá nhân', code: 'OUT_OF_SCOPE', messageVi: 'Số định danh này đã đăng ký ở đơn vị khác; liên hệ cán bộ xã để chuyển khẩu', messageEn: 'This ID is registered in another unit; ask the commune to transfer the person' });
      continue;
    }
    // Blank optional cells keep what the registry has: a list without phones must not erase them.
    const personChanged =
      e.full_name !== p.r.fullName || e.birth_date !== p.r.birthDate || e.gender !== p.r.gender ||
      (p.phoneBidx !== null && e.phone_bidx !== p.phoneBidx) ||
      (p.r.vneidLevel !== null && e.vneid_level !== p.r.vneidLevel) ||
      (p.r.hasSmartphone !== null && e.has_smartphone !== p.r.hasSmartphone) ||
      (p.r.tags.length > 0 && e.tags.join('\u0001') !== p.r.tags.join('\u0001'));
    if (personChanged) updates.push({ id: e.id, p });
    if (e.household_id !== p.householdId) moves.push({ id: e.id, p });
    else if (e.relation !== p.r.relation || e.residence_type !== p.r.residenceType) membershipChanges.push({ id: e.id, p });
    if (!personChanged && e.household_id === p.householdId && e.relation === p.r.relation && e.residence_type === p.r.residenceType) counts.residentsUnchanged += 1;
  }

  if (inserts.length) {
    // Ids drawn first so memberships can be written in the same pass without relying on RETURNING order.
    const ids = await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('residents', 'id'))::int as id from generate_series(1, ${inserts.length})`);
    const values = inserts.map((p, i) => ({
      id: ids[i]!.id, full_name: p.r.fullName, search_text: p.r.searchText, birth_date: p.r.birthDate, gender: p.r.gender,
      personal_id_enc: p.r.personalId ? cipher.encrypt(p.r.personalId) : null, personal_id_bidx: p.pidBidx,
      phone_enc: p.r.phone ? cipher.encrypt(p.r.phone) : null, phone_bidx: p.phoneBidx,
      vneid_level: p.r.vneidLevel ?? 'NONE', has_smartphone: p.r.hasSmartphone, tags: p.r.tags, unit_id: p.r.unitId, household_id: p.householdId,
      relation: p.r.relation, residence_type: p.r.residenceType, joined_on: p.r.joinedOn,
    }));
    await tx.execute(sql`
      insert into residents (id, full_name, search_text, birth_date, gender, personal_id_enc, personal_id_bidx, phone_enc, phone_bidx, vneid_level, has_smartphone, tags, unit_id, household_id)
      overriding system value
      select id, full_name, search_text, birth_date, gender, personal_id_enc, personal_id_bidx, phone_enc, phone_bidx, vneid_level, has_smartphone,
        array(select json_array_elements_text(tags)), unit_id, household_id
      from json_to_recordset(${json(values)}) as x(id int, full_name text, search_text text, birth_date date, gender text, personal_id_enc text,
        personal_id_bidx text, phone_enc text, phone_bidx text, vneid_level text, has_smartphone boolean, tags json, unit_id int, household_id int)`);
    await tx.execute(sql`
      insert into household_members (household_id, resident_id, relation, residence_type, joined_on)
      select household_id, id, relation, residence_type, joined_on
      from json_to_recordset(${json(values)}) as x(id int, household_id int, relation text, residence_type text, joined_on date)`);
    counts.residentsCreated += inserts.length;
    inserts.forEach((p, i) => ((p as { id?: number }).id = ids[i]!.id));
  }

  if (updates.length) {
    await tx.execute(sql`
      update residents r set full_name = x.full_name, search_text = x.search_text, birth_date = x.birth_date, gender = x.gender,
        phone_enc = coalesce(x.phone_enc, r.phone_enc), phone_bidx = coalesce(x.phone_bidx, r.phone_bidx),
        vneid_level = coalesce(x.vneid_level, r.vneid_level), has_smartphone = coalesce(x.has_smartphone, r.has_smartphone),
        tags = case when json_array_length(x.tags) = 0 then r.tags else array(select json_array_elements_text(x.tags)) end,
        version = r.version + 1, updated_at = now()
      from json_to_recordset(${json(updates.map(({ id, p }) => ({
        id, full_name: p.r.fullName, search_text: p.r.searchText, birth_date: p.r.birthDate, gender: p.r.gender,
        phone_enc: p.r.phone ? cipher.encrypt(p.r.phone) : null, phone_bidx: p.phoneBidx, vneid_level: p.r.vneidLevel,
        has_smartphone: p.r.hasSmartphone, tags: p.r.tags,
      })))}) as x(id int, full_name text, search_text text, birth_date date, gender text, phone_enc text, phone_bidx text, vneid_level text, has_smartphone boolean, tags json)
      where r.id = x.id`);
    counts.residentsUpdated += updates.length;
  }

  if (moves.length) {
    const moveValues = moves.map(({ id, p }) => ({ id, household_id: p.householdId, unit_id: p.r.unitId, relation: p.r.relation, residence_type: p.r.residenceType, joined_on: p.r.joinedOn }));
    // The old stay ends the day the new one starts (or the day it began, if the file's date is earlier).
    await tx.execute(sql`
      update household_members m set left_on = greatest(m.joined_on, x.joined_on), left_reason = 'Nhập từ danh sách: chuyển hộ'
      from json_to_recordset(${json(moveValues)}) as x(id int, joined_on date)
      where m.resident_id = x.id and m.left_on is null`);
    await tx.execute(sql`
      insert into household_members (household_id, resident_id, relation, residence_type, joined_on)
      select household_id, id, relation, residence_type, joined_on from json_to_recordset(${json(moveValues)}) as x(id int, household_id int, relation text, residence_type text, joined_on date)`);
    await tx.execute(sql`
      update residents r set household_id = x.household_id, unit_id = x.unit_id, version = r.version + 1, updated_at = now()
      from json_to_recordset(${json(moveValues)}) as x(id int, household_id int, unit_id int) where r.id = x.id`);
    counts.residentsMoved += moves.length;
  }

  if (membershipChanges.length) {
    await tx.execute(sql`
      update household_members m set relation = x.relation, residence_type = x.residence_type
      from json_to_recordset(${json(membershipChanges.map(({ id, p }) => ({ id, relation: p.r.relation, residence_type: p.r.residenceType })))}) as x(id int, relation text, residence_type text)
      where m.resident_id = x.id and m.left_on is null`);
    counts.residentsUpdated += membershipChanges.filter((m) => !updates.some((u) => u.id === m.id)).length;
  }

  // 3. Heads: the row marked "Chủ hộ" heads its household; the search key carries the head's name.
  const heads = prepared
    .filter((p) => p.r.relation === 'HEAD')
    .map((p) => ({ household_id: p.householdId, search_text: p.r.searchText, birth_date: p.r.birthDate, household_search: foldText(`${p.r.fullName} ${p.r.address}`) }));
  if (heads.length) {
    await tx.execute(sql`
      update households h set head_resident_id = r.id, search_text = x.household_search, updated_at = now()
      from json_to_recordset(${json(heads)}) as x(household_id int, search_text text, birth_date date, household_search text)
      join residents r on r.household_id = x.household_id and r.search_text = x.search_text and r.birth_date = x.birth_date
      where h.id = x.household_id and (h.head_resident_id is distinct from r.id or h.search_text <> x.household_search)`);
  }
  return errors;
}
