import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { unauthenticated } from '../../lib/errors.js';
import { errorResponses } from '../../lib/http.js';
import { actorOf, hashToken, SESSION_COOKIE } from '../../lib/auth-context.js';
import { findSession, updateUserLocale } from './auth.repo.js';
import { ChangePasswordInput, LocaleInput, LoginInput, LogoutInput, Me } from './auth.schemas.js';
import * as service from './auth.service.js';
import { getOwnContact, OwnContact, UpdateOwnContactInput, updateOwnContact } from '../users/users.contact.js';

const Ok = z.object({ ok: z.literal(true) });

export function registerAuth(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = (request: FastifyRequest) =>
    deps.config.cookieSecure === 'auto' ? request.protocol === 'https' : deps.config.cookieSecure === 'true';
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(request),
      maxAge: deps.config.sessionDays * 86_400,
    });

  r.post('/api/auth/login', {
    config: {
      public: true,
      // Per client address and username: slows guessing without letting one attacker lock out a whole office.
      rateLimit: {
        // After body parsing, so the key can include the username.
        hook: 'preHandler',
        max: 10,
        timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) =>
          `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      body: LoginInput,
      response: { 200: Me, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { token } = await service.login(deps, request.body, actorOf(request));
      const session = await findSession(deps.database.db, hashToken(token));
      if (!session) throw unauthenticated();
      setSessionCookie(request, reply, token);
      return service.presentMe(session.auth);
    },
  });

  r.get('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, roles, permissions and CSRF token',
      response: { 200: Me, ...errorResponses },
    },
    handler: async (request) => service.presentMe(request.auth!),
  });

  // The web app's start-up check: 200 either way, so a signed-out visitor's browser logs no failed request.
  r.get('/api/auth/session', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Whether this browser has a session, and if so the same body as /api/auth/me',
      response: { 200: z.object({ signedIn: z.boolean(), me: Me.nullable() }) },
    },
    handler: async (request) => ({
      signedIn: request.auth !== null,
      me: request.auth ? service.presentMe(request.auth) : null,
    }),
  });

  r.post('/api/auth/logout', {
    schema: {
      tags: ['auth'],
      summary: 'Sign out of this session, or of every session (everywhere: true)',
      body: LogoutInput,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request, reply) => {
      await service.logout(deps.database, request.auth!, request.body.everywhere, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your password; ends your other sessions',
      body: ChangePasswordInput,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await service.changePassword(deps.database, request.auth!, request.body, actorOf(request));
      return { ok: true as const };
    },
  });

  r.put('/api/auth/locale', {
    schema: {
      tags: ['auth'],
      summary: 'Remember your language',
      body: LocaleInput,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await updateUserLocale(deps.database.db, request.auth!.user.id, request.body.locale);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/contact', {
    schema: {
      tags: ['auth'],
      summary: 'Your email and phone, where reminders reach you',
      response: { 200: OwnContact, ...errorResponses },
    },
    handler: async (request) => getOwnContact(deps.database, deps.cipher, request.auth!),
  });

  r.put('/api/auth/contact', {
    schema: {
      tags: ['auth'],
      summary: 'Change your email and phone (null clears one)',
      body: UpdateOwnContactInput,
      response: { 200: OwnContact, ...errorResponses },
    },
    handler: async (request) =>
      updateOwnContact(deps.database, deps.cipher, request.auth!, request.body, actorOf(request)),
  });
}
