import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../shared/enums.js';
import { roleGrants, Permission } from '../../../shared/permissions.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { AppError, validation } from '../../lib/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { hashToken, type Actor, type AuthContext } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import * as repo from './auth.repo.js';
import type { Me } from './auth.schemas.js';

const invalidLogin = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 401, {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  });

/**
 * Signs a user in: argon2id check, a counter that locks the account after repeated failures, a fresh session.
 * Unknown usernames cost the same time as wrong passwords. Every attempt is audited.
 */
export async function login(
  deps: { database: Database; config: Config },
  input: { username: string; password: string },
  actor: Actor,
): Promise<{ token: string; userId: number }> {
  const { db } = deps.database;
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await insertAudit(db, actor, {
      action: 'auth.login_failed',
      details: { username: input.username, reason: 'unknown_user' },
    });
    throw invalidLogin();
  }
  // Attribute the attempt to the account and its units, so each commune's auditors see their own staff's logins.
  const roles = await repo.listRolesOfUser(db, user.id);
  const who = {
    ...actor,
    userId: user.id,
    username: user.username,
    roles: roles.map((r) => `${r.role}@${r.unitCode}`).join(','),
    unitId: roles[0]?.unitId ?? null,
  };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await insertAudit(db, who, { action: 'auth.login_failed', details: { reason: 'locked' } });
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(
      ErrorCode.LOCKED,
      423,
      {
        vi: `Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau ${minutes} phút`,
        en: `Account locked after repeated failed sign-ins; try again in ${minutes} minutes`,
      },
      undefined,
      { 'retry-after': String(minutes * 60) },
    );
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || user.disabledAt) {
    if (!user.disabledAt)
      await repo.recordLoginFailure(db, user.id, deps.config.loginMaxFailures, deps.config.loginLockMinutes);
    await insertAudit(db, who, {
      action: 'auth.login_failed',
      details: { reason: user.disabledAt ? 'disabled' : 'password' },
    });
    throw invalidLogin();
  }
  const token = randomBytes(32).toString('base64url');
  await deps.database.db.transaction(async (tx) => {
    await repo.resetLoginFailures(tx, user.id);
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      ip: actor.ip,
      userAgent: actor.userAgent,
      days: deps.config.sessionDays,
    });
    await insertAudit(tx, who, { action: 'auth.login' });
  });
  return { token, userId: user.id };
}

export function presentMe(auth: AuthContext): Me {
  const permissions = Object.values(Permission).filter((p) => auth.roles.some((r) => roleGrants(r.role, p)));
  return {
    user: auth.user,
    roles: auth.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName })),
    permissions,
    csrfToken: auth.session.csrfToken,
  };
}

export async function logout(database: Database, auth: AuthContext, everywhere: boolean, actor: Actor) {
  await database.db.transaction(async (tx) => {
    if (everywhere) await repo.deleteSessionsOfUser(tx, auth.user.id);
    else await repo.deleteSession(tx, auth.session.tokenHash);
    await insertAudit(tx, actor, { action: everywhere ? 'auth.logout_everywhere' : 'auth.logout' });
  });
}

/** Changes the caller's password and ends every other session of theirs. */
export async function changePassword(
  database: Database,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
) {
  const user = await repo.findUserById(database.db, auth.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validation([
      {
        field: 'currentPassword',
        code: 'WRONG_PASSWORD',
        message: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
      },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await database.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, passwordHash);
    await repo.deleteSessionsOfUser(tx, user.id, auth.session.tokenHash);
    await insertAudit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}
