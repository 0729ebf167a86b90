import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { calendarDays } from '../../db/schema/index.js';
import { addDays, type DayKind, type Exceptions } from './working-days.js';

/**
 * The calendar's exceptions over a window of days: what due-date arithmetic reads (one indexed range scan). The
 * window is generous (a year) so a deadline of any shipped procedure, plus pauses, lands inside it.
 */
export async function loadExceptions(db: Tx, fromDay: string, days = 400): Promise<Exceptions> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, addDays(fromDay, -40)), lte(calendarDays.day, addDays(fromDay, days))));
  return new Map(rows.map((r) => [r.day, r.kind as DayKind]));
}

export async function listYear(db: Tx, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

export async function upsertDay(db: Tx, row: { day: string; kind: DayKind; nameVi: string; nameEn: string }) {
  const [saved] = await db
    .insert(calendarDays)
    .values({ ...row, source: 'ADMIN' })
    .onConflictDoUpdate({
      target: calendarDays.day,
      set: { kind: row.kind, nameVi: row.nameVi, nameEn: row.nameEn, source: 'ADMIN', updatedAt: sql`now()` },
    })
    .returning();
  return saved!;
}

export async function deleteDay(db: Tx, day: string): Promise<boolean> {
  const rows = await db.delete(calendarDays).where(eq(calendarDays.day, day)).returning({ day: calendarDays.day });
  return rows.length > 0;
}
