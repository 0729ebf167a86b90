import { eq, type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { queryRows } from '../../db/client.js';
import { tickets } from '../../db/schema/index.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { workingMinutesBetween } from '../calendar/working-hours.js';
import { fileTicket } from './feedback.test-kit.js';

// `feedback_daily_stats` is kept by the tickets' triggers (migration 0043_feedback-stats); the measures read it. After
// a mix of real actions its rows must equal a direct count of the tickets (the measures' definitions: each event on its
// own day, merged duplicates and abuse nowhere) and a rebuild from scratch.
const env = useWorld();

type Agent = (typeof env)['w']['agents']['leaderA'];

async function versionOf(id: number) {
  const [row] = await env.t.database.db.select({ v: tickets.version }).from(tickets).where(eq(tickets.id, id));
  return row!.v;
}

async function act(agent: Agent, id: number, path: string, body: Record<string, unknown> = {}, method = 'POST') {
  const payload = { version: await versionOf(id), ...body };
  const url = `/api/feedback/tickets/${id}/${path}`;
  const res = method === 'PUT' ? await agent.put(url, payload) : await agent.post(url, payload);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  return res.json();
}

async function publicPost(id: number, path: string, payload: Record<string, unknown>) {
  const [row] = await env.t.database.db.select({ token: tickets.lookupToken }).from(tickets).where(eq(tickets.id, id));
  const res = await env.t.app.inject({ method: 'POST', url: `/api/public/feedback/${row!.token}/${path}`, payload });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
}

type StatsRow = Record<string, number | string>;

/** The measures' definitions counted straight from the tickets and their journal, per commune, unit and local day. */
const direct = sql`
  select t.commune_id, t.unit_id, (ev.at at time zone 'Asia/Ho_Chi_Minh')::date::text as day,
    count(*) filter (where ev.kind = 'R')::int as received,
    count(*) filter (where ev.kind = 'A')::int as answered,
    count(*) filter (where ev.kind = 'A'
      and coalesce(t.on_time, t.answered_at <= coalesce(t.extended_due_at, t.due_at)))::int as answered_on_time,
    count(*) filter (where ev.kind = 'A' and t.extended_due_at is not null)::int as answered_extended,
    count(*) filter (where ev.kind = 'X')::int as rejected,
    count(*) filter (where ev.kind = 'S')::int as rated,
    count(*) filter (where ev.kind = 'S' and t.rating = 'SATISFIED')::int as satisfied
  from tickets t cross join lateral (values ('R', t.received_at), ('A', t.answered_at),
    ('X', case when t.status = 'REJECTED' then coalesce(
      (select max(e.at) from ticket_events e where e.ticket_id = t.id and e.to_status = 'REJECTED'), t.updated_at) end),
    ('S', t.rated_at)) as ev(kind, at)
  where t.abuse_at is null and t.merged_into_id is null and ev.at is not null
  group by 1, 2, 3 order by 1, 2, 3`;

const kept = sql`
  select commune_id, unit_id, day::text as day, received, answered, answered_on_time, answered_extended, rejected,
    rated, satisfied
  from feedback_daily_stats
  where received + answered + answered_on_time + answered_extended + rejected + rated + satisfied + timed_answers > 0
  order by 1, 2, 3`;

const rows = (query: SQL) => queryRows<StatsRow>(env.t.database.db, query);

describe('the feedback stats table', () => {
  it('equals the direct count after answer, reject, merge after answering, abuse, reopen and re-answer, transfer', async () => {
    const { t, w } = env;
    const A = w.communeA.id;
    const leader = w.agents.leaderA;

    // Answered, rated, reopened by the citizen and answered again.
    const reopened = await fileTicket(t, A);
    await act(leader, reopened.id, 'accept');
    await act(leader, reopened.id, 'answer', { answer: 'Đã xử lý.', submit: true }, 'PUT');
    await publicPost(reopened.id, 'rating', { rating: 'UNSATISFIED' });
    await publicPost(reopened.id, 'reopen', { reason: 'Vẫn chưa sửa xong đoạn cống đầu ngõ.' });
    await act(leader, reopened.id, 'answer', { answer: 'Đã sửa xong đoạn cống.', submit: true }, 'PUT');
    await publicPost(reopened.id, 'rating', { rating: 'SATISFIED' });

    // Refused.
    const refused = await fileTicket(t, A);
    await act(leader, refused.id, 'reject', { reason: 'Không thuộc thẩm quyền của xã' });

    // Merged after its target was answered: it follows the answer (written, then merged in the same change) and its
    // counts go; and one answered on its own, merged afterwards by hand: its answer's counts go too.
    const target = await fileTicket(t, A, { title: 'Ngập nước đường liên thôn' });
    await act(leader, target.id, 'accept');
    await act(leader, target.id, 'answer', { answer: 'Đã nạo vét cống.', submit: true }, 'PUT');
    const dup = await fileTicket(t, A, { title: 'Đường liên thôn ngập' });
    await act(leader, dup.id, 'merge', { intoId: target.id });
    const [followed] = await t.database.db.select().from(tickets).where(eq(tickets.id, dup.id));
    expect(followed).toMatchObject({ status: 'ANSWERED', mergedIntoId: target.id });
    const answeredDup = await fileTicket(t, A, { title: 'Cống đầu thôn tắc' });
    await act(leader, answeredDup.id, 'accept');
    await act(leader, answeredDup.id, 'answer', { answer: 'Đã nạo vét.', submit: true }, 'PUT');
    await t.database.db.update(tickets).set({ mergedIntoId: target.id }).where(eq(tickets.id, answeredDup.id));

    // Counted on receipt, then marked as abuse: its counts go.
    const spam = await fileTicket(t, A, { title: 'Quảng cáo vay tiền' });
    await act(leader, spam.id, 'abuse', { reason: 'Tin rác' });

    // Transferred to a group, then answered there: its counts move with it.
    const moved = await fileTicket(t, A);
    await act(leader, moved.id, 'transfer', { unitId: w.groupA1.id, note: 'Thôn xử lý' });
    await act(leader, moved.id, 'accept');
    await act(leader, moved.id, 'answer', { answer: 'Thôn đã xử lý.', submit: true }, 'PUT');

    const expected = await rows(direct);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows(kept)).toEqual(expected);
    const byUnit = Object.fromEntries(expected.map((r) => [r.unit_id, r]));
    expect(byUnit[w.groupA1.id]).toMatchObject({ received: 1, answered: 1 });
    expect(byUnit[A]).toMatchObject({ received: 3, answered: 2, rejected: 1, rated: 1, satisfied: 1 });

    // The working minutes to answer are frozen at the first answer, as workingMinutesBetween counts them.
    const [first] = await t.database.db.select().from(tickets).where(eq(tickets.id, reopened.id));
    expect(first!.reopenCount).toBe(1);
    const exceptions = await loadExceptions(t.database.db, '2026-11-01', 120);
    const events = await rows(
      sql`select at from ticket_events where ticket_id = ${reopened.id} and kind = 'ANSWER_SENT' order by at`,
    );
    const firstAnswer = new Date(events[0]!.at!);
    expect(first!.answerWorkingMinutes).toBe(workingMinutesBetween(first!.receivedAt, firstAnswer, exceptions));
    const [{ timed, minutes }] = (await rows(
      sql`select sum(timed_answers)::int as timed, sum(answer_minutes)::int as minutes from feedback_daily_stats`,
    )) as [{ timed: number; minutes: number }];
    const [{ sum }] = (await rows(
      sql`select sum(answer_working_minutes)::int as sum from tickets
          where answered_at is not null and abuse_at is null and merged_into_id is null`,
    )) as [{ sum: number }];
    expect({ timed, minutes }).toEqual({ timed: 3, minutes: sum });

    // A rebuild from scratch gives the same rows.
    await t.database.raw('select rebuild_feedback_daily_stats()');
    expect(await rows(kept)).toEqual(expected);
  });

  it('the SQL working clock agrees with workingMinutesBetween across a holiday, a weekend and an evening', async () => {
    const { t } = env;
    const at = (local: string) => new Date(`${local}:00+07:00`);
    const pairs = [
      ['2026-04-29T08:00', '2026-05-04T08:00'],
      ['2026-05-09T19:00', '2026-05-11T09:30'],
      ['2026-03-02T12:15', '2026-03-02T13:45'],
      ['2026-02-13T16:00', '2026-02-24T07:00'],
    ];
    const exceptions = await loadExceptions(t.database.db, '2026-01-01', 200);
    for (const [a, b] of pairs) {
      const [{ m }] = (await rows(
        sql`select feedback_working_minutes(${at(a!).toISOString()}::timestamptz, ${at(b!).toISOString()}::timestamptz) as m`,
      )) as [{ m: number }];
      expect(m, `${a} → ${b}`).toBe(workingMinutesBetween(at(a!), at(b!), exceptions));
    }
  });
});
