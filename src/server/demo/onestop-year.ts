import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { foldText } from '../../shared/text.js';
import { queryRows, type Database } from '../db/client.js';
import { dossierEvents, dossiers, payments, postalShipments } from '../db/schema/index.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { loadExceptions } from '../modules/calendar/calendar.repo.js';
import { addDays, localParts } from '../modules/calendar/working-days.js';
import { formatCode } from '../modules/dossiers/dossiers.codes.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { type DemoProcedure, planDay, type PlannedDossier, type Staff } from './onestop-history.js';
import { createRandom, givenFemale, givenMale, middleFemale, middleMale, surnames } from './names.js';

/** The procedures the demo year uses, with what an applicant fills in for each. */
const demoFields: Record<string, Record<string, string>> = {
  '1.004873': { purpose: 'Đăng ký kết hôn' },
  '1.004194': { address: 'Nhà trọ Hạnh Phúc, thôn 2', until: '2027-06-30' },
  '2.000635': { copies: '2' },
  '1.004859': { change: 'Sửa năm sinh của mẹ trong giấy khai sinh' },
  '1.001612': { businessName: 'Tạp hóa Hương Sen' },
};

const BATCH = 400;

/**
 * A year of the demo commune's one-stop shop, so the leader's indicators and the officers' queues show something
 * real: every day of the past twelve months brings dossiers taken as far as they would have gone by now — refused,
 * withdrawn, supplemented, extended, late, overdue and stuck, paid in cash or by VietQR, returned at the counter, by
 * post or electronically, rated. Planned in memory and written in batches (a few hundred rows a statement), with the
 * daily stats kept by their trigger as for any dossier. Deterministic for a seed. Returns how many it made.
 */
export async function seedOnestopYear(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  staff: { officer: Staff; leader: Staff },
  options: { seed: number; now?: Date },
): Promise<number> {
  const { db } = database;
  const rnd = createRandom(options.seed ^ 0x5eed);
  const now = options.now ?? new Date();
  const today = localParts(now).day;
  const first = addDays(today, -365);
  const procedures = (
    await queryRows<Omit<DemoProcedure, 'fields'>>(
      db,
      sql`select id, code, time_amount as "timeAmount", time_unit as "timeUnit", online_level as "onlineLevel",
        requires_approval as "requiresApproval", postal_allowed as "postalAllowed", fees
      from procedures where status = 'PUBLISHED' and code in ${sql.raw(`('${Object.keys(demoFields).join("','")}')`)}`,
    )
  ).map((p) => ({ ...p, fields: demoFields[p.code]! }));
  if (procedures.length === 0) return 0;
  const exceptions = await loadExceptions(db, first, 420);

  // Yesterday back to a year ago: today belongs to the morning at the counter (onestop.ts) and its live codes.
  const planned: PlannedDossier[] = [];
  for (let day = first; day < today; day = addDays(day, 1))
    planned.push(...planDay(rnd, day, procedures, exceptions, now));

  const sequence = new Map<string, number>();
  const rows = planned.map((d) => {
    const seq = (sequence.get(d.day) ?? 0) + 1;
    sequence.set(d.day, seq);
    const code = formatCode('{unit}-{yymmdd}-{seq4}', commune.code, d.day, seq);
    const female = rnd.next() < 0.5;
    const name = [
      rnd.weighted(surnames),
      rnd.pick(female ? middleFemale : middleMale),
      rnd.pick(female ? givenFemale : givenMale),
    ].join(' ');
    const born = rnd.int(1950, 2004);
    const pid = `031${(born >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(born).slice(2)}${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
    const phone = `+849${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
    return {
      code,
      lookupToken: randomBytes(18).toString('base64url'),
      unitId: commune.id,
      procedureId: d.procedure.id,
      channel: d.channel,
      status: d.status,
      awaitingApproval: d.awaitingApproval,
      statusBeforeSupplement: d.statusBeforeSupplement,
      applicantName: name,
      searchText: foldText(`${code} ${name}`),
      applicantPidEnc: cipher.encrypt(pid),
      applicantPidBidx: cipher.blindIndex(pid, 'pid'),
      applicantPhoneEnc: cipher.encrypt(phone),
      applicantPhoneBidx: cipher.blindIndex(phone, 'phone'),
      formData: d.procedure.fields,
      returnMethod: d.returnMethod,
      postalAddress: d.postalAddress,
      feeAmount: d.feeAmount,
      paidAt: d.paidAt,
      paidOnline: d.paidOnline,
      fullOnlineEligible: d.procedure.onlineLevel === 'FULL',
      digitized: d.digitized,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      extendedDueAt: d.extendedDueAt,
      pausedAt: d.pausedAt,
      resolvedAt: d.resolvedAt,
      returnedAt: d.returnedAt,
      closedAt: d.closedAt,
      onTime: d.onTime,
      assigneeId: d.assigned ? staff.officer.id : null,
      createdBy: d.channel === 'IN_PERSON' ? staff.officer.id : null,
      rating: d.rating,
      ratingComment: d.ratingComment,
      ratedAt: d.ratedAt,
      version: d.events.length,
      createdAt: d.submittedAt,
      updatedAt: d.events.at(-1)!.at,
    };
  });

  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      const slice = rows.slice(start, start + BATCH);
      const ids = await tx.insert(dossiers).values(slice).returning({ id: dossiers.id });
      const plans = planned.slice(start, start + BATCH);
      const who = (actor: string) =>
        actor === 'officer' || actor === 'leader'
          ? { actorKind: 'STAFF', actorUserId: staff[actor].id, actorName: staff[actor].fullName }
          : { actorKind: actor === 'applicant' ? 'APPLICANT' : 'SYSTEM', actorUserId: null, actorName: null };
      await tx.insert(dossierEvents).values(
        plans.flatMap((d, i) =>
          d.events.map((e) => ({
            dossierId: ids[i]!.id,
            action: e.action,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            ...who(e.actor),
            reason: e.reason ?? null,
            formType: e.formType ?? null,
            data: e.data ?? null,
            at: e.at,
          })),
        ),
      );
      const paid = plans.flatMap((d, i) =>
        d.paidAt
          ? [
              {
                dossierId: ids[i]!.id,
                amount: d.feeAmount,
                method: d.payMethod!,
                providerTxId: d.payMethod === 'VIETQR' ? `DEMO${slice[i]!.code.replaceAll('-', '')}` : null,
                receiptNo: d.payMethod === 'CASH' ? `BL-${slice[i]!.code}` : null,
                receivedBy: d.payMethod === 'VIETQR' ? null : staff.officer.id,
                ...(d.payMethod === 'TRANSFER'
                  ? { reference: `FT${slice[i]!.code.replace(/\D/g, '')}`, transferredOn: localParts(d.paidAt).day }
                  : {}),
                paidAt: d.paidAt,
              },
            ]
          : [],
      );
      if (paid.length) await tx.insert(payments).values(paid);
      const posted = plans.flatMap((d, i) =>
        d.returnMethod === 'POST' && d.returnedAt
          ? [
              {
                dossierId: ids[i]!.id,
                direction: 'OUT',
                trackingNumber: `EE${String(ids[i]!.id).padStart(9, '0')}VN`,
                status: d.returnedAt.getTime() < now.getTime() - 3 * 86_400_000 ? 'DELIVERED' : 'IN_TRANSIT',
                address: d.postalAddress,
                feeAmount: 25_000,
                createdBy: staff.officer.id,
                createdAt: d.returnedAt,
                updatedAt: d.returnedAt,
              },
            ]
          : [],
      );
      if (posted.length) await tx.insert(postalShipments).values(posted);
    }
    // The daily code counters know the numbers used, so a code is never given twice.
    if (sequence.size)
      await tx.execute(sql`
        insert into dossier_counters (unit_id, day, last)
        values ${sql.join(
          [...sequence].map(([day, last]) => sql`(${commune.id}, ${day}::date, ${last})`),
          sql`, `,
        )}
        on conflict (unit_id, day) do update set last = greatest(dossier_counters.last, excluded.last)`);
  });
  return rows.length;
}
