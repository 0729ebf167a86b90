import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { queryRows } from '../src/server/db/client.js';
import { Audience } from '../src/server/modules/announcements/audience.js';
import { createAnnouncement, sendAnnouncement } from '../src/server/modules/announcements/announcements.service.js';
import { sendDue, type Senders } from '../src/server/modules/announcements/deliveries.js';
import { copyIn, copyOut, demoProvince, noJobs, openMigratedBench } from './db.js';
import { ms, now, percentile, table, count } from './stats.js';

/**
 * Announcements at province scale: the demo province (`--residents`, 1M by default), an announcement to everyone,
 * then resolving the audience and queueing the deliveries (one SMS per household with a phone), the pipeline pushing
 * them to a local sink channel (a sender that accepts at once, so only the pipeline is measured), and the reach view —
 * each against its bare SQL in the same run.
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
  console.log(`\n=== channels on ${kind}: ${n.toLocaleString('en')} residents`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const { province, admin, scope, actor } = await demoProvince(database, cipher, n, 'announcement.write');
    const db = database.db;
    let t0 = now();

    // 1. Resolve the audience and queue the deliveries (snapshot + one SMS per household), one transaction.
    const draft = await createAnnouncement(
      database,
      scope,
      {
        title: 'Thông báo toàn tỉnh',
        body: '<p>Thử nghiệm</p>',
        category: 'POLICY',
        priority: 'URGENT',
        audience: Audience.parse({ unitIds: [province.id] }),
        isPublic: true,
        ackRequested: true,
      },
      admin.id,
      actor,
    );
    t0 = now();
    const sent = await sendAnnouncement(database, scope, draft.id, actor);
    const sendMs = now() - t0;
    t0 = now();
    await database.raw(
      `select count(*) from (select distinct h.id from households h
       join household_members m on m.household_id = h.id and m.left_on is null
       join residents r on r.id = m.resident_id where h.dissolved_on is null) x`,
    );
    const bareResolve = now() - t0;
    results.push({
      measure: `resolve + snapshot ${count(sent.households)} households + queue ${count(sent.messages)} SMS`,
      value: ms(sendMs),
      rate: `${Math.round(sent.messages / (sendMs / 1000)).toLocaleString('en')} deliveries/s`,
      ratio: `bare distinct-household scan ${ms(bareResolve)}`,
    });

    // 2. The pipeline to a sink channel.
    const sink: Senders = { SMS: { channel: 'SMS', configured: true, send: async () => ({}) } };
    // The provider limits are what a real gateway allows; the sink has none, so the pipeline's own speed shows.
    await database.raw('update channel_limits set per_minute = 1000000000, per_day = 1000000000');
    t0 = now();
    let delivered = 0;
    for (;;) {
      const r = await sendDue({ database, cipher, config }, sink, new Date(), 1000);
      delivered += r.delivered;
      if (r.delivered + r.failed === 0) break;
    }
    const pipeMs = now() - t0;
    await database.raw(`update deliveries set status = 'created' where announcement_id = $1`, [draft.id]);
    t0 = now();
    await database.raw(
      `update deliveries set status = 'delivered', sent_at = now(), attempts = attempts + 1 where announcement_id = $1`,
      [draft.id],
    );
    const bareUpdate = now() - t0;
    results.push({
      measure: 'pipeline to a sink channel (claim, decrypt, send, mark)',
      value: ms(pipeMs),
      rate: `${Math.round(delivered / (pipeMs / 1000)).toLocaleString('en')} deliveries/s`,
      ratio: `bare one-statement update of the same rows ${ms(bareUpdate)}`,
    });

    // 3. The reach view through the API.
    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'benchmark-password' },
    });
    const cookie = String(login.cookies.find((c) => c.name === 'ketnoi_session')!.value);
    const [commune] = await queryRows<{ id: number }>(
      db,
      sql`select id from units where tier = 'COMMUNE' order by id limit 1`,
    );
    const local = await createAnnouncement(
      database,
      scope,
      {
        title: 'Thông báo của xã',
        body: '<p>Thử</p>',
        category: 'EVENT',
        priority: 'NORMAL',
        audience: Audience.parse({ unitIds: [commune!.id] }),
        isPublic: true,
        ackRequested: true,
      },
      admin.id,
      actor,
    );
    await sendAnnouncement(database, scope, local.id, actor);
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/announcements/${local.id}/reach`,
        cookies: { ketnoi_session: cookie },
      });
      samples.push(now() - start);
      if (res.statusCode !== 200) throw new Error(res.body);
    }
    const bare: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = now();
      await database.raw(
        `select group_id, count(*), count(acknowledged_at) from announcement_households where announcement_id = $1
         group by group_id`,
        [local.id],
      );
      bare.push(now() - start);
    }
    results.push({
      measure: 'reach of a commune announcement: API p50 / p95',
      value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`,
      rate: '100 requests',
      ratio: `${(percentile(samples, 95) / percentile(bare, 95)).toFixed(1)}× bare p95 (${ms(percentile(bare, 95))})`,
    });
    await app.close();

    // 4. Personal content to the whole province: one message per person with a phone (about 950k deliveries).
    const personal = await createAnnouncement(
      database,
      scope,
      {
        title: 'Mời khám sàng lọc',
        body: '<p>Thử</p>',
        category: 'HEALTH',
        priority: 'URGENT',
        audience: Audience.parse({ unitIds: [province.id], perPerson: true }),
        isPublic: false,
        ackRequested: false,
      },
      admin.id,
      actor,
    );
    t0 = now();
    const each = await sendAnnouncement(database, scope, personal.id, actor);
    const eachMs = now() - t0;
    const copyRows = await copyOut(
      database,
      `select announcement_id, household_id, resident_id, channel, address_enc from deliveries
       where announcement_id = ${personal.id}`,
    );
    await database.raw(
      `create table copy_probe (
         announcement_id int, household_id int, resident_id int, channel text, address_enc text)`,
    );
    t0 = now();
    await copyIn(database, 'copy_probe', copyRows);
    const copyMs = now() - t0;
    results.push({
      measure: `resolve + snapshot ${count(each.households)} households + queue ${count(each.messages)} personal messages`,
      value: ms(eachMs),
      rate: `${Math.round(each.messages / (eachMs / 1000)).toLocaleString('en')} deliveries/s`,
      ratio: `COPY of the same delivery rows into a bare table ${ms(copyMs)}`,
    });
    table(results);
  } finally {
    await database.close();
    await drop();
  }
}
