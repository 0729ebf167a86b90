import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { monthOf, previousPeriod } from '../src/shared/scorecards.js';
import { buildApp } from '../src/server/app.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { freezeMonth, refreshValues } from '../src/server/modules/scorecards/scorecards.compute.js';
import { ensureCategories } from '../src/server/modules/feedback/feedback.settings.js';
import type { UnitRow } from '../src/server/modules/units/units.repo.js';
import { copyIn, noJobs, openMigratedBench } from './db.js';
import { type Commune, ticketChunks, ticketColumns } from './feedback.js';
import { dossierChunks, dossierColumns } from './onestop.js';
import { count, ms, now, percentile, table, timed } from './stats.js';

/**
 * Scorecards at province scale (issue 17): the demo province with a million residents over 33 communes, its
 * current month computed and last month frozen by the demo itself. Then, each against its physical limit in the same
 * run: the dashboard of the province (every commune × every indicator) and of a commune (its groups) through the real
 * app, against the bare SQL over scorecard_values that reads the same cells and against a bare Fastify route running
 * that SQL (what the framework alone costs); the whole-province monthly snapshot (freezeMonth: the last refresh and
 * the freeze) against a bare `insert … select` of as many rows; and the hourly refresh of the open month.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: 'string', default: '1000000' },
      db: { type: 'string', default: 'postgres' },
      rounds: { type: 'string', default: '100' },
      dossiers: { type: 'string', default: '3000000' },
      tickets: { type: 'string', default: '100000' },
    },
  });
  const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
  for (const kind of kinds)
    await benchOne(kind, Number(values.residents), Number(values.rounds), {
      dossiers: Number(values.dossiers),
      tickets: Number(values.tickets),
    });
}

/** A unit's cells and its children's for a month and the one before: what a dashboard shows, nothing else. */
const bareCells = (database: Database, unitId: number, period: string) =>
  database.raw(
    `select v.unit_id, v.indicator_id, v.numerator, v.denominator, v.value, v.computed_at, v.frozen_at,
       p.value as previous
     from units u
     join scorecard_values v on v.unit_id = u.id and v.period = $2
     left join scorecard_values p on p.unit_id = v.unit_id and p.indicator_id = v.indicator_id and p.period = $3
     where u.id = $1 or u.parent_id = $1`,
    [unitId, period, previousPeriod(period)],
  );

/**
 * The issue's province-year on top of the demo: a year of dossiers and of questions over its communes, loaded by COPY
 * as the one-stop and feedback benches load them (their generators), the dossiers' day counters rebuilt after.
 */
async function loadYear(database: Database, volume: { dossiers: number; tickets: number }) {
  const db = database.db;
  const communes = await queryRows<UnitRow>(db, sql`select * from units where tier = 'COMMUNE' order by id`);
  const [officer] = await queryRows<{ id: number; unitId: number }>(
    db,
    sql`select x.id, r.unit_id as "unitId" from users x join role_assignments r on r.user_id = x.id
        where x.username = 'motcua'`,
  );
  const procedureIds = (
    await queryRows<{ id: number }>(db, sql`select id from procedures where status = 'PUBLISHED'`)
  ).map((r) => r.id);
  await database.raw('alter table dossiers disable trigger dossiers_stats_insert');
  for (const chunk of dossierChunks(volume.dossiers, communes, procedureIds, officer!, Date.now() - 365 * 86400_000))
    await copyIn(database, `dossiers (${dossierColumns})`, chunk);
  await database.raw('alter table dossiers enable trigger dossiers_stats_insert');
  await database.raw('select rebuild_dossier_daily_stats()');
  const withGroups: Commune[] = [];
  for (const commune of communes) {
    const groups = await queryRows<{ id: number }>(
      db,
      sql`select id from units where parent_id = ${commune.id} and tier = 'COMMUNITY' order by id limit 6`,
    );
    const categories = await db.transaction((tx) => ensureCategories(tx, commune.id));
    withGroups.push({
      ...commune,
      groups: groups.length ? groups.map((g) => g.id) : [commune.id],
      categories: new Map(categories.map((k) => [k.code, k.id])),
    });
  }
  for await (const chunk of ticketChunks(database, volume.tickets, withGroups, officer!, 20_000, 5000))
    await copyIn(database, `tickets (${ticketColumns.join(', ')})`, chunk);
}

async function benchOne(
  kind: 'postgres' | 'pglite',
  residents: number,
  rounds: number,
  volume: { dossiers: number; tickets: number },
) {
  console.log(`\n=== indicators on ${kind}: the demo province with ${count(residents)} residents`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const db = database.db;
    const password = 'benchmark-password';
    let t0 = now();
    const demo = await seedDemo(database, cipher, { residents, seed: 11, password, log: (l) => console.log(l) });
    const buildMs = now() - t0;
    t0 = now();
    await loadYear(database, volume);
    const yearMs = now() - t0;
    await database.raw('vacuum (analyze)');
    // The demo computed its months before the year's dossiers and questions arrived: the open month again, over them.
    await db.transaction(async (tx) => {
      const [p] = await queryRows<{ id: number }>(
        tx,
        sql`select id from units where tier = 'PROVINCE' and code = '31'`,
      );
      await refreshValues(tx, p!.id, monthOf(new Date()));
    });
    const [province] = await queryRows<{ id: number; path: string }>(
      db,
      sql`select id, path from units where tier = 'PROVINCE' and code = '31'`,
    );
    const [commune] = await queryRows<{ id: number; code: string }>(
      db,
      sql`select u.id, u.code from units u join role_assignments r on r.unit_id = u.id join users x on x.id = r.user_id
          where x.username = 'lanhdao'`,
    );
    const current = monthOf(new Date());
    const [shape] = await queryRows<{ units: number; indicators: number; values: number }>(
      db,
      sql`select count(distinct unit_id)::int as units, count(distinct indicator_id)::int as indicators,
            count(*)::int as values from scorecard_values where period = ${current}`,
    );
    console.log(
      `  ${demo.communes} communes, ${count(demo.residents)} residents; ${current}: ${count(shape!.values)} values ` +
        `(${shape!.units} units × ${shape!.indicators} indicators)`,
    );
    results.push({
      measure: `demo build (${demo.communes} communes, scorecards included)`,
      value: ms(buildMs),
      rate: '',
      ratio: '',
    });
    results.push({
      measure: `load a year: ${count(volume.dossiers)} dossiers and ${count(volume.tickets)} questions (COPY)`,
      value: ms(yearMs),
      rate: '',
      ratio: '',
    });

    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return String(res.cookies.find((c) => c.name === 'ketnoi_session')!.value);
    };
    /** The route's samples, or null when it is not on this branch (404 on its first call). */
    const timeApi = async (cookie: string, url: string) => {
      const samples: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = now();
        const res = await app.inject({ method: 'GET', url, cookies: { ketnoi_session: cookie } });
        samples.push(now() - start);
        if (i === 0 && res.statusCode === 404) return null;
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return samples;
    };
    // The framework's floor: Fastify with the same bare query and nothing else (no session, schema, scope, lights).
    const bare = Fastify();
    bare.get<{ Querystring: { unit: string } }>('/bare', async (req) => ({
      cells: await bareCells(database, Number(req.query.unit), current),
    }));
    await bare.ready();
    const timeBareRoute = (unitId: number) =>
      timed(rounds, () => bare.inject({ method: 'GET', url: `/bare?unit=${unitId}` }));
    const p = (s: number[]) => `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))}`;
    const dashboard = async (label: string, cookie: string, unitId: number) => {
      // Warm: plans cached, JIT done, on all three.
      await timeApi(cookie, `/api/scorecards/dashboard?unit=${unitId}&period=${current}`);
      const api = await timeApi(cookie, `/api/scorecards/dashboard?unit=${unitId}&period=${current}`);
      const sqlOnly = await timed(rounds, () => bareCells(database, unitId, current));
      const route = await timeBareRoute(unitId);
      const floor = percentile(sqlOnly, 95);
      results.push({
        measure: `${label}: API p50 / p95`,
        value: api ? p(api) : 'route not on this branch',
        rate: '',
        ratio: api ? `${(percentile(api, 95) / floor).toFixed(1)}× bare SQL p95` : '',
      });
      results.push({
        measure: `${label}: bare Fastify route p50 / p95`,
        value: p(route),
        rate: '',
        ratio: `${(percentile(route, 95) / floor).toFixed(1)}×`,
      });
      results.push({ measure: `${label}: bare SQL p50 / p95`, value: p(sqlOnly), rate: '', ratio: '1.0' });
    };
    await dashboard('province dashboard (communes × indicators)', await login('tinh'), province!.id);
    await dashboard('commune dashboard (groups × indicators)', await login('lanhdao'), commune!.id);
    await bare.close();
    await app.close();

    // The hourly refresh of the open month, run again over what the demo computed (it rewrites every row).
    t0 = now();
    const refreshed = await db.transaction((tx) => refreshValues(tx, province!.id, current));
    const refreshMs = now() - t0;
    // The monthly snapshot of a month nobody computed yet (two months back): its last refresh and the freeze.
    const month = previousPeriod(previousPeriod(current));
    t0 = now();
    const frozen = await freezeMonth(database, province!.id, month);
    const freezeMs = now() - t0;
    // The limit: writing as many rows in one statement, from rows already there (no computing at all).
    await database.raw('create table bench_values (like scorecard_values including defaults)');
    t0 = now();
    await database.raw(
      `insert into bench_values (unit_id, indicator_id, period, numerator, denominator, value, computed_at, frozen_at)
       select unit_id, indicator_id, $1, numerator, denominator, value, now(), now()
       from scorecard_values where period = $2 limit $3`,
      [month, current, frozen.values],
    );
    const insertMs = now() - t0;
    results.push({
      measure: `refresh ${current} (province, ${count(refreshed.values)} values)`,
      value: ms(refreshMs),
      rate: `${count(Math.round(refreshed.values / (refreshMs / 1000)))} values/s`,
      ratio: `${(refreshMs / insertMs).toFixed(1)}× bare insert`,
    });
    results.push({
      measure: `snapshot ${month} (freezeMonth, ${count(frozen.values)} values)`,
      value: ms(freezeMs),
      rate: `${count(Math.round(frozen.values / (freezeMs / 1000)))} values/s`,
      ratio: `${(freezeMs / insertMs).toFixed(1)}× bare insert`,
    });
    results.push({
      measure: `bare insert … select of ${count(frozen.values)} rows (limit)`,
      value: ms(insertMs),
      rate: '',
      ratio: '1.0',
    });
    table(results);
  } finally {
    await database.close();
    await drop();
  }
}
