import type { Role } from '../../../shared/enums.js';
import type { Database, Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { conflict, forbidden, unlessTaken, notFound, validation } from '../../lib/errors.js';
import { paged, toOffset } from '../../lib/http.js';
import { hashPassword } from '../../lib/passwords.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import { deleteSessionsOfUser, findUserById } from '../auth/auth.repo.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { contactColumns, maskEmail, maskPhone, staleAccount } from './users.contact.js';
import { mayGrant, mayManage } from './users.policy.js';
import * as repo from './users.repo.js';
import type { CreateUserInput, UpdateUserInput, UserSummary } from './users.schemas.js';

const userNotFound = () => notFound({ vi: 'Không tìm thấy tài khoản', en: 'Account not found' });

async function present(
  tx: Tx,
  rows: NonNullable<Awaited<ReturnType<typeof findUserById>>>[],
  cipher: PiiCipher,
): Promise<UserSummary[]> {
  const roles = await repo.listRolesOf(
    tx,
    rows.map((u) => u.id),
  );
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: maskEmail(u.email),
    phone: maskPhone(cipher, u.phoneEnc),
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
    roles: roles
      .filter((r) => r.userId === u.id)
      .map((r) => ({ role: r.role as Role, unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName })),
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  }));
}

export async function listUsers(
  tx: Tx,
  cipher: PiiCipher,
  scope: Scope,
  q: { q?: string; page: number; limit: number },
) {
  const rows = await repo.listUsersInScope(tx, scope, q.q, toOffset(q));
  return paged(await present(tx, rows, cipher), q);
}

/** Checks every requested role against the caller's delegation rights; units must exist and be open. */
async function checkGrants(tx: Tx, auth: AuthContext, roles: { role: Role; unitId: number }[]) {
  const paths = await repo.unitPathsByIds(
    tx,
    roles.map((r) => r.unitId),
  );
  roles.forEach((r, i) => {
    const unit = paths.get(r.unitId);
    if (!unit || !mayGrant(auth, r.role, unit.path)) {
      throw forbidden({
        vi: `Bạn không thể cấp vai trò ${r.role} trên đơn vị này`,
        en: `You cannot grant ${r.role} on that unit`,
      });
    }
    if (unit.closed)
      throw validation([
        {
          field: `roles.${i}.unitId`,
          code: 'UNIT_CLOSED',
          message: { vi: 'Đơn vị đã giải thể', en: 'The unit is closed' },
        },
      ]);
  });
}

async function loadManaged(tx: Tx, auth: AuthContext, id: number) {
  const user = await findUserById(tx, id);
  if (!user) throw userNotFound();
  const roles = await repo.listRolesOf(tx, [id]);
  const managed = mayManage(
    auth,
    { roles: roles.map((r) => ({ role: r.role as Role, unitPath: r.unitPath })) },
    auth.user.id === id,
  );
  // An account outside the caller's reach is reported as missing, so usernames elsewhere cannot be probed.
  if (!managed) {
    if (roles.some((r) => auth.roles.some((h) => r.unitPath.startsWith(h.unitPath)))) throw forbidden();
    throw userNotFound();
  }
  return user;
}

export async function createUser(
  database: Database,
  cipher: PiiCipher,
  auth: AuthContext,
  input: CreateUserInput,
  actor: Actor,
) {
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => createUserIn(tx, auth, { ...input, passwordHash }, actor, cipher));
}

/**
 * Creates an account inside the caller's transaction, so another module can link it to its own record in the same
 * commit (a team member's login): the same delegation check, taken-username conflict and audit entry as the form.
 */
export async function createUserIn(
  tx: Tx,
  auth: AuthContext,
  input: Omit<CreateUserInput, 'password'> & { passwordHash: string },
  actor: Actor,
  cipher: PiiCipher,
): Promise<UserSummary> {
  await checkGrants(tx, auth, input.roles);
  const user = await unlessTaken(
    repo.insertUser(tx, {
      username: input.username,
      fullName: input.fullName,
      passwordHash: input.passwordHash,
      ...contactColumns(cipher, input),
    }),
    () => conflict({ vi: 'Tên đăng nhập đã có người dùng', en: 'This username is taken' }),
  );
  await repo.replaceRoles(tx, user.id, input.roles);
  await insertAudit(tx, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    details: {
      username: user.username,
      roles: input.roles,
      contact: ['email', 'phone'].filter((k) => input[k as 'email']),
    },
  });
  return (await present(tx, [user], cipher))[0]!;
}

/**
 * Rename, disable/enable, re-scope an account or change its contact details. Disabling ends its sessions at once. A
 * version given must be the current one (409 otherwise); every edit moves it on. The audit names the contact fields
 * changed, never their values.
 */
export async function updateUser(
  database: Database,
  cipher: PiiCipher,
  auth: AuthContext,
  id: number,
  input: UpdateUserInput,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const current = await loadManaged(tx, auth, id);
    if (input.version !== undefined && input.version !== current.version) throw staleAccount();
    if (input.roles) {
      await checkGrants(tx, auth, input.roles);
      await repo.replaceRoles(tx, id, input.roles);
    }
    const fields: Parameters<typeof repo.updateUserFields>[2] = {};
    if (input.fullName !== undefined) fields.fullName = input.fullName;
    if (input.disabled !== undefined) fields.disabledAt = input.disabled ? new Date() : null;
    Object.assign(fields, contactColumns(cipher, input));
    await repo.updateUserFields(tx, id, fields);
    if (input.disabled || input.roles) await deleteSessionsOfUser(tx, id);
    const { email, phone, version: _v, ...rest } = input;
    const contact = (['email', 'phone'] as const).filter((k) => input[k] !== undefined);
    await insertAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      details: { ...rest, ...(contact.length ? { contact } : {}) },
    });
    return (await present(tx, [(await findUserById(tx, id))!], cipher))[0]!;
  });
}

export async function resetPassword(
  database: Database,
  auth: AuthContext,
  id: number,
  newPassword: string,
  actor: Actor,
) {
  const passwordHash = await hashPassword(newPassword);
  await database.db.transaction(async (tx) => {
    await loadManaged(tx, auth, id);
    await repo.updateUserFields(tx, id, {
      passwordHash,
      passwordChangedAt: new Date(),
      failedLogins: 0,
      lockedUntil: null,
    });
    await deleteSessionsOfUser(tx, id);
    await insertAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
