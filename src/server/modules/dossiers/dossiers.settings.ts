import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { Tx } from '../../db/client.js';
import type { App, AppDeps } from '../../deps.js';
import { onestopSettings } from '../../db/schema/index.js';
import { validation } from '../../lib/errors.js';
import { CommuneCode, errorResponses, IdParams, IsoDate, Problem, Text } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findCommuneByCode, getUnitPath } from '../units/units.service.js';
import { settingsOf } from './dossiers.clock.js';
import { validCodePattern } from './dossiers.codes.js';

const Settings = z
  .object({
    codePattern: z.string().trim().max(60),
    sameDayCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    saturdayMorning: z.boolean(),
    bankBin: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    bankAccount: z
      .string()
      .regex(/^[0-9A-Za-z]{1,19}$/)
      .nullable(),
    bankAccountName: Text(100).nullable(),
    /** The bank as a payer finds it in a banking app, shown beside the account number on the status page. */
    bankName: Text(60).nullable().default(null),
    cashlessWeekdays: z.array(z.number().int().min(0).max(6)).max(7),
    counterHours: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d(,([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d){0,3}$/)
      .default('07:30-11:30,13:30-17:00'),
    slotMinutes: z.number().int().min(5).max(240).default(30),
    slotCapacity: z.number().int().min(1).max(100).default(4),
    noAppointmentWeekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
    closedDays: z.array(IsoDate).max(366).default([]),
    /** The office's address and the counter's phone, shown with the counter hours on the commune's public pages. */
    officeAddress: Text(300).nullable().default(null),
    officePhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 .()-]{5,18}$/)
      .nullable()
      .default(null),
  })
  .meta({ id: 'OnestopSettings' });

/** Who to find where and when: the commune's name, office address, phone and counter hours (citizen pages). */
const CommuneOffice = z
  .object({
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    /** "07:30-11:30,13:30-17:00" on weekdays; the first span on Saturday when `saturdayMorning`. */
    counterHours: z.string(),
    saturdayMorning: z.boolean(),
  })
  .meta({ id: 'CommuneOffice' });

/**
 * A commune's counter settings: dossier code pattern, same-day cut-off, Saturday mornings, bank account, cashless days.
 */
export function registerOnestopSettings(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/onestop/settings/:id', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['dossiers'],
      summary: "A commune's one-stop settings (defaults until saved)",
      params: IdParams,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) => {
      await getUnitPath(db, request.params.id, request.scope!);
      return settingsOf(db, request.params.id);
    },
  });

  r.get('/api/public/communes/:code/office', {
    config: { public: true },
    schema: {
      tags: ['dossiers'],
      summary: "The commune's name, office address, phone and opening hours (no login)",
      security: [],
      params: z.object({ code: CommuneCode }),
      response: { 200: CommuneOffice, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const office = await communeOffice(db, request.params.code);
      reply.header('cache-control', 'public, max-age=300');
      return office;
    },
  });

  r.put('/api/onestop/settings/:id', {
    config: { permission: Permission.DOSSIER_APPROVE },
    schema: {
      tags: ['dossiers'],
      summary: "Change a commune's one-stop settings (its leader)",
      params: IdParams,
      body: Settings,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) => {
      await getUnitPath(db, request.params.id, request.scope!);
      if (!validCodePattern(request.body.codePattern)) {
        throw validation([
          {
            field: 'codePattern',
            code: 'PATTERN',
            message: {
              vi: 'Mẫu mã hồ sơ phải có {unit}, ngày ({yymmdd} hoặc {yyyymmdd}) và số thứ tự ({seq4} hoặc {seq5})',
              en: 'The code pattern needs {unit}, a date ({yymmdd} or {yyyymmdd}) and a sequence ({seq4} or {seq5})',
            },
          },
        ]);
      }
      const values = {
        ...request.body,
        cashlessWeekdays: [...new Set(request.body.cashlessWeekdays)].sort(),
        noAppointmentWeekdays: [...new Set(request.body.noAppointmentWeekdays)].sort(),
        closedDays: [...new Set(request.body.closedDays)].sort(),
      };
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(onestopSettings)
          .values({ unitId: request.params.id, ...values })
          .onConflictDoUpdate({ target: onestopSettings.unitId, set: { ...values, updatedAt: sql`now()` } })
          .returning();
        await insertAudit(tx, actorOf(request), {
          action: 'onestop.settings',
          entityType: 'unit',
          entityId: request.params.id,
          details: values,
        });
        return row!;
      });
    },
  });
}

/** A commune's office as its public pages show it: from its one-stop settings, or the default hours. */
async function communeOffice(db: Tx, code: string): Promise<z.infer<typeof CommuneOffice>> {
  const commune = await findCommuneByCode(db, code);
  const s = await settingsOf(db, commune.id);
  return {
    code,
    name: commune.name,
    address: s.officeAddress,
    phone: s.officePhone,
    counterHours: s.counterHours,
    saturdayMorning: s.saturdayMorning,
  };
}
