import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { createSmsSender } from '../../lib/sms.js';
import { actorOf } from '../../lib/auth-context.js';
import { smsCode } from '../citizens/citizens.service.js';
import {
  ConfirmJoinInput,
  GroupJoined,
  GroupMembership,
  GroupMembershipRate,
  JoinCodeInput,
  JoinInput,
  JoinPending,
  JoinRequest,
  MemberTokenHeaders,
  MembershipChangeInput,
  PublicGroup,
  UnsubscribedChannel,
  UnsubscribeQuery,
} from './groups.schemas.js';
import * as groups from './groups.service.js';
import { confirmJoinRequest, listJoinRequests, refuseJoinRequest } from './join-requests.service.js';
import { joinGroup } from './joining.service.js';
import { leaveGroup, membership, unsubscribe, updateMembership } from './membership.service.js';
import type { Channel } from './senders.js';
import { znsCodeSender } from './zalo.js';

const publicErrors = { 400: Problem, 401: Problem, 404: Problem, 429: Problem, 503: Problem } as const;

/**
 * Group channels (issue 4 §6–7): the public join flow behind each group's QR poster, the member's own page (channels,
 * language, leave, the announcements sent to their household), one-click unsubscribe, and for staff the membership
 * rate per group and the poster.
 */
export function registerGroupChannels(app: App, deps: AppDeps, configuredChannels: () => Channel[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = deps;
  const db = database.db;
  const zns = znsCodeSender(deps);
  const codes = { sms: smsCode(createSmsSender(config, (line) => app.log.warn(line))), zns };
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
    handler: async (request) =>
      groups.groupBeforeJoining(deps, request.params.id, {
        channels: configuredChannels(),
        zaloCodes: zns.configured,
      }),
  });

  r.post('/api/public/groups/:id/code', {
    config: limited(1 / 6),
    schema: {
      tags: ['groups'],
      summary: 'Send a 6-digit code to the phone that joins, by SMS or Zalo (3 an hour per number)',
      security: [],
      params: IdParams,
      body: JoinCodeInput,
      response: { 202: z.object({ sent: z.literal(true) }), ...publicErrors },
    },
    handler: async (request, reply) => {
      await groups.sendJoinCode(deps, codes, request.params.id, request.body, actorOf(request));
      reply.status(202);
      return { sent: true as const };
    },
  });

  r.post('/api/public/groups/:id/join', {
    config: limited(1 / 3),
    schema: {
      tags: ['groups'],
      summary:
        'Join: the code proves the phone; on record for a member of one household in the group, it joins now (201); otherwise the group head confirms (202, the same answer whatever the registry holds)',
      security: [],
      params: IdParams,
      body: JoinInput,
      response: { 201: GroupJoined, 202: JoinPending, ...publicErrors },
    },
    handler: async (request, reply) => {
      const outcome = await joinGroup(deps, request.params.id, request.body, actorOf(request));
      reply.status(outcome.status === 'JOINED' ? 201 : 202);
      return outcome;
    },
  });

  r.get('/api/public/membership', {
    config: { public: true },
    schema: {
      tags: ['groups'],
      summary: "A member's page: group, channels, language and the announcements sent to the household",
      security: [],
      headers: MemberTokenHeaders,
      response: { 200: GroupMembership, ...publicErrors },
    },
    handler: async (request) => membership(deps, request.headers['x-member-token']),
  });

  r.patch('/api/public/membership', {
    config: limited(1),
    schema: {
      tags: ['groups'],
      summary: 'Change language, or switch one channel off or on',
      security: [],
      headers: MemberTokenHeaders,
      body: MembershipChangeInput,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await updateMembership(deps, request.headers['x-member-token'], request.body, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/public/membership', {
    config: limited(1),
    schema: {
      tags: ['groups'],
      summary: "Leave the group's channel",
      security: [],
      headers: MemberTokenHeaders,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await leaveGroup(deps, request.headers['x-member-token'], actorOf(request));
      return reply.status(204).send(null);
    },
  });

  // Mail clients post "List-Unsubscribe=One-Click" as a form (RFC 8058): that body is accepted here and ignored.
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads one overload)
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
        querystring: UnsubscribeQuery,
        response: { 200: UnsubscribedChannel, ...publicErrors },
      },
      handler: async (request) => ({ channel: await unsubscribe(deps, request.query.c, request.query.t) }),
    });
  });

  const staff = { permission: Permission.ANNOUNCEMENT_WRITE };
  r.get('/api/groups/membership', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary: 'Households that joined their group channel, per residential group in your units',
      response: { 200: z.object({ items: z.array(GroupMembershipRate) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await groups.membershipRates(db, request.scope!) }),
  });

  r.get('/api/groups/join-requests', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary:
        "Requests to join waiting in your groups: the phone proven, the person's note, the households it is on record in (audited)",
      response: { 200: z.object({ items: z.array(JoinRequest) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listJoinRequests(deps, request.scope!, actorOf(request)) }),
  });

  r.post('/api/groups/join-requests/:id/confirm', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary: "Confirm a request to join into the household you recognise (one of the group's)",
      params: IdParams,
      body: ConfirmJoinInput,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await confirmJoinRequest(deps, request.scope!, request.params.id, request.body, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/groups/join-requests/:id/refuse', {
    config: staff,
    schema: {
      tags: ['groups'],
      summary: 'Refuse a request to join',
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await refuseJoinRequest(deps, request.scope!, request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
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
