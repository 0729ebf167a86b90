import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, Id, IdParams, Phone, Problem } from '../../lib/http.js';
import { createSmsSender } from '../../lib/sms.js';
import { actorOf } from '../../lib/auth-context.js';
import { validation } from '../../lib/errors.js';
import { sendPhoneCode, smsCode } from '../citizens/citizens.service.js';
import * as groups from './groups.service.js';
import { CHANNELS } from './senders.js';
import { znsCodeSender } from './zalo.js';

const Channel = z.enum(CHANNELS);
const Subscription = z.object({
  endpoint: z.url().max(1000),
  keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
});
const Chosen = z.object({
  channel: Channel,
  email: z.email().max(200).optional(),
  subscription: Subscription.optional(),
});
const Join = z.object({
  phone: Phone,
  code: z.string().regex(/^\d{6}$/),
  personalId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  language: z.enum(['vi', 'en']).default('vi'),
  channels: z.array(Chosen).min(1).max(5),
});
const Joined = z
  .object({
    memberId: z.number().int(),
    groupName: z.string(),
    address: z.string(),
    manageToken: z.string(),
    zaloLinkCode: z.string().nullable(),
    zaloOaId: z.string().nullable(),
  })
  .meta({ id: 'GroupJoined' });
const PublicGroup = z
  .object({
    id: z.number().int(),
    name: z.string(),
    commune: z.string(),
    /** Channels this commune can send on now (a provider configured), and the key a browser subscribes to push with. */
    channels: z.array(Channel),
    vapidPublicKey: z.string().nullable(),
    /** How the one-time code can come: always SMS, and Zalo (ZNS) when the commune has an OTP template. */
    codeBy: z.array(z.enum(['SMS', 'ZALO'])),
  })
  .meta({ id: 'PublicGroup' });
const Membership = z
  .object({
    group: z.object({ id: z.number().int(), name: z.string(), commune: z.string() }),
    language: z.enum(['vi', 'en']),
    channels: z.array(
      z.object({
        id: z.number().int(),
        channel: Channel,
        rank: z.number().int(),
        active: z.boolean(),
        zaloLinkCode: z.string().nullable(),
      }),
    ),
    announcements: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        category: z.string(),
        priority: z.string(),
        sentAt: z.string(),
        ackRequested: z.boolean(),
        read: z.boolean(),
        acknowledged: z.boolean(),
        link: z.string(),
      }),
    ),
  })
  .meta({ id: 'GroupMembership' });
const TokenHeader = z.object({ 'x-member-token': z.string().max(100).optional() });
const publicErrors = { 400: Problem, 401: Problem, 404: Problem, 429: Problem, 503: Problem } as const;

/**
 * Group channels (issue 4 §6–7): the public join flow behind each group's QR poster, the member's own page (channels,
 * language, leave, the announcements sent to their household), one-click unsubscribe, and for staff the membership
 * rate per group and the poster.
 */
export function registerGroupChannels(app: App, deps: AppDeps, configuredChannels: () => z.infer<typeof Channel>[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher, config } = deps;
  const db = database.db;
  const sms = createSmsSender(config, (line) => app.log.warn(line));
  const zns = znsCodeSender(deps);
  const limited = (share: number) =>
    ({
      public: true,
      rateLimit: { max: Math.max(1, Math.floor(config.publicSubmitPerMinute * share)), timeWindow: '1 minute' },
    }) as const;

  r.get('/api/public/groups/:id', {
    config: { public: true },
    schema: {
      tags: ['groups'],
      summary: 'A residential group before joining: its name, its commune, the channels offered',
      security: [],
      params: IdParams,
      response: { 200: PublicGroup, ...publicErrors },
    },
    handler: async (request) => {
      const g = await groups.publicGroup(db, request.params.id);
      return {
        id: g.id,
        name: g.name,
        commune: g.commune,
        channels: configuredChannels(),
        vapidPublicKey: config.vapid?.publicKey ?? null,
        codeBy: zns.configured ? ['SMS' as const, 'ZALO' as const] : ['SMS' as const],
      };
    },
  });

  r.post('/api/public/groups/:id/code', {
    config: limited(1 / 6),
    schema: {
      tags: ['groups'],
      summary: 'Send a 6-digit code to the phone that joins, by SMS or Zalo (3 an hour per number)',
      security: [],
      params: IdParams,
      body: z.object({ phone: Phone, by: z.enum(['SMS', 'ZALO']).default('SMS') }),
      response: { 202: z.object({ sent: z.literal(true) }), ...publicErrors },
    },
    handler: async (request, reply) => {
      await groups.publicGroup(db, request.params.id);
      if (request.body.by === 'ZALO' && !zns.configured) {
        throw validation([
          {
            field: 'by',
            code: 'UNAVAILABLE',
            message: {
              vi: 'Phường chưa gửi được mã qua Zalo; hãy nhận mã qua tin nhắn SMS',
              en: 'Codes cannot be sent by Zalo here yet; get one by SMS',
            },
          },
        ]);
      }
      await sendPhoneCode(
        database,
        cipher,
        request.body.by === 'ZALO' ? (phone, code) => zns.send(phone, code) : smsCode(sms),
        request.body.phone,
        actorOf(request),
        'JOIN',
      );
      reply.status(202);
      return { sent: true as const };
    },
  });

  r.post('/api/public/groups/:id/join', {
    config: limited(1 / 3),
    schema: {
      tags: ['groups'],
      summary:
        'Join: the code checks the phone, the registry finds the household, the chosen channels are kept in order',
      security: [],
      params: IdParams,
      body: Join,
      response: { 201: Joined, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return groups.joinGroup(deps, request.params.id, request.body, actorOf(request));
    },
  });

  r.get('/api/public/membership', {
    config: { public: true },
    schema: {
      tags: ['groups'],
      summary: "A member's page: group, channels, language and the announcements sent to the household",
      security: [],
      headers: TokenHeader,
      response: { 200: Membership, ...publicErrors },
    },
    handler: async (request) => groups.membership(deps, request.headers['x-member-token']),
  });

  r.patch('/api/public/membership', {
    config: limited(1),
    schema: {
      tags: ['groups'],
      summary: 'Change language, or switch one channel off or on',
      security: [],
      headers: TokenHeader,
      body: z.object({
        language: z.enum(['vi', 'en']).optional(),
        channelId: Id.optional(),
        active: z.boolean().optional(),
      }),
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await groups.updateMembership(deps, request.headers['x-member-token'], request.body, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/public/membership', {
    config: limited(1),
    schema: {
      tags: ['groups'],
      summary: "Leave the group's channel",
      security: [],
      headers: TokenHeader,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await groups.leaveGroup(deps, request.headers['x-member-token'], actorOf(request));
      return reply.status(204).send(null);
    },
  });

  // Mail clients post "List-Unsubscribe=One-Click" as a form (RFC 8058): that body is accepted here and ignored.
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads only its callback overload)
  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) =>
      done(null, undefined),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/public/channels/unsubscribe', {
      config: limited(1),
      schema: {
        tags: ['groups'],
        summary: 'One-click unsubscribe from one channel (the signed link in every message)',
        security: [],
        querystring: z.object({ c: Id, t: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }),
        response: { 200: z.object({ channel: Channel }), ...publicErrors },
      },
      handler: async (request) => ({ channel: await groups.unsubscribe(deps, request.query.c, request.query.t) }),
    });
  });

  const staff = { permission: Permission.ANNOUNCEMENT_WRITE };
  r.get('/api/groups/membership', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary: 'Households that joined their group channel, per residential group in your units',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              unitId: z.number().int(),
              name: z.string(),
              households: z.number().int(),
              members: z.number().int(),
              rate: z.number(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => ({ items: await groups.membershipRates(db, request.scope!) }),
  });

  r.get('/api/groups/:id/poster.pdf', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary: "The group's A4 poster with the QR code to join",
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const pdf = await groups.groupPoster(deps, db, request.scope!, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="nhom-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });
}
