import { roleGrants, roleRank, Permission } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/enums.js';
import type { AuthContext } from '../../lib/auth-context.js';

/**
 * May the caller grant `role` on a unit at `unitPath`? Only through a role that manages accounts, held on that unit
 * or an ancestor, and ranked above the role granted (a system admin may grant anything, including itself).
 */
export function mayGrant(auth: AuthContext, role: Role, unitPath: string): boolean {
  return auth.roles.some(
    (held) =>
      roleGrants(held.role, Permission.USER_MANAGE) &&
      unitPath.startsWith(held.unitPath) &&
      (held.role === 'SYSTEM_ADMIN' || roleRank[held.role] > roleRank[role]),
  );
}

/** May the caller manage this account at all? Every role it holds must be one the caller could have granted. */
export function mayManage(
  auth: AuthContext,
  target: { roles: { role: Role; unitPath: string }[] },
  self: boolean,
): boolean {
  if (self) return false; // nobody re-scopes or disables themselves; use the password form for your own password
  return target.roles.length > 0 && target.roles.every((r) => mayGrant(auth, r.role, r.unitPath));
}
