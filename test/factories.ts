import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../src/shared/enums.js';
import { foldText } from '../src/shared/text.js';
import { queryRows, type Database } from '../src/server/db/client.js';
import type { PiiCipher } from '../src/server/lib/pii-cipher.js';
import { hashPassword } from '../src/server/lib/passwords.js';
import { insertHousehold, setHouseholdHead } from '../src/server/modules/households/households.repo.js';
import { insertMembership, insertResident } from '../src/server/modules/residents/residents.repo.js';
import { insertUnit, type UnitRow } from '../src/server/modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../src/server/modules/users/users.repo.js';
import { scorecardFactories } from './scorecards-factories.js';
import { submitDossier } from '../src/server/modules/dossiers/dossiers.submit.js';
import { storeFile } from '../src/server/modules/dossiers/dossiers.uploads.js';
import { createTicket } from '../src/server/modules/feedback/feedback.intake.js';
import {
  announcements,
  appointments,
  calendarDays,
  messageTemplates,
  postalShipments,
  procedures,
  users,
  announcementFiles,
  broadcasts,
  staffGroups,
  groupJoinRequests,
  teamMembers,
  teams,
  campaigns,
  campaignTargets,
  campaignVisits,
  tickets,
} from '../src/server/db/schema/index.js';

/** The smallest valid PNG (1×1 pixel): a real image by its bytes, for upload tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Test data built through the repositories (fast, no HTTP); each factory fills what its parents need. */
export function factories(database: Database, cipher: PiiCipher) {
  const { db } = database;
  let seq = 0;
  const unitByCode = async (code: string, tier: string) =>
    (await queryRows<UnitRow>(db, sql`select * from units where code = ${code} and tier = ${tier}`))[0]!;

  const f = {
    ...scorecardFactories(db),
    province: (code = '31') => unitByCode(code, 'PROVINCE'),
    /** The id of a shipped scorecard indicator or scored set (migration 0044 seeds them). */
    scorecardId: async (table: 'scorecard_indicators' | 'scorecard_sets', code: string) =>
      (
        await queryRows<{ id: number }>(
          db,
          sql`select id from ${sql.identifier(table)} where owner_unit_id is null and code = ${code}`,
        )
      )[0]!.id,
    /** A province's snapshot of a month, finished (and published when asked): the read side's fixtures. */
    async scorecardSnapshot(provinceId: number, period: string, published = false) {
      await db.execute(
        sql`insert into scorecard_snapshots (province_id, period, finished_at, published_at)
            values (${provinceId}, ${period}, now(), ${published ? sql`now()` : sql`null`})
            on conflict (province_id, period) do nothing`,
      );
    },
    nation: () => unitByCode('VN', 'NATION'),
    async commune(opts: { code?: string; name?: string; province?: string } = {}) {
      const province = await f.province(opts.province);
      seq += 1;
      return insertUnit(db, {
        parent: province,
        code: opts.code ?? String(20000 + seq * 7),
        name: opts.name ?? `Xã Thử ${seq}`,
        kind: 'COMMUNE',
        tier: 'COMMUNE',
      });
    },
    async group(commune: UnitRow, opts: { code?: string; name?: string } = {}) {
      seq += 1;
      return insertUnit(db, {
        parent: commune,
        code: opts.code ?? `T${seq}`,
        name: opts.name ?? `Thôn ${seq}`,
        kind: 'THON',
        tier: 'COMMUNITY',
      });
    },
    async household(unit: UnitRow, opts: { address?: string; kind?: string; code?: string } = {}) {
      seq += 1;
      return insertHousehold(db, {
        unitId: unit.id,
        code: opts.code ?? `H${seq}`,
        address: opts.address ?? `Số ${seq}, ngõ ${seq % 7}`,
        kind: opts.kind ?? 'FAMILY',
      });
    },
    async resident(
      household: { id: number; unitId: number; address: string },
      opts: {
        fullName?: string;
        birthDate?: string;
        gender?: 'MALE' | 'FEMALE';
        personalId?: string;
        phone?: string;
        head?: boolean;
        ethnicity?: string;
        healthNotes?: string;
      } = {},
    ) {
      seq += 1;
      const fullName = opts.fullName ?? `Nguyễn Văn Thử ${String.fromCharCode(65 + (seq % 26))}`;
      const r = await insertResident(db, {
        fullName,
        searchText: foldText(fullName),
        birthDate: opts.birthDate ?? '1980-05-01',
        gender: opts.gender ?? 'MALE',
        personalIdEnc: opts.personalId ? cipher.encrypt(opts.personalId) : null,
        personalIdBidx: opts.personalId ? cipher.blindIndex(opts.personalId, 'pid') : null,
        phoneEnc: opts.phone ? cipher.encrypt(opts.phone) : null,
        phoneBidx: opts.phone ? cipher.blindIndex(opts.phone, 'phone') : null,
        ethnicity: opts.ethnicity ?? null,
        healthNotes: opts.healthNotes ?? null,
        unitId: household.unitId,
        householdId: household.id,
      });
      await insertMembership(db, {
        householdId: household.id,
        residentId: r.id,
        relation: opts.head ? 'HEAD' : 'OTHER',
        residenceType: 'PERMANENT',
        joinedOn: '2010-01-01',
      });
      if (opts.head) await setHouseholdHead(db, household, r);
      return r;
    },
    async user(role: Role, unit: UnitRow, opts: { username?: string; password?: string } = {}) {
      seq += 1;
      const username = opts.username ?? `${role.toLowerCase()}_${seq}`;
      const password = opts.password ?? 'mat-khau-thu-nghiem';
      const user = await insertUser(db, {
        username,
        fullName: `Cán bộ ${seq}`,
        passwordHash: await hashPassword(password),
      });
      await replaceRoles(db, user.id, [{ role, unitId: unit.id }]);
      return { ...user, password };
    },
    /**
     * A dossier submitted online (status NEW) to a commune, for procedure 1.004873 (marital-status certificate) unless
     * told otherwise; `receivedBy` takes it through that officer's counter instead (status RECEIVED, due date set).
     */
    async dossier(
      commune: UnitRow,
      opts: {
        procedureCode?: string;
        applicant?: string;
        phone?: string;
        receivedBy?: { id: number; fullName: string };
        fields?: Record<string, string>;
      } = {},
    ) {
      seq += 1;
      const procedureCode = opts.procedureCode ?? '1.004873';
      const input = {
        procedureCode,
        applicant: {
          fullName: opts.applicant ?? `Người Nộp ${seq}`,
          personalId: '031190001111',
          phone: opts.phone ?? '+84987654321',
        },
        fields: opts.fields ?? (procedureCode === '1.004873' ? { purpose: 'Đăng ký kết hôn' } : {}),
        returnMethod: 'COUNTER' as const,
        uploads: [] as { id: number; key: string; paper: number }[],
        bundleWith: [],
        papersOnPaper: [] as { paper: number }[],
      };
      // The procedure's required papers come with it: a scan of each online, handed over on paper at the counter.
      const [procedure] = await db
        .select({ documents: procedures.documents })
        .from(procedures)
        .where(sql`${procedures.code} = ${procedureCode} and ${procedures.status} = 'PUBLISHED'`);
      const required = (procedure?.documents ?? []).flatMap((d, paper) => (d.required ? [paper] : []));
      const uploads = opts.receivedBy
        ? []
        : await Promise.all(
            required.map(async (paper) => {
              const f = await db.transaction((tx) =>
                storeFile(tx, { buffer: tinyPng, fileName: `giay-to-${paper}.png`, mime: 'image/png' }, null),
              );
              return { id: f.id, key: f.key, paper };
            }),
          );
      Object.assign(input, {
        uploads,
        papersOnPaper: opts.receivedBy ? required.map((paper) => ({ paper })) : [],
      });
      const actor = { userId: null, username: null, roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'factory' };
      const by = opts.receivedBy
        ? { kind: 'STAFF' as const, actor, userId: opts.receivedBy.id, name: opts.receivedBy.fullName, receives: true }
        : { kind: 'APPLICANT' as const, actor };
      return submitDossier(database, cipher, commune, input, opts.receivedBy ? 'IN_PERSON' : 'ONLINE', by);
    },
    /** A PNG scan attached to a dossier. */
    async dossierFile(dossierId: number) {
      return db.transaction((tx) =>
        storeFile(
          tx,
          { buffer: tinyPng, fileName: 'scan.png', mime: 'image/png' },
          { dossierId, kind: 'SCAN', uploadedBy: null },
        ),
      );
    },
    /** A new local procedure: a draft ready to publish, or already published. */
    async procedureDraft(status: 'DRAFT' | 'PUBLISHED' = 'DRAFT') {
      seq += 1;
      const [row] = await db
        .insert(procedures)
        .values({
          code: `LT.THU.${Date.now() % 100000}${seq}`,
          version: 1,
          national: false,
          nameVi: 'Thủ tục thử',
          nameEn: 'Test procedure',
          field: 'KHAC',
          timeAmount: 3,
          timeUnit: 'WORKING_DAY',
          onlineLevel: 'FULL',
          status,
        })
        .returning();
      return row!;
    },
    /** A booking at a commune's counter on a day made to take appointments (returns its id). */
    async appointment(commune: UnitRow) {
      seq += 1;
      const [row] = await db
        .insert(appointments)
        .values({
          unitId: commune.id,
          day: '2099-01-05',
          slotStart: '08:00',
          token: `tok${Date.now()}${seq}xxxxxxxxxxxxxxxx`,
          fullName: 'Người Hẹn',
          phoneEnc: cipher.encrypt('+84900000000'),
          phoneBidx: cipher.blindIndex('+84900000000', 'phone'),
        })
        .returning({ id: appointments.id });
      return row!.id;
    },
    /** An outbound postal shipment of a dossier. */
    async shipment(dossierId: number) {
      seq += 1;
      const [row] = await db
        .insert(postalShipments)
        .values({ dossierId, direction: 'OUT', trackingNumber: `EE${Date.now() % 1000000}${seq}VN` })
        .returning();
      return row!;
    },
    /** A draft announcement to a unit's households, filed under that unit. */
    async announcement(unit: UnitRow) {
      const [author] = await db.select({ id: users.id }).from(users).limit(1);
      const [row] = await db
        .insert(announcements)
        .values({
          unitId: unit.id,
          title: 'Thông báo thử',
          bodyHtml: '<p>Thử</p>',
          category: 'POLICY',
          audience: { unitIds: [unit.id] },
          createdBy: author!.id,
        })
        .returning({ id: announcements.id });
      return row!.id;
    },
    /** A PDF attached to an announcement; its id. */
    async announcementFile(announcementId: number) {
      const [row] = await db
        .insert(announcementFiles)
        .values({
          announcementId,
          name: 'lich-hop.pdf',
          mime: 'application/pdf',
          size: 9,
          content: Buffer.from('%PDF-1.4\n'),
        })
        .returning({ id: announcementFiles.id });
      return row!.id;
    },
    /** A planned loudspeaker broadcast of an announcement, tomorrow; its id. */
    async broadcast(announcementId: number, unit: UnitRow) {
      const [row] = await db
        .insert(broadcasts)
        .values({ announcementId, unitId: unit.id, airAt: new Date(Date.now() + 86400_000) })
        .returning({ id: broadcasts.id });
      return row!.id;
    },
    /** A request to join a group's channel waiting for the group head (a fresh phone each time); its id. */
    async joinRequest(group: UnitRow) {
      seq += 1;
      const phone = `+8497${String(Date.now() % 100000).padStart(5, '0')}${String(seq % 100).padStart(2, '0')}`;
      const [row] = await db
        .insert(groupJoinRequests)
        .values({
          groupId: group.id,
          phoneEnc: cipher.encrypt(phone),
          phoneBidx: cipher.blindIndex(phone, 'phone'),
          channelsEnc: cipher.encrypt(JSON.stringify([{ channel: 'SMS' }])),
          tokenHash: `test-${randomUUID()}`,
        })
        .returning({ id: groupJoinRequests.id });
      return row!.id;
    },
    /** An internal staff group in a unit; its id. */
    async staffGroup(unit: UnitRow) {
      const [row] = await db
        .insert(staffGroups)
        .values({ unitId: unit.id, name: 'Trưởng thôn', kind: 'GROUP_HEADS' })
        .returning({ id: staffGroups.id });
      return row!.id;
    },
    /** A digital-technology team in a unit, with one member; their ids. */
    async team(unit: UnitRow) {
      const [t] = await db
        .insert(teams)
        .values({ unitId: unit.id, name: `Tổ CNS ${unit.name}` })
        .returning({ id: teams.id });
      const [m] = await db
        .insert(teamMembers)
        .values({ teamId: t!.id, fullName: 'Lê Văn Tình nguyện', role: 'MEMBER' })
        .returning({ id: teamMembers.id });
      return { teamId: t!.id, memberId: m!.id };
    },
    /** A commune's or group's online-payment campaign with its targets; its id. */
    async campaign(unit: UnitRow) {
      const [author] = await db.select({ id: users.id }).from(users).limit(1);
      const [row] = await db
        .insert(campaigns)
        .values({
          unitId: unit.id,
          kind: 'ONLINE_PAYMENT',
          name: 'Thanh toán trực tuyến',
          level: 'HOUSEHOLD',
          filters: {},
          checklist: [{ key: 'pays_online', label: 'Đã thanh toán trực tuyến' }],
          targetRate: 80,
          startsOn: '2026-12-01',
          deadline: '2027-01-29',
          createdBy: author!.id,
        })
        .returning({ id: campaigns.id });
      return row!.id;
    },
    /** A campaign in a group with one household as its target and a team member to give it to. */
    async campaignWithTarget(unit: UnitRow, householdId: number) {
      const campaignId = await this.campaign(unit);
      await db.insert(campaignTargets).values({ campaignId, householdId, unitId: unit.id, groupId: unit.id });
      const { memberId } = await this.team(unit);
      return { campaignId, householdId, memberId };
    },
    /** A visit waiting for the group head (made against an older version of the household); its campaign and id. */
    async conflictVisit(unit: UnitRow, householdId: number) {
      const { campaignId } = await this.campaignWithTarget(unit, householdId);
      const [author] = await db.select({ id: users.id }).from(users).limit(1);
      const id = randomUUID();
      await db.insert(campaignVisits).values({
        id,
        campaignId,
        householdId,
        recordedBy: author!.id,
        visitedAt: new Date('2026-11-20T10:00:00Z'),
        outcome: 'DONE',
        people: [],
        baseVersion: 1,
        status: 'CONFLICT',
        conflict: 'HOUSEHOLD_CHANGED',
      });
      return { campaignId, visitId: id };
    },
    /** A message template kept in a unit. */
    async template(unit: UnitRow) {
      const [author] = await db.select({ id: users.id }).from(users).limit(1);
      const [row] = await db
        .insert(messageTemplates)
        .values({
          unitId: unit.id,
          name: 'Mẫu thử',
          title: 'Họp ((thon))',
          body: '<p>Lúc ((gio))</p>',
          createdBy: author!.id,
        })
        .returning({ id: messageTemplates.id });
      return row!.id;
    },
    /** A calendar exception on a far-future day no other test uses. */
    async calendarDay() {
      seq += 1;
      // Kept below year 9999 however many records a file made before (seq counts them all).
      const offset = (seq * 7919 + (Date.now() % 997)) % 2_500_000;
      const day = new Date(Date.UTC(2090, 0, 1) + offset * 86400_000).toISOString().slice(0, 10);
      await db
        .insert(calendarDays)
        .values({ day, kind: 'HOLIDAY', nameVi: 'Ngày nghỉ thử', nameEn: 'Test holiday' })
        .onConflictDoNothing();
      return day;
    },
    /** A question filed on the public page of the unit's commune, sitting with `unit` (the commune or a group). */
    async ticket(unit: UnitRow, opts: { publishable?: boolean; withFile?: boolean } = {}) {
      const communeId = Number(unit.path.split('/').filter(Boolean)[2]);
      return db.transaction(async (tx) => {
        const made = await createTicket(
          tx,
          { cipher },
          {
            communeId,
            channel: 'WEB',
            title: 'Đèn đường hỏng',
            body: 'Đèn đường đầu thôn hỏng đã một tuần.',
            senderPhone: '+84987000111',
            publishable: opts.publishable ?? true,
            files: opts.withFile ? [{ fileName: 'anh.png', mimeType: 'image/png', content: tinyPng }] : undefined,
          },
        );
        await tx.update(tickets).set({ unitId: unit.id }).where(eq(tickets.id, made.id));
        return made;
      });
    },
  };
  return f;
}
