import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../shared/enums.js';
import { queryRows, type Database } from '../db/client.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { hashPassword } from '../lib/passwords.js';
import { findUserByUsername } from '../modules/auth/auth.repo.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { contactColumns } from '../modules/users/users.contact.js';
import { insertUser, replaceRoles } from '../modules/users/users.repo.js';
import { seedAnnouncementsDemo } from './announcements.js';
import { seedSandboxDemo } from './sandbox.js';
import { seedRegistryLifeDemo } from './registry-life.js';
import { seedCampaignsDemo } from './campaigns.js';
import { seedDocumentsDemo } from './documents.js';
import { seedFeedbackDemo } from './feedback.js';
import { seedOnestopDemo } from './onestop.js';
import { seedOnestopYear } from './onestop-year.js';
import { createRandom } from './names.js';
import { buildCommune } from './commune.js';
import { provinceCommunes, seedProvinceCommunes } from './province.js';
import { communesOf, seedScorecardsDemo } from './province-scorecards.js';

export type DemoLogin = { username: string; password: string; role: Role; unit: string };
export type DemoResult = {
  communes: number;
  households: number;
  residents: number;
  logins: DemoLogin[];
  /** The months frozen (and published) and the month computed, when the demo built the scorecards. */
  scorecards?: { frozen: string[]; current: string };
};

/**
 * Builds realistic demo data: communes under Hải Phòng, each with thôn / tổ dân phố and alleys, households of 1–8
 * people (3% boarding houses with temporary residents), Vietnamese names, consistent ID numbers, VNeID levels.
 * Set-based inserts per commune keep `--residents 1000000` to minutes.
 */
export async function seedDemo(
  database: Database,
  cipher: PiiCipher,
  options: {
    residents: number;
    seed: number;
    password?: string;
    log?: (line: string) => void;
    /** Where the sandbox's push service listens, when `npm start` runs the sandbox: its demo is seeded too. */
    sandboxPushBase?: string;
    /** The demo's "now" (tests fix it); the year of history ends the day before. */
    now?: Date;
  },
): Promise<DemoResult> {
  const rnd = createRandom(options.seed);
  const log = options.log ?? (() => undefined);
  const { db } = database;
  const [province] = await queryRows<UnitRow>(db, sql`select * from units where tier = 'PROVINCE' and code = '31'`);
  if (!province) throw new Error('province 31 missing: run the migrations first');
  const today = options.now ?? new Date();
  const fresh = !(await findUserByUsername(db, 'admin'));
  const thisYear = today.getUTCFullYear();
  const perCommune = Math.min(Math.max(options.residents, 1), 30_000);
  const communeCount = Math.max(1, Math.round(options.residents / perCommune));
  const counters = {
    pid: (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from residents`))[0]!.n,
    phone: 0,
  };
  counters.phone = counters.pid;
  const result: DemoResult = { communes: 0, households: 0, residents: 0, logins: [] };
  let firstCommune: UnitRow | undefined;
  let firstGroup: UnitRow | undefined;

  for (let c = 0; c < communeCount; c++) {
    const target = c === communeCount - 1 ? options.residents - perCommune * (communeCount - 1) : perCommune;
    const made = await db.transaction(async (tx) =>
      buildCommune(tx, cipher, rnd, province, c, target, counters, thisYear),
    );
    firstCommune ??= made.commune;
    firstGroup ??= made.firstGroup;
    result.communes += 1;
    result.households += made.households;
    result.residents += made.residents;
    if (communeCount > 1 && (c + 1) % 5 === 0)
      log(`  ${c + 1}/${communeCount} communes, ${result.residents} residents`);
  }

  // `npm start`'s single commune gets five smaller neighbours, so the province has communes to compare; a
  // province-scale demo (`--residents 1000000`) has its 33 already.
  const progress = new Map<number, number>();
  if (fresh && communeCount === 1) {
    const extra = await seedProvinceCommunes(database, cipher, rnd, province, counters, { now: today });
    for (const [i, c] of extra.communes.entries()) progress.set(c.id, provinceCommunes[i]!.progress);
    result.communes += extra.communes.length;
    result.households += extra.households;
    result.residents += extra.residents;
  }

  if (fresh) {
    const [nation] = await queryRows<UnitRow>(db, sql`select * from units where tier = 'NATION'`);
    // Contacts where reminders reach them (the sandbox's SMTP and SMS peers show what is sent): the officers by
    // email, the group head and the team member by SMS only, as many in a village have no work email.
    const plan: [string, string, Role, UnitRow, { email?: string; phone?: string }][] = [
      ['admin', 'Quản trị hệ thống', 'SYSTEM_ADMIN', nation!, { email: 'quantri@ketnoi.example.vn' }],
      ['tinh', 'Cán bộ Sở Nội vụ', 'PROVINCE_OFFICER', province, { email: 'snv@ketnoi.example.vn' }],
      [
        'lanhdao',
        'Chủ tịch UBND xã',
        'COMMUNE_LEADER',
        firstCommune!,
        { email: 'chutich@xa.ketnoi.example.vn', phone: '+84900000101' },
      ],
      [
        'motcua',
        'Cán bộ một cửa',
        'ONESTOP_OFFICER',
        firstCommune!,
        { email: 'motcua@xa.ketnoi.example.vn', phone: '+84900000102' },
      ],
      ['totruong', 'Trưởng thôn 1', 'GROUP_HEAD', firstGroup!, { phone: '+84900000103' }],
      // A person's name: the login is a member of thôn 1's team and is listed among its members by name.
      ['sotuso', 'Vũ Thị Thu Hà', 'DIGITAL_TEAM', firstGroup!, { phone: '+84900000104' }],
    ];
    const made: Record<string, { id: number; fullName: string }> = {};
    for (const [username, fullName, role, unit, contact] of plan) {
      const password = options.password ?? randomBytes(9).toString('base64url');
      made[username] = await db.transaction(async (tx) => {
        const user = await insertUser(tx, {
          username,
          fullName,
          passwordHash: await hashPassword(password),
          ...contactColumns(cipher, contact),
        });
        await replaceRoles(tx, user.id, [{ role, unitId: unit.id }]);
        return user;
      });
      result.logins.push({ username, password, role, unit: unit.name });
    }
    await seedOnestopDemo(database, cipher, firstCommune!, made.motcua!, made.lanhdao!);
    await seedOnestopYear(database, cipher, firstCommune!, { officer: made.motcua!, leader: made.lanhdao! }, options);
    await seedAnnouncementsDemo(database, cipher, firstCommune!, made.lanhdao!);
    await seedRegistryLifeDemo(database, cipher, firstGroup!, { id: made.totruong!.id, username: 'totruong' });
    await seedCampaignsDemo(database, cipher, firstCommune!, firstGroup!, {
      leader: made.lanhdao!,
      member: made.sotuso!,
    });
    await seedDocumentsDemo(database, rnd, firstCommune!);
    await seedFeedbackDemo(
      database,
      cipher,
      firstCommune!,
      firstGroup!,
      {
        officer: made.motcua!,
        leader: made.lanhdao!,
      },
      options,
    );
    if (options.sandboxPushBase)
      await seedSandboxDemo(database, cipher, firstCommune!, made.lanhdao!, options.sandboxPushBase);
    // Last, over everything above: the year of scorecards. A province-scale demo freezes only last month (the
    // snapshot's cost is the bench's to measure) and computes this one.
    const t0 = performance.now();
    result.scorecards = await seedScorecardsDemo(
      database,
      province,
      await communesOf(database, province, progress),
      { officer: made.tinh!, leader: made.lanhdao! },
      { now: today, months: communeCount === 1 ? 12 : 1 },
    );
    log(
      `  scorecards: ${result.scorecards.frozen.length} months frozen in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  return result;
}
