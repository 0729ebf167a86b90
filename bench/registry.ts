import { mkdirSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../src/server/db/schema/index.js';
import { buildApp } from '../src/server/app.js';
import { queryRows } from '../src/server/db/client.js';
import { createRandom, givenFemale, givenMale, middleFemale, middleMale, surnames } from '../src/server/demo/names.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { streamSheet } from '../src/server/lib/spreadsheet.js';
import { residentRows } from '../src/server/modules/exports/exports.rows.js';
import { registryColumns } from '../src/server/modules/imports/registry-columns.js';
import { runImportJob } from '../src/server/modules/imports/imports.job.js';
import { commitImport, createImport, getImport } from '../src/server/modules/imports/imports.service.js';
import { insertUnit, type UnitRow } from '../src/server/modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../src/server/modules/users/users.repo.js';
import { foldText } from '../src/shared/text.js';
import { copyIn, copyOut, noJobs, openMigratedBench } from './db.js';
import { ms, now, peakRss, percentile, table } from './stats.js';

/**
 * Registry at province scale: import from CSV against PostgreSQL COPY of the same rows, search latency against a
 * bare indexed query, and a streamed export of every resident with its memory growth.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'both' },
      seed: { type: 'string', default: '7' },
      runs: { type: 'string', default: '3' },
    },
  });
  const n = Number(values.residents);
  const kinds = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite'];
  for (const kind of kinds) await benchOne(kind, n, Number(values.seed), Number(values.runs));
}

const pad = (x: number, w: number) => String(x).padStart(w, '0');

/**
 * N people in households of 1–8, in communes of ~30,000 (the post-2025 average) with groups of ~3,000, listed as one
 * province-level spreadsheet ("11824/T001" names a group). Samples of names per commune feed the search benchmark.
 */
function generateCsv(n: number, communeCodes: string[], groupsPerCommune: number, seed: number) {
  const rnd = createRandom(seed);
  const lines = [
    'Số hộ,Địa chỉ,Loại hộ,Mã thôn/tổ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Số điện thoại,Quan hệ với chủ hộ,Loại cư trú,Ngày đến ở,Mức VNeID,Có điện thoại thông minh,Nhãn',
  ];
  const files: Buffer[] = [];
  const header = lines[0]!;
  let fileStart = 1;
  let lastCommune = 0;
  const names = new Map<string, string[]>();
  const pids: string[] = [];
  let made = 0;
  let household = 0;
  const perCommune = Math.ceil(n / communeCodes.length);
  while (made < n) {
    household += 1;
    const communeIndex = Math.min(communeCodes.length - 1, Math.floor(made / perCommune));
    const commune = communeCodes[communeIndex]!;
    // Uploads are capped at 20 MB, so a province sends its list as files of four communes each.
    if (communeIndex !== lastCommune && communeIndex % 4 === 0 && communeIndex > 0) {
      files.push(Buffer.from([header, ...lines.slice(fileStart)].join('\n')));
      fileStart = lines.length;
    }
    lastCommune = communeIndex;
    const group = `${commune}/T${pad((household % groupsPerCommune) + 1, 3)}`;
    const size = Math.min(
      n - made,
      rnd.weighted([
        [1, 12],
        [2, 20],
        [3, 22],
        [4, 24],
        [5, 12],
        [6, 6],
        [7, 3],
        [8, 1],
      ] as const),
    );
    const surname = rnd.weighted(surnames);
    for (let k = 0; k < size; k++) {
      const female = rnd.next() < 0.5;
      const family = k === 0 || rnd.next() < 0.7 ? surname : rnd.weighted(surnames);
      const [middle, given] = female ? [middleFemale, givenFemale] : [middleMale, givenMale];
      const name = `${family} ${rnd.pick(middle)} ${rnd.pick(given)}`;
      const year = 1940 + rnd.int(0, 84);
      const birth = `${pad(rnd.int(1, 28), 2)}/${pad(rnd.int(1, 12), 2)}/${year}`;
      const province = ['031', '030', '034', '001'][Math.floor(made / 1_000_000) % 4];
      const centuryGender = Math.floor((year - 1900) / 100) * 2 + (female ? 1 : 0);
      const pid = `${province}${centuryGender}${pad(year % 100, 2)}${pad(made % 1_000_000, 6)}`;
      const phone = rnd.next() < 0.7 ? `09${pad(made % 100_000_000, 8)}` : '';
      lines.push(
        [
          household,
          `"Số ${household}, ${group}"`,
          'Gia đình',
          group,
          name,
          birth,
          female ? 'Nữ' : 'Nam',
          pid,
          phone,
          k === 0 ? 'Chủ hộ' : 'Con',
          'Thường trú,,Mức 2,Có,',
        ].join(','),
      );
      if (made % 97 === 0) names.set(commune, [...(names.get(commune) ?? []), name]);
      if (made % 499 === 0) pids.push(pid);
      made += 1;
    }
  }
  files.push(Buffer.from([header, ...lines.slice(fileStart)].join('\n')));
  return { files, bytes: files.reduce((sum, f) => sum + f.length, 0), names, pids, households: household };
}

async function benchOne(kind: 'postgres' | 'pglite', n: number, seed: number, runs: number) {
  console.log(`\n=== registry on ${kind}: ${n.toLocaleString('en')} residents`);
  const { database, drop, config, cipher } = await openMigratedBench(kind);
  const results: Record<string, string | number>[] = [];
  try {
    const { db } = database;
    const [province] = await db
      .select()
      .from(units)
      .where(and(eq(units.tier, 'PROVINCE'), eq(units.code, '31')));
    const communeCount = Math.max(1, Math.round(n / 30_000));
    const groupsPerCommune = 10;
    const communes: UnitRow[] = [];
    for (let c = 0; c < communeCount; c++) {
      const commune = await insertUnit(db, {
        parent: province!,
        code: String(11824 + c),
        name: `Xã ${c + 1}`,
        kind: 'COMMUNE',
        tier: 'COMMUNE',
      });
      communes.push(commune);
      for (let g = 1; g <= groupsPerCommune; g++)
        await insertUnit(db, {
          parent: commune,
          code: `T${pad(g, 3)}`,
          name: `Thôn ${g}`,
          kind: 'THON',
          tier: 'COMMUNITY',
        });
    }
    const commune = communes[0]!;
    const password = 'benchmark-password';
    const account = async (
      username: string,
      role: 'SYSTEM_ADMIN' | 'COMMUNE_LEADER' | 'PROVINCE_OFFICER',
      unitId: number,
    ) => {
      const user = await insertUser(db, { username, fullName: username, passwordHash: await hashPassword(password) });
      await replaceRoles(db, user.id, [{ role, unitId }]);
      return user;
    };
    const admin = await account('bench', 'SYSTEM_ADMIN', province!.parentId!);
    await account('leader', 'COMMUNE_LEADER', commune.id);
    await account('officer', 'PROVINCE_OFFICER', province!.id);

    let t0 = now();
    const data = generateCsv(
      n,
      communes.map((c) => c.code),
      groupsPerCommune,
      seed,
    );
    console.log(
      `generated ${data.files.length} CSV files, ${(data.bytes / 1048576).toFixed(1)} MB: ${communeCount} communes, ${data.households} households in ${ms(now() - t0)}`,
    );

    // 1. Import against COPY of the same rows into the same tables and indexes, alternated `runs` times (this VM's
    //    speed varies run to run, so medians). Heads are linked by COPY's run in a separate UPDATE, not timed.
    const scope = { permission: 'registry.import' as const, prefixes: [province!.path] };
    const deps = { database, config, jobs: noJobs };
    const actor = {
      userId: admin.id,
      username: 'bench',
      roles: 'SYSTEM_ADMIN@VN',
      unitId: province!.parentId!,
      ip: 'bench',
      userAgent: 'bench',
    };
    const dryRuns: number[] = [];
    const imports: number[] = [];
    const copies: number[] = [];
    let snapshot: { households: Buffer; residents: Buffer; members: Buffer } | undefined;
    for (let run = 0; run < runs; run++) {
      await database.raw('truncate household_members, residents, households cascade');
      let dry = 0;
      let write = 0;
      for (const [i, file] of data.files.entries()) {
        const id = await createImport(deps, scope, { unitId: province!.id, fileName: `bench-${i}.csv`, file }, actor);
        t0 = now();
        await runImportJob(deps, id);
        dry += now() - t0;
        const checked = await getImport(db, scope, id);
        if (checked.errorCount > 0)
          throw new Error(`bench data has errors: ${JSON.stringify((checked.errors as unknown[]).slice(0, 3))}`);
        await commitImport(deps, scope, id, false, actor);
        t0 = now();
        await runImportJob(deps, id);
        write += now() - t0;
      }
      dryRuns.push(dry);
      imports.push(write);
      const counts = (await queryRows<{ r: number }>(db, sql`select count(*)::int as r from residents`))[0]!;
      if (counts.r !== n) throw new Error(`imported ${counts.r} of ${n}`);
      snapshot ??= {
        residents: await copyOut(database, 'select * from residents order by id'),
        households: await copyOut(
          database,
          `select id, unit_id, code, address, kind, null, search_text, address_search, established_on, dissolved_on,
             version, created_at, updated_at
           from households order by id`,
        ),
        members: await copyOut(database, 'select * from household_members order by id'),
      };
      await database.raw('truncate household_members, residents, households cascade');
      t0 = now();
      await copyIn(database, 'households', snapshot.households);
      await copyIn(database, 'residents', snapshot.residents);
      await copyIn(database, 'household_members', snapshot.members);
      copies.push(now() - t0);
      console.log(
        `  run ${run + 1}: dry run ${ms(dryRuns.at(-1)!)}, import ${ms(imports.at(-1)!)}, COPY ${ms(copies.at(-1)!)}`,
      );
    }
    await database.raw(
      `update households h set head_resident_id = m.resident_id from household_members m
       where m.household_id = h.id and m.relation = 'HEAD'`,
    );
    // What autovacuum does after a bulk load: statistics, and the visibility map that lets the name index answer
    // scope checks without visiting the table.
    await database.raw('vacuum (analyze)');
    const [dryRun, importMs, copyMs] = [percentile(dryRuns, 50), percentile(imports, 50), percentile(copies, 50)];
    results.push(
      {
        measure: `import dry run (parse + check), median of ${runs}`,
        value: ms(dryRun),
        rate: `${Math.round(n / (dryRun / 1000)).toLocaleString('en')} rows/s`,
        ratio: '',
      },
      {
        measure: `import (check + write), median of ${runs}`,
        value: ms(importMs),
        rate: `${Math.round(n / (importMs / 1000)).toLocaleString('en')} rows/s`,
        ratio: `${(copyMs / importMs).toFixed(2)} of COPY`,
      },
      {
        measure: `COPY of the same rows (limit), median of ${runs}`,
        value: ms(copyMs),
        rate: `${Math.round(n / (copyMs / 1000)).toLocaleString('en')} rows/s`,
        ratio: '1.00',
      },
    );

    // 2. Search: the API route as a commune leader (30k people in scope) and as a province officer (all of them),
    //    against the bare indexed lookup it is built on.
    const app = await buildApp({ config, database, cipher, jobs: noJobs });
    await app.ready();
    const sessionOf = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return { ketnoi_session: login.cookies.find((c) => c.name === 'ketnoi_session')!.value };
    };
    const measure = async (
      label: string,
      queries: string[],
      viaApi: (q: string) => Promise<void>,
      bare: (q: string) => Promise<void>,
    ) => {
      for (const q of queries.slice(0, 20)) await viaApi(q); // warm up
      const api: number[] = [];
      const raw: number[] = [];
      for (const q of queries) {
        let s0 = now();
        await viaApi(q);
        api.push(now() - s0);
        s0 = now();
        await bare(q);
        raw.push(now() - s0);
      }
      results.push(
        {
          measure: `${label}: API p50 / p95`,
          value: `${ms(percentile(api, 50))} / ${ms(percentile(api, 95))}`,
          rate: `${queries.length} queries`,
          ratio: `${(percentile(api, 95) / percentile(raw, 95)).toFixed(1)}× bare p95`,
        },
        {
          measure: `${label}: bare indexed query p50 / p95`,
          value: `${ms(percentile(raw, 50))} / ${ms(percentile(raw, 95))}`,
          rate: '',
          ratio: '1.0',
        },
      );
    };
    const bareName = async (q: string) =>
      void (await database.raw(
        'select resident_id from resident_name_keys where key like $1 order by key, resident_id limit 26',
        [`${q}%`],
      ));
    for (const [who, username, sample] of [
      ['commune leader', 'leader', (data.names.get(commune.code) ?? []).slice(0, 300)],
      [
        'province officer',
        'officer',
        [...data.names.values()].flatMap((list) => list.slice(0, Math.ceil(300 / data.names.size))),
      ],
    ] as const) {
      const cookie = await sessionOf(username);
      await measure(
        `name search as ${who}`,
        sample.map((x) => foldText(x)),
        async (q) => {
          const res = await app.inject({
            method: 'GET',
            url: `/api/residents?q=${encodeURIComponent(q)}&limit=25`,
            cookies: cookie,
          });
          if (res.statusCode !== 200 || res.json().items.length === 0)
            throw new Error(`search ${q}: ${res.statusCode}`);
        },
        bareName,
      );
    }
    const officer = await sessionOf('officer');
    await measure(
      'ID number search as province officer',
      data.pids.slice(0, 300),
      async (q) => {
        const res = await app.inject({ method: 'GET', url: `/api/residents?q=${q}`, cookies: officer });
        if (res.json().items.length !== 1) throw new Error(`id search ${q}`);
      },
      async (q) =>
        void (await database.raw('select id from residents where personal_id_bidx = $1', [
          cipher.blindIndex(q, 'pid'),
        ])),
    );
    // 2b. The lists a group head works from: house order (households.house_order), first and a deep page, and
    //     a filtered list, as a commune leader and a province officer, against the bare ordered index read.
    const bareHouses = async () =>
      void (await database.raw('select id from households order by house_order, id limit 26'));
    for (const [who, username] of [
      ['commune leader', 'leader'],
      ['province officer', 'officer'],
    ] as const) {
      const cookie = await sessionOf(username);
      const lists = [
        '/api/residents?limit=25',
        '/api/residents?limit=25&page=40',
        '/api/households?limit=25',
        '/api/residents?limit=25&ageFrom=60&vneidLevel=L2&smartphone=yes',
        '/api/households?limit=25&ageFrom=80',
      ];
      for (const url of lists)
        await measure(
          `${url.replace('/api/', '').replace('limit=25&', '').replace('?limit=25', '')} as ${who}`,
          Array.from({ length: 20 }, () => url),
          async (u) => {
            const res = await app.inject({ method: 'GET', url: u, cookies: cookie });
            if (res.statusCode !== 200 || res.json().items.length === 0) throw new Error(`${u}: ${res.statusCode}`);
          },
          bareHouses,
        );
    }
    await app.close();

    // 3. Export every resident, streamed: throughput and memory growth, against COPY TO of the same table.
    const scopeExport = { permission: 'registry.export' as const, prefixes: [province!.path] };
    const exportOnce = async (format: 'csv' | 'xlsx', unitPath?: string) => {
      let total = 0;
      await pipeline(
        streamSheet(
          format,
          'nhan-khau',
          registryColumns,
          residentRows(db, cipher, scopeExport, { search: { kind: 'none' }, tags: [], includeFormer: false, unitPath }),
        ),
        new Writable({
          write(chunk, _e, cb) {
            total += chunk.length;
            cb();
          },
        }),
      );
      return total;
    };
    // COPY TO of the residents table is the limit: the same rows out of the database with nothing decrypted,
    // joined or formatted. Measured first so each export can be printed against it.
    t0 = now();
    await copyOut(database, 'select * from residents');
    const copyOutMs = now() - t0;
    results.push({
      measure: 'COPY TO of residents (limit)',
      value: ms(copyOutMs),
      rate: `${Math.round(n / (copyOutMs / 1000)).toLocaleString('en')} rows/s`,
      ratio: '1.0',
    });
    // Flat memory means the growth does not follow the row count: one commune (~30k rows) against all (1M),
    // measured after a warm-up export, so V8 has already sized its heap.
    await exportOnce('csv', commune.path);
    for (const format of ['csv', 'xlsx'] as const) {
      const small = await peakRss(() => exportOnce(format, commune.path));
      t0 = now();
      const { result: bytes, peakMb } = await peakRss(() => exportOnce(format));
      const exportMs = now() - t0;
      results.push({
        measure: `export all residents (${format}, streamed)`,
        value: ms(exportMs),
        rate: `${Math.round(n / (exportMs / 1000)).toLocaleString('en')} rows/s, ${(bytes / 1048576).toFixed(0)} MB`,
        ratio: `${(exportMs / copyOutMs).toFixed(1)}× COPY TO; RSS +${peakMb.toFixed(0)} MB (one commune: +${small.peakMb.toFixed(0)} MB)`,
      });
    }

    table(results);
    mkdirSync('bench/out', { recursive: true });
    writeFileSync(
      `bench/out/registry-${kind}-${n}.json`,
      JSON.stringify({ kind, residents: n, at: new Date().toISOString(), results }, null, 2),
    );
  } finally {
    await database.close();
    await drop();
  }
}
