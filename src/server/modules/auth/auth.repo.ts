import { and, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import type { Tx } from '../../db/client.js';
import { roleAssignments, sessions, units, users } from '../../db/schema/index.js';
import type { AuthContext, RoleHeld } from '../../lib/auth-context.js';

export async function listRolesOfUser(tx: Tx, userId: number): Promise<RoleHeld[]> {
  const rows = await tx
    .select({
      role: roleAssignments.role,
      unitId: units.id,
      unitPath: units.path,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(units.depth, roleAssignments.id);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** A live session of an enabled user, with their roles: one query, since every API request starts with it. */
export async function findSession(
  tx: Tx,
  tokenHash: string,
): Promise<{ auth: AuthContext; lastSeenAt: Date } | undefined> {
  const [row] = await tx
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      locale: users.locale,
      roles: sql<RoleHeld[]>`coalesce((
        select json_agg(
          json_build_object(
            'role', ra.role, 'unitId', u.id, 'unitPath', u.path, 'unitCode', u.code, 'unitName', u.name
          ) order by u.depth, ra.id)
        from role_assignments ra join units u on u.id = ra.unit_id
        where ra.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), sql`${users.disabledAt} is null`),
    );
  if (!row) return undefined;
  return {
    lastSeenAt: row.lastSeenAt,
    auth: {
      user: { id: row.id, username: row.username, fullName: row.fullName, locale: row.locale },
      roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleHeld[]) : row.roles,
      session: { tokenHash: row.tokenHash, csrfToken: row.csrfToken },
    },
  };
}

export async function touchSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
}

export async function insertSession(
  tx: Tx,
  row: { tokenHash: string; userId: number; csrfToken: string; ip: string; userAgent: string | null; days: number },
): Promise<void> {
  await tx.insert(sessions).values({
    tokenHash: row.tokenHash,
    userId: row.userId,
    csrfToken: row.csrfToken,
    ip: row.ip,
    userAgent: row.userAgent,
    expiresAt: sql`now() + make_interval(days => ${row.days})`,
  });
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Every session of a user, optionally keeping one (the caller's, after a password change). */
export async function deleteSessionsOfUser(tx: Tx, userId: number, keepTokenHash?: string): Promise<number> {
  const where = keepTokenHash
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keepTokenHash}`)
    : eq(sessions.userId, userId);
  const deleted = await tx.delete(sessions).where(where).returning({ t: sessions.tokenHash });
  return deleted.length;
}

export async function findUserByUsername(tx: Tx, username: string) {
  const [row] = await tx.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function findUserById(tx: Tx, id: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

/** Counts a failed attempt and locks the account for `lockMinutes` once `maxFailures` is reached. */
export async function recordLoginFailure(tx: Tx, userId: number, maxFailures: number, lockMinutes: number) {
  const [row] = await tx
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures}
        then now() + make_interval(mins => ${lockMinutes})
        else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

export async function resetLoginFailures(tx: Tx, userId: number): Promise<void> {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePasswordHash(tx: Tx, userId: number, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function updateUserLocale(tx: Tx, userId: number, locale: string): Promise<void> {
  await tx.update(users).set({ locale }).where(eq(users.id, userId));
}
