import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { staffGroupMembers, staffGroups } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import { audited } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import type { StaffGroup, StaffGroupInput, StaffMemberInput } from './groups.schemas.js';

/**
 * Internal staff groups (village heads, Party cell secretaries, an association) that announcements can go to as
 * well, each member by SMS or email; their phones and emails are kept encrypted.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher'>;

/** Creates a staff group in one of the caller's units. */
export async function createStaffGroup(
  db: Db,
  scope: Scope,
  input: StaffGroupInput,
  actor: Actor,
): Promise<StaffGroup> {
  await getUnitPath(db, input.unitId, scope);
  const [g] = await audited(
    db,
    actor,
    (tx) => tx.insert(staffGroups).values(input).returning(),
    (made) => ({ action: 'staff-group.create', entityType: 'staff-group', entityId: made[0]!.id }),
  );
  return {
    id: g!.id,
    unitId: g!.unitId,
    name: g!.name,
    kind: g!.kind as StaffGroup['kind'],
    members: [],
  };
}

/**
 * The staff groups in the caller's units by name, each with its current members (whether a phone or an email is
 * known, never which).
 */
export async function listStaffGroups(db: Tx, scope: Scope): Promise<StaffGroup[]> {
  const gs = await db
    .select()
    .from(staffGroups)
    .where(unitInScope(staffGroups.unitId, scope))
    .orderBy(asc(staffGroups.name));
  const ms = gs.length
    ? await db
        .select()
        .from(staffGroupMembers)
        .where(
          and(
            inArray(
              staffGroupMembers.staffGroupId,
              gs.map((g) => g.id),
            ),
            isNull(staffGroupMembers.removedAt),
          ),
        )
        .orderBy(asc(staffGroupMembers.id))
    : [];
  return gs.map((g) => ({
    id: g.id,
    unitId: g.unitId,
    name: g.name,
    kind: g.kind as StaffGroup['kind'],
    members: ms
      .filter((m) => m.staffGroupId === g.id)
      .map((m) => ({
        id: m.id,
        fullName: m.fullName,
        title: m.title,
        hasPhone: m.phoneEnc !== null,
        hasEmail: m.emailEnc !== null,
      })),
  }));
}

/** Adds someone to a staff group in the caller's units, with a phone for SMS, an email, or both. */
export async function addStaffMember(
  deps: Deps,
  scope: Scope,
  groupId: number,
  input: StaffMemberInput,
  actor: Actor,
): Promise<{ id: number }> {
  const db = deps.database.db;
  const [g] = await db
    .select({ id: staffGroups.id })
    .from(staffGroups)
    .where(and(eq(staffGroups.id, groupId), unitInScope(staffGroups.unitId, scope)));
  if (!g) throw notFound({ vi: 'Không tìm thấy nhóm', en: 'Staff group not found' });
  const [m] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .insert(staffGroupMembers)
        .values({
          staffGroupId: g.id,
          fullName: input.fullName,
          title: input.title ?? null,
          phoneEnc: input.phone ? deps.cipher.encrypt(input.phone) : null,
          emailEnc: input.email ? deps.cipher.encrypt(input.email) : null,
        })
        .returning({ id: staffGroupMembers.id }),
    { action: 'staff-group.member.add', entityType: 'staff-group', entityId: g.id },
  );
  return m!;
}
