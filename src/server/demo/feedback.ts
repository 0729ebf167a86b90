import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type TicketStatus, ticketCode } from '../../shared/feedback.js';
import { foldText } from '../../shared/text.js';
import type { Database } from '../db/client.js';
import { feedbackTemplates, ticketEvents, tickets } from '../db/schema/index.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { loadExceptions } from '../modules/calendar/calendar.repo.js';
import { addDays, localInstant, localParts } from '../modules/calendar/working-days.js';
import { ensureCategories } from '../modules/feedback/feedback.settings.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { feedbackSamples, type PlannedTicket, planTicket } from './feedback-plan.js';
import { createRandom, givenFemale, givenMale, middleFemale, middleMale, surnames } from './names.js';

type Staff = { id: number; fullName: string };
const BATCH = 300;

/**
 * A year of questions and reports in the demo commune (issue 16), so the queue, "Hỏi đáp", the measures and the
 * province ranking show something real: about two a working day, from the public page, Zalo, the counter, the
 * hotline and Open311, each taken as far as it would have gone by now (feedback-plan.ts) — accepted, assigned,
 * rejected with a reason, answered on time or late, extended, rated, reopened, published with masked text, marked as
 * abuse — and a few of today's: just received, transferred to a thôn, overdue, a duplicate merged into an answered
 * one. Planned in memory, written in batches. Deterministic for a seed. Returns how many it made.
 */
export async function seedFeedbackDemo(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  group: UnitRow,
  staff: { officer: Staff; leader: Staff },
  options: { seed: number; now?: Date },
): Promise<number> {
  const { db } = database;
  const rnd = createRandom(options.seed ^ 0xfeed);
  const now = options.now ?? new Date();
  const today = localParts(now).day;
  const first = addDays(today, -365);
  const exceptions = await loadExceptions(db, first, 420);
  const categories = new Map(
    (await db.transaction((tx) => ensureCategories(tx, commune.id))).map((c) => [c.code, c.id]),
  );

  const planned: PlannedTicket[] = [];
  for (let day = first; day < today; day = addDays(day, 1)) {
    const weekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
    const n = weekend ? rnd.int(0, 1) : rnd.int(0, 3);
    for (let i = 0; i < n; i++) {
      // Office hours mostly; Zalo messages come in the evening too.
      const at = localInstant(
        day,
        `${String(rnd.int(6, 21)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`,
      );
      planned.push(planTicket(rnd, at, now, exceptions));
    }
  }
  // Today's: two just received, one transferred to the thôn, one overdue since three weeks, one merged duplicate.
  const fresh = (minutesAgo: number) => planTicket(rnd, new Date(now.getTime() - minutesAgo * 60_000), now, exceptions);
  const todays = [fresh(40), fresh(15)].map((t) => ({
    ...t,
    status: 'RECEIVED' as TicketStatus,
    events: t.events.slice(0, 1),
  }));
  for (const t of todays) Object.assign(t, { acceptedAt: null, assigned: false });
  planned.push(...todays);
  const transferred = planTicket(rnd, new Date(now.getTime() - 26 * 3_600_000), now, exceptions);
  Object.assign(transferred, {
    sample: feedbackSamples[1],
    status: 'TRANSFERRED',
    atGroup: true,
    assigned: false,
    answeredAt: null,
    answerState: null,
    onTime: null,
    rating: null,
    ratedAt: null,
    closedAt: null,
    publishedAt: null,
    rejectReason: null,
    acceptedAt: new Date(now.getTime() - 25 * 3_600_000),
    events: [
      transferred.events[0]!,
      {
        at: new Date(now.getTime() - 24 * 3_600_000),
        kind: 'STATUS',
        fromStatus: 'RECEIVED',
        toStatus: 'TRANSFERRED',
        actor: 'officer',
        body: 'Chuyển trưởng thôn kiểm tra hiện trường',
        public: true,
        toGroup: true,
      },
    ],
  });
  planned.push(transferred);
  const overdueAt = localInstant(addDays(today, -21), '09:10');
  const overdue = planTicket(rnd, overdueAt, now, exceptions);
  const acceptedAt = new Date(overdueAt.getTime() + 2 * 3_600_000);
  Object.assign(overdue, {
    status: 'ASSIGNED',
    assigned: true,
    acceptedAt,
    answeredAt: null,
    answerState: 'DRAFT',
    onTime: null,
    extendedDueAt: null,
    extensionRequestedUntil: null,
    extensionReason: null,
    rating: null,
    ratedAt: null,
    closedAt: null,
    publishedAt: null,
    rejectReason: null,
    abuseAt: null,
    reopenCount: 0,
    events: [
      overdue.events[0]!,
      { at: acceptedAt, kind: 'STATUS', fromStatus: 'RECEIVED', toStatus: 'ACCEPTED', actor: 'officer', public: true },
      { at: acceptedAt, kind: 'STATUS', fromStatus: 'ACCEPTED', toStatus: 'ASSIGNED', actor: 'officer', public: true },
    ],
  });
  planned.push(overdue);
  planned.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const sequence = new Map<string, number>();
  const rows = planned.map((t) => {
    const day = localParts(t.receivedAt).day;
    const seq = (sequence.get(day) ?? 0) + 1;
    sequence.set(day, seq);
    const code = ticketCode(day, seq);
    const female = rnd.next() < 0.5;
    const name = [
      rnd.weighted(surnames),
      rnd.pick(female ? middleFemale : middleMale),
      rnd.pick(female ? givenFemale : givenMale),
    ].join(' ');
    const phone = `+849${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
    const zalo = t.channel === 'ZALO' ? `84${rnd.int(100_000_000, 999_999_999)}${rnd.int(1000, 9999)}` : null;
    const published = t.publishedAt !== null;
    const unitId = t.atGroup ? group.id : commune.id;
    return {
      code,
      lookupToken: randomBytes(24).toString('base64url'),
      communeId: commune.id,
      unitId,
      categoryId: categories.get(t.sample.category)!,
      severity: t.severity,
      status: t.status,
      channel: t.channel,
      title: t.sample.title,
      body: t.sample.body,
      locationUnitId: t.atGroup ? group.id : null,
      publishable: t.publishable,
      senderName: t.channel === 'OPEN311' && rnd.next() < 0.5 ? null : name,
      senderPhoneEnc: t.channel === 'ZALO' ? null : cipher.encrypt(phone),
      senderPhoneBidx: t.channel === 'ZALO' ? null : cipher.blindIndex(phone, 'phone'),
      senderZaloEnc: zalo ? cipher.encrypt(zalo) : null,
      senderZaloBidx: zalo ? cipher.blindIndex(zalo, 'zalo') : null,
      searchText: foldText(`${code} ${t.sample.title} ${t.sample.body} ${name}`),
      assigneeId: t.assigned ? staff.officer.id : null,
      createdBy: t.channel === 'COUNTER' || t.channel === 'HOTLINE' ? staff.officer.id : null,
      receivedAt: t.receivedAt,
      acceptDueAt: t.acceptDueAt,
      acceptedAt: t.acceptedAt,
      dueAt: t.dueAt,
      extendedDueAt: t.extendedDueAt,
      extensionRequestedUntil: t.extensionRequestedUntil,
      extensionReason: t.extensionReason,
      answeredAt: t.answeredAt,
      closedAt: t.closedAt,
      onTime: t.onTime,
      answerWorkingMinutes: t.answerWorkingMinutes,
      rejectReason: t.rejectReason,
      answer: t.answerState ? t.sample.answer : null,
      answerState: t.answerState,
      answeredBy: t.answeredAt ? staff.officer.id : null,
      publishedAt: t.publishedAt,
      publicTitle: published ? t.sample.title : null,
      publicBody: published ? t.sample.publicBody : null,
      publicAnswer: published ? t.sample.answer : null,
      publicSearch: published ? foldText(`${t.sample.title} ${t.sample.publicBody} ${t.sample.answer}`) : null,
      rating: t.rating,
      ratingComment: t.rating === 'UNSATISFIED' ? 'Xử lý còn chậm' : null,
      ratedAt: t.ratedAt,
      reopenCount: t.reopenCount,
      abuseAt: t.abuseAt,
      version: t.events.length,
      createdAt: t.receivedAt,
      updatedAt: t.events.at(-1)!.at,
    };
  });

  let made = rows.length;
  await db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = await tx
        .insert(tickets)
        .values(rows.slice(start, start + BATCH))
        .returning({ id: tickets.id });
      ids.push(...batch.map((m) => m.id));
      const who = (actor: string) =>
        actor === 'officer' || actor === 'leader'
          ? { actorKind: 'STAFF', actorId: staff[actor].id }
          : { actorKind: actor === 'citizen' ? 'CITIZEN' : 'SYSTEM', actorId: null };
      await tx.insert(ticketEvents).values(
        planned.slice(start, start + BATCH).flatMap((t, i) =>
          t.events.map((e) => ({
            ticketId: batch[i]!.id,
            at: e.at,
            kind: e.kind,
            fromStatus: e.fromStatus ?? null,
            toStatus: e.toStatus ?? null,
            ...who(e.actor),
            body: e.body ?? null,
            public: e.public,
            data: e.data ?? {},
            ...((e as { toGroup?: boolean }).toGroup ? { fromUnitId: commune.id, toUnitId: group.id } : {}),
          })),
        ),
      );
    }
    // A duplicate of an answered question, merged into it: it follows the target's answer.
    const targetIndex = planned.findIndex((t, i) => t.answeredAt && t.status === 'CLOSED' && i > planned.length - 60);
    if (targetIndex >= 0) {
      const target = rows[targetIndex]!;
      const receivedAt = new Date(target.receivedAt.getTime() + 3 * 3_600_000);
      const day = localParts(receivedAt).day;
      const seq = (sequence.get(day) ?? 0) + 1;
      sequence.set(day, seq);
      const code = ticketCode(day, seq);
      const [dup] = await tx
        .insert(tickets)
        .values({
          ...target,
          code,
          lookupToken: randomBytes(24).toString('base64url'),
          body: `${target.body} (Tôi cũng phản ánh việc này.)`,
          searchText: foldText(`${code} ${target.title} ${target.body}`),
          receivedAt,
          createdAt: receivedAt,
          mergedIntoId: ids[targetIndex]!,
          publishedAt: null,
          publicTitle: null,
          publicBody: null,
          publicAnswer: null,
          publicSearch: null,
          rating: null,
          ratedAt: null,
          ratingComment: null,
        })
        .returning({ id: tickets.id });
      made += 1;
      await tx.insert(ticketEvents).values([
        {
          ticketId: dup!.id,
          at: receivedAt,
          kind: 'CREATED',
          toStatus: 'RECEIVED',
          actorKind: 'CITIZEN',
          public: true,
        },
        {
          ticketId: dup!.id,
          at: new Date(receivedAt.getTime() + 3_600_000),
          kind: 'MERGED',
          actorKind: 'STAFF',
          actorId: staff.officer.id,
          body: `Gộp vào phiếu ${target.code}`,
          public: true,
          data: { intoId: ids[targetIndex]! },
        },
      ]);
    }
    // The day counters know the numbers used, so a code is never given twice.
    if (sequence.size)
      await tx.execute(sql`
        insert into ticket_sequences (commune_id, day, last)
        values ${sql.join(
          [...sequence].map(([day, last]) => sql`(${commune.id}, ${day}, ${last})`),
          sql`, `,
        )}
        on conflict (commune_id, day) do update set last = greatest(ticket_sequences.last, excluded.last)`);
    // The answers the one-stop officer keeps reusing, so "answer with a template" has something to pick.
    await tx.insert(feedbackTemplates).values(
      demoTemplates.map((x) => ({
        communeId: commune.id,
        categoryId: x.category ? categories.get(x.category)! : null,
        title: x.title,
        body: x.body,
        createdBy: staff.officer.id,
      })),
    );
  });
  return made;
}

/** A commune's usual answers (the answering officer fills the blanks). */
const demoTemplates: { category: string | null; title: string; body: string }[] = [
  {
    category: null,
    title: 'Đã tiếp nhận, đang kiểm tra',
    body: 'UBND xã đã tiếp nhận phản ánh của ông/bà và đã giao cán bộ kiểm tra thực tế. Kết quả xử lý sẽ được thông báo trước ngày …',
  },
  {
    category: 'HA_TANG',
    title: 'Đã sửa chữa xong',
    body: 'UBND xã đã phối hợp với đơn vị quản lý sửa chữa xong (ngày …). Cảm ơn ông/bà đã phản ánh; nếu còn hư hỏng, ông/bà vui lòng phản hồi lại để xã kiểm tra.',
  },
  {
    category: 'MOI_TRUONG',
    title: 'Đã cho thu gom, vệ sinh',
    body: 'UBND xã đã chỉ đạo tổ vệ sinh môi trường thu gom, xử lý tại vị trí ông/bà phản ánh và nhắc nhở các hộ xung quanh giữ gìn vệ sinh chung.',
  },
  {
    category: 'TTHC',
    title: 'Hướng dẫn hồ sơ thủ tục',
    body: 'Ông/bà chuẩn bị hồ sơ theo hướng dẫn ở đường dẫn kèm theo và nộp tại Bộ phận một cửa UBND xã (sáng 7:30–11:30, chiều 13:30–17:00) hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.',
  },
  {
    category: 'SO_HOA',
    title: 'Hỗ trợ tài khoản định danh điện tử',
    body: 'Ông/bà mang căn cước đến Bộ phận một cửa hoặc gặp Tổ công nghệ số cộng đồng ở thôn để được hỗ trợ kích hoạt, đặt lại mật khẩu tài khoản VNeID.',
  },
];
