import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf, scopeOf } from '../../lib/auth-context.js';
import { createSenders } from '../announcements/deliveries.js';
import {
  CampaignGuide,
  CampaignHistory,
  CampaignLeaderboard,
  LeftPage,
  LeftQuery,
  RemindInput,
  RemindPreview,
  RemindPreviewInput,
  RemindResult,
  UnitQuery,
} from './campaigns.schemas.js';
import { callLetters, publicGuide } from './outreach.js';
import { previewReminder, remindLeft, type ReminderDeps } from './reminders.js';
import { historyOf, leaderboard, listHouseholdsLeft } from './progress.js';

/**
 * How far a campaign is (issue 5 §5–6): history and burndown, who is left, the leaderboard, call letters, reminders.
 */
export function registerCampaignProgress(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = deps;
  const db = database.db;
  const read = { permission: Permission.UNIT_READ };
  // Who is left is a list of named people: the registry's reading permission.
  const people = { permission: Permission.RESIDENT_READ };
  // Which providers have an account, as the delivery pipeline sees them (the reminder's channels and cost).
  const senders = createSenders(deps, (line) => app.log.warn(line));
  const reminders: ReminderDeps = {
    database,
    publicUrl: config.publicUrl,
    intervalHours: config.reminderIntervalHours,
    smsAccents: config.reminderSmsAccents,
    configured: (c) => !!senders[c]?.configured,
  };

  r.get('/api/campaigns/:id/history', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary:
        'Done per day since the start, what is left to the goal, and the pace needed to reach it by the deadline',
      params: IdParams,
      querystring: UnitQuery,
      response: { 200: CampaignHistory, ...errorResponses },
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
      querystring: LeftQuery,
      response: { 200: LeftPage, ...errorResponses },
    },
    handler: async (request) =>
      listHouseholdsLeft(db, request.scope!, request.params.id, request.query, actorOf(request)),
  });

  r.get('/api/campaigns/:id/leaderboard', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'Groups ranked by rate against the target, and teams by what their members have done',
      params: IdParams,
      response: { 200: CampaignLeaderboard, ...errorResponses },
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
      const { id } = request.params;
      const pdf = await callLetters(db, request.scope!, id, request.query.unitId, config.publicUrl, actorOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="giay-moi-${id}.pdf"`)
        .send(pdf);
    },
  });

  r.post('/api/campaigns/:id/remind/preview', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['campaigns'],
      summary:
        "What a reminder would do if sent now: households, channels, estimated SMS/ZNS cost, and whether households in it were reminded within the guard's interval",
      params: IdParams,
      body: RemindPreviewInput,
      response: { 200: RemindPreview, ...errorResponses },
    },
    handler: async (request) =>
      previewReminder(
        reminders,
        request.scope!,
        request.params.id,
        request.body,
        scopeOf(request.auth!, Permission.REMINDER_OVERRIDE),
      ),
  });

  r.post('/api/campaigns/:id/remind', {
    // A reminder is an announcement to households: the announcement writers' right (commune leaders, group heads).
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['campaigns'],
      summary:
        'Send the households still to see a reminder on their own channels (an announcement); 409 REMINDER_TOO_SOON when some were reminded within the interval, unless a leader overrides with a reason',
      params: IdParams,
      body: RemindInput,
      response: { 201: RemindResult, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return remindLeft(
        reminders,
        request.scope!,
        request.params.id,
        request.body,
        scopeOf(request.auth!, Permission.REMINDER_OVERRIDE),
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
      response: { 200: CampaignGuide, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicGuide(db, request.params.id);
    },
  });
}
