import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { inArray, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { queryRows } from '../src/server/db/client.js';
import { createCampaign, recount } from '../src/server/modules/campaigns/campaigns.service.js';
import { copyIn, demoProvince, noJobs, openMigratedBench } from './db.js';
import { ms, now, percentile, table, timed, count, times } from './stats.js';

/**
 * One VNeID campaign over the demo province (`--residents`, 1M by default): starting it (targets snapshotted in every
 * commune), the drill-down province → communes → groups, a group's households-left list, and a device uploading
 * 10,000 visits in batches and then all of them again — each against a bare query or COPY on the same data.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { residents: { type: 'string', default: '1000000' }, db: { type: 'string', default: 'postgres' } },
  });
  const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
  for (const kind of kinds) await benchOne(kind, Number(values.residents));
}

async function benchOne(kind: 'postgres' | 'pglite', n: number) {
  console.log(`\n=== campaigns on ${kind}: ${n.toLocaleString('en')} residents`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const { province, admin, scope, actor } = await demoProvince(database, cipher, n, 'campaign.manage');
    const db = database.db;
    let t0 = now();

    // 1. Start a province campaign: every commune's targets snapshotted from the registry.
    t0 = now();
    const made = await createCampaign(
      database,
      scope,
      { kind: 'VNEID_L2', unitId: province.id, startsOn: '2026-11-01', deadline: '2026-12-31' },
      admin.id,
      actor,
    );
    const createMs = now() - t0;
    await database.raw('analyze campaign_targets; analyze campaign_unit_counts');
    t0 = now();
    await database.raw(
      `select count(*) from residents r join household_members m on m.resident_id = r.id and m.left_on is null
       where r.vneid_level <> 'L2' and r.birth_date <= current_date - interval '14 years'`,
    );
    const bareSelect = now() - t0;
    results.push({
      measure: `start a province campaign: ${made.targets.toLocaleString('en')} targets in ${made.communes} communes`,
      value: ms(createMs),
      ratio: `bare count of the same people ${ms(bareSelect)} (${(createMs / bareSelect).toFixed(1)}×)`,
    });

    // Half-way through: 45 % done over the last three weeks, then the per-unit counts brought up to date.
    const holders = (
      await queryRows<{ id: number }>(db, sql`select id from campaigns where parent_id = ${made.id}`)
    ).map((r) => r.id);
    await database.raw(
      `update campaign_targets
       set done_at = now() - (random() * interval '21 days'), last_outcome = 'VNEID_L2_ACTIVATED'
       where random() < 0.45`,
    );
    await db.transaction(async (tx) => recount(tx, holders));
    await database.raw('analyze campaign_targets; analyze campaign_unit_counts');

    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'benchmark-password' },
    });
    const session = { ketnoi_session: String(login.cookies.find((c) => c.name === 'ketnoi_session')!.value) };
    const csrf = login.json().csrfToken as string;
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, cookies: session });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
      return res;
    };

    // 2. The drill-down: province → communes, a commune → its groups, a group → its alleys.
    const [commune] = await queryRows<{ id: number }>(
      db,
      sql`select u.id from units u
       where u.tier = 'COMMUNE' and u.path like ${`${province.path}%`} order by u.id limit 1`,
    );
    const [group] = await queryRows<{ id: number }>(
      db,
      sql`select g.id from units g join campaign_targets t on t.group_id = g.id where g.parent_id = ${commune!.id}
       group by g.id order by count(*) desc limit 1`,
    );
    const bareAggregate = await timed(50, () =>
      database.raw(
        `select campaign_id, count(*), count(done_at) from campaign_targets
         where campaign_id = any($1) and removed_on is null group by campaign_id`,
        [holders],
      ),
    );
    for (const [level, url] of [
      ['province → communes', `/api/campaigns/${made.id}/progress`],
      ['commune → groups', `/api/campaigns/${made.id}/progress?unitId=${commune!.id}`],
      ['group → alleys', `/api/campaigns/${made.id}/progress?unitId=${group!.id}`],
    ] as const) {
      const bareP95 = percentile(bareAggregate, 95);
      await get(url);
      const samples = await timed(100, () => get(url));
      results.push({
        measure: `drill-down ${level}: API p50 / p95`,
        value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`,
        ratio: `bare province aggregate over the targets p95 ${ms(bareP95)} (${times(percentile(samples, 95), bareP95, 2)})`,
      });
    }

    // 3. A group's households left.
    const leftUrl = `/api/campaigns/${made.id}/left?unitId=${group!.id}&limit=50`;
    const leftCount = (await get(leftUrl)).json().items.length as number;
    const left = await timed(100, () => get(leftUrl));
    const [part] = await queryRows<{ id: number }>(
      db,
      sql`select id from campaigns where parent_id = ${made.id} and unit_id = ${commune!.id}`,
    );
    const bareLeft = await timed(100, () =>
      database.raw(
        `select household_id, count(*) from campaign_targets
         where campaign_id = $1 and group_id = $2 and done_at is null and removed_on is null group by household_id
         limit 51`,
        [part!.id, group!.id],
      ),
    );
    results.push({
      measure: `households left in a group (${leftCount} of a page of 50): API p50 / p95`,
      value: `${ms(percentile(left, 50))} / ${ms(percentile(left, 95))}`,
      ratio: `bare grouped query p95 ${ms(percentile(bareLeft, 95))} (${times(percentile(left, 95), percentile(bareLeft, 95))})`,
    });

    // 4. A device uploads 10,000 visits in batches of 500, then (its answers lost) all of them again.
    const open = await queryRows<{ household_id: number; resident_id: number; version: number; rversion: number }>(
      db,
      sql`
      select distinct on (t.household_id) t.household_id, t.resident_id, h.version, r.version as rversion
      from campaign_targets t
        join households h on h.id = t.household_id
        join residents r on r.id = t.resident_id
      where ${inArray(sql`t.campaign_id`, holders)} and t.done_at is null and t.removed_on is null
      order by t.household_id limit 10000`,
    );
    const start = Date.parse('2026-11-20T08:00:00+07:00');
    const visits = open.map((t, i) => ({
      id: randomUUID(),
      householdId: t.household_id,
      baseVersion: t.version,
      visitedAt: new Date(start + i * 1000).toISOString(),
      outcome: i % 3 === 0 ? 'NOT_HOME' : 'NEEDS_POLICE_VISIT',
      ...(i % 3 === 0 ? { bestTime: 'Sau 19 giờ' } : {}),
      // One in ten activated on the spot: the VNeID level written back to the registry.
      people:
        i % 10 === 0
          ? [{ residentId: t.resident_id, outcome: 'VNEID_L2_ACTIVATED', version: t.rversion, vneidLevel: 'L2' }]
          : [],
    }));
    const upload = async () => {
      const counts: Record<string, number> = {};
      for (let i = 0; i < visits.length; i += 500) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/campaigns/${made.id}/visits`,
          cookies: session,
          headers: { 'x-csrf-token': csrf },
          payload: { visits: visits.slice(i, i + 500) },
        });
        if (res.statusCode !== 200) throw new Error(res.body);
        for (const r of res.json().results as { status: string }[]) counts[r.status] = (counts[r.status] ?? 0) + 1;
      }
      return counts;
    };
    t0 = now();
    const first = await upload();
    const syncMs = now() - t0;
    t0 = now();
    const again = await upload();
    const resendMs = now() - t0;
    const [stored] = await queryRows<{ n: number; distinct: number }>(
      db,
      sql`select count(*)::int as n, count(distinct id)::int as distinct from campaign_visits
       where ${inArray(sql`campaign_id`, holders)}`,
    );
    await database.raw(
      `create table visit_probe (id uuid, campaign_id int, household_id int, recorded_by int,
         visited_at timestamptz, outcome text, best_time text, people jsonb, base_version int, status text)`,
    );
    const csv = visits
      .map((v) =>
        [
          v.id,
          holders[0],
          v.householdId,
          admin.id,
          v.visitedAt,
          v.outcome,
          v.bestTime ?? '',
          `"${JSON.stringify(v.people).replace(/"/g, '""')}"`,
          v.baseVersion,
          'APPLIED',
        ].join(','),
      )
      .join('\n');
    t0 = now();
    await copyIn(database, 'visit_probe', Buffer.from(`${csv}\n`));
    const copyMs = now() - t0;
    results.push({
      measure: `sync ${visits.length.toLocaleString('en')} visits in batches of 500 (${JSON.stringify(first)})`,
      value: ms(syncMs),
      ratio: `COPY of the same rows into a bare table ${ms(copyMs)} (${(syncMs / copyMs).toFixed(1)}×)`,
    });
    results.push({
      measure: `the same upload again (${JSON.stringify(again)}); stored ${count(stored!.n)} rows, ${count(stored!.distinct)} distinct`,
      value: ms(resendMs),
      ratio: `duplicates stored: ${stored!.n - visits.length}`,
    });
    await app.close();
    table(results);
  } finally {
    await database.close();
    await drop();
  }
}
