import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ticketCode } from '../src/shared/feedback.js';
import { foldText } from '../src/shared/text.js';
import { buildApp } from '../src/server/app.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import { planTicket } from '../src/server/demo/feedback-plan.js';
import { createRandom } from '../src/server/demo/names.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { loadExceptions } from '../src/server/modules/calendar/calendar.repo.js';
import { addDays, localParts } from '../src/server/modules/calendar/working-days.js';
import { ensureCategories } from '../src/server/modules/feedback/feedback.settings.js';
import { insertUnit, type UnitRow } from '../src/server/modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../src/server/modules/users/users.repo.js';
import { copyIn, noJobs, openMigratedBench } from './db.js';
import { count, ms, now, percentile, table, timed } from './stats.js';

/**
 * Questions and reports at province scale (issue 16): a province year, 100,000 tickets over 33 communes, planned by
 * the demo's ticket life (feedback-plan.ts: accepted, rejected, late, extended, rated, reopened, published) and loaded
 * with COPY. Then, through the real app against each one's bare indexed query in the same run: an officer's queue,
 * the public "Hỏi đáp" page with a search, Open311 `requests.json` for a commune's 90 days, and the measures (a
 * commune-year, the province ranking, the indicators beside the dossiers'). A route that is not on this branch yet
 * is reported as such, its bare query still timed.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      tickets: { type: 'string', default: '100000' },
      communes: { type: 'string', default: '33' },
      db: { type: 'string', default: 'postgres' },
      rounds: { type: 'string', default: '200' },
    },
  });
  const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
  for (const kind of kinds)
    await benchOne(kind, Number(values.tickets), Number(values.communes), Number(values.rounds));
}

export const ticketColumns = [
  'code',
  'lookup_token',
  'commune_id',
  'unit_id',
  'category_id',
  'severity',
  'status',
  'channel',
  'title',
  'body',
  'publishable',
  'sender_name',
  'search_text',
  'assignee_id',
  'received_at',
  'accept_due_at',
  'accepted_at',
  'due_at',
  'extended_due_at',
  'answered_at',
  'closed_at',
  'on_time',
  'answer_working_minutes',
  'reject_reason',
  'answer',
  'answer_state',
  'published_at',
  'public_title',
  'public_body',
  'public_answer',
  'public_search',
  'rating',
  'rated_at',
  'reopen_count',
  'abuse_at',
  'updated_at',
];

const csvText = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
const csvTime = (v: Date | null) => (v ? v.toISOString() : '');
const csvBool = (v: boolean | null) => (v === null ? '' : v ? 't' : 'f');

export type Commune = UnitRow & { groups: number[]; categories: Map<string, number> };

/** A year of tickets as CSV chunks: commune i % n, spread over the year in order, each one's life planned to now. */
export async function* ticketChunks(
  database: Database,
  n: number,
  communes: Commune[],
  officer: { id: number; unitId: number },
  chunk = 20_000,
  /** Where each day's numbering starts: above a demo's own tickets of the same days (their codes stay unique). */
  numberFrom = 0,
) {
  const rnd = createRandom(16);
  const nowAt = new Date();
  const first = addDays(localParts(nowAt).day, -365);
  const exceptions = await loadExceptions(database.db, first, 420);
  const yearStart = new Date(`${first}T00:00:00+07:00`).getTime();
  const span = nowAt.getTime() - yearStart;
  const seq = new Map<string, number>();
  for (let start = 0; start < n; start += chunk) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const commune = communes[i % communes.length]!;
      // Office hours get most questions; evenings bring Zalo messages.
      const day = yearStart + Math.floor(((i / n) * span) / 86_400_000) * 86_400_000;
      const receivedAt = new Date(day + (6 + rnd.next() * 16) * 3_600_000);
      if (receivedAt > nowAt) continue;
      const t = planTicket(rnd, receivedAt, nowAt, exceptions);
      const localDay = localParts(receivedAt).day;
      const key = `${commune.id}:${localDay}`;
      const number = (seq.get(key) ?? numberFrom) + 1;
      seq.set(key, number);
      const code = ticketCode(localDay, number);
      const unitId = t.atGroup ? commune.groups[i % commune.groups.length]! : commune.id;
      const name = `Người dân ${i}`;
      const published = t.publishedAt !== null;
      const publicAnswer = published ? t.sample.answer : null;
      lines.push(
        [
          code,
          randomBytes(18).toString('base64url'),
          commune.id,
          unitId,
          commune.categories.get(t.sample.category)!,
          t.severity,
          t.status,
          t.channel,
          csvText(t.sample.title),
          csvText(t.sample.body),
          csvBool(t.publishable),
          csvText(name),
          csvText(foldText(`${code} ${t.sample.title} ${t.sample.body} ${name}`)),
          t.assigned && unitId === officer.unitId ? officer.id : '',
          csvTime(t.receivedAt),
          csvTime(t.acceptDueAt),
          csvTime(t.acceptedAt),
          csvTime(t.dueAt),
          csvTime(t.extendedDueAt),
          csvTime(t.answeredAt),
          csvTime(t.closedAt),
          csvBool(t.onTime),
          t.answerWorkingMinutes ?? '',
          csvText(t.rejectReason),
          csvText(t.answeredAt ? t.sample.answer : null),
          t.answerState ?? '',
          csvTime(t.publishedAt),
          csvText(published ? t.sample.title : null),
          csvText(published ? t.sample.publicBody : null),
          csvText(publicAnswer),
          csvText(published ? foldText(`${t.sample.title} ${t.sample.publicBody} ${publicAnswer}`) : null),
          t.rating ?? '',
          csvTime(t.ratedAt),
          t.reopenCount,
          csvTime(t.abuseAt),
          csvTime(t.events.at(-1)!.at),
        ].join(','),
      );
    }
    yield Buffer.from(`${lines.join('\n')}\n`);
  }
}

async function benchOne(kind: 'postgres' | 'pglite', n: number, communeCount: number, rounds: number) {
  console.log(`\n=== feedback on ${kind}: ${count(n)} tickets over ${communeCount} communes, a province year`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const db = database.db;
    const [province] = await queryRows<UnitRow>(db, sql`select * from units where tier = 'PROVINCE' and code = '31'`);
    const communes: Commune[] = [];
    for (let c = 0; c < communeCount; c++) {
      const unit = await insertUnit(db, {
        parent: province!,
        code: String(50000 + c),
        name: `Xã ${c + 1}`,
        kind: 'COMMUNE',
        tier: 'COMMUNE',
      });
      const groups: number[] = [];
      for (let g = 1; g <= 6; g++)
        groups.push(
          (await insertUnit(db, { parent: unit, code: `T${g}`, name: `Thôn ${g}`, kind: 'THON', tier: 'COMMUNITY' }))
            .id,
        );
      const categories = await db.transaction((tx) => ensureCategories(tx, unit.id));
      communes.push({ ...unit, groups, categories: new Map(categories.map((k) => [k.code, k.id])) });
    }
    const password = 'benchmark-password';
    const account = async (username: string, role: 'ONESTOP_OFFICER' | 'PROVINCE_OFFICER', unitId: number) => {
      const user = await insertUser(db, { username, fullName: username, passwordHash: await hashPassword(password) });
      await replaceRoles(db, user.id, [{ role, unitId }]);
      return user;
    };
    const officer = await account('officer', 'ONESTOP_OFFICER', communes[0]!.id);
    await account('province', 'PROVINCE_OFFICER', province!.id);

    let t0 = now();
    for await (const chunk of ticketChunks(database, n, communes, { id: officer.id, unitId: communes[0]!.id }))
      await copyIn(database, `tickets (${ticketColumns.join(', ')})`, chunk);
    const loadMs = now() - t0;
    // The journal and the day counters, set-based: a CREATED row each, and the status each ticket last moved to.
    t0 = now();
    await database.raw(`
      insert into ticket_events (ticket_id, at, kind, to_status, actor_kind, public)
      select id, received_at, 'CREATED', 'RECEIVED', 'CITIZEN', true from tickets
      union all
      select id, updated_at, 'STATUS', status, 'STAFF', true from tickets where status <> 'RECEIVED'`);
    await database.raw(`
      insert into ticket_sequences (commune_id, day, last)
      select commune_id, to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'), count(*)
      from tickets group by 1, 2`);
    const eventsMs = now() - t0;
    await database.raw('vacuum (analyze)');
    const [{ tickets: loaded }] = (await database.raw<{ tickets: number }>(
      'select count(*)::int as tickets from tickets',
    )) as [{ tickets: number }];
    results.push({
      measure: `load ${count(loaded)} tickets (COPY)`,
      value: ms(loadMs),
      rate: `${count(Math.round(loaded / (loadMs / 1000)))} rows/s`,
      ratio: '',
    });
    results.push({ measure: 'journal and day counters (set-based)', value: ms(eventsMs), rate: '', ratio: '' });

    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return String(res.cookies.find((c) => c.name === 'ketnoi_session')!.value);
    };
    /** The route's samples, or null when it is not on this branch (404 on its first call). */
    const timeApi = async (cookie: string | null, urls: string[], times = rounds) => {
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const url = urls[i % urls.length]!;
        const start = now();
        const res = await app.inject({
          method: 'GET',
          url,
          ...(cookie ? { cookies: { ketnoi_session: cookie } } : {}),
        });
        samples.push(now() - start);
        if (i === 0 && res.statusCode === 404) return null;
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return samples;
    };
    const row = (measure: string, target: number | null, api: number[] | null, bare: number[]) => {
      const p95 = api ? percentile(api, 95) : null;
      results.push({
        measure: `${measure}: API p50 / p95`,
        value: api ? `${ms(percentile(api, 50))} / ${ms(p95!)}` : 'route not on this branch',
        rate: target === null ? '' : `target p95 ≤ ${target} ms${p95 !== null && p95 > target ? ' (over)' : ''}`,
        ratio: api ? `${(p95! / percentile(bare, 95)).toFixed(1)}× bare p95` : '',
      });
      results.push({
        measure: `${measure}: bare query p50 / p95`,
        value: `${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`,
        rate: '',
        ratio: '1.0',
      });
    };

    const commune = communes[0]!;
    const [{ open: openCount }] = (await database.raw<{ open: number }>(
      `select count(*)::int as open from tickets where commune_id = $1 and status not in ('REJECTED','ANSWERED','CLOSED')
         and merged_into_id is null and abuse_at is null`,
      [commune.id],
    )) as [{ open: number }];
    console.log(`  commune ${commune.code}: ${count(Math.round(loaded / communeCount))} tickets, ${openCount} open`);

    // 1. An officer's queue: the open tickets of the commune and its groups, soonest deadline first, with the total.
    const officerCookie = await login('officer');
    const queueApi = await timeApi(officerCookie, ['/api/feedback/tickets?view=open']);
    const queueBare = await timed(rounds, async () => {
      const where = `t.unit_id in (select u.id from units u where u.path like $1)
        and t.status not in ('REJECTED','ANSWERED','CLOSED') and t.merged_into_id is null and t.abuse_at is null`;
      await database.raw(
        `select t.id, t.code, t.title, t.status, t.severity, t.channel, t.received_at, t.due_at, t.extended_due_at,
           t.assignee_id, t.version from tickets t where ${where}
         order by coalesce(t.extended_due_at, t.due_at), t.id limit 25`,
        [`${commune.path}%`],
      );
      await database.raw(`select count(*)::int from tickets t where ${where}`, [`${commune.path}%`]);
    });
    row('officer queue (view=open, one commune)', 30, queueApi, queueBare);
    if (kind === 'postgres') {
      // The queue's plan, to read with the figures (it should start from tickets_open_due_idx).
      const plan = await database.raw<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) select t.id from tickets t
         where t.unit_id in (select u.id from units u where u.path like $1)
           and t.status not in ('REJECTED','ANSWERED','CLOSED') and t.merged_into_id is null and t.abuse_at is null
         order by coalesce(t.extended_due_at, t.due_at), t.id limit 25`,
        [`${commune.path}%`],
      );
      console.log(plan.map((p) => `    ${p['QUERY PLAN']}`).join('\n'));
    }

    // 2. "Hỏi đáp": a commune's published questions, searched without accents, newest first.
    const searches = ['rac thai', 'den duong', 'khai sinh', 'vneid', 'karaoke', 'o ga', ''];
    const qaApi = await timeApi(
      null,
      searches.map((q) => `/api/public/communes/${commune.code}/qa${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    );
    let s = 0;
    const qaBare = await timed(rounds, () => {
      const q = searches[s++ % searches.length]!;
      return database.raw(
        `select id, code, public_title, left(public_answer, 300), category_id, published_at from tickets
         where commune_id = $1 and published_at is not null and abuse_at is null
           and ($2 = '' or public_search like '%' || $2 || '%')
         order by published_at desc, id desc limit 20`,
        [commune.id, q],
      );
    });
    row('"Hỏi đáp" with search (one commune)', 50, qaApi, qaBare);

    // 3. Open311 requests.json for a commune: its published requests of the last 90 days (the spec's default window).
    const o311Api = await timeApi(null, [`/open311/v2/requests.json?jurisdiction_id=${commune.code}`]);
    const o311Bare = await timed(rounds, () =>
      database.raw(
        `select id, code, status, category_id, public_title, public_body, public_answer, received_at, updated_at,
           closed_at, due_at, address, lat, lng from tickets
         where commune_id = $1 and received_at >= now() - interval '90 days' and published_at is not null
           and abuse_at is null order by received_at desc limit 1000`,
        [commune.id],
      ),
    );
    row('Open311 requests.json (one commune, 90 days)', 50, o311Api, o311Bare);

    // 4. The measures (from feedback_daily_stats, kept by the tickets' triggers; open and overdue now live): a
    // commune-year, the province's ranking, and the one-stop indicators that carry the feedback rates. The bare query
    // is still the one-pass count over the tickets, so the ratio says what the stats table saves.
    const provinceCookie = await login('province');
    const to = localParts(new Date()).day;
    const from = addDays(to, -365);
    const countsBare = (communeId: number | null) =>
      database.raw(
        `select count(*) filter (where received_at >= $2::date), count(*) filter (where answered_at >= $2::date),
           count(*) filter (where answered_at >= $2::date and on_time), count(*) filter (where rated_at >= $2::date),
           count(*) filter (where rating = 'SATISFIED' and rated_at >= $2::date)
         from tickets where ($1::int is null or commune_id = $1) and abuse_at is null and merged_into_id is null
           and received_at >= $2::date - 60`,
        [communeId, from],
      );
    const statsApi = await timeApi(
      provinceCookie,
      communes.map((c) => `/api/feedback/stats?unit=${c.id}&from=${from}&to=${to}&groupBy=month`),
      Math.min(rounds, 100),
    );
    row('measures, commune-year', null, statsApi, await timed(Math.min(rounds, 100), () => countsBare(commune.id)));
    const rankingApi = await timeApi(
      provinceCookie,
      [`/api/feedback/ranking?provinceId=${province!.id}&from=${from}&to=${to}&by=onTimeRate`],
      30,
    );
    row('province ranking, year', null, rankingApi, await timed(30, () => countsBare(null)));
    const indicatorsApi = await timeApi(
      provinceCookie,
      [`/api/indicators/onestop?unit=${province!.id}&from=${from}&to=${to}`],
      30,
    );
    row('indicators with feedback, province-year', null, indicatorsApi, await timed(30, () => countsBare(null)));
    await app.close();
    table(results);
  } finally {
    await database.close();
    await drop();
  }
}
