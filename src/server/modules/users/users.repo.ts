import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roleAssignments, units, users } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';

/** Accounts holding at least one role inside the caller's scope. */
export async function listUsersInScope(
  tx: Tx,
  scope: Scope,
  q: string | undefined,
  page: { limit: number; offset: number },
) {
  const pattern = q ? `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` : undefined;
  return tx
    .select()
    .from(users)
    .where(
      and(
        sql`exists (
          select 1 from role_assignments ra join units u on u.id = ra.unit_id
          where ra.user_id = "users"."id" and ${pathInScope(sql`u.path`, scope)})`,
        pattern
          ? sql`(lower(${users.username}) like ${pattern} or lower(${users.fullName}) like ${pattern})`
          : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(page.limit + 1)
    .offset(page.offset);
}

export async function listRolesOf(tx: Tx, userIds: number[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(roleAssignments.id);
}

export async function insertUser(tx: Tx, row: typeof users.$inferInsert) {
  const [inserted] = await tx.insert(users).values(row).returning();
  return inserted!;
}

export async function replaceRoles(tx: Tx, userId: number, roles: { role: string; unitId: number }[]) {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length)
    await tx.insert(roleAssignments).values(roles.map((r) => ({ userId, role: r.role, unitId: r.unitId })));
}

export async function updateUserFields(tx: Tx, id: number, fields: Partial<typeof users.$inferInsert>) {
  // Every change of the account moves its version on, so an edit read before it is refused.
  await tx
    .update(users)
    .set({ ...fields, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

export async function unitPathsByIds(tx: Tx, ids: number[]) {
  if (ids.length === 0) return new Map<number, { path: string; closed: boolean }>();
  const rows = await tx
    .select({ id: units.id, path: units.path, closedAt: units.closedAt })
    .from(units)
    .where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, { path: r.path, closed: r.closedAt !== null }]));
}
