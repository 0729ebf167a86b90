import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { feedbackCategories, ticketEvents, tickets } from '../../db/schema/index.js';
import { createTicket } from './feedback.intake.js';

// Every intake (public page, Zalo, counter, hotline, Open311) files a ticket through createTicket: routing by
// category, both deadlines from the working calendar, and the commune's gap-free PAKN code of the day.
const env = useWorld();

describe('createTicket', () => {
  it('files a ticket under its category with a PAKN code, deadlines and a public journal entry', async () => {
    const { t, w } = env;
    const receivedAt = new Date('2026-12-07T08:00:00+07:00'); // a Monday morning
    const created = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        categoryCode: 'MOI_TRUONG',
        severity: 'URGENT',
        channel: 'WEB',
        title: 'Rác ở đầu ngõ 3',
        body: 'Rác để ba ngày chưa được thu gom.',
        senderPhone: '+84912345678',
        receivedAt,
      }),
    );
    expect(created.code).toBe('PAKN.20261207.0001');
    expect(created.status).toBe('RECEIVED');
    // Urgent: 4 working hours from 8:00 is 12:00 → the morning session ends 11:30, so 14:00.
    expect(created.dueAt.toISOString()).toBe(new Date('2026-12-07T14:00:00+07:00').toISOString());
    const [row] = await t.database.db.select().from(tickets).where(eq(tickets.id, created.id));
    expect(row!.unitId).toBe(w.communeA.id);
    expect(row!.senderPhoneEnc).not.toContain('912345678');
    expect(row!.senderPhoneBidx).toBe(t.cipher.blindIndex('+84912345678', 'phone'));
    // Acceptance within 8 working hours: 8:00 → 11:30 (3.5 h) + 13:30 → 17:00 (3.5 h) + 1 h on Tuesday.
    expect(row!.acceptDueAt.toISOString()).toBe(new Date('2026-12-08T08:30:00+07:00').toISOString());
    const events = await t.database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, created.id));
    expect(events.map((e) => [e.kind, e.toStatus, e.public])).toEqual([['CREATED', 'RECEIVED', true]]);

    const second = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        channel: 'HOTLINE',
        title: 'Hỏi',
        body: 'Hỏi về VNeID',
        receivedAt,
      }),
    );
    expect(second.code).toBe('PAKN.20261207.0002');
  });

  it('routes to a person at once when the category names one, and refuses an unknown or switched-off category', async () => {
    const { t, w } = env;
    const [cat] = await t.database.db
      .update(feedbackCategories)
      .set({ routeUnitId: w.groupA1.id, routeUserId: null })
      .where(eq(feedbackCategories.code, 'SO_HOA'))
      .returning();
    const routed = await t.database.db.transaction((tx) =>
      createTicket(tx, t, { communeId: w.communeA.id, categoryId: cat!.id, channel: 'WEB', title: 'VNeID', body: 'x' }),
    );
    const [row] = await t.database.db.select().from(tickets).where(eq(tickets.id, routed.id));
    expect(row!.unitId).toBe(w.groupA1.id);
    await expect(
      t.database.db.transaction((tx) =>
        createTicket(tx, t, {
          communeId: w.communeA.id,
          categoryCode: 'NOPE',
          channel: 'OPEN311',
          title: 'x',
          body: 'y',
        }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    const again = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        channel: 'WEB',
        title: 'x',
        body: 'y',
        idempotency: { key: 'k1', scope: 'client:1' },
      }),
    );
    const retried = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        channel: 'WEB',
        title: 'x',
        body: 'y',
        idempotency: { key: 'k1', scope: 'client:1' },
      }),
    );
    expect(retried).toMatchObject({ id: again.id, code: again.code, repeated: true });
  });

  it('counts an urgent report sent on the eve of Tết in working hours past the holiday, from the stored calendar', async () => {
    const { t, w } = env;
    // Thursday 4 February 2027, 16:00; the lunar new year is Saturday 6 February, its holidays start on the 5th.
    const receivedAt = new Date('2027-02-04T16:00:00+07:00');
    const made = await t.database.db.transaction((tx) =>
      createTicket(tx, t, {
        communeId: w.communeA.id,
        categoryCode: 'AN_NINH',
        severity: 'URGENT',
        channel: 'HOTLINE',
        title: 'Cháy nhỏ ở chợ',
        body: 'Có khói ở dãy ki-ốt số 3.',
        receivedAt,
      }),
    );
    const [holidays] = await t.database.raw<{ days: string[] }>(
      "select array_agg(day::text order by day) as days from calendar_days where kind = 'HOLIDAY' and day between '2027-02-01' and '2027-02-28'",
    );
    expect(holidays!.days).toContain('2027-02-05');
    const local = new Date(made.dueAt.getTime() + 7 * 3600_000).toISOString();
    const dueDay = local.slice(0, 10);
    // One working hour on the 4th (16:00–17:00), the other three from the first working morning after Tết.
    expect(holidays!.days).not.toContain(dueDay);
    expect(dueDay > holidays!.days.at(-1)!).toBe(true);
    expect(local.slice(11, 16)).toBe('10:30');
  });
});
