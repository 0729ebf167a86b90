import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../test/world.js';
import { loadExceptions } from '../modules/calendar/calendar.repo.js';
import { addDays, END_OF_DAY, isWorkingDay, localParts } from '../modules/calendar/working-days.js';
import { countKeys } from '../modules/indicators/indicators.definitions.js';
import { seedOnestopYear } from './onestop-year.js';

const env = useWorld();

type Row = Record<string, string | number | boolean | null>;

describe("the demo commune's year at the one-stop shop", () => {
  it('has dossiers at every step over twelve months, on working days, and indicators that a recount of its rows gives', async () => {
    const started = Date.now();
    const made = await seedOnestopYear(
      env.t.database,
      env.t.cipher,
      env.w.communeA,
      { officer: env.w.accounts.onestopA, leader: env.w.accounts.leaderA },
      // A fixed "now" (a Monday before the office opens): which dossiers are still waiting to be received depends on the hour the
      // year is planned at, so a real clock made this test pass or fail with the time of day.
      { seed: 7, now: new Date('2026-12-07T07:00:00+07:00') },
    );
    expect(made).toBeGreaterThan(300);
    // Batched: a year of a commune in seconds, not a request per dossier.
    expect(Date.now() - started).toBeLessThan(20_000);
    const unit = env.w.communeA.id;

    // Every step of the workflow is there.
    const [steps] = await env.t.database.raw<Row>(
      `select
        count(distinct to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')) as months,
        count(*) filter (where status = 'NEW') as waiting,
        count(*) filter (where status = 'REFUSED') as refused,
        count(*) filter (where status = 'WITHDRAWN') as withdrawn,
        count(*) filter (where status = 'STOPPED') as stopped,
        count(*) filter (where status in ('RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED') and due_at < now()) as overdue,
        count(*) filter (where extended_due_at is not null) as extended,
        count(*) filter (where resolved_at is not null and not on_time) as late,
        count(*) filter (where status = 'RESOLVED') as to_return,
        count(*) filter (where awaiting_approval) as to_approve,
        count(*) filter (where paid_at is not null and paid_online) as paid_online,
        count(*) filter (where paid_at is not null and not paid_online) as paid_cash,
        count(*) filter (where status = 'RETURNED' and return_method = 'COUNTER') as at_counter,
        count(*) filter (where status = 'RETURNED' and return_method = 'POST') as by_post,
        count(*) filter (where status = 'RETURNED' and return_method = 'ONLINE') as electronically,
        count(*) filter (where rating = 'SATISFIED') as satisfied,
        count(*) filter (where rating = 'ACCEPTABLE') as acceptable,
        count(*) filter (where rating = 'UNSATISFIED') as unsatisfied,
        (select count(*) from dossier_events e join dossiers x on x.id = e.dossier_id
          where x.unit_id = $1 and e.action = 'SUPPLEMENT') as supplemented,
        (select count(*) from postal_shipments p join dossiers x on x.id = p.dossier_id where x.unit_id = $1) as posted,
        (select count(*) from payments p join dossiers x on x.id = p.dossier_id where x.unit_id = $1) as payments,
        (select count(*) from payments p join dossiers x on x.id = p.dossier_id
          where x.unit_id = $1 and p.method = 'TRANSFER' and p.reference is not null) as by_transfer,
        count(*) filter (where paid_at is not null) as paid
      from dossiers where unit_id = $1`,
      [unit],
    );
    const n = Object.fromEntries(Object.entries(steps!).map(([k, v]) => [k, Number(v)]));
    expect(n.months).toBeGreaterThanOrEqual(12);
    for (const k of Object.keys(n).filter((k) => k !== 'payments' && k !== 'paid')) expect(n[k], k).toBeGreaterThan(0);
    expect(n.payments).toBe(n.paid);

    // Dates the workflow could have produced: received, due and extended on working days, nothing in the future,
    // each step after the one before.
    const rows = await env.t.database.raw<{
      submitted_at: Date;
      received_at: Date | null;
      due_at: Date | null;
      extended_due_at: Date | null;
      resolved_at: Date | null;
      returned_at: Date | null;
      rated_at: Date | null;
    }>(
      `select submitted_at, received_at, due_at, extended_due_at, resolved_at, returned_at, rated_at
      from dossiers where unit_id = $1`,
      [unit],
    );
    const exceptions = await loadExceptions(env.t.database.db, addDays(localParts(new Date()).day, -370), 800);
    const now = Date.now();
    for (const r of rows) {
      const order = [r.submitted_at, r.received_at, r.resolved_at, r.returned_at, r.rated_at].filter(
        (t): t is Date => t !== null,
      );
      expect(order.map((t) => t.getTime())).toEqual([...order.map((t) => t.getTime())].sort((a, b) => a - b));
      expect(order.at(-1)!.getTime()).toBeLessThanOrEqual(now);
      for (const t of [r.received_at, r.due_at, r.extended_due_at]) {
        if (t) expect(isWorkingDay(localParts(t).day, exceptions), t.toISOString()).toBe(true);
      }
      if (r.received_at) expect(localParts(r.received_at).time < END_OF_DAY).toBe(true);
    }

    // A dossier of the year opens like any other: its history in order, its post shipment, the forms it issued.
    const [posted] = await env.t.database.raw<{ id: number; lookup_token: string }>(
      `select d.id, d.lookup_token from dossiers d where d.unit_id = $1 and d.return_method = 'POST'
        and d.status = 'RETURNED' and d.extended_due_at is null order by d.id limit 1`,
      [unit],
    );
    const detail = await env.w.agents.onestopA.get(`/api/dossiers/${posted!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['SUBMIT', 'RECEIVE', 'ASSIGN', 'RETURN']),
    );
    const shipments = await env.w.agents.onestopA.get(`/api/dossiers/${posted!.id}/shipments`);
    expect(shipments.json().items ?? shipments.json()).toHaveLength(1);
    const form = await env.w.agents.onestopA.get(`/api/public/dossiers/${posted!.lookup_token}/forms/01`);
    expect(form.statusCode, form.body.slice(0, 200)).toBe(200);
    const [extended] = await env.t.database.raw<{ lookup_token: string }>(
      'select lookup_token from dossiers where unit_id = $1 and extended_due_at is not null limit 1',
      [unit],
    );
    const apology = await env.w.agents.onestopA.get(`/api/public/dossiers/${extended!.lookup_token}/forms/04`);
    expect(apology.statusCode, apology.body.slice(0, 200)).toBe(200);

    // The leader's numbers over the past twelve months equal a recount written here from the rows themselves.
    const to = localParts(new Date()).day;
    const from = addDays(to, -365);
    const day = (col: string) => `(${col} at time zone 'Asia/Ho_Chi_Minh')::date between $2::date and $3::date`;
    const [recount] = await env.t.database.raw<Record<string, number>>(
      `select
        count(*) filter (where received_at is not null and ${day('received_at')})::int as "received",
        count(*) filter (where channel = 'ONLINE' and received_at is not null and ${day('received_at')})::int as "online",
        count(*) filter (where channel = 'IN_PERSON' and received_at is not null and ${day('received_at')})::int as "inPerson",
        count(*) filter (where channel = 'POSTAL' and received_at is not null and ${day('received_at')})::int as "postal",
        count(*) filter (where full_online_eligible and received_at is not null and ${day('received_at')})::int as "fullOnlineBase",
        count(*) filter (where full_online_eligible and channel = 'ONLINE' and received_at is not null and ${day('received_at')})::int as "fullOnline",
        count(*) filter (where digitized and received_at is not null and ${day('received_at')})::int as "digitized",
        count(*) filter (where resolved_at is not null and ${day('resolved_at')})::int as "resolved",
        count(*) filter (where on_time and resolved_at is not null and ${day('resolved_at')})::int as "onTime",
        count(*) filter (where rating is not null and ${day('rated_at')})::int as "rated",
        count(*) filter (where rating = 'SATISFIED' and ${day('rated_at')})::int as "satisfied",
        count(*) filter (where paid_at is not null and ${day('paid_at')})::int as "paid",
        count(*) filter (where paid_online and paid_at is not null and ${day('paid_at')})::int as "paidOnline",
        count(*) filter (where status in ('RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED') and due_at < now())::int as "overdueNow"
      from dossiers where unit_id = $1`,
      [unit, from, to],
    );
    const res = await env.w.agents.leaderA.get(`/api/indicators/onestop?unit=${unit}&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const { totals, months } = res.json();
    expect(Object.fromEntries([...countKeys, 'overdueNow'].map((k) => [k, totals[k]]))).toEqual(recount);
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(totals.onTimeRate.value).toBeGreaterThan(0.5);
    expect(totals.onTimeRate.value).toBeLessThan(1);
    expect(totals.satisfactionRate.value).toBeLessThan(1);
    // And the list under each number is that long.
    for (const key of ['received', 'onTime', 'satisfied', 'paidOnline'] as const) {
      const list = await env.w.agents.leaderA.get(
        `/api/dossiers?queue=all&unit=${unit}&indicator=${key}&from=${from}&to=${to}&limit=1`,
      );
      expect(list.json().total, key).toBe(recount![key]);
    }
  });
});
