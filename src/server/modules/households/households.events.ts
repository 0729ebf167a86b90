import { fromPartialDate } from '../../../shared/partial-date.js';
import { cleanName, foldText } from '../../../shared/text.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { conflict, isUniqueViolation } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { householdSearchText } from '../residents/residents.repo.js';
import { openJournal, staleHousehold } from './households.journal.js';
import {
  currentMembers,
  fieldError,
  requireHeadAmong,
  requireHousehold,
  requireHouseholdUnit,
  checkNotBefore,
} from './households.rules.js';
import type { BirthInput, ChangeHeadInput, MergeInput, RelocateInput, SplitInput } from './households.schemas.js';

// A household's life recorded by hand: a birth, a change of head, moving house, splitting and merging. Each is one
// transaction, checked against the version the user saw, journaled for the history and its undo, and audited.

/** A birth: the child joins the household with no ID number yet. */
export async function recordBirth(database: Database, scope: Scope, id: number, input: BirthInput, actor: Actor) {
  const born = fromPartialDate(input.birthDate)!; // the schema let only real dates through
  const joinedOn = input.joinedOn ?? (born.precision === 'DAY' ? born.firstDay : undefined);
  if (!joinedOn) {
    throw fieldError('joinedOn', 'REQUIRED', {
      vi: 'Chưa rõ ngày sinh: hãy ghi ngày cháu vào hộ',
      en: 'The birth date is not known to the day: give the day the child joined',
    });
  }
  if (joinedOn < born.firstDay) {
    throw fieldError('joinedOn', 'BEFORE_BIRTH', {
      vi: 'Ngày vào hộ không thể trước ngày sinh',
      en: 'A child cannot join before being born',
    });
  }
  return database.db.transaction(async (tx) => {
    const h = await requireHousehold(tx, id, scope, input.version);
    await requireHouseholdUnit(tx, h.unitId, scope);
    const j = openJournal(tx);
    const fullName = cleanName(input.fullName);
    const child = await j.insertResident({
      fullName,
      searchText: foldText(fullName),
      birthDate: born.firstDay,
      birthPrecision: born.precision,
      gender: input.gender,
      unitId: h.unitId,
      householdId: h.id,
    });
    await j.insertMember({
      householdId: h.id,
      residentId: child.id,
      relation: input.relation,
      residenceType: 'PERMANENT',
      joinedOn,
    });
    const changeId = await j.commit(actor, 'BIRTH', { person: fullName, date: input.birthDate });
    await insertAudit(tx, actor, {
      action: 'household.birth',
      entityType: 'household',
      entityId: h.id,
      details: { residentId: child.id, changeId },
    });
    return { changeId, householdId: h.id };
  });
}

/** A new head among the current members; the former head stays with the relation given. */
export async function changeHead(database: Database, scope: Scope, id: number, input: ChangeHeadInput, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const h = await requireHousehold(tx, id, scope, input.version);
    const members = await currentMembers(tx, id);
    const head = requireHeadAmong('residentId', input.residentId, members);
    if (h.headResidentId === head.residentId) {
      throw conflict({ vi: 'Người này đã là chủ hộ', en: 'This person already heads the household' });
    }
    const j = openJournal(tx);
    const former = members.find((m) => m.residentId === h.headResidentId);
    if (former) await j.updateMember(former.membershipId, { relation: input.formerHeadRelation });
    await j.updateMember(head.membershipId, { relation: 'HEAD' });
    await j.setHead(h, { id: head.residentId, fullName: head.fullName });
    const changeId = await j.commit(actor, 'HEAD', { person: head.fullName, former: former?.fullName ?? null });
    await insertAudit(tx, actor, {
      action: 'household.head',
      entityType: 'household',
      entityId: id,
      details: { from: h.headResidentId, to: head.residentId, changeId },
    });
    return { changeId, householdId: id };
  });
}

/** The whole household moves: to another group or alley, and/or to another address; its members follow. */
export async function relocateHousehold(
  database: Database,
  scope: Scope,
  id: number,
  input: RelocateInput,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const h = await requireHousehold(tx, id, scope, input.version);
    const j = openJournal(tx);
    const unit = input.unitId !== undefined ? await requireHouseholdUnit(tx, input.unitId, scope) : undefined;
    const address = input.address ?? h.address;
    const members = await currentMembers(tx, id);
    const headName = members.find((m) => m.residentId === h.headResidentId)?.fullName;
    await j.updateHousehold(id, {
      unitId: unit?.id ?? h.unitId,
      address,
      addressSearch: foldText(address),
      searchText: householdSearchText(address, headName),
    });
    // The members' unit is denormalised for scoping: they move with the household.
    if (unit && unit.id !== h.unitId)
      for (const m of members) await j.updateResident(m.residentId, { unitId: unit.id });
    const changeId = await j.commit(actor, 'RELOCATE', {
      from: h.address,
      to: address,
      unit: unit?.name ?? null,
    });
    await insertAudit(tx, actor, {
      action: 'household.relocate',
      entityType: 'household',
      entityId: id,
      details: { fromUnit: h.unitId, toUnit: unit?.id ?? h.unitId, changeId },
    });
    return { changeId, householdId: id };
  });
}

/** Some members leave to form a new household with its own head and address; both keep their history. */
export async function splitHousehold(database: Database, scope: Scope, id: number, input: SplitInput, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const h = await requireHousehold(tx, id, scope, input.version);
    const unit = await requireHouseholdUnit(tx, input.unitId ?? h.unitId, scope);
    const members = await currentMembers(tx, id);
    const leaving = input.residentIds.map((rid) => {
      const m = members.find((x) => x.residentId === rid);
      if (!m) {
        throw fieldError('residentIds', 'NOT_MEMBER', {
          vi: 'Chỉ tách được những người đang ở trong hộ',
          en: 'Only current members can be split off',
        });
      }
      return m;
    });
    const staying = members.filter((m) => !input.residentIds.includes(m.residentId));
    if (!staying.length) {
      throw fieldError('residentIds', 'EVERYONE', {
        vi: 'Phải có người ở lại hộ cũ; muốn chuyển cả hộ thì dùng "Chuyển nơi ở"',
        en: 'Someone must stay; to move everyone, move the household instead',
      });
    }
    const newHead = requireHeadAmong('headResidentId', input.headResidentId, leaving);
    for (const m of leaving) checkNotBefore('on', input.on, m.joinedOn);
    const j = openJournal(tx);
    let created: Awaited<ReturnType<typeof j.insertHousehold>>;
    try {
      created = await j.insertHousehold({
        unitId: unit.id,
        code: input.code ?? null,
        address: input.address,
        kind: 'FAMILY',
        establishedOn: input.on,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict({ vi: 'Số hộ đã có trong đơn vị này', en: 'This household number already exists in the unit' });
      }
      throw error;
    }
    for (const m of leaving) {
      await j.updateMember(m.membershipId, { leftOn: input.on, leftReason: 'Tách hộ' });
      await j.insertMember({
        householdId: created.id,
        residentId: m.residentId,
        relation: m.residentId === newHead.residentId ? 'HEAD' : m.relation === 'HEAD' ? 'OTHER' : m.relation,
        residenceType: m.residenceType,
        joinedOn: input.on,
      });
      await j.updateResident(m.residentId, { householdId: created.id, unitId: unit.id });
    }
    await j.setHead(created, { id: newHead.residentId, fullName: newHead.fullName });
    if (h.headResidentId && input.residentIds.includes(h.headResidentId)) {
      const remaining = requireHeadAmong('remainingHeadResidentId', input.remainingHeadResidentId, staying);
      await j.updateMember(remaining.membershipId, { relation: 'HEAD' });
      await j.setHead(h, { id: remaining.residentId, fullName: remaining.fullName });
    }
    const changeId = await j.commit(actor, 'SPLIT', {
      people: leaving.map((m) => m.fullName),
      head: newHead.fullName,
      to: input.address,
      from: h.address,
      date: input.on,
    });
    await insertAudit(tx, actor, {
      action: 'household.split',
      entityType: 'household',
      entityId: id,
      details: { newHouseholdId: created.id, residentIds: input.residentIds, changeId },
    });
    return { changeId, householdId: created.id };
  });
}

/** Every member of this household joins another; this one is closed on that day (kept with its history). */
export async function mergeHousehold(database: Database, scope: Scope, id: number, input: MergeInput, actor: Actor) {
  if (input.intoHouseholdId === id) {
    throw fieldError('intoHouseholdId', 'SAME', { vi: 'Hãy chọn một hộ khác', en: 'Pick another household' });
  }
  return database.db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair the other way round wait instead of deadlocking.
    const [first, second] = id < input.intoHouseholdId ? [id, input.intoHouseholdId] : [input.intoHouseholdId, id];
    // Both in scope before either version is compared: a household elsewhere is "not found", never "changed".
    const a = await requireHousehold(tx, first, scope, undefined);
    const b = await requireHousehold(tx, second, scope, undefined);
    const [from, into] = a.id === id ? [a, b] : [b, a];
    if (from.version !== input.version || into.version !== input.intoVersion) throw staleHousehold();
    const members = await currentMembers(tx, id);
    for (const m of members) checkNotBefore('on', input.on, m.joinedOn);
    const relationOf = new Map(input.relations.map((r) => [r.residentId, r.relation]));
    if (relationOf.size !== input.relations.length || members.some((m) => !relationOf.has(m.residentId))) {
      throw fieldError('relations', 'EVERY_MEMBER', {
        vi: 'Hãy chọn quan hệ với chủ hộ mới cho từng người trong hộ',
        en: "Pick each member's relation to the new head",
      });
    }
    if (relationOf.size !== members.length) {
      throw fieldError('relations', 'NOT_MEMBER', {
        vi: 'Chỉ ghi quan hệ cho những người đang ở trong hộ',
        en: 'Give relations for current members only',
      });
    }
    const j = openJournal(tx);
    for (const m of members) {
      await j.updateMember(m.membershipId, { leftOn: input.on, leftReason: 'Nhập hộ' });
      await j.insertMember({
        householdId: into.id,
        residentId: m.residentId,
        relation: relationOf.get(m.residentId)!,
        residenceType: m.residenceType,
        joinedOn: input.on,
      });
      await j.updateResident(m.residentId, { householdId: into.id, unitId: into.unitId });
    }
    await j.updateHousehold(id, { dissolvedOn: input.on, headResidentId: null });
    j.touchHousehold(into.id);
    const changeId = await j.commit(actor, 'MERGE', {
      people: members.map((m) => m.fullName),
      from: from.address,
      to: into.address,
      date: input.on,
    });
    await insertAudit(tx, actor, {
      action: 'household.merge',
      entityType: 'household',
      entityId: id,
      details: { into: into.id, changeId },
    });
    return { changeId, householdId: into.id };
  });
}
