import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, Problem } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { deleteDay, listYear, upsertDay } from './calendar.repo.js';
import { CalendarDay, DayInput, DayParams, YearQuery } from './calendar.schemas.js';

/**
 * The working-day calendar: holidays and swapped working days as data. Everyone may read it (the status page says
 * when a result is due); province staff and admins edit it, e.g. to enter the Prime Minister's yearly day swaps.
 */
export function registerCalendar(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const present = (row: Awaited<ReturnType<typeof listYear>>[number]) => ({
    ...row,
    kind: row.kind as 'HOLIDAY' | 'WORKDAY',
    source: row.source as 'RULE' | 'ADMIN',
  });

  r.get('/api/public/calendar', {
    config: { public: true },
    schema: {
      tags: ['calendar'],
      summary: "A year's holidays and swapped working days (weekdays work, weekends rest, unless listed)",
      security: [],
      querystring: YearQuery,
      response: { 200: z.object({ items: z.array(CalendarDay) }), 400: Problem, 429: Problem },
    },
    handler: async (request) => ({ items: (await listYear(db, request.query.year)).map(present) }),
  });

  r.put('/api/calendar/days/:day', {
    config: { permission: Permission.CALENDAR_MANAGE },
    schema: {
      tags: ['calendar'],
      summary: 'Mark a day as a holiday or as a working day (a yearly swap)',
      params: DayParams,
      body: DayInput,
      response: { 200: CalendarDay, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const row = await upsertDay(tx, { day: request.params.day, ...request.body });
        await insertAudit(tx, actorOf(request), {
          action: 'calendar.set',
          entityType: 'calendar_day',
          entityId: request.params.day,
          details: request.body,
        });
        return present(row);
      }),
  });

  r.delete('/api/calendar/days/:day', {
    config: { permission: Permission.CALENDAR_MANAGE },
    schema: {
      tags: ['calendar'],
      summary: 'Return a day to the default (weekday works, weekend rests)',
      params: DayParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await db.transaction(async (tx) => {
        if (!(await deleteDay(tx, request.params.day)))
          throw notFound({ vi: 'Ngày này không có trong lịch ngoại lệ', en: 'This day is not in the calendar' });
        await insertAudit(tx, actorOf(request), {
          action: 'calendar.clear',
          entityType: 'calendar_day',
          entityId: request.params.day,
        });
      });
      return reply.status(204).send(null);
    },
  });
}
