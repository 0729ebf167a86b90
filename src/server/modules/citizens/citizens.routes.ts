import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { citizenLanguage } from '../../lib/locale.js';
import { createSmsSender } from '../../lib/sms.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  CITIZEN_COOKIE,
  checkCitizenCsrf,
  citizenOf,
  dossiersOf,
  login,
  logout,
  register,
  sendPhoneCode,
  smsCode,
} from './citizens.service.js';
import { CitizenMe, citizenErrors as errors, CodeInput, LoginInput, RegisterInput } from './citizens.schemas.js';

const notSignedIn = () =>
  new AppError('UNAUTHENTICATED', 401, {
    vi: 'Vui lòng đăng nhập tài khoản công dân',
    en: 'Please sign in to your citizen account',
  });

/**
 * Citizens' accounts: a phone number proven by an SMS code, a password, and the list of one's own dossiers. Submitting
 * while signed in fills the applicant from the account and files the dossier under it (dossiers.public-routes.ts).
 */
export function registerCitizens(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher, config } = deps;
  const db = database.db;
  const sms = createSmsSender(config, (line) => app.log.warn(line));
  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(CITIZEN_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 30 * 86_400,
      secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true',
    });
  const me = async (request: FastifyRequest, citizenId?: number) => {
    const c = await citizenOf(db, cipher, request);
    if (!c || (citizenId !== undefined && c.id !== citizenId)) throw notSignedIn();
    return {
      citizen: { id: c.id, fullName: c.fullName, phone: c.phone },
      csrfToken: c.csrfToken,
      dossiers: await dossiersOf(db, c.id, citizenLanguage(request)),
    };
  };
  // Per client address, scaled from PUBLIC_SUBMIT_PER_MINUTE (30 → 5 code requests, 10 sign-ins a minute); the hard
  // cap on SMS cost is per phone number, in the database (3 codes an hour).
  const limited = (share: number) =>
    ({
      public: true,
      rateLimit: { max: Math.max(1, Math.floor(config.publicSubmitPerMinute * share)), timeWindow: '1 minute' },
    }) as const;

  r.post('/api/public/citizens/code', {
    config: limited(1 / 6),
    schema: {
      tags: ['citizens'],
      summary: 'Send a 6-digit code by SMS to prove a phone number (3 an hour per number)',
      security: [],
      body: CodeInput,
      response: { 202: z.object({ sent: z.literal(true) }), ...errors },
    },
    handler: async (request, reply) => {
      await sendPhoneCode(database, cipher, smsCode(sms), request.body.phone, actorOf(request));
      reply.status(202);
      return { sent: true as const };
    },
  });

  r.post('/api/public/citizens', {
    config: limited(1 / 3),
    schema: {
      tags: ['citizens'],
      summary: 'Open a citizen account with the code received by SMS; signs in',
      security: [],
      body: RegisterInput,
      response: { 201: CitizenMe, ...errors },
    },
    handler: async (request, reply) => {
      const made = await register(database, cipher, request.body, actorOf(request));
      setCookie(request, reply, made.token);
      reply.status(201);
      return {
        citizen: { id: made.citizenId, fullName: request.body.fullName, phone: request.body.phone },
        csrfToken: made.csrfToken,
        dossiers: [],
      };
    },
  });

  r.post('/api/public/citizens/login', {
    config: limited(1 / 3),
    schema: {
      tags: ['citizens'],
      summary: 'Sign in to a citizen account with phone and password',
      security: [],
      body: LoginInput,
      response: { 200: CitizenMe, ...errors },
    },
    handler: async (request, reply) => {
      const session = await login(database, cipher, request.body.phone, request.body.password, actorOf(request));
      setCookie(request, reply, session.token);
      request.cookies[CITIZEN_COOKIE] = session.token;
      return me(request, session.citizenId);
    },
  });

  r.get('/api/public/citizens/me', {
    config: { public: true },
    schema: {
      tags: ['citizens'],
      summary: 'The signed-in citizen and their own dossiers, or `me: null` when no one is signed in',
      security: [],
      response: { 200: z.object({ me: CitizenMe.nullable() }), ...errors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // Not being signed in is an answer, not an error: every public page asks.
      return { me: (await citizenOf(db, cipher, request)) ? await me(request) : null };
    },
  });

  r.post('/api/public/citizens/logout', {
    config: { public: true },
    schema: {
      tags: ['citizens'],
      summary: 'Sign out of the citizen account',
      security: [],
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const c = await citizenOf(db, cipher, request);
      if (c) {
        checkCitizenCsrf(request, c);
        await logout(db, c);
      }
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
}
