import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/enums.js';
import { type Permission, roleGrants } from '../../shared/permissions.js';
import type { Scope } from '../db/scope.js';
import { forbidden, unauthenticated } from './errors.js';

// Who the caller is and what they may reach: read by the auth plugin (plugins/auth.ts) and by modules alike, so it
// sits below both and neither imports the other for it.

export const SESSION_COOKIE = 'ketnoi_session';
export const CSRF_HEADER = 'x-csrf-token';

export type RoleHeld = { role: Role; unitId: number; unitPath: string; unitCode: string; unitName: string };
export type AuthContext = {
  user: { id: number; username: string; fullName: string; locale: string };
  roles: RoleHeld[];
  session: { tokenHash: string; csrfToken: string };
};

/** Who did it, from where: what every audit row records. */
export type Actor = {
  userId: number | null;
  username: string | null;
  roles: string | null;
  unitId: number | null;
  ip: string;
  userAgent: string | null;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, public pages). */
    public?: boolean;
    /** The permission a route needs; the caller's scope for it is computed before the handler runs. */
    permission?: Permission;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    scope: Scope | null;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The caller's scope for a permission: every unit where one of their roles grants it. */
export function scopeOf(auth: AuthContext, permission: Permission): Scope {
  const prefixes = auth.roles.filter((r) => roleGrants(r.role, permission)).map((r) => r.unitPath);
  // A role on a unit inside another held unit adds nothing: keep the outermost paths only.
  const outer = prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
  return { permission, prefixes: [...new Set(outer)] };
}

export function actorOf(request: FastifyRequest): Actor {
  const auth = request.auth;
  return {
    userId: auth?.user.id ?? null,
    username: auth?.user.username ?? null,
    roles: auth ? auth.roles.map((r) => `${r.role}@${r.unitCode}`).join(',') : null,
    unitId: auth?.roles[0]?.unitId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

/** Require a signed-in caller with this permission somewhere; returns their scope for it. */
export function requireScope(request: FastifyRequest, permission: Permission): Scope {
  if (!request.auth) throw unauthenticated();
  const scope = scopeOf(request.auth, permission);
  if (scope.prefixes.length === 0) throw forbidden();
  return scope;
}
