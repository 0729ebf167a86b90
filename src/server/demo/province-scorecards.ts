import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { monthOf, monthsUpTo, periodRange, previousPeriod } from '../../shared/scorecards.js';
import { queryRows, type Database } from '../db/client.js';
import {
  inventoryItems,
  scorecardEntries,
  scorecardEvidence,
  scorecardPublications,
  scorecardTargets,
} from '../db/schema/index.js';
import { freezeMonth, refreshValues } from '../modules/scorecards/scorecards.compute.js';
import { listIndicators } from '../modules/scorecards/scorecards.repo.js';
import type { UnitRow } from '../modules/units/units.repo.js';

type Staff = { id: number };
type Commune = { unit: UnitRow; progress: number; households: number };

/** A one-page PDF (the inventory minutes a commune scans and attaches), built by hand so it is a real, valid file. */
export function evidencePdf(title: string): Buffer {
  const text = `BT /F1 14 Tf 60 760 Td (${title.replace(/[()\\]/g, '')}) Tj 0 -24 Td /F1 11 Tf (Bien ban kiem tra so lieu - du lieu minh hoa) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The province's yearly targets (a share for PERCENT; years for the computers' age). Counts have none. */
const provinceTargets: Record<string, number> = {
  VNEID_L2: 0.8,
  PHONE_ON_RECORD: 0.85,
  CHANNEL_HOUSEHOLDS: 0.6,
  ANNOUNCEMENT_REACH_30D: 0.5,
  DOSSIER_ONLINE: 0.5,
  DOSSIER_FULL_ONLINE: 0.4,
  DOSSIER_ON_TIME: 0.95,
  DOSSIER_PAID_ONLINE: 0.5,
  DOSSIER_E_RESULT: 0.4,
  DOSSIER_DIGITIZED: 0.7,
  FEEDBACK_ON_TIME: 0.9,
  FEEDBACK_SATISFIED: 0.8,
  CAMPAIGN_COMPLETION: 0.8,
  TEAM_TRAINED: 0.9,
  TEAM_ACTIVE: 0.7,
  BROADBAND_HOUSEHOLDS: 0.8,
  STAFF_OFFICIAL_EMAIL: 1,
  STAFF_DIGITAL_SIGNATURE: 0.9,
  CASHLESS_SHOPS: 0.6,
  COMPUTER_AGE: 5,
};

/** How many of what an entered value counts over, per commune (staff, shops), and a count's size. */
function enteredValue(code: string, measure: string, c: Commune, step: number) {
  const p = c.progress;
  const grow = 0.85 + 0.05 * step; // a little better each quarter
  if (measure === 'AVERAGE') return { numerator: Math.round(20 * (7 - 3.5 * p)), denominator: 20 };
  if (measure === 'COUNT') {
    const base = { CITIZEN_DIGITAL_SIGNATURES: 40, COMPUTERS: 22, VIDEO_ROOMS: 1, CAMERAS: 12 }[code] ?? 5;
    return {
      numerator: Math.max(1, Math.round(base * (0.5 + p) * (code === 'VIDEO_ROOMS' ? 1 : grow))),
      denominator: null,
    };
  }
  const denominator = code === 'BROADBAND_HOUSEHOLDS' ? c.households : code.startsWith('STAFF_') ? 22 : 40;
  return {
    numerator: Math.min(denominator, Math.round(denominator * Math.min(1, (0.35 + 0.6 * p) * grow))),
    denominator,
  };
}

/**
 * The scorecards over the demo province: entered values with evidence (approved for the quarters and years gone,
 * one waiting for the province and one returned in the first commune), the province's targets and one commune's
 * stricter ones, each commune's ICT inventory, what the first commune shows on its public page; then the past months
 * frozen and published (`months` of them) and the current month computed.
 */
export async function seedScorecardsDemo(
  database: Database,
  province: UnitRow,
  communes: Commune[],
  staff: { officer: Staff; leader: Staff },
  options: { now?: Date; months: number },
): Promise<{ frozen: string[]; current: string }> {
  const now = options.now ?? new Date();
  const current = monthOf(now);
  const frozen = monthsUpTo(previousPeriod(current), options.months);
  const year = Number(current.slice(0, 4));
  const first = communes[0]!;
  await database.db.transaction(async (tx) => {
    const catalog = await listIndicators(tx, province.id);
    const entered = catalog.filter((i) => i.kind === 'ENTERED' && i.levels.includes('COMMUNE'));
    // Quarters and years whose end is past; an approval comes ten days after.
    const quarters = [...new Set(frozen.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
    const ended = (period: string) => new Date(`${periodRange(period).to}T00:00:00Z`).getTime() + 10 * 86_400_000;
    const pdf = evidencePdf('Bien ban kiem ke thiet bi va so lieu chuyen doi so');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const rows: (typeof scorecardEntries.$inferInsert)[] = [];
    for (const c of communes)
      for (const i of entered) {
        const periods = i.periodKind === 'YEAR' ? [String(year - 1), String(year)] : quarters;
        periods.forEach((period, step) => {
          const decided = new Date(Math.min(ended(period), now.getTime() - 86_400_000));
          if (i.periodKind !== 'YEAR' && ended(period) > now.getTime()) return;
          rows.push({
            indicatorId: i.id,
            unitId: c.unit.id,
            period,
            ...enteredValue(i.code, i.measure, c, step),
            note: 'Theo biên bản kiểm tra của UBND xã.',
            status: 'APPROVED',
            createdBy: c === first ? staff.leader.id : null,
            createdAt: new Date(decided.getTime() - 5 * 86_400_000),
            submittedBy: c === first ? staff.leader.id : null,
            submittedAt: new Date(decided.getTime() - 4 * 86_400_000),
            decidedBy: staff.officer.id,
            decidedAt: decided,
          });
        });
      }
    // This quarter in the first commune: broadband sent to the province, cashless shops returned with a reason.
    const quarter = `${year}-Q${Math.ceil(Number(current.slice(5)) / 3)}`;
    const byCode = new Map(entered.map((i) => [i.code, i]));
    const open = (code: string) => ({
      indicatorId: byCode.get(code)!.id,
      unitId: first.unit.id,
      period: quarter,
      ...enteredValue(code, byCode.get(code)!.measure, first, 4),
      createdBy: staff.leader.id,
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
      submittedBy: staff.leader.id,
      submittedAt: new Date(now.getTime() - 2 * 86_400_000),
    });
    if (byCode.has('BROADBAND_HOUSEHOLDS'))
      rows.push({ ...open('BROADBAND_HOUSEHOLDS'), status: 'SUBMITTED', note: 'Số liệu do VNPT và Viettel cung cấp.' });
    if (byCode.has('CASHLESS_SHOPS'))
      rows.push({
        ...open('CASHLESS_SHOPS'),
        status: 'RETURNED',
        note: 'Theo danh sách hộ kinh doanh có mã QR.',
        returnReason: 'Thiếu danh sách cơ sở kinh doanh kèm theo; đề nghị bổ sung và gửi lại.',
        decidedBy: staff.officer.id,
        decidedAt: new Date(now.getTime() - 86_400_000),
      });
    const made = await tx.insert(scorecardEntries).values(rows).returning({ id: scorecardEntries.id });
    // Evidence on every value but the returned one (its list is what is missing).
    await tx.insert(scorecardEvidence).values(
      made
        .filter((_, k) => rows[k]!.status !== 'RETURNED')
        .map((e) => ({
          entryId: e.id,
          fileName: 'bien-ban-kiem-tra.pdf',
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256,
          content: pdf,
          createdBy: staff.leader.id,
        })),
    );

    // Targets: the province's for last year and this one; the first commune asks more of itself on two.
    const targets = catalog.flatMap((i) =>
      provinceTargets[i.code] === undefined
        ? []
        : [year - 1, year].map((y) => ({
            indicatorId: i.id,
            unitId: province.id,
            period: String(y),
            target: provinceTargets[i.code]! - (y < year && i.direction === 'HIGHER' ? 0.05 : 0),
            setBy: staff.officer.id,
          })),
    );
    const stricter = { VNEID_L2: 0.85, DOSSIER_ONLINE: 0.6 } as Record<string, number>;
    for (const i of catalog)
      if (stricter[i.code] !== undefined)
        targets.push({
          indicatorId: i.id,
          unitId: first.unit.id,
          period: String(year),
          target: stricter[i.code]!,
          setBy: staff.leader.id,
        });
    await tx.insert(scorecardTargets).values(targets);
    await tx.execute(sql`insert into scorecard_settings (unit_id) values (${province.id}) on conflict do nothing`);

    // Each commune's ICT inventory: computers of several years (one broken), lines, a video room, cameras, signatures.
    await tx.insert(inventoryItems).values(
      communes.flatMap(({ unit, progress }) => {
        const n = (x: number) => Math.max(1, Math.round(x * (0.5 + progress)));
        return [
          { unitId: unit.id, kind: 'COMPUTER', label: 'Máy tính để bàn bộ phận một cửa', count: n(6), year: year - 2 },
          { unitId: unit.id, kind: 'COMPUTER', label: 'Máy tính văn phòng UBND', count: n(10), year: year - 6 },
          { unitId: unit.id, kind: 'COMPUTER', label: 'Máy tính xách tay', count: 1, year: year - 8, state: 'BROKEN' },
          { unitId: unit.id, kind: 'BROADBAND_LINE', label: 'Đường truyền cáp quang VNPT', count: 1, year: year - 4 },
          { unitId: unit.id, kind: 'VIDEO_ROOM', label: 'Phòng họp trực tuyến tầng 2', count: 1, year: year - 3 },
          { unitId: unit.id, kind: 'CAMERA', label: 'Camera an ninh các ngã ba', count: n(12), year: year - 1 },
          { unitId: unit.id, kind: 'DIGITAL_SIGNATURE', label: 'Chữ ký số cá nhân (Ban Cơ yếu)', count: n(14) },
          { unitId: unit.id, kind: 'OFFICIAL_EMAIL', label: 'Hộp thư công vụ', count: n(16) },
        ];
      }),
    );
    const published = ['VNEID_L2', 'DOSSIER_ONLINE', 'DOSSIER_ON_TIME', 'FEEDBACK_ON_TIME', 'CHANNEL_HOUSEHOLDS'];
    await tx
      .insert(scorecardPublications)
      .values(
        catalog
          .filter((i) => published.includes(i.code))
          .map((i) => ({ unitId: first.unit.id, indicatorId: i.id, position: published.indexOf(i.code) })),
      );
  });

  // The months gone, frozen as the nightly snapshot would have, each as of its own end, and published to communes.
  for (const month of frozen) await freezeMonth(database, province.id, month, { now });
  await database.db.execute(sql`
    update scorecard_snapshots set published_at = ${now}, published_by = ${staff.officer.id}
    where province_id = ${province.id} and published_at is null`);
  await database.db.transaction((tx) => refreshValues(tx, province.id, current, { now }));
  return { frozen, current };
}

/** Each commune of the province with its households (entered values count over them). */
export async function communesOf(database: Database, province: UnitRow, progress: Map<number, number>) {
  // A commune's id is the path segment after the province's ("/1/12/" → "/1/12/340/…"): one pass over households.
  const at = province.path.split('/').length;
  const rows = await queryRows<UnitRow & { households: number }>(
    database.db,
    sql`with counted as (
          select split_part(x.path, '/', ${at})::int as commune_id, count(*)::int as households
          from households h join units x on x.id = h.unit_id where x.path like ${`${province.path}%/%`}
          group by 1)
        select u.*, coalesce(c.households, 0) as households
        from units u left join counted c on c.commune_id = u.id
        where u.parent_id = ${province.id} and u.tier = 'COMMUNE' and u.closed_at is null order by u.id`,
  );
  // A commune built without a plan (the first, the province-scale ones) gets a progress of its own from its place.
  return rows.map((r, i) => ({
    unit: r,
    households: r.households,
    progress: progress.get(r.id) ?? 0.3 + ((i * 37 + 31) % 60) / 100,
  }));
}
