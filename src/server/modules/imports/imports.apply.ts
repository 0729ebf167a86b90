import { sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import { copyInto, queryRows, type DatabaseKind, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { householdKey, type RowError } from './imports.rows.js';
import type { SealedRow } from './imports.scan.js';

export type ApplyCounts = {
  householdsCreated: number;
  householdsUpdated: number;
  residentsCreated: number;
  residentsUpdated: number;
  residentsMoved: number;
  residentsUnchanged: number;
};

export const emptyCounts = (): ApplyCounts => ({
  householdsCreated: 0,
  householdsUpdated: 0,
  residentsCreated: 0,
  residentsUpdated: 0,
  residentsMoved: 0,
  residentsUnchanged: 0,
});

/** A JSON array parameter: one round trip per statement, read with json_to_recordset on both databases. */
const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

type HouseholdRef = { id: number; unit_id: number; code: string | null; address: string; kind: string };
type ExistingResident = {
  id: number;
  unit_id: number;
  household_id: number | null;
  full_name: string;
  birth_date: string;
  birth_precision: string;
  gender: string;
  phone_bidx: string | null;
  personal_id_bidx: string | null;
  vneid_level: string;
  has_smartphone: boolean | null;
  tags: string[];
  relation: string | null;
  residence_type: string | null;
  in_scope: boolean;
  search_text: string;
};

/**
 * How a dry run counts what the import would do without writing: the households it would create in earlier
 * batches (a later batch cannot find them in the database, and must not count them twice).
 */
export type DryRun = { plannedHouseholds: Set<string> };

/**
 * Writes one batch of clean rows (the caller holds the transaction). Set-based throughout: each step is one
 * statement over the whole batch, which keeps a 1M-row import within reach of COPY. Re-importing the same rows
 * matches them (by ID number, else name + birth date + household) and changes nothing.
 * With `dryRun`, the same matching runs and `counts` says what would change, but nothing is written: the dry run's
 * "0 changes" is the import's own judgement, not a second one that could disagree.
 */
export async function applyBatch(
  tx: Tx,
  kind: DatabaseKind,
  scope: Scope,
  rows: SealedRow[],
  counts: ApplyCounts,
  dryRun?: DryRun,
): Promise<RowError[]> {
  const errors: RowError[] = [];
  const write = !dryRun;
  // A batch need not wait for its WAL flush: if the server crashes, rerunning the import converges, and the final
  // DONE status is written with a normal (synchronous) commit, which flushes every batch before it.
  if (write) await tx.execute(sql`set local synchronous_commit = off`);

  // 1. Households: find by (unit, number) or (unit, address); ids for the new ones are drawn now and the rows are
  //    written below together with their head, so each household is written once (its index entries too).
  const wanted = new Map<string, SealedRow>();
  for (const r of rows) if (!wanted.has(householdKey(r))) wanted.set(householdKey(r), r);
  const keys = [...wanted.values()].map((r) => ({ unit_id: r.unitId, code: r.householdCode, address: r.address }));
  // Two index-friendly lookups (by number, by address) rather than one OR that would scan the table.
  const byNumber = json(keys.filter((k) => k.code !== null));
  const byAddress = json(keys.filter((k) => k.code === null));
  const found = await queryRows<HouseholdRef>(
    tx,
    sql`
    select h.id, h.unit_id, h.code, h.address, h.kind from households h
    join json_to_recordset(${byNumber}) as k(unit_id int, code text)
      on h.unit_id = k.unit_id and h.code = k.code
    where h.dissolved_on is null
    union all
    select h.id, h.unit_id, h.code, h.address, h.kind from households h
    join json_to_recordset(${byAddress}) as k(unit_id int, address text)
      on h.unit_id = k.unit_id and h.code is null and h.address = k.address
    where h.dissolved_on is null`,
  );
  const householdIds = new Map<string, number>();
  for (const h of found)
    householdIds.set(householdKey({ unitId: h.unit_id, householdCode: h.code, address: h.address }), h.id);
  const changedHouseholds = found
    .map((h) => ({ h, r: wanted.get(householdKey({ unitId: h.unit_id, householdCode: h.code, address: h.address }))! }))
    .filter(({ h, r }) => h.address !== r.address || (r.householdKind !== null && h.kind !== r.householdKind));

  // 2. Residents: match by blind index of the ID number, else by folded name + birth date in the same household.
  // householdId 0 = a household this batch creates (its id is drawn once the rows that will go in are known).
  const prepared = rows.map((r) => ({
    r,
    householdId: householdIds.get(householdKey(r)) ?? 0,
    pidBidx: r.pidBidx,
    phoneBidx: r.phoneBidx,
    id: 0,
  }));
  const pidBidxs = json(prepared.map((p) => p.pidBidx).filter(Boolean));
  // Without an ID number, a person is only found in a household that already exists.
  const naturalKeys = json(
    found.length
      ? prepared
          .filter((p) => !p.pidBidx && p.householdId)
          .map((p) => ({ household_id: p.householdId, search_text: p.r.searchText, birth_date: p.r.birthDate }))
      : [],
  );
  const existing = await queryRows<ExistingResident>(
    tx,
    sql`
    select r.id, r.unit_id, r.household_id, r.full_name, r.birth_date::text as birth_date, r.birth_precision, r.gender,
      r.phone_bidx, r.personal_id_bidx, r.vneid_level, r.has_smartphone, r.tags, r.search_text,
      m.relation, m.residence_type,
      exists (select 1 from units u where u.id = r.unit_id and ${pathInScope(sql`u.path`, scope)}) as in_scope
    from residents r
    left join household_members m on m.resident_id = r.id and m.left_on is null
    where r.id in (
      select r1.id from residents r1
      join json_array_elements_text(${pidBidxs}) b on r1.personal_id_bidx = b.value
      union all
      select r2.id from residents r2
      join json_to_recordset(${naturalKeys}) as k(household_id int, search_text text, birth_date date)
        on r2.household_id = k.household_id and r2.search_text = k.search_text and r2.birth_date = k.birth_date
      where r2.personal_id_bidx is null)`,
  );
  const byPid = new Map(existing.filter((e) => e.personal_id_bidx).map((e) => [e.personal_id_bidx!, e]));
  const byNatural = new Map(existing.map((e) => [`${e.household_id}|${e.search_text}|${e.birth_date}`, e]));

  type Prepared = (typeof prepared)[number];
  const inserts: Prepared[] = [];
  const updates: Prepared[] = [];
  const moves: Prepared[] = [];
  const membershipChanges: Prepared[] = [];
  const skipped = new Set<Prepared>();
  const matched = new Map<Prepared, ExistingResident>();
  for (const p of prepared) {
    const e =
      (p.pidBidx && byPid.get(p.pidBidx)) ||
      (!p.pidBidx && p.householdId ? byNatural.get(`${p.householdId}|${p.r.searchText}|${p.r.birthDate}`) : undefined);
    if (!e) continue;
    p.id = e.id;
    matched.set(p, e);
    if (!e.in_scope) {
      skipped.add(p);
      errors.push({
        row: p.r.rowNumber,
        column: 'Số định danh cá nhân',
        code: 'OUT_OF_SCOPE',
        messageVi: 'Số định danh này đã đăng ký ở đơn vị khác; liên hệ cán bộ xã để chuyển khẩu',
        messageEn: 'This ID is registered in another unit; ask the commune to transfer the person',
      });
    }
  }
  // New households: only those that keep at least one row after the refusals above (nothing half-written).
  const missing = [...wanted.entries()].filter(
    ([k]) => !householdIds.has(k) && prepared.some((p) => !skipped.has(p) && householdKey(p.r) === k),
  );
  // A dry run numbers the households it would create below zero: they only need to be told apart.
  const newHouseholdIds = write
    ? await nextIds(tx, 'households', missing.length)
    : missing.map((_, i) => -(counts.householdsCreated + i + 1));
  for (const [i, [k]] of missing.entries()) householdIds.set(k, newHouseholdIds[i]!);
  for (const p of prepared) if (!p.householdId && !skipped.has(p)) p.householdId = householdIds.get(householdKey(p.r))!;

  for (const p of prepared) {
    if (skipped.has(p)) continue;
    const e = matched.get(p);
    if (!e) {
      inserts.push(p);
      continue;
    }
    // Blank optional cells keep what the registry has: a list without phones must not erase them.
    const personChanged =
      e.full_name !== p.r.fullName ||
      e.birth_date !== p.r.birthDate ||
      e.birth_precision !== p.r.birthPrecision ||
      e.gender !== p.r.gender ||
      (p.phoneBidx !== null && e.phone_bidx !== p.phoneBidx) ||
      (p.r.vneidLevel !== null && e.vneid_level !== p.r.vneidLevel) ||
      (p.r.hasSmartphone !== null && e.has_smartphone !== p.r.hasSmartphone) ||
      (p.r.tags.length > 0 && e.tags.join('\u0001') !== p.r.tags.join('\u0001'));
    if (personChanged) updates.push(p);
    if (e.household_id !== p.householdId) moves.push(p);
    else if (!sameStay(e, p.r)) membershipChanges.push(p);
    if (!personChanged && e.household_id === p.householdId && sameStay(e, p.r)) counts.residentsUnchanged += 1;
  }
  if (!write) {
    // What the import would do, counted as it counts: households the earlier batches would already have made are
    // not made twice.
    const fresh = missing.filter(([k]) => !dryRun.plannedHouseholds.has(k));
    for (const [k] of fresh) dryRun.plannedHouseholds.add(k);
    counts.householdsCreated += fresh.length;
    counts.householdsUpdated += changedHouseholds.length;
    counts.residentsCreated += inserts.length;
    counts.residentsUpdated +=
      updates.length + membershipChanges.filter((m) => !updates.includes(m) && !moves.includes(m)).length;
    counts.residentsMoved += moves.length;
    return errors;
  }
  const residentIds = await nextIds(tx, 'residents', inserts.length);
  for (const [i, p] of inserts.entries()) p.id = residentIds[i]!;

  // 3. New households, each with its head (the row marked "Chủ hộ") and a search key carrying the head's name.
  const headOf = new Map<number, Prepared>();
  for (const p of prepared) if (p.r.relation === 'HEAD' && !skipped.has(p)) headOf.set(p.householdId, p);
  if (missing.length) {
    await copyInto(
      tx,
      kind,
      'households',
      ['id', 'unit_id', 'code', 'address', 'kind', 'head_resident_id', 'search_text', 'address_search'],
      missing.map(([, r], i) => {
        const id = newHouseholdIds[i]!;
        const head = headOf.get(id);
        return [
          id,
          r.unitId,
          r.householdCode,
          r.address,
          r.householdKind ?? 'FAMILY',
          head?.id ?? null,
          foldText(`${head?.r.fullName ?? ''} ${r.address}`),
          foldText(r.address),
        ];
      }),
    );
    counts.householdsCreated += missing.length;
  }
  if (changedHouseholds.length) {
    const changes = json(
      changedHouseholds.map(({ h, r }) => ({
        id: h.id,
        address: r.address,
        address_search: foldText(r.address),
        kind: r.householdKind ?? h.kind,
      })),
    );
    await tx.execute(sql`
      update households h set address = x.address, address_search = x.address_search, kind = x.kind,
        version = h.version + 1, updated_at = now()
      from json_to_recordset(${changes}) as x(id int, address text, address_search text, kind text)
      where h.id = x.id`);
    counts.householdsUpdated += changedHouseholds.length;
  }

  if (inserts.length) {
    // COPY, like the limit it is measured against: the fastest way rows get into PostgreSQL.
    await copyInto(
      tx,
      kind,
      'residents',
      [
        'id',
        'full_name',
        'search_text',
        'birth_date',
        'birth_precision',
        'gender',
        'personal_id_enc',
        'personal_id_bidx',
        'phone_enc',
        'phone_bidx',
        'vneid_level',
        'has_smartphone',
        'tags',
        'unit_id',
        'household_id',
      ],
      inserts.map((p) => [
        p.id,
        p.r.fullName,
        p.r.searchText,
        p.r.birthDate,
        p.r.birthPrecision,
        p.r.gender,
        p.r.pidEnc,
        p.pidBidx,
        p.r.phoneEnc,
        p.phoneBidx,
        p.r.vneidLevel ?? 'NONE',
        p.r.hasSmartphone,
        p.r.tags,
        p.r.unitId,
        p.householdId,
      ]),
    );
    await copyInto(
      tx,
      kind,
      'household_members',
      ['household_id', 'resident_id', 'relation', 'residence_type', 'joined_on'],
      inserts.map((p) => [
        p.householdId,
        p.id,
        p.r.relation ?? 'OTHER',
        p.r.residenceType ?? 'PERMANENT',
        p.r.joinedOn,
      ]),
    );
    counts.residentsCreated += inserts.length;
  }

  if (updates.length) {
    await tx.execute(sql`
      update residents r set
        full_name = x.full_name, search_text = x.search_text, birth_date = x.birth_date,
        birth_precision = x.birth_precision, gender = x.gender,
        phone_enc = coalesce(x.phone_enc, r.phone_enc), phone_bidx = coalesce(x.phone_bidx, r.phone_bidx),
        vneid_level = coalesce(x.vneid_level, r.vneid_level),
        has_smartphone = coalesce(x.has_smartphone, r.has_smartphone),
        tags = case when json_array_length(x.tags) = 0 then r.tags
          else array(select json_array_elements_text(x.tags)) end,
        version = r.version + 1, updated_at = now()
      from json_to_recordset(${json(
        updates.map((p) => ({
          id: p.id,
          full_name: p.r.fullName,
          search_text: p.r.searchText,
          birth_date: p.r.birthDate,
          birth_precision: p.r.birthPrecision,
          gender: p.r.gender,
          phone_enc: p.r.phoneEnc,
          phone_bidx: p.phoneBidx,
          vneid_level: p.r.vneidLevel,
          has_smartphone: p.r.hasSmartphone,
          tags: p.r.tags,
        })),
      )}) as x(id int, full_name text, search_text text, birth_date date, birth_precision text, gender text,
        phone_enc text,
        phone_bidx text, vneid_level text, has_smartphone boolean, tags json)
      where r.id = x.id`);
    counts.residentsUpdated += updates.length;
  }

  if (moves.length) {
    const moveValues = json(
      moves.map((p) => ({
        id: p.id,
        household_id: p.householdId,
        unit_id: p.r.unitId,
        relation: p.r.relation ?? 'OTHER',
        residence_type: p.r.residenceType ?? 'PERMANENT',
        joined_on: p.r.joinedOn,
      })),
    );
    // The old stay ends the day the new one starts (or the day it began, if the file's date is earlier). When the
    // file does not say when they came, the old stay ends on the day the registry learns of the move (today):
    // a stay must end for the new one to begin, and the new stay's own date stays unknown.
    await tx.execute(sql`
      update household_members m
      set left_on = greatest(m.joined_on, coalesce(x.joined_on, current_date)),
        left_reason = 'Nhập từ danh sách: chuyển hộ'
      from json_to_recordset(${moveValues}) as x(id int, joined_on date)
      where m.resident_id = x.id and m.left_on is null`);
    await tx.execute(sql`
      insert into household_members (household_id, resident_id, relation, residence_type, joined_on)
      select household_id, id, relation, residence_type, joined_on
      from json_to_recordset(${moveValues})
        as x(id int, household_id int, relation text, residence_type text, joined_on date)`);
    await tx.execute(sql`
      update residents r
      set household_id = x.household_id, unit_id = x.unit_id, version = r.version + 1, updated_at = now()
      from json_to_recordset(${moveValues}) as x(id int, household_id int, unit_id int) where r.id = x.id`);
    counts.residentsMoved += moves.length;
  }

  if (membershipChanges.length) {
    const changes = json(
      membershipChanges.map((p) => ({ id: p.id, relation: p.r.relation, residence_type: p.r.residenceType })),
    );
    await tx.execute(sql`
      update household_members m
      set relation = coalesce(x.relation, m.relation), residence_type = coalesce(x.residence_type, m.residence_type)
      from json_to_recordset(${changes}) as x(id int, relation text, residence_type text)
      where m.resident_id = x.id and m.left_on is null`);
    counts.residentsUpdated += membershipChanges.filter((m) => !updates.includes(m)).length;
  }

  // 4. Existing households whose head the file names (or renames): relink, only where something changed.
  const existingHeads = [...headOf.entries()].filter(([householdId]) => !newHouseholdIds.includes(householdId));
  if (existingHeads.length) {
    const heads = json(
      existingHeads.map(([householdId, p]) => ({
        id: householdId,
        head: p.id,
        search_text: foldText(`${p.r.fullName} ${p.r.address}`),
      })),
    );
    await tx.execute(sql`
      update households h set head_resident_id = x.head, search_text = x.search_text, updated_at = now()
      from json_to_recordset(${heads}) as x(id int, head int, search_text text)
      where h.id = x.id and (h.head_resident_id is distinct from x.head or h.search_text <> x.search_text)`);
  }
  return errors;
}

/** The file says nothing against the current stay: blank relation and residence keep what the registry has. */
const sameStay = (e: ExistingResident, r: SealedRow) =>
  (r.relation === null || e.relation === r.relation) &&
  (r.residenceType === null || e.residence_type === r.residenceType);

/** Draws ids from a table's identity sequence, so rows that refer to each other can be written in one batch. */
async function nextIds(tx: Tx, table: 'households' | 'residents', n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`,
  );
  return rows.map((r) => r.id);
}
