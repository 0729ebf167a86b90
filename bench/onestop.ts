import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { queryRows } from '../src/server/db/client.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { insertUnit, type UnitRow } from '../src/server/modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../src/server/modules/users/users.repo.js';
import { copyIn, noJobs, openMigratedBench } from './db.js';
import { ms, now, percentile, table, timed } from './stats.js';

/**
 * One-stop shop at province scale: a year of dossiers (3M over 100 communes by default) loaded with COPY, then
 * work-queue listing and indicator latency through the real API against the bare indexed queries, and the public
 * status page's requests/s against a bare Fastify route, both under the same HTTP load from another process.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      dossiers: { type: 'string', default: '3000000' },
      communes: { type: 'string', default: '100' },
      db: { type: 'string', default: 'postgres' },
      seconds: { type: 'string', default: '8' },
    },
  });
  const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
  for (const kind of kinds)
    await benchOne(kind, Number(values.dossiers), Number(values.communes), Number(values.seconds));
}

/** Statuses as a commune's year looks: recent dossiers at every step, older ones finished, a few left behind. */
const recentStatuses = [
  'RETURNED',
  'RETURNED',
  'RESOLVED',
  'PROCESSING',
  'PROCESSING',
  'RECEIVED',
  'NEW',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUESTED',
];
const finishedStatuses = [
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'RETURNED',
  'REFUSED',
  'WITHDRAWN',
];
const channels = ['ONLINE', 'ONLINE', 'ONLINE', 'IN_PERSON', 'IN_PERSON', 'POSTAL'];
const ratings = ['SATISFIED', 'SATISFIED', 'SATISFIED', 'ACCEPTABLE', 'UNSATISFIED', ''];

/** The columns dossierChunks writes, in its order. */
export const dossierColumns = [
  'code, lookup_token, unit_id, procedure_id, channel, status, applicant_name, search_text, return_method',
  'fee_amount, paid_at, paid_online, full_online_eligible, digitized, submitted_at, received_at, due_at',
  'resolved_at, on_time, assignee_id, rating, rated_at',
].join(', ');

/** A year of dossiers as CSV, in chunks (the whole year at once would not fit comfortably in memory). */
export function* dossierChunks(
  n: number,
  communes: UnitRow[],
  procedureIds: number[],
  officer: { id: number; unitId: number },
  yearStart: number,
  chunk = 100_000,
): Generator<Buffer> {
  let rand = 42;
  const next = () => {
    rand = (rand * 1103515245 + 12345) & 0x7fffffff;
    return rand / 0x7fffffff;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const perCommune = new Map<number, number>();
  const year = 365 * 86400_000;
  for (let start = 0; start < n; start += chunk) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const unit = communes[i % communes.length]!;
      const seq = (perCommune.get(unit.id) ?? 0) + 1;
      perCommune.set(unit.id, seq);
      const submitted = new Date(yearStart + Math.floor((i / n) * year) + Math.floor(next() * 3600_000));
      const ageDays = (Date.now() - submitted.getTime()) / 86400_000;
      // Half a percent of old dossiers are still open: the overdue ones a commune has to chase.
      const status =
        ageDays < 20
          ? pick(recentStatuses)
          : next() < 0.005
            ? pick(['PROCESSING', 'RECEIVED'])
            : pick(finishedStatuses);
      const channel = pick(channels);
      const received = status === 'NEW' ? '' : new Date(submitted.getTime() + 3600_000).toISOString();
      const due = received
        ? new Date(submitted.getTime() + (1 + Math.floor(next() * 10)) * 86400_000).toISOString()
        : '';
      const resolvedAt =
        status === 'RESOLVED' || status === 'RETURNED'
          ? new Date(submitted.getTime() + Math.floor(next() * 9) * 86400_000).toISOString()
          : '';
      const onTime = resolvedAt ? (resolvedAt <= due ? 't' : 'f') : '';
      const rating = status === 'RETURNED' ? pick(ratings) : '';
      const paid = resolvedAt && next() < 0.5 ? resolvedAt : '';
      const code = `${unit.code}-${String(seq).padStart(7, '0')}`;
      lines.push(
        [
          code,
          randomBytes(18).toString('base64url'),
          unit.id,
          pick(procedureIds),
          channel,
          status,
          `Nguoi Nop ${i}`,
          `${code.toLowerCase()} nguoi nop ${i}`,
          'COUNTER',
          10000,
          paid,
          paid && channel === 'ONLINE' ? 't' : 'f',
          't',
          next() < 0.7 ? 't' : 'f',
          submitted.toISOString(),
          received,
          due,
          resolvedAt,
          onTime,
          unit.id === officer.unitId && ['PROCESSING', 'RESOLVED'].includes(status) ? officer.id : '',
          rating,
          // Rated on the day it was resolved: the indicators count a rating on the day of the rating.
          rating ? resolvedAt : '',
        ].join(','),
      );
    }
    yield Buffer.from(`${lines.join('\n')}\n`);
  }
}

/** autocannon (32 connections) in a child process, so the load generator does not share the server's event loop. */
function load(
  url: string,
  paths: string[],
  seconds: number,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const runner = fileURLToPath(new URL('./load-runner.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, JSON.stringify({ url, paths, seconds })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load runner exited with ${code}`)),
    );
  });
}

async function benchOne(kind: 'postgres' | 'pglite', n: number, communeCount: number, seconds: number) {
  console.log(`\n=== onestop on ${kind}: ${n.toLocaleString('en')} dossiers over ${communeCount} communes`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const db = database.db;
    const [province] = await queryRows<UnitRow>(db, sql`select * from units where tier = 'PROVINCE' and code = '31'`);
    const communes: UnitRow[] = [];
    for (let c = 0; c < communeCount; c++)
      communes.push(
        await insertUnit(db, {
          parent: province!,
          code: String(40000 + c),
          name: `Xã ${c + 1}`,
          kind: 'COMMUNE',
          tier: 'COMMUNE',
        }),
      );
    const password = 'benchmark-password';
    const account = async (username: string, role: 'ONESTOP_OFFICER' | 'PROVINCE_OFFICER', unitId: number) => {
      const user = await insertUser(db, { username, fullName: username, passwordHash: await hashPassword(password) });
      await replaceRoles(db, user.id, [{ role, unitId }]);
      return user;
    };
    const officer = await account('officer', 'ONESTOP_OFFICER', communes[0]!.id);
    await account('province', 'PROVINCE_OFFICER', province!.id);
    const procedureIds = (
      await queryRows<{ id: number }>(db, sql`select id from procedures where status = 'PUBLISHED'`)
    ).map((r) => r.id);

    // Load a year with triggers off, then build the stats in one pass (what an initial migration of history does).
    // The twelve months up to now: old dossiers finished, recent ones still moving.
    const yearStart = Date.now() - 365 * 86400_000;
    let t0 = now();
    await database.raw('alter table dossiers disable trigger dossiers_stats_insert');
    for (const chunk of dossierChunks(
      n,
      communes,
      procedureIds,
      { id: officer.id, unitId: communes[0]!.id },
      yearStart,
    ))
      await copyIn(database, `dossiers (${dossierColumns})`, chunk);
    await database.raw('alter table dossiers enable trigger dossiers_stats_insert');
    const loadMs = now() - t0;
    t0 = now();
    await database.raw('select rebuild_dossier_daily_stats()');
    const statsMs = now() - t0;
    await database.raw('vacuum (analyze)');
    results.push({
      measure: 'load a year of dossiers (COPY, 8 indexes)',
      value: ms(loadMs),
      rate: `${Math.round(n / (loadMs / 1000)).toLocaleString('en')} rows/s`,
      ratio: '',
    });
    results.push({ measure: 'rebuild the daily stats from all dossiers', value: ms(statsMs), rate: '', ratio: '' });

    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return String(res.cookies.find((c) => c.name === 'ketnoi_session')!.value);
    };
    const timeApi = async (cookie: string, urls: string[], rounds = 200) => {
      const samples: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const url = urls[i % urls.length]!;
        const start = now();
        const res = await app.inject({ method: 'GET', url, cookies: { ketnoi_session: cookie } });
        samples.push(now() - start);
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return samples;
    };
    const timeBare = (query: () => Promise<unknown>, rounds = 200) => timed(rounds, query);
    const row = (measure: string, api: number[], bare: number[]) => {
      results.push({
        measure: `${measure}: API p50 / p95`,
        value: `${ms(percentile(api, 50))} / ${ms(percentile(api, 95))}`,
        rate: `${api.length} requests`,
        ratio: `${(percentile(api, 95) / percentile(bare, 95)).toFixed(1)}× bare p95`,
      });
      results.push({
        measure: `${measure}: bare query p50 / p95`,
        value: `${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`,
        rate: '',
        ratio: '1.0',
      });
    };

    // 1. Work queues of one commune (~30,000 dossiers a year).
    const officerCookie = await login('officer');
    const unit = communes[0]!.id;
    const queues = ['to_receive', 'overdue', 'due_soon', 'mine', 'supplement', 'to_return', 'all'];
    const perQueue: number[][] = [];
    for (const q of queues) perQueue.push(await timeApi(officerCookie, [`/api/dossiers?queue=${q}&unit=${unit}`], 60));
    const queueApi = perQueue.flat();
    console.log(
      `  work queue p95 by queue: ${queues.map((q, i) => `${q} ${ms(percentile(perQueue[i]!, 95))}`).join(', ')}`,
    );
    const queueBare = await timeBare(() =>
      database.raw(
        `select id from dossiers where unit_id = $1 and status = 'NEW' order by submitted_at desc, id desc limit 26`,
        [unit],
      ),
    );
    row('work queue (7 queues, one commune)', queueApi, queueBare);

    // 2. Indicators: a commune-year and the province-year.
    const provinceCookie = await login('province');
    const [from, to] = [new Date(yearStart).toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)];
    const period = `from=${from}&to=${to}`;
    const communeApi = await timeApi(
      provinceCookie,
      communes.slice(0, 20).map((c) => `/api/indicators/onestop?unit=${c.id}&${period}`),
      100,
    );
    const statsBare = (unitId: number) =>
      database.raw(
        `select sum(received), sum(online), sum(on_time), sum(resolved) from dossier_daily_stats
         where unit_id = $1 and day between $2 and $3`,
        [unitId, from, to],
      );
    row('indicators, commune-year', communeApi, await timeBare(() => statsBare(unit), 100));
    const provinceApi = await timeApi(provinceCookie, [`/api/indicators/onestop?unit=${province!.id}&${period}`], 50);
    const provinceBare = await timeBare(
      () =>
        database.raw(
          `select sum(received), sum(online), sum(on_time), sum(resolved) from dossier_daily_stats
           where day between $1 and $2`,
          [from, to],
        ),
      50,
    );
    row('indicators, province-year', provinceApi, provinceBare);

    // 3. The public status page under HTTP load, against a bare Fastify route in the same process and run.
    // 2,000 different dossiers (the ones being checked today), not one: a cache must earn its hits.
    const tokens = await queryRows<{ token: string }>(
      db,
      sql`select lookup_token as token from dossiers order by id desc limit 2000`,
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify();
    bare.get('/bare', async () => ({ status: 'ok', code: '40000-0000001' }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    // Steady state: every page rendered once, then a short unmeasured run for both (connections, JIT).
    for (const t of tokens) await app.inject({ method: 'GET', url: `/api/public/dossiers/${t.token}` });
    await load(
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      tokens.map((t) => `/api/public/dossiers/${t.token}`),
      2,
    );
    await load(`http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`, ['/bare'], 2);
    const statusLoad = await load(
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      tokens.map((t) => `/api/public/dossiers/${t.token}`),
      seconds,
    );
    const bareLoad = await load(`http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`, ['/bare'], seconds);
    results.push({
      measure: 'public status page, 2,000 dossiers (32 connections)',
      value: `${Math.round(statusLoad.rps).toLocaleString('en')} req/s`,
      rate: `p50 ${statusLoad.p50} ms, p99 ${statusLoad.p99} ms, ${statusLoad.errors} errors`,
      ratio: `${(statusLoad.rps / bareLoad.rps).toFixed(2)} of bare`,
    });
    results.push({
      measure: 'bare Fastify route (limit)',
      value: `${Math.round(bareLoad.rps).toLocaleString('en')} req/s`,
      rate: `p50 ${bareLoad.p50} ms, p99 ${bareLoad.p99} ms`,
      ratio: '1.00',
    });
    await bare.close();
    await app.close();
    table(results);
  } finally {
    await database.close();
    await drop();
  }
}
