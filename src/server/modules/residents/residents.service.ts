import { normalizePhone } from '../../../shared/phone.js';
import { fromPartialDate, toPartialDate } from '../../../shared/partial-date.js';
import { cleanName, foldText } from '../../../shared/text.js';
import type { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import type { Database, Tx } from '../../db/client.js';
import { pathWithin, type Scope } from '../../db/scope.js';
import { conflict, forbidden, unlessTaken, notFound, unitClosed, validation } from '../../lib/errors.js';
import { paged, toOffset } from '../../lib/http.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { auditListRead, insertAudit } from '../audit/audit.repo.js';
import { getHouseholdRow } from '../households/households.service.js';
import { lockResident, openJournal, staleHousehold } from '../households/households.journal.js';
import { listChanges } from '../households/households.history.js';
import { getUnitPath } from '../units/units.service.js';
import * as repo from './residents.repo.js';
import { checkPerson, maskTail } from './residents.rules.js';
import { personFilterOf } from './residents.filters.js';
import type {
  CreateResidentInput,
  ListResidentsQuery,
  RegistryFilter,
  ResidentDetail,
  ResidentSummary,
  UpdateResidentInput,
} from './residents.schemas.js';

export type ResidentDeps = { database: Database; cipher: PiiCipher };
/** The caller's scope for sensitive fields (null: none). Sensitive data is shown and written only inside it. */
export type SensitiveScope = Scope | null;

export const residentNotFound = () => notFound({ vi: 'Không tìm thấy nhân khẩu', en: 'Resident not found' });
const stale = () =>
  conflict({
    vi: 'Thông tin vừa được người khác cập nhật, vui lòng tải lại',
    en: 'Someone else updated this record; reload and try again',
  });
const idTaken = () =>
  conflict({
    vi: 'Số định danh này đã thuộc về một người khác trong hệ thống',
    en: 'This personal ID already belongs to another person',
  });

/** What the search box means: 12 digits → ID number; a phone → phone; anything else → name or address. */
export function interpretQuery(q: string | undefined, cipher: PiiCipher): repo.ResidentSearch {
  if (!q) return { kind: 'none' };
  const compact = q.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(compact)) return { kind: 'personalId', bidx: cipher.blindIndex(compact, 'pid') };
  if (/^(\+?84|0)\d{8,10}$/.test(compact)) {
    const phone = normalizePhone(compact);
    if (phone) return { kind: 'phone', bidx: cipher.blindIndex(phone, 'phone') };
  }
  const folded = foldText(q);
  return folded ? { kind: 'name', folded } : { kind: 'none' };
}

function presentSummary(
  cipher: PiiCipher,
  row: { resident: repo.ResidentRow; unitName: string; address: string | null },
): ResidentSummary {
  const r = row.resident;
  const pid = r.personalIdEnc ? cipher.decrypt(r.personalIdEnc) : null;
  const phone = r.phoneEnc ? cipher.decrypt(r.phoneEnc) : null;
  return {
    id: r.id,
    fullName: r.fullName,
    birthDate: toPartialDate(r.birthDate, r.birthPrecision),
    gender: r.gender as Gender,
    personalIdMasked: maskTail(pid),
    phoneMasked: phone ? maskTail(`0${phone.slice(3)}`, 3) : null,
    vneidLevel: r.vneidLevel as VneidLevel,
    hasSmartphone: r.hasSmartphone,
    tags: r.tags,
    unitId: r.unitId,
    unitName: row.unitName,
    householdId: r.householdId,
    address: row.address,
  };
}

/**
 * What a search box query means for this caller: an ID or phone lookup, a name (if any name in scope starts with the
 * text), else an address ("ngo 3", "so 12 le loi"). The list and the export both ask here, so they agree.
 */
export async function resolveSearch(
  deps: ResidentDeps,
  scope: Scope,
  q: string | undefined,
): Promise<repo.ResidentSearch> {
  const search = interpretQuery(q, deps.cipher);
  if (search.kind !== 'name') return search;
  return (await repo.anyNameStartsWith(deps.database.db, scope, search.folded))
    ? search
    : { kind: 'address', folded: search.folded };
}

/**
 * The resident filter a list or export query asks for, resolved for this caller: the unit checked to be in scope
 * (404 otherwise), the search box interpreted, the age range checked. The list and the export both build it here.
 */
export async function residentFilterOf(
  deps: ResidentDeps,
  scope: Scope,
  q: RegistryFilter & { includeFormer: 'true' | 'false' },
): Promise<repo.ResidentFilter> {
  const person = personFilterOf(q);
  const unitPath = q.unit ? await getUnitPath(deps.database.db, q.unit, scope) : undefined;
  const search = await resolveSearch(deps, scope, q.q);
  return { ...person, unitPath, search, includeFormer: q.includeFormer === 'true' };
}

/** What an audit row says about a resident filter: its fields, the kind of search, never an ID or phone typed. */
export function residentFilterForAudit(f: repo.ResidentFilter, unit: number | undefined) {
  const { search, unitPath: _path, includeFormer, tags, ...person } = f;
  const text = search.kind === 'name' || search.kind === 'address' ? search.folded : undefined;
  return {
    ...person,
    tags: tags.length ? tags : undefined,
    includeFormer: includeFormer || undefined,
    unit,
    search: search.kind,
    text,
  };
}

export async function listResidents(deps: ResidentDeps, scope: Scope, q: ListResidentsQuery, actor: Actor) {
  const { db } = deps.database;
  const filter = await residentFilterOf(deps, scope, q);
  const rows = await repo.searchResidents(db, scope, filter, toOffset(q));
  // Every page read is recorded, searches included: what kind of search, never the ID or phone typed.
  await auditListRead(
    db,
    actor,
    'resident',
    { ...residentFilterForAudit(filter, q.unit), page: q.page },
    Math.min(rows.length, q.limit),
  );
  return paged(
    rows.map((r) => presentSummary(deps.cipher, r)),
    q,
  );
}

export async function loadDetail(
  tx: Tx,
  cipher: PiiCipher,
  id: number,
  scope: Scope,
  sensitive: SensitiveScope,
): Promise<ResidentDetail> {
  const row = await repo.findResident(tx, id, scope);
  if (!row) throw residentNotFound();
  const r = row.resident;
  const memberships = await repo.listMemberships(tx, id);
  const detail: ResidentDetail = {
    ...presentSummary(cipher, row),
    vneidCheckedOn: r.vneidCheckedOn,
    memberships: memberships.map((m) => ({
      id: m.m.id,
      householdId: m.m.householdId,
      address: m.address,
      householdKind: m.householdKind as HouseholdKind,
      relation: m.m.relation as Relation,
      residenceType: m.m.residenceType as ResidenceType,
      joinedOn: m.m.joinedOn,
      leftOn: m.m.leftOn,
      leftReason: m.m.leftReason,
      cameFrom: m.m.cameFrom,
      wentTo: m.m.wentTo,
    })),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
  if (sensitive && pathWithin(row.unitPath, sensitive))
    detail.sensitive = { ethnicity: r.ethnicity, healthNotes: r.healthNotes };
  return detail;
}

/** A person's full record. Every call is audited (who read whose record, from where). */
export async function getResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  actor: Actor,
) {
  const detail = await loadDetail(deps.database.db, deps.cipher, id, scope, sensitive);
  await insertAudit(deps.database.db, actor, {
    action: 'resident.read',
    entityType: 'resident',
    entityId: id,
    details: { sensitive: detail.sensitive !== undefined },
  });
  return detail;
}

/** The hand-made changes that touched a person in scope; audited like reading the record. */
export async function residentHistory(deps: ResidentDeps, scope: Scope, id: number, actor: Actor) {
  const { db } = deps.database;
  if (!(await repo.findResident(db, id, scope))) throw residentNotFound();
  await insertAudit(db, actor, { action: 'resident.history', entityType: 'resident', entityId: id });
  return listChanges(db, { residentId: id });
}

/**
 * The full ID number and phone of a person in the caller's units, for a role allowed to see them. Each reveal is its
 * own audit entry naming what was shown, apart from reading the record, so "who saw whose ID number" has an answer.
 */
export async function revealContact(deps: ResidentDeps, scope: Scope, id: number, actor: Actor) {
  const row = await repo.findResident(deps.database.db, id, scope);
  if (!row) throw residentNotFound();
  const r = row.resident;
  const shown = {
    personalId: r.personalIdEnc ? deps.cipher.decrypt(r.personalIdEnc) : null,
    phone: r.phoneEnc ? deps.cipher.decrypt(r.phoneEnc) : null,
  };
  await insertAudit(deps.database.db, actor, {
    action: 'resident.unmask',
    entityType: 'resident',
    entityId: id,
    details: { fields: Object.keys(shown).filter((k) => shown[k as keyof typeof shown] !== null) },
  });
  return shown;
}

/** The stored form of an ID number and a phone: ciphertext and blind index (also the campaigns' field write-back). */
export function encryptContact(
  cipher: PiiCipher,
  personalId: string | null | undefined,
  phone: string | null | undefined,
) {
  const out: Partial<repo.ResidentInsert> = {};
  if (personalId !== undefined) {
    out.personalIdEnc = personalId ? cipher.encrypt(personalId) : null;
    out.personalIdBidx = personalId ? cipher.blindIndex(personalId, 'pid') : null;
  }
  if (phone !== undefined) {
    out.phoneEnc = phone ? cipher.encrypt(phone) : null;
    out.phoneBidx = phone ? cipher.blindIndex(phone, 'phone') : null;
  }
  return out;
}

function requireSensitive(
  sensitive: SensitiveScope,
  unitPath: string,
  input: { ethnicity?: unknown; healthNotes?: unknown },
) {
  if (
    (input.ethnicity !== undefined || input.healthNotes !== undefined) &&
    !(sensitive && pathWithin(unitPath, sensitive))
  ) {
    throw forbidden({
      vi: 'Bạn không có quyền ghi thông tin nhạy cảm (dân tộc, sức khỏe)',
      en: 'You may not write sensitive data (ethnicity, health)',
    });
  }
}

/** A birth date as given ("1956", "1956-05", "1956-05-15") → the stored first day and how much of it is known. */
function storedBirth(partial: string) {
  const parsed = fromPartialDate(partial)!; // the route schema let only real dates through
  return { birthDate: parsed.firstDay, birthPrecision: parsed.precision };
}

/** Registers a person into a household (a membership starts on `joinedOn`). */
export async function createResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  input: CreateResidentInput,
  actor: Actor,
) {
  const checked = checkPerson(input);
  if (checked.errors.length) throw validation(checked.errors);
  return deps.database.db.transaction(async (tx) => {
    const household = await getHouseholdRow(tx, input.householdId, scope);
    if (household.unitClosedAt) throw unitClosed();
    const unitPath = await getUnitPath(tx, household.household.unitId, scope);
    requireSensitive(sensitive, unitPath, input);
    if (input.householdVersion !== undefined && household.household.version !== input.householdVersion) {
      throw staleHousehold();
    }
    const fullName = cleanName(input.fullName);
    // Journaled, so the household's history shows the newcomer and the latest addition can be undone.
    const j = openJournal(tx);
    const resident = await unlessTaken(
      j.insertResident({
        fullName,
        searchText: foldText(fullName),
        ...storedBirth(input.birthDate),
        gender: input.gender,
        ...encryptContact(deps.cipher, checked.personalId, checked.phone),
        vneidLevel: input.vneidLevel,
        vneidCheckedOn: input.vneidCheckedOn ?? null,
        hasSmartphone: input.hasSmartphone ?? null,
        tags: input.tags,
        ethnicity: input.ethnicity ?? null,
        healthNotes: input.healthNotes ?? null,
        unitId: household.household.unitId,
        householdId: household.household.id,
      }),
      idTaken,
    );
    await j.insertMember({
      householdId: household.household.id,
      residentId: resident.id,
      relation: input.relation,
      residenceType: input.residenceType,
      joinedOn: input.joinedOn,
      cameFrom: input.cameFrom ?? null,
    });
    if (input.relation === 'HEAD') await j.setHead(household.household, resident);
    const changeId = await j.commit(actor, 'ADD_MEMBER', {
      person: fullName,
      to: household.household.address,
      from: input.cameFrom ?? null,
      date: input.joinedOn,
      relation: input.relation,
      residenceType: input.residenceType,
    });
    await insertAudit(tx, actor, {
      action: 'resident.create',
      entityType: 'resident',
      entityId: resident.id,
      details: { householdId: household.household.id, changeId },
    });
    return loadDetail(tx, deps.cipher, resident.id, scope, sensitive);
  });
}

export async function updateResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: UpdateResidentInput,
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    // Locked first, so the version compared below is the one this correction replaces.
    if (!(await lockResident(tx, id, scope))) throw residentNotFound();
    const found = await repo.findResident(tx, id, scope);
    if (!found) throw residentNotFound();
    const r = found.resident;
    requireSensitive(sensitive, found.unitPath, input);
    const checked = checkPerson({
      birthDate: input.birthDate ?? toPartialDate(r.birthDate, r.birthPrecision),
      gender: (input.gender ?? r.gender) as Gender,
      // Re-check the stored ID against a changed birth date or gender too.
      personalId:
        input.personalId !== undefined
          ? input.personalId
          : r.personalIdEnc
            ? deps.cipher.decrypt(r.personalIdEnc)
            : null,
      phone: input.phone,
    });
    if (checked.errors.length) throw validation(checked.errors);
    const { version, personalId, phone, fullName, birthDate, ...rest } = input;
    const fields: Partial<repo.ResidentInsert> = {
      ...rest,
      ...(birthDate === undefined ? {} : storedBirth(birthDate)),
      ...encryptContact(deps.cipher, personalId === undefined ? undefined : checked.personalId, checked.phone),
    };
    if (fullName !== undefined) {
      fields.fullName = cleanName(fullName);
      fields.searchText = foldText(fields.fullName);
    }
    // A correction is one journaled action like a birth or a move: it shows in the person's (and household's)
    // history and can be undone there. The journal keeps what it replaced as stored (ID and phone encrypted).
    if (r.version !== version) throw stale();
    // Nothing to change (the form sent only the version): nothing to file either.
    if (!Object.keys(fields).length) return loadDetail(tx, deps.cipher, id, scope, sensitive);
    const j = openJournal(tx);
    await unlessTaken(j.updateResident(id, fields), idTaken);
    const name = fields.fullName ?? r.fullName;
    if (fullName !== undefined && r.householdId) {
      const household = await getHouseholdRow(tx, r.householdId, scope);
      if (household.household.headResidentId === id) await j.setHead(household.household, { id, fullName: name });
    }
    // Filed under the household they live in (or last lived in), where the undo is offered.
    const home = r.householdId ?? (await repo.listMemberships(tx, id))[0]?.m.householdId;
    if (home) j.fileUnder(home);
    const changed = Object.keys(input).filter((k) => k !== 'version');
    const changeId = await j.commit(actor, 'CORRECT', { person: name, fields: changed });
    // Field names only: the audit log must not become a second copy of the personal data.
    await insertAudit(tx, actor, {
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      details: { fields: changed, changeId },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}
