import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { householdMembers, residents } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { conflict, type Message, notFound, validation } from '../../lib/errors.js';
import { getOpenUnit } from '../units/units.service.js';
import { type Journal, lockHousehold, lockResident, staleHousehold, stalePerson } from './households.journal.js';

// The checks every hand-made registry change shares: the record in scope, at the version the user saw, still open;
// dates in order; a head who lives there.

const householdNotFound = () => notFound({ vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' });
const personNotFound = () => notFound({ vi: 'Không tìm thấy nhân khẩu', en: 'Resident not found' });

export const fieldError = (field: string, code: string, message: Message) => validation([{ field, code, message }]);

/** A household in scope at the version the user saw, not dissolved; locked until the action ends. */
export async function requireHousehold(tx: Tx, id: number, scope: Scope, version: number | undefined) {
  const h = await lockHousehold(tx, id, scope);
  if (!h) throw householdNotFound();
  if (version !== undefined && h.version !== version) throw staleHousehold();
  if (h.dissolvedOn) {
    throw conflict({ vi: 'Hộ này đã bị xóa khỏi sổ', en: 'This household has been closed' });
  }
  return h;
}

/** A person in scope at the version the user saw; locked until the action ends. */
export async function requireResident(tx: Tx, id: number, scope: Scope, version: number | undefined) {
  const r = await lockResident(tx, id, scope);
  if (!r) throw personNotFound();
  if (version !== undefined && r.version !== version) throw stalePerson();
  return r;
}

/** A residential group or an alley, open and in scope: where a household may sit. */
export async function requireHouseholdUnit(tx: Tx, unitId: number, scope: Scope) {
  const unit = await getOpenUnit(tx, unitId, scope);
  if (unit.tier !== 'COMMUNITY' && unit.tier !== 'ZONE') {
    throw fieldError('unitId', 'TIER', {
      vi: 'Hộ phải thuộc một thôn/tổ dân phố hoặc ngõ/khu',
      en: 'A household belongs to a residential group or a zone under it',
    });
  }
  return unit;
}

/** The people living in a household now, with their stay. */
export async function currentMembers(tx: Tx, householdId: number) {
  return tx
    .select({
      membershipId: householdMembers.id,
      residentId: householdMembers.residentId,
      relation: householdMembers.relation,
      residenceType: householdMembers.residenceType,
      joinedOn: householdMembers.joinedOn,
      fullName: residents.fullName,
    })
    .from(householdMembers)
    .innerJoin(residents, eq(residents.id, householdMembers.residentId))
    .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.leftOn)))
    .orderBy(householdMembers.id);
}
export type CurrentMember = Awaited<ReturnType<typeof currentMembers>>[number];

/** A stay cannot end before it began (the database would refuse it too, less clearly). */
export function checkNotBefore(field: string, date: string, joinedOn: string | null) {
  if (joinedOn && joinedOn > date) {
    throw fieldError(field, 'BEFORE_JOINED', {
      vi: 'Ngày này phải sau ngày người đó vào hộ',
      en: 'This date must be after the day they joined the household',
    });
  }
}

/** The chosen new head must be one of the people who stay. */
export function requireHeadAmong<M extends { residentId: number }>(
  field: string,
  id: number | undefined,
  among: M[],
): M {
  if (id === undefined || !among.some((m) => m.residentId === id)) {
    throw fieldError(field, 'NOT_MEMBER', {
      vi: 'Hãy chọn chủ hộ mới trong số những người còn ở lại',
      en: 'Pick the new head among the people who stay',
    });
  }
  return among.find((m) => m.residentId === id)!;
}

/**
 * Ends a person's current stay and, when they headed it, passes the head to `newHeadId` (one of those who stay) or,
 * with nobody left, to no one. Returns the stay that ended.
 */
export async function endStay(
  tx: Tx,
  j: Journal,
  opts: {
    resident: { id: number; householdId: number | null };
    on: string;
    /** The input field the date came from, for the error. */
    onField: string;
    reason: string;
    wentTo?: string | null;
    newHeadId?: number;
    scope: Scope;
  },
) {
  const householdId = opts.resident.householdId;
  if (!householdId) {
    throw conflict({ vi: 'Người này hiện không ở hộ nào', en: 'This person has no current household' });
  }
  const household = await requireHousehold(tx, householdId, opts.scope, undefined);
  const members = await currentMembers(tx, householdId);
  const stay = members.find((m) => m.residentId === opts.resident.id)!;
  checkNotBefore(opts.onField, opts.on, stay.joinedOn);
  await j.updateMember(stay.membershipId, { leftOn: opts.on, leftReason: opts.reason, wentTo: opts.wentTo ?? null });
  let newHead: CurrentMember | null = null;
  if (household.headResidentId === opts.resident.id) {
    const staying = members.filter((m) => m.residentId !== opts.resident.id);
    // A move or a departure may leave the household headless for now (the list shows "no head"); a death asks.
    if (staying.length && opts.newHeadId !== undefined) {
      newHead = requireHeadAmong('newHeadResidentId', opts.newHeadId, staying);
      await j.updateMember(newHead.membershipId, { relation: 'HEAD' });
      await j.setHead(household, { id: newHead.residentId, fullName: newHead.fullName });
    } else {
      await j.setHead(household, null);
    }
  }
  j.touchHousehold(householdId);
  return { household, stay, newHead };
}
