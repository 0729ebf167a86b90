import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode } from '../../shared/enums.js';
import { CSRF_HEADER, hashToken, requireScope, SESSION_COOKIE } from '../lib/auth-context.js';
import { AppError, unauthenticated } from '../lib/errors.js';
import { findSession, touchSession } from '../modules/auth/auth.repo.js';
import type { AppDeps } from '../deps.js';

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
    if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return;
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
