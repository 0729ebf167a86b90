import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode, type Role } from '../../shared/enums.js';
import { roleGrants, type Permission } from '../../shared/permissions.js';
import type { Scope } from '../db/scope.js';
import { AppError, forbidden, unauthenticated } from '../lib/errors.js';
import { findSession, touchSession } from '../modules/auth/auth.repo.js';
import type { AppDeps } from '../app.js';

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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions, CSRF and route permissions in one place. Every route is private unless its config says `public`;
 * a route's `permission` is checked before its handler and the resulting Scope is on `request.scope`.
 */
export default fp(async function authPlugin(app: FastifyInstance, deps: Pick<AppDeps, 'database'>) {
  app.decorateRequest('auth', null);
  app.decorateRequest('scope', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await findSession(deps.database.db, hashToken(token));
    if (!found) return;
    request.auth = found.auth;
    if (Date.now() - found.lastSeenAt.getTime() > 5 * 60_000) {
      await touchSession(deps.database.db, found.auth.session.tokenHash);
    }
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url;
    // Only API routes are private; the web app's files and the API docs are public by nature.
    if (!url || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    // Synchronizer-token CSRF defence: a state-changing request made with the session cookie must echo the
    // session's CSRF token in a header, which a cross-site form or image cannot do.
    if (request.auth && !SAFE_METHODS.has(request.method) && !config.public) {
      if (request.headers[CSRF_HEADER] !== request.auth.session.csrfToken) {
        throw new AppError(ErrorCode.CSRF, 403, {
          vi: 'Phiên làm việc đã hết hạn hoặc không hợp lệ, vui lòng tải lại trang',
          en: 'Missing or invalid CSRF token; reload the page',
        });
      }
    }
    if (config.public) return;
    if (!request.auth) throw unauthenticated();
    if (config.permission) request.scope = requireScope(request, config.permission);
  });
});
