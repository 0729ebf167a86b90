import type { Scope } from '../../db/scope.js';
import { conflict } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { openJournal } from '../households/households.journal.js';
import {
  currentMembers,
  endStay,
  requireHousehold,
  requireHouseholdUnit,
  requireResident,
} from '../households/households.rules.js';
import type { DeathInput, LeaveInput, MoveResidentInput } from './residents.schemas.js';
import { loadDetail, type ResidentDeps, type SensitiveScope } from './residents.service.js';

// A person's stays in households: moving to another household, leaving the commune, dying. Each is journaled
// (households.journal.ts) so the household's and the person's history show it and the latest can be undone.

/** The reason a death is recorded with: lists and exports read it as it is. */
export const DIED = 'DIED';

/**
 * Moves a person to another household in the commune: the old stay ends on `movedOn` and the new one starts that day.
 * When they headed the old household, the head passes to `newHeadResidentId` (or to nobody when none is given).
 */
export async function moveResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: MoveResidentInput,
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const found = await requireResident(tx, id, scope, input.version);
    const target = await requireHousehold(tx, input.householdId, scope, undefined);
    const unit = await requireHouseholdUnit(tx, target.unitId, scope);
    if (found.householdId === target.id) {
      throw conflict({ vi: 'Người này đang ở trong hộ đó rồi', en: 'This person already lives in that household' });
    }
    const j = openJournal(tx);
    const ended = found.householdId
      ? await endStay(tx, j, {
          resident: found,
          on: input.movedOn,
          onField: 'movedOn',
          reason: input.reason ?? 'Chuyển hộ',
          newHeadId: input.newHeadResidentId,
          scope,
        })
      : undefined;
    await j.insertMember({
      householdId: target.id,
      residentId: id,
      relation: input.relation,
      residenceType: input.residenceType,
      joinedOn: input.movedOn,
    });
    await j.updateResident(id, { householdId: target.id, unitId: unit.id });
    if (input.relation === 'HEAD') {
      const former = (await currentMembers(tx, target.id)).find(
        (m) => m.residentId === target.headResidentId && m.residentId !== id,
      );
      if (former) await j.updateMember(former.membershipId, { relation: 'OTHER' });
      await j.setHead(target, found);
    }
    const changeId = await j.commit(actor, 'MOVE', {
      person: found.fullName,
      from: ended?.household.address ?? null,
      to: target.address,
      date: input.movedOn,
    });
    await insertAudit(tx, actor, {
      action: 'resident.move',
      entityType: 'resident',
      entityId: id,
      details: { from: ended?.household.id ?? null, to: target.id, on: input.movedOn, changeId },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}

/** A person leaves the commune (moved away, a tenant's departure): the stay ends and they drop out of current lists. */
export async function leaveResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: LeaveInput,
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const found = await requireResident(tx, id, scope, input.version);
    const j = openJournal(tx);
    const ended = await endStay(tx, j, {
      resident: found,
      on: input.leftOn,
      onField: 'leftOn',
      reason: input.reason,
      wentTo: input.wentTo,
      newHeadId: input.newHeadResidentId,
      scope,
    });
    await j.updateResident(id, { householdId: null });
    const changeId = await j.commit(actor, 'LEAVE', {
      person: found.fullName,
      from: ended.household.address,
      to: input.wentTo ?? null,
      reason: input.reason,
      date: input.leftOn,
      newHead: ended.newHead?.fullName ?? null,
    });
    await insertAudit(tx, actor, {
      action: 'resident.leave',
      entityType: 'resident',
      entityId: id,
      details: { on: input.leftOn, reason: input.reason, changeId },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}

/**
 * A death: the stay ends with reason DIED on that day. When the person headed the household and others live there,
 * the head passes to the member the user picked (required: a household is not left headless by a death).
 */
export async function recordDeath(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: DeathInput,
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const found = await requireResident(tx, id, scope, input.version);
    const j = openJournal(tx);
    const ended = await endStay(tx, j, {
      resident: found,
      on: input.diedOn,
      onField: 'diedOn',
      reason: DIED,
      newHeadId: input.newHeadResidentId ?? -1,
      scope,
    });
    await j.updateResident(id, { householdId: null });
    const changeId = await j.commit(actor, 'DEATH', {
      person: found.fullName,
      from: ended.household.address,
      date: input.diedOn,
      newHead: ended.newHead?.fullName ?? null,
    });
    await insertAudit(tx, actor, {
      action: 'resident.death',
      entityType: 'resident',
      entityId: id,
      details: { on: input.diedOn, householdId: ended.household.id, changeId },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}
