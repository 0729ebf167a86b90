import { sql } from 'drizzle-orm';
import { ruleHolidays } from '../modules/calendar/working-days.js';
import { catalog } from '../modules/procedures/catalog/index.js';
import type { Database } from './client.js';
import { calendarDays, procedures } from './schema/index.js';

/**
 * Reference data the app cannot work without, written after the migrations on every start and idempotent: the
 * shipped procedure catalog (published as version 1 of each code not yet present; admins' later versions are kept)
 * and the rule-based public holidays around the current year (rows an admin entered win).
 */
export async function applyReferenceData(database: Database, today = new Date()): Promise<void> {
  const db = database.db;
  await db.transaction(async (tx) => {
    await tx
      .insert(procedures)
      .values(
        catalog.map((e) => ({
          code: e.code,
          version: 1,
          national: e.national ?? true,
          nameVi: e.nameVi,
          nameEn: e.nameEn,
          field: e.field,
          timeAmount: e.time[0],
          timeUnit: e.time[1],
          onlineLevel: e.online,
          postalAllowed: e.postal ?? true,
          requiresApproval: e.approval ?? true,
          fees: e.fees ?? [],
          documents: e.documents ?? [],
          formFields: e.fields ?? [],
          bundle: e.bundle ?? null,
          legalBasis: e.legalBasis ?? null,
          status: 'PUBLISHED',
          publishedAt: sql`now()`,
        })),
      )
      .onConflictDoNothing();
    const year = today.getUTCFullYear();
    const rows = [year - 1, year, year + 1, year + 2].flatMap((y) =>
      ruleHolidays(y).map((h) => ({ ...h, kind: 'HOLIDAY', source: 'RULE' })),
    );
    await tx.insert(calendarDays).values(rows).onConflictDoNothing();
  });
}
