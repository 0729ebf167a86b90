import { and, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import { queryRows, type Tx } from '../../db/client.js';
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

/**
 * Takes one sign-in attempt on an account, in one statement, before its password is checked. While the account is
 * locked nothing is taken (undefined: refuse without checking). Otherwise the attempt is counted, and the account is
 * locked for `lockMinutes` once the count reaches `maxFailures`; a lock that has run out starts the count again.
 * Concurrent attempts queue on the row, so no more than `maxFailures` passwords are ever tried per lock period.
 * A successful sign-in resets the count (resetLoginFailures).
 */
export async function takeLoginAttempt(tx: Tx, userId: number, maxFailures: number, lockMinutes: number) {
  const count = sql`case when ${users.lockedUntil} is null then ${users.failedLogins} + 1 else 1 end`;
  const [row] = await tx
    .update(users)
    .set({
      failedLogins: count,
      lockedUntil: sql`case when ${count} >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) end`,
    })
    .where(and(eq(users.id, userId), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= now())`))
    .returning({ failedLogins: users.failedLogins });
  return row;
}

/**
 * Takes one sign-in attempt for a client address, in one statement: a new window when the last one ended, else one
 * more unless `max` are already counted. False (nothing counted) when the address is at its cap.
 */
export async function takeAddressAttempt(tx: Tx, address: string, max: number, windowMinutes: number) {
  const ended = sql`a.window_started_at <= now() - make_interval(mins => ${windowMinutes})`;
  const rows = await queryRows<{ failures: number }>(
    tx,
    sql`insert into login_address_attempts as a (address, failures, window_started_at)
      values (${address}, 1, now())
      on conflict (address) do update
        set failures = case when ${ended} then 1 else a.failures + 1 end,
          window_started_at = case when ${ended} then now() else a.window_started_at end
        where ${ended} or a.failures < ${max}
      returning a.failures`,
  );
  return rows.length > 0;
}

/** A successful sign-in gives its address's attempt back, and windows long over are dropped. */
export async function returnAddressAttempt(tx: Tx, address: string, windowMinutes: number): Promise<void> {
  await tx.execute(
    sql`update login_address_attempts set failures = greatest(failures - 1, 0) where address = ${address}`,
  );
  await tx.execute(
    sql`delete from login_address_attempts
      where window_started_at < now() - make_interval(mins => ${windowMinutes * 2}) and address <> ${address}`,
  );
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
