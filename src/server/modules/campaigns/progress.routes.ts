import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, Id, IdParams, PageQuery, pageOf, paged, Text, toOffset } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { callLetters, publicGuide, remindLeft } from './outreach.js';
import { historyOf, householdsLeft, leaderboard } from './progress.js';

const UnitQuery = z.object({ unitId: Id.optional() });
const History = z
  .object({
    targets: z.number().int(),
    goal: z.number().int(),
    done: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    daysLeft: z.number().int(),
    paceNeeded: z.number().int().nullable(),
    paceSoFar: z.number(),
    days: z.array(
      z.object({ day: z.string(), done: z.number().int(), total: z.number().int(), left: z.number().int() }),
    ),
  })
  .meta({ id: 'CampaignHistory' });
const Left = z.object({
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  people: z.array(z.string()),
  lastOutcome: z.string().nullable(),
  bestTime: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  member: z.string().nullable(),
});
const Board = z
  .object({
    groups: z.array(
      z.object({
        rank: z.number().int(),
        unitId: z.number().int(),
        name: z.string(),
        communeName: z.string(),
        targets: z.number().int(),
        done: z.number().int(),
        rate: z.number(),
      }),
    ),
    teams: z.array(
      z.object({
        rank: z.number().int(),
        teamId: z.number().int(),
        name: z.string(),
        members: z.number().int(),
        households: z.number().int(),
        targets: z.number().int(),
        done: z.number().int(),
        visits: z.number().int(),
        rate: z.number(),
      }),
    ),
  })
  .meta({ id: 'CampaignLeaderboard' });

/** How far a campaign is (issue 5 §5–6): history and burndown, who is left, the leaderboard, call letters, reminders. */
export function registerCampaignProgress(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = deps;
  const db = database.db;
  const read = { permission: Permission.UNIT_READ };
  // Who is left is a list of named people: the registry's reading permission.
  const people = { permission: Permission.RESIDENT_READ };

  r.get('/api/campaigns/:id/history', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary:
        'Done per day since the start, what is left to the goal, and the pace needed to reach it by the deadline',
      params: IdParams,
      querystring: UnitQuery,
      response: { 200: History, ...errorResponses },
    },
    handler: async (request) => historyOf(db, request.scope!, request.params.id, request.query.unitId),
  });

  r.get('/api/campaigns/:id/left', {
    config: people,
    schema: {
      tags: ['campaigns'],
      summary:
        'Households still to see under a unit, with who is left, the last outcome and the best time to come back (audited)',
      params: IdParams,
      querystring: UnitQuery.extend(PageQuery.shape),
      response: { 200: pageOf(Left), ...errorResponses },
    },
    handler: async (request) => {
      const { rows } = await householdsLeft(
        db,
        request.scope!,
        request.params.id,
        { unitId: request.query.unitId, ...toOffset(request.query) },
        actorOf(request),
      );
      return paged(rows, request.query);
    },
  });

  r.get('/api/campaigns/:id/leaderboard', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'Groups ranked by rate against the target, and teams by what their members have done',
      params: IdParams,
      response: { 200: Board, ...errorResponses },
    },
    handler: async (request) => leaderboard(db, request.scope!, request.params.id),
  });

  r.get('/api/campaigns/:id/letters.pdf', {
    config: people,
    schema: {
      tags: ['campaigns'],
      summary: 'Printable call letters (A5 PDF), one per household still to see, with a QR code to the how-to guide',
      params: IdParams,
      querystring: UnitQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const pdf = await callLetters(
        db,
        request.scope!,
        request.params.id,
        request.query.unitId,
        config.publicUrl,
        actorOf(request),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="giay-moi-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });

  r.post('/api/campaigns/:id/remind', {
    // A reminder is an announcement to households: the announcement writers' right (commune leaders, group heads).
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['campaigns'],
      summary: 'Send the households still to see a reminder on their own channels (an announcement)',
      params: IdParams,
      body: z.object({ unitId: Id.optional(), message: Text(500).optional() }),
      response: {
        201: z.object({ announcementId: z.number().int(), households: z.number().int(), messages: z.number().int() }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return remindLeft(
        database,
        request.scope!,
        request.params.id,
        request.body,
        request.auth!.user.id,
        actorOf(request),
      );
    },
  });

  r.get('/api/public/campaigns/:id', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "A campaign's how-to guide for residents (what the call letters' QR code opens)",
      params: IdParams,
      response: {
        200: z.object({
          id: z.number().int(),
          name: z.string(),
          kind: z.string(),
          guide: z.string(),
          deadline: z.string(),
          active: z.boolean(),
          commune: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicGuide(db, request.params.id);
    },
  });
}
