import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
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

const addressLimited = (minutes: number) =>
  new AppError(
    ErrorCode.RATE_LIMITED,
    429,
    {
      vi: `Quá nhiều lần đăng nhập sai từ địa chỉ này, vui lòng thử lại sau ${minutes} phút`,
      en: `Too many failed sign-ins from this address; try again in ${minutes} minutes`,
    },
    undefined,
    { 'retry-after': String(minutes * 60) },
  );

/**
 * The address a per-address limit counts: an IPv4 address as is (also when written IPv4-mapped), an IPv6 address by
 * its /64, the smallest block one subscriber is given (counting single IPv6 addresses would let one line rotate).
 */
export function addressKey(ip: string): string {
  const bare = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIP(bare) !== 6) return bare;
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const width = (g: string[]) => g.reduce((n, x) => n + (x.includes('.') ? 2 : 1), 0);
  const full =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array(8 - width(groups(head)) - width(groups(tail))).fill('0'), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Signs a user in. Every attempt costs one argon2 verification and gets the same 401, whether the username is
 * unknown, the account disabled or locked, or the password wrong — only the audit log tells them apart — so neither
 * the answer nor its timing says which usernames exist or are locked. Before any password is checked, the attempt
 * is taken from two allowances in one statement each: the client address's (LOGIN_ADDRESS_MAX_FAILURES per window,
 * across usernames; 429 when spent) and the account's (LOGIN_MAX_FAILURES, then locked for LOGIN_LOCK_MINUTES). A
 * locked account's password is not checked at all (a stand-in hash is, for the time). Success gives both back.
 */
export async function login(
  deps: { database: Database; config: Config },
  input: { username: string; password: string },
  actor: Actor,
): Promise<{ token: string; userId: number }> {
  const { db } = deps.database;
  const { config } = deps;
  const address = addressKey(actor.ip);
  const user = await repo.findUserByUsername(db, input.username);
  // Attribute the attempt to the account and its units, so each commune's auditors see their own staff's logins
  // (asked for an unknown username too, as id 0: the same statements whether the username exists or not).
  const roles = await repo.listRolesOfUser(db, user?.id ?? 0);
  const who = user
    ? {
        ...actor,
        userId: user.id,
        username: user.username,
        roles: roles.map((r) => `${r.role}@${r.unitCode}`).join(','),
        unitId: roles[0]?.unitId ?? null,
      }
    : actor;
  const failed = (reason: string) =>
    insertAudit(db, who, {
      action: 'auth.login_failed',
      details: user ? { reason } : { username: input.username, reason },
    });

  if (!(await repo.takeAddressAttempt(db, address, config.loginAddressMaxFailures, config.loginAddressWindowMinutes))) {
    await failed('address_limit');
    throw addressLimited(config.loginAddressWindowMinutes);
  }
  // An unknown username takes its attempt from no row (id 0): the same statements as a known one, the same time.
  const taken = await repo.takeLoginAttempt(db, user?.id ?? 0, config.loginMaxFailures, config.loginLockMinutes);
  if (!user || !taken || user.disabledAt) {
    await verifyPassword(await dummyHash(), input.password);
    await failed(!user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'locked');
    throw invalidLogin();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await failed('password');
    throw invalidLogin();
  }
  const token = randomBytes(32).toString('base64url');
  await deps.database.db.transaction(async (tx) => {
    await repo.resetLoginFailures(tx, user.id);
    await repo.returnAddressAttempt(tx, address, config.loginAddressWindowMinutes);
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      ip: actor.ip,
      userAgent: actor.userAgent,
      days: config.sessionDays,
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
