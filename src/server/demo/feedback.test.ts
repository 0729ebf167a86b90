import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../test/world.js';
import { queryRows } from '../db/client.js';
import { localParts } from '../modules/calendar/working-days.js';
import { seedFeedbackDemo } from './feedback.js';

const env = useWorld();

describe('feedback demo year', () => {
  it('fills a commune with a year of tickets in every state, every channel, and codes the counters know', async () => {
    const { t, w } = env;
    const [officer] = await queryRows<{ id: number; fullName: string }>(
      t.database.db,
      sql`select id, full_name as "fullName" from users where username = ${w.accounts.onestopA.username}`,
    );
    const [leader] = await queryRows<{ id: number; fullName: string }>(
      t.database.db,
      sql`select id, full_name as "fullName" from users where username = ${w.accounts.leaderA.username}`,
    );
    const started = performance.now();
    const made = await seedFeedbackDemo(
      t.database,
      t.cipher,
      w.communeA,
      w.groupA1,
      {
        officer: officer!,
        leader: leader!,
      },
      { seed: 3 },
    );
    expect(performance.now() - started, 'demo build time').toBeLessThan(20_000);
    const [counts] = await queryRows<Record<string, number>>(
      t.database.db,
      sql`select count(*)::int as total,
        count(*) filter (where status = 'RECEIVED' and abuse_at is null and received_at::date >= current_date - 1)::int as "receivedToday",
        count(*) filter (where status = 'TRANSFERRED' and unit_id = ${w.groupA1.id})::int as transferred,
        count(*) filter (where status = 'REJECTED' and reject_reason is not null)::int as rejected,
        count(*) filter (where on_time)::int as "onTime",
        count(*) filter (where on_time = false)::int as late,
        count(*) filter (where extended_due_at is not null)::int as extended,
        count(*) filter (where merged_into_id is not null)::int as merged,
        count(*) filter (where abuse_at is not null)::int as abuse,
        count(*) filter (where rating = 'SATISFIED')::int as satisfied,
        count(*) filter (where rating = 'UNSATISFIED')::int as unsatisfied,
        count(*) filter (where reopen_count > 0)::int as reopened,
        count(*) filter (where published_at is not null and public_body is not null)::int as published,
        count(*) filter (where status in ('ACCEPTED', 'ASSIGNED', 'RECEIVED', 'TRANSFERRED') and abuse_at is null
          and coalesce(extended_due_at, due_at) < now())::int as overdue,
        count(distinct channel)::int as channels,
        count(*) filter (where status = 'ASSIGNED')::int as assigned
      from tickets where commune_id = ${w.communeA.id}`,
    );
    expect(counts!.total).toBe(made);
    expect(made).toBeGreaterThan(300);
    for (const [k, v] of Object.entries(counts!)) expect(v, k).toBeGreaterThan(0);
    expect(counts!.channels).toBe(5);
    // Published text is the masked one: no phone number survives on "Hỏi đáp".
    const published = await queryRows<{ body: string }>(
      t.database.db,
      sql`select public_body as body from tickets where published_at is not null and commune_id = ${w.communeA.id}`,
    );
    for (const p of published) expect(p.body).not.toMatch(/0\d{3} \d{3} \d{3}/);
    // Every code is unique in the commune and the day counters are at least the numbers used.
    const [gap] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from tickets t
        left join ticket_sequences s on s.commune_id = t.commune_id
          and s.day = to_char(t.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')
        where t.commune_id = ${w.communeA.id} and (s.last is null or s.last < split_part(t.code, '.', 3)::int)`,
    );
    expect(gap!.n).toBe(0);
    // The journal reads as the workflow writes it: nothing answered before it was accepted, a rating's choice in its
    // data (the text is the citizen's comment, never the enum's name).
    const [journal] = await queryRows<{ answeredFirst: number; badRatings: number; ratings: number }>(
      t.database.db,
      sql`select
        count(*) filter (where e.kind = 'ANSWER_SENT' and e.at < (select min(a.at) from ticket_events a
          where a.ticket_id = e.ticket_id and a.to_status = 'ACCEPTED'))::int as "answeredFirst",
        count(*) filter (where e.kind = 'RATED' and (e.data->>'rating' is null or e.body in ('SATISFIED', 'UNSATISFIED')))::int
          as "badRatings",
        count(*) filter (where e.kind = 'RATED')::int as ratings
      from ticket_events e join tickets tk on tk.id = e.ticket_id where tk.commune_id = ${w.communeA.id}`,
    );
    expect(journal).toEqual({ answeredFirst: 0, badRatings: 0, ratings: expect.any(Number) });
    expect(journal!.ratings).toBeGreaterThan(0);
    // The officer has answers to start from, as general ones and per category.
    const templates = await w.agents.onestopA.get(`/api/feedback/templates?communeId=${w.communeA.id}`);
    expect(templates.statusCode, templates.body).toBe(200);
    expect(templates.json().length).toBeGreaterThanOrEqual(3);
    expect(templates.json().some((x: { categoryId: number | null }) => x.categoryId === null)).toBe(true);
    // The measures read it.
    const to = localParts(new Date()).day;
    const res = await w.agents.leaderA.get(
      `/api/feedback/stats?unit=${w.communeA.id}&from=${Number(to.slice(0, 4)) - 1}${to.slice(4)}&to=${to}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const { totals } = res.json();
    expect(totals.received).toBeGreaterThan(300);
    expect(totals.onTimeRate.value).toBeGreaterThan(0.7);
    expect(totals.overdueNow).toBeGreaterThan(0);
  });
});
