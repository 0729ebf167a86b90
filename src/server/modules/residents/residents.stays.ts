import type { Scope } from '../../db/scope.js';
import { conflict, unitClosed, validation } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getHouseholdRow } from '../households/households.service.js';
import { setHouseholdHead } from '../households/households.repo.js';
import * as repo from './residents.repo.js';
import type { MoveResidentInput } from './residents.schemas.js';
import { loadDetail, type ResidentDeps, residentNotFound, type SensitiveScope } from './residents.service.js';

// A person's stays in households: moving in (closing the stay before) and leaving.

/** Moves a person to another household: the old stay ends on `movedOn` and the new one starts that day. */
export async function moveResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: MoveResidentInput,
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const found = await repo.findResident(tx, id, scope);
    if (!found) throw residentNotFound();
    const target = await getHouseholdRow(tx, input.householdId, scope);
    if (target.unitClosedAt) throw unitClosed();
    if (found.resident.householdId === target.household.id) {
      throw conflict({ vi: 'Người này đang ở trong hộ đó rồi', en: 'This person already lives in that household' });
    }
    // Checked before the stay is closed: the database's own check would otherwise refuse the update first.
    const current = await repo.findCurrentMembership(tx, id);
    if (current?.joinedOn && current.joinedOn > input.movedOn) {
      throw validation([
        {
          field: 'movedOn',
          code: 'BEFORE_JOINED',
          message: {
            vi: 'Ngày chuyển đi phải sau ngày vào hộ cũ',
            en: 'The move date must be after the date they joined the old household',
          },
        },
      ]);
    }
    const closed = await repo.closeCurrentMembership(tx, id, input.movedOn, input.reason ?? 'Chuyển hộ');
    if (closed) {
      const old = await getHouseholdRow(tx, closed.householdId, scope);
      if (old.household.headResidentId === id) await setHouseholdHead(tx, old.household, null);
    }
    await repo.insertMembership(tx, {
      householdId: target.household.id,
      residentId: id,
      relation: input.relation,
      residenceType: input.residenceType,
      joinedOn: input.movedOn,
    });
    await repo.setResidentHousehold(tx, id, target.household.id, target.household.unitId);
    if (input.relation === 'HEAD') await setHouseholdHead(tx, target.household, found.resident);
    await insertAudit(tx, actor, {
      action: 'resident.move',
      entityType: 'resident',
      entityId: id,
      details: { from: closed?.householdId ?? null, to: target.household.id, on: input.movedOn },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}

/** A person leaves the commune (moved away, died): the stay ends and they drop out of current lists. */
export async function leaveResident(
  deps: ResidentDeps,
  scope: Scope,
  sensitive: SensitiveScope,
  id: number,
  input: { leftOn: string; reason: string },
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const found = await repo.findResident(tx, id, scope);
    if (!found) throw residentNotFound();
    if (!found.resident.householdId)
      throw conflict({ vi: 'Người này hiện không ở hộ nào', en: 'This person has no current household' });
    const current = await repo.findCurrentMembership(tx, id);
    if (current?.joinedOn && current.joinedOn > input.leftOn) {
      throw validation([
        {
          field: 'leftOn',
          code: 'BEFORE_JOINED',
          message: { vi: 'Ngày đi phải sau ngày vào hộ', en: 'The leaving date must be after the date they joined' },
        },
      ]);
    }
    await repo.closeCurrentMembership(tx, id, input.leftOn, input.reason);
    const household = await getHouseholdRow(tx, found.resident.householdId, scope);
    if (household.household.headResidentId === id) await setHouseholdHead(tx, household.household, null);
    await repo.setResidentHousehold(tx, id, null);
    await insertAudit(tx, actor, {
      action: 'resident.leave',
      entityType: 'resident',
      entityId: id,
      details: { on: input.leftOn, reason: input.reason },
    });
    return loadDetail(tx, deps.cipher, id, scope, sensitive);
  });
}
