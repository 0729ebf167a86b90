import { and, asc, eq } from 'drizzle-orm';
import {
  type Deadline,
  defaultCategories,
  defaultFeedbackSettings,
  type FeedbackSettings,
  type TicketSeverity,
} from '../../../shared/feedback.js';
import type { Tx } from '../../db/client.js';
import { feedbackCategories, feedbackSettings } from '../../db/schema/index.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { dueDate, type Exceptions, localParts } from '../calendar/working-days.js';
import { addWorkingHours } from '../calendar/working-hours.js';

/** A commune's settings: its own row, or the shipped defaults (configurable, DOMAIN-2 §1) until it saves one. */
export async function loadFeedbackSettings(tx: Tx, communeId: number): Promise<FeedbackSettings> {
  const [row] = await tx.select().from(feedbackSettings).where(eq(feedbackSettings.communeId, communeId));
  if (!row) return defaultFeedbackSettings;
  return {
    acceptWithin: row.acceptWithin,
    deadlines: { ...defaultFeedbackSettings.deadlines, ...row.deadlines },
    reopenDays: row.reopenDays,
    approvalRequired: row.approvalRequired,
    dueSoonHours: row.dueSoonHours,
    perPhonePerDay: row.perPhonePerDay,
    perAddressPerDay: row.perAddressPerDay,
  };
}

/** The instant a deadline counted from `from` ends: working hours through office hours, working days to 17:00. */
export function deadlineFrom(from: Date, deadline: Deadline, exceptions: Exceptions): Date {
  if (deadline.unit === 'WORKING_HOUR') return addWorkingHours(from, deadline.amount, exceptions);
  return dueDate(from, deadline.amount, 'WORKING_DAY', '17:00', exceptions);
}

/** When a ticket received at `receivedAt` with a severity must be accepted by, and answered by. */
export async function ticketDeadlines(
  tx: Tx,
  settings: FeedbackSettings,
  severity: TicketSeverity,
  receivedAt: Date,
): Promise<{ acceptDueAt: Date; dueAt: Date }> {
  const exceptions = await loadExceptions(tx, localParts(receivedAt).day);
  return {
    acceptDueAt: deadlineFrom(receivedAt, settings.acceptWithin, exceptions),
    dueAt: deadlineFrom(receivedAt, settings.deadlines[severity], exceptions),
  };
}

/**
 * A commune's categories, the shipped eight written on first use (routed to the commune itself), so a commune that
 * never opened the settings still takes questions. Idempotent: the unique (commune, code) key absorbs a race.
 */
export async function ensureCategories(tx: Tx, communeId: number) {
  const existing = await tx
    .select()
    .from(feedbackCategories)
    .where(eq(feedbackCategories.communeId, communeId))
    .orderBy(asc(feedbackCategories.sortOrder), asc(feedbackCategories.id));
  if (existing.length > 0) return existing;
  await tx
    .insert(feedbackCategories)
    .values(
      defaultCategories.map((c, i) => ({
        communeId,
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        translations: { ja: { name: c.ja }, zh: { name: c.zh } },
        sortOrder: i,
      })),
    )
    .onConflictDoNothing();
  return tx
    .select()
    .from(feedbackCategories)
    .where(and(eq(feedbackCategories.communeId, communeId)))
    .orderBy(asc(feedbackCategories.sortOrder), asc(feedbackCategories.id));
}
