import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { ticketEvents, tickets } from '../../db/schema/index.js';
import { createTicket } from './feedback.intake.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { workingMinutesBetween } from '../calendar/working-hours.js';
import { rankRows } from './feedback.stats.js';

const env = useWorld();
const at = (local: string) => new Date(`${local}:00+07:00`);
const year = 'from=2026-01-01&to=2026-12-31';

async function ticket(
  communeId: number,
  receivedAt: string,
  set: Partial<typeof tickets.$inferInsert> = {},
): Promise<number> {
  const { t } = env;
  const created = await t.database.db.transaction((tx) =>
    createTicket(tx, t, {
      communeId,
      categoryCode: 'MOI_TRUONG',
      channel: 'WEB',
      title: 'Rác thải ở đầu ngõ',
      body: 'Rác để nhiều ngày chưa thu gom.',
      receivedAt: at(receivedAt),
    }),
  );
  if (Object.keys(set).length > 0) await t.database.db.update(tickets).set(set).where(eq(tickets.id, created.id));
  return created.id;
}

const answered = (answeredAt: string, more: Partial<typeof tickets.$inferInsert> = {}) => ({
  status: 'ANSWERED',
  answerState: 'SENT',
  answer: 'Đã xử lý.',
  answeredAt: at(answeredAt),
  ...more,
});

/**
 * Commune A's fixture, counted by hand (deadlines set by hand where the case needs one; 2026-03-02 is a Monday):
 *   T1  received 02/03 08:00, answered 04/03 08:00 (on time; 7 h + 7.5 h + 0.5 h = 15 working hours), SATISFIED 05/03
 *   T2  received 02/03 08:00, due 02/03 17:00, answered 03/03 10:00 (late; 7 h + 2.5 h = 9.5 h), UNSATISFIED 02/04
 *   T3  received 02/03 08:00, due 02/03 17:00 extended to 10/03, answered 03/03 10:00: on time thanks to the extension
 *   T4  received 02/03 08:00, due 02/03 17:00 extended to 03/03 09:00, answered 03/03 10:00: late all the same
 *   T5  received 02/03 08:00, rejected 02/03 09:00
 *   T6  received 02/03 08:00, assigned, due 16/03: overdue now
 *   T7  received 02/03 08:00, open, due in a month from now: not overdue
 *   T8  a duplicate merged into T1 (answered with it): counted nowhere
 *   T9  marked as abuse (open, past due): counted nowhere
 *   T10 in group A1: received 11/05 08:00 (a Monday), answered 10:00 (2 h, on time as frozen), SATISFIED 01/06
 * and in commune B: one ticket received 02/03 08:00, answered 09:00 (1 h) on time, SATISFIED.
 */
const ids = {} as Record<string, number>;
beforeAll(async () => {
  const { w, t } = env;
  const A = w.communeA.id;
  const dueEarly = { dueAt: at('2026-03-02T17:00') };
  ids.T1 = await ticket(
    A,
    '2026-03-02T08:00',
    answered('2026-03-04T08:00', { rating: 'SATISFIED', ratedAt: at('2026-03-05T09:00') }),
  );
  ids.T2 = await ticket(
    A,
    '2026-03-02T08:00',
    answered('2026-03-03T10:00', { ...dueEarly, rating: 'UNSATISFIED', ratedAt: at('2026-04-02T09:00') }),
  );
  ids.T3 = await ticket(
    A,
    '2026-03-02T08:00',
    answered('2026-03-03T10:00', { ...dueEarly, extendedDueAt: at('2026-03-10T17:00') }),
  );
  ids.T4 = await ticket(
    A,
    '2026-03-02T08:00',
    answered('2026-03-03T10:00', { ...dueEarly, extendedDueAt: at('2026-03-03T09:00') }),
  );
  ids.T5 = await ticket(A, '2026-03-02T08:00', { status: 'REJECTED', rejectReason: 'Không thuộc thẩm quyền' });
  await t.database.db.insert(ticketEvents).values({
    ticketId: ids.T5,
    at: at('2026-03-02T09:00'),
    kind: 'STATUS',
    fromStatus: 'RECEIVED',
    toStatus: 'REJECTED',
    public: true,
  });
  ids.T6 = await ticket(A, '2026-03-02T08:00', { status: 'ASSIGNED', dueAt: at('2026-03-16T17:00') });
  ids.T7 = await ticket(A, '2026-03-02T08:00', { status: 'ACCEPTED' });
  await t.database.db.execute(sql`update tickets set due_at = now() + interval '30 days' where id = ${ids.T7}`);
  ids.T8 = await ticket(A, '2026-03-02T08:30', answered('2026-03-04T08:00', { mergedIntoId: ids.T1 }));
  ids.T9 = await ticket(A, '2026-03-02T08:00', { abuseAt: at('2026-03-02T10:00'), dueAt: at('2026-03-02T17:00') });
  ids.T10 = await ticket(
    A,
    '2026-05-11T08:00',
    answered('2026-05-11T10:00', {
      unitId: w.groupA1.id,
      onTime: true,
      rating: 'SATISFIED',
      ratedAt: at('2026-06-01T09:00'),
    }),
  );
  ids.B1 = await ticket(
    w.communeB.id,
    '2026-03-02T08:00',
    answered('2026-03-02T09:00', { rating: 'SATISFIED', ratedAt: at('2026-03-02T10:00') }),
  );
});

describe('feedback measures', () => {
  it('count a commune’s year against the hand-counted fixture, each rate with its numerator and denominator', async () => {
    const { w } = env;
    const res = await w.agents.leaderA.get(`/api/feedback/stats?unit=${w.communeA.id}&${year}&groupBy=quarter`);
    expect(res.statusCode, res.body).toBe(200);
    const { totals, periods, units } = res.json();
    expect(totals).toEqual({
      received: 8, // T1–T7, T10: not the merged duplicate T8, not the abuse T9
      answered: 5, // T1 T2 T3 T4 T10
      answeredOnTime: 3, // T1, T3 (within its extension), T10
      answeredLate: 2, // T2, T4 (late even with its extension)
      answeredExtended: 2, // T3 T4
      rejected: 1, // T5
      rated: 3, // T1 T2 T10
      satisfied: 2, // T1 T10
      avgAnswerHours: 9.1, // (15 + 9.5 + 9.5 + 9.5 + 2) / 5
      onTimeRate: { value: 0.6, numerator: 3, denominator: 5 },
      satisfactionRate: { value: 0.6667, numerator: 2, denominator: 3 },
      overdueNow: 1, // T6 (T9 is abuse, T7 not due yet)
      openNow: 2, // T6 T7
    });
    expect(periods.map((p: { period: string }) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periods[0]).toMatchObject({ received: 7, answered: 4, answeredOnTime: 2, rated: 1, satisfied: 1 });
    // T2's rating falls on its own day (2 April): the second quarter.
    expect(periods[1]).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, rated: 2, satisfied: 1 });
    expect(periods[1].avgAnswerHours).toBe(2);
    expect(periods[2]).toMatchObject({ received: 0, answered: 0, onTimeRate: { value: null, denominator: 0 } });
    // Per unit: the commune's own desk, then each group.
    const byName = Object.fromEntries(units.map((u: { name: string }) => [u.name, u]));
    expect(units[0]).toMatchObject({ unitId: w.communeA.id, own: true, received: 7, overdueNow: 1, openNow: 2 });
    expect(byName['Thôn Đông']).toMatchObject({ received: 1, answered: 1, satisfied: 1, avgAnswerHours: 2 });
    expect(byName['Thôn Tây']).toMatchObject({ received: 0, answered: 0, overdueNow: 0 });
  });

  it('count each event on its own day: a month holding answers and a rating but no new ticket', async () => {
    const { w } = env;
    const res = await w.agents.leaderA.get(`/api/feedback/stats?unit=${w.communeA.id}&from=2026-03-03&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals).toMatchObject({
      received: 0,
      answered: 4,
      answeredOnTime: 2,
      rejected: 0,
      rated: 1,
      satisfied: 1,
      avgAnswerHours: 10.9, // (15 + 9.5 × 3) / 4 = 10.875
    });
    expect(res.json().periods.map((p: { period: string }) => p.period)).toEqual(['2026-03']);
  });

  it('stay in scope: a commune sees only its own, a group head only the group, a province its communes', async () => {
    const { w } = env;
    expect((await w.agents.leaderA.get(`/api/feedback/stats?unit=${w.communeB.id}&${year}`)).statusCode).toBe(404);
    expect((await w.agents.headA1.get(`/api/feedback/stats?unit=${w.communeA.id}&${year}`)).statusCode).toBe(404);
    const group = await w.agents.headA1.get(`/api/feedback/stats?unit=${w.groupA1.id}&${year}`);
    expect(group.statusCode, group.body).toBe(200);
    expect(group.json().totals).toMatchObject({ received: 1, answered: 1, satisfied: 1, overdueNow: 0 });

    const province = await w.agents.province.get(`/api/feedback/stats?unit=${w.province.id}&${year}`);
    expect(province.statusCode, province.body).toBe(200);
    expect(province.json().totals).toMatchObject({ received: 9, answered: 6, answeredOnTime: 4, satisfied: 3 });
    const names = province.json().units.filter((u: { own: boolean }) => !u.own);
    expect(names.map((u: { name: string; received: number }) => [u.name, u.received])).toEqual([
      ['Phường Bình Minh', 1],
      ['Xã An Hòa', 8],
    ]);
  });

  it('refuse a period without a start or ending before it starts', async () => {
    const { w } = env;
    const noStart = await w.agents.leaderA.get(`/api/feedback/stats?unit=${w.communeA.id}&to=2026-12-31`);
    expect(noStart.statusCode).toBe(400);
    const reversed = await w.agents.leaderA.get(
      `/api/feedback/stats?unit=${w.communeA.id}&from=2026-12-31&to=2026-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ field: 'from', code: 'RANGE' });
  });
});

describe('province ranking', () => {
  it('ranks the province’s communes on the chosen measure', async () => {
    const { w } = env;
    const url = (by: string) => `/api/feedback/ranking?provinceId=${w.province.id}&${year}&by=${by}`;
    const onTime = await w.agents.province.get(url('onTimeRate'));
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json().items.map((i: { name: string; rank: number }) => [i.rank, i.name])).toEqual([
      [1, 'Phường Bình Minh'], // 1 of 1 on time
      [2, 'Xã An Hòa'], // 3 of 5
    ]);
    expect(onTime.json().items[1].onTimeRate).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    const received = (await w.agents.province.get(url('received'))).json();
    expect(received.items.map((i: { name: string }) => i.name)).toEqual(['Xã An Hòa', 'Phường Bình Minh']);
    const hours = (await w.agents.province.get(url('avgAnswerHours'))).json();
    expect(hours.items.map((i: { avgAnswerHours: number }) => i.avgAnswerHours)).toEqual([1, 9.1]);
    const overdue = (await w.agents.province.get(url('overdueNow'))).json();
    expect(overdue.items.map((i: { name: string; overdueNow: number }) => [i.name, i.overdueNow])).toEqual([
      ['Phường Bình Minh', 0],
      ['Xã An Hòa', 1],
    ]);
  });

  it('lists only the communes in the caller’s scope, and nothing for a province outside it', async () => {
    const { w } = env;
    const mine = await w.agents.leaderA.get(`/api/feedback/ranking?provinceId=${w.province.id}&${year}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { name: string }) => i.name)).toEqual(['Xã An Hòa']);
    const other = await w.agents.province.get(`/api/feedback/ranking?provinceId=${w.otherProvince.id}&${year}`);
    expect(other.statusCode).toBe(404);
  });

  it('shares a rank between equal values and leaves communes without a value unranked', () => {
    const row = (name: string, value: number | null) => ({
      name,
      received: 0,
      answered: 0,
      answeredOnTime: 0,
      answeredLate: 0,
      answeredExtended: 0,
      rejected: 0,
      rated: 0,
      satisfied: 0,
      avgAnswerHours: null,
      onTimeRate: { value, numerator: 0, denominator: 0 },
      satisfactionRate: { value: null, numerator: 0, denominator: 0 },
      overdueNow: 0,
    });
    const ranked = rankRows([row('D', null), row('C', 0.5), row('B', 0.9), row('A', 0.9)], 'onTimeRate');
    expect(ranked.map((r) => [r.rank, r.name])).toEqual([
      [1, 'A'],
      [1, 'B'],
      [3, 'C'],
      [null, 'D'],
    ]);
  });
});

describe('indicators', () => {
  it('show the feedback on-time and satisfaction rates beside the dossiers’, per commune and in total', async () => {
    const { w } = env;
    const res = await w.agents.province.get(`/api/indicators/onestop?unit=${w.province.id}&${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const { feedback, communes } = res.json();
    expect(feedback).toMatchObject({
      received: 9,
      answered: 6,
      onTimeRate: { value: 0.6667, numerator: 4, denominator: 6 },
      satisfactionRate: { value: 0.75, numerator: 3, denominator: 4 },
      overdueNow: 1,
    });
    const a = communes.find((c: { unitId: number }) => c.unitId === w.communeA.id);
    expect(a.feedback).toMatchObject({
      onTimeRate: { numerator: 3, denominator: 5 },
      satisfactionRate: { numerator: 2, denominator: 3 },
      avgAnswerHours: 9.1,
    });
    const sheet = await w.agents.province.get(
      `/api/indicators/onestop/export?unit=${w.province.id}&${year}&format=csv`,
    );
    const rowA = sheet.body.split(/\r?\n/).find((line) => line.includes(w.communeA.name))!;
    expect(sheet.body).toContain('PAKN trả lời đúng hạn (%)');
    expect(rowA.split(',').slice(-2)).toEqual(['60', '66.7']);
  });
});

describe('time to answer', () => {
  it('counts working hours only, across a holiday and a weekend, as workingMinutesBetween does', async () => {
    const { w, t } = env;
    // Received Wednesday 29/04/2026 at 08:00; 30/04 and 01/05 are holidays, then the weekend; answered Monday 04/05
    // at 08:00: 7 h on the Wednesday and half an hour on the Monday.
    await ticket(w.communeC.id, '2026-04-29T08:00', answered('2026-05-04T08:00'));
    // Received on a Saturday evening, answered Monday 09:30: the clock starts Monday 07:30, so 2 h.
    await ticket(w.communeC.id, '2026-05-09T19:00', answered('2026-05-11T09:30'));
    const exceptions = await loadExceptions(t.database.db, '2026-04-01', 60);
    const expected =
      (workingMinutesBetween(at('2026-04-29T08:00'), at('2026-05-04T08:00'), exceptions) +
        workingMinutesBetween(at('2026-05-09T19:00'), at('2026-05-11T09:30'), exceptions)) /
      2 /
      60;
    expect(expected).toBe(4.75); // (7.5 + 2) / 2
    const res = await w.agents.admin.get(`/api/feedback/stats?unit=${w.communeC.id}&${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals.avgAnswerHours).toBe(4.8); // 4.75, one decimal
  });
});
