import {
  addDays,
  addWorkingDays,
  dueDate,
  type Exceptions,
  isWorkingDay,
  localInstant,
  localParts,
  nextWorkingDay,
  resumeDue,
  workingDaysBetween,
} from '../modules/calendar/working-days.js';
import type { TimeUnit } from '../../shared/onestop.js';
import type { Random } from './names.js';
import type { DemoProcedure, PlannedDossier, PlannedEvent } from './onestop-history.types.js';

export type { DemoProcedure, PlannedDossier, Staff } from './onestop-history.types.js';

// A year of a commune's one-stop counter, planned in memory as dossier rows with their events, payments and postal
// shipments, then written in batches (onestop-year.ts). Every date is one the workflow could have produced: receipt
// and processing on working days in office hours, due dates by the calendar, a supplement's wait moving the due date,
// an apology's new date a working day, nothing after "now".

/** What becomes of a dossier, with how often it happens at a small commune's counter. */
const fates = [
  ['normal', 70],
  ['supplemented', 7],
  ['extended', 5],
  ['late', 4],
  ['refused', 4],
  ['withdrawnEarly', 2],
  ['withdrawnLate', 2],
  ['stuck', 1.2],
  ['stopped', 0.8],
] as const;
type Fate = (typeof fates)[number][0];

const comments = {
  SATISFIED: ['Cán bộ hướng dẫn tận tình', 'Nhanh, đúng hẹn', null, null],
  ACCEPTABLE: ['Phải chờ hơi lâu', null],
  UNSATISFIED: ['Trả kết quả chậm so với hẹn', 'Phải đi lại nhiều lần'],
} as const;

/** A moment in office hours (Vietnam time) on `day`, between two times given in minutes after midnight. */
function at(rnd: Random, day: string, fromMin = 7 * 60 + 30, toMin = 16 * 60 + 30) {
  const m = rnd.int(fromMin, toMin);
  return localInstant(day, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
}
const dayOf = (t: Date) => localParts(t).day;
const later = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

/**
 * The dossiers submitted on one day, each taken as far as it would have gone by `now`. Working days bring 1–4
 * dossiers at the counter and online; a day off only the odd online one.
 */
export function planDay(
  rnd: Random,
  day: string,
  procedures: DemoProcedure[],
  exceptions: Exceptions,
  now: Date,
): PlannedDossier[] {
  const working = isWorkingDay(day, exceptions);
  const count = working ? rnd.int(1, 4) : rnd.next() < 0.4 ? 1 : 0;
  const out: PlannedDossier[] = [];
  for (let i = 0; i < count; i++) {
    const channel = working
      ? rnd.weighted([
          ['IN_PERSON', 50],
          ['ONLINE', 45],
          ['POSTAL', 5],
        ] as const)
      : 'ONLINE';
    const procedure = rnd.pick(procedures);
    const submittedAt = channel === 'ONLINE' && !working ? at(rnd, day, 6 * 60, 22 * 60) : at(rnd, day);
    if (submittedAt > now) continue;
    out.push(planDossier(rnd, day, procedure, channel, submittedAt, exceptions, now));
  }
  return out;
}

function planDossier(
  rnd: Random,
  day: string,
  procedure: DemoProcedure,
  channel: PlannedDossier['channel'],
  submittedAt: Date,
  exceptions: Exceptions,
  now: Date,
): PlannedDossier {
  let fate: Fate = rnd.weighted(fates);
  if (channel === 'IN_PERSON' && (fate === 'refused' || fate === 'withdrawnEarly')) fate = 'normal';
  const fee =
    (procedure.fees.find((f) => f.channel === channel) ?? procedure.fees.find((f) => f.channel === 'IN_PERSON'))
      ?.amountVnd ?? 0;
  const returnMethod = rnd.weighted([
    ['COUNTER', 70],
    ['POST', procedure.postalAllowed ? 15 : 0],
    ['ONLINE', 15],
  ] as const);
  const d: PlannedDossier = {
    day,
    procedure,
    channel,
    status: 'NEW',
    awaitingApproval: false,
    statusBeforeSupplement: null,
    returnMethod,
    postalAddress: returnMethod === 'POST' ? `Số ${rnd.int(1, 200)}, thôn ${rnd.int(1, 6)}, xã An Hòa` : null,
    feeAmount: fee,
    paidAt: null,
    paidOnline: false,
    payMethod: null,
    digitized: channel === 'ONLINE' || rnd.next() < 0.6,
    submittedAt,
    receivedAt: null,
    dueAt: null,
    extendedDueAt: null,
    pausedAt: null,
    resolvedAt: null,
    returnedAt: null,
    closedAt: null,
    onTime: null,
    assigned: false,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    events: [],
  };
  /** Records a step if it has happened by now; false (and nothing changes) if it is still to come. */
  const step = (e: Omit<PlannedEvent, 'fromStatus'>) => {
    if (e.at > now) return false;
    d.events.push({ ...e, fromStatus: d.events.length ? d.status : null });
    d.status = e.toStatus;
    return true;
  };
  const applicantSubmits = channel !== 'IN_PERSON';
  step({
    action: 'SUBMIT',
    toStatus: 'NEW',
    at: submittedAt,
    actor: applicantSubmits ? 'applicant' : 'officer',
    data: { channel },
  });
  const workingDayAfter = (t: Date, n: number) => addWorkingDays(dayOf(t), n, exceptions);

  // Reception: at once at the counter; online and by post the next working morning.
  let receiveAt = submittedAt;
  if (applicantSubmits) {
    const firstDay = isWorkingDay(dayOf(submittedAt), exceptions)
      ? workingDayAfter(submittedAt, 1)
      : nextWorkingDay(dayOf(submittedAt), exceptions);
    receiveAt = at(rnd, firstDay, 8 * 60, 11 * 60);
    if (fate === 'withdrawnEarly') {
      if (
        step({
          action: 'WITHDRAW',
          toStatus: 'WITHDRAWN',
          at: later(submittedAt, 90),
          actor: 'applicant',
          reason: 'Nộp nhầm thủ tục',
        })
      )
        d.closedAt = later(submittedAt, 90);
      return d;
    }
    if (fate === 'refused') {
      if (
        step({
          action: 'REFUSE',
          toStatus: 'REFUSED',
          at: receiveAt,
          actor: 'officer',
          formType: 'MAU_03',
          reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của xã',
        })
      )
        d.closedAt = receiveAt;
      return d;
    }
  }
  if (receiveAt > now) return d;
  d.receivedAt = receiveAt;
  d.dueAt = dueDate(receiveAt, procedure.timeAmount, procedure.timeUnit as TimeUnit, '15:00', exceptions);
  if (applicantSubmits)
    step({
      action: 'RECEIVE',
      toStatus: 'RECEIVED',
      at: receiveAt,
      actor: 'officer',
      formType: 'MAU_01',
      data: { dueAt: d.dueAt.toISOString() },
    });
  else {
    d.events.push({
      action: 'RECEIVE',
      fromStatus: 'NEW',
      toStatus: 'RECEIVED',
      at: receiveAt,
      actor: 'officer',
      formType: 'MAU_01',
      data: { dueAt: d.dueAt.toISOString() },
    });
    d.status = 'RECEIVED';
  }
  // The fee: cash at the counter on receipt, VietQR for most online submissions, and now and then a bank transfer
  // the officer records by hand from the statement (paid online, like VietQR: the money never crossed the counter).
  const pay = (t: Date, method: 'CASH' | 'VIETQR' | 'TRANSFER') => {
    if (fee === 0 || t > now || d.paidAt) return;
    d.paidAt = t;
    d.payMethod = method;
    d.paidOnline = method !== 'CASH';
    d.events.push({
      action: 'PAY',
      fromStatus: d.status,
      toStatus: d.status,
      at: t,
      actor: method === 'VIETQR' ? 'system' : 'officer',
      data: { method, amount: fee },
    });
  };
  const how = rnd.next();
  if (channel === 'ONLINE' && how < 0.6) pay(later(submittedAt, rnd.int(5, 120)), 'VIETQR');
  else if (channel === 'ONLINE' && how < 0.75) pay(later(receiveAt, rnd.int(30, 240)), 'TRANSFER');
  else pay(later(receiveAt, 5), 'CASH');

  const assignAt = later(receiveAt, rnd.int(20, 120));
  if (!step({ action: 'ASSIGN', toStatus: 'PROCESSING', at: assignAt, actor: 'officer' })) return d;
  d.assigned = true;
  if (fate === 'withdrawnLate') {
    const t = at(rnd, workingDayAfter(assignAt, 1));
    if (step({ action: 'WITHDRAW', toStatus: 'WITHDRAWN', at: t, actor: 'applicant', reason: 'Không còn nhu cầu' }))
      d.closedAt = t;
    return d;
  }
  if (fate === 'stopped') {
    const t = at(rnd, workingDayAfter(assignAt, 1));
    if (
      step({
        action: 'STOP',
        toStatus: 'STOPPED',
        at: t,
        actor: 'leader',
        formType: 'MAU_05',
        reason: 'Người nộp không bổ sung được giấy tờ theo quy định',
      })
    )
      d.closedAt = t;
    return d;
  }
  if (fate === 'supplemented') {
    const askAt = at(rnd, workingDayAfter(assignAt, 1), 8 * 60, 11 * 60);
    if (
      !step({
        action: 'REQUEST_SUPPLEMENT',
        toStatus: 'SUPPLEMENT_REQUESTED',
        at: askAt,
        actor: 'officer',
        formType: 'MAU_02',
        reason: 'Bổ sung bản sao giấy khai sinh',
      })
    )
      return d;
    d.statusBeforeSupplement = 'PROCESSING';
    d.pausedAt = askAt;
    const backAt = at(rnd, workingDayAfter(askAt, rnd.int(1, 4)));
    if (!step({ action: 'SUPPLEMENT', toStatus: 'PROCESSING', at: backAt, actor: 'applicant' })) return d;
    d.dueAt = resumeDue(d.dueAt, askAt, backAt, exceptions);
    d.events.at(-1)!.data = { dueAt: d.dueAt.toISOString() };
    d.statusBeforeSupplement = null;
    d.pausedAt = null;
  }
  const due = d.dueAt;
  // When it is resolved: by the due date, or after it (late, stuck and extended ones).
  let resolveDay: string;
  if (fate === 'extended') {
    const before = previousWorkingDay(dayOf(due), exceptions);
    const apologyDay = before > dayOf(assignAt) ? before : dayOf(due);
    const newDueDay = addWorkingDays(dayOf(due), 3, exceptions);
    const t = at(rnd, apologyDay, 13 * 60, 16 * 60);
    if (
      !step({
        action: 'APOLOGIZE',
        toStatus: 'PROCESSING',
        at: t,
        actor: 'leader',
        formType: 'MAU_04',
        reason: 'Cần xác minh thêm thông tin tại thôn',
        data: { newDueAt: localInstant(newDueDay, '17:00').toISOString() },
      })
    )
      return d;
    d.extendedDueAt = localInstant(newDueDay, '17:00');
    resolveDay = addWorkingDays(dayOf(due), rnd.int(1, 3), exceptions);
  } else if (fate === 'late') resolveDay = addWorkingDays(dayOf(due), rnd.int(1, 3), exceptions);
  else if (fate === 'stuck') resolveDay = addDays(dayOf(now), 400);
  else {
    const span = workingDaysBetween(dayOf(assignAt), dayOf(due), exceptions);
    resolveDay = addWorkingDays(dayOf(assignAt), rnd.int(0, span), exceptions);
  }
  let resolveAt = at(rnd, resolveDay, 9 * 60, 16 * 60 + 30);
  if (resolveAt <= assignAt) resolveAt = later(assignAt, 30);
  if (fate === 'normal' && resolveAt > due) resolveAt = later(due, -60);
  if (procedure.requiresApproval) {
    // Sent to the leader part way through; a stuck dossier waits there past its due date.
    const from = assignAt.getTime();
    const sendAt = new Date(
      Math.max(
        from + 600_000,
        fate === 'stuck' ? due.getTime() - 7_200_000 : from + (resolveAt.getTime() - from) * 0.6,
      ),
    );
    if (!step({ action: 'SEND_FOR_APPROVAL', toStatus: 'PROCESSING', at: sendAt, actor: 'officer' })) return d;
    d.awaitingApproval = true;
  }
  const by = procedure.requiresApproval ? 'leader' : 'officer';
  if (
    !step({
      action: procedure.requiresApproval ? 'APPROVE' : 'RESOLVE',
      toStatus: 'RESOLVED',
      at: resolveAt,
      actor: by,
    })
  )
    return d;
  d.awaitingApproval = false;
  d.resolvedAt = resolveAt;
  // Frozen now, against the legal due date (an apology's new date does not make a late dossier on time).
  d.onTime = resolveAt.getTime() <= due.getTime();
  pay(later(resolveAt, 30), 'CASH');

  const returnAt = at(rnd, addWorkingDays(dayOf(resolveAt), rnd.int(0, 3), exceptions));
  const returned = returnAt > resolveAt ? returnAt : later(resolveAt, 60);
  if (
    !step({
      action: 'RETURN',
      toStatus: 'RETURNED',
      at: returned,
      actor: 'officer',
      data: returnMethod === 'POST' ? { byPost: true } : undefined,
    })
  )
    return d;
  d.returnedAt = returned;
  d.closedAt = returned;
  if (rnd.next() < 0.45) {
    const ratedAt = later(returned, rnd.int(10, 600));
    if (ratedAt <= now) {
      const rating = d.onTime
        ? rnd.weighted([
            ['SATISFIED', 78],
            ['ACCEPTABLE', 17],
            ['UNSATISFIED', 5],
          ] as const)
        : rnd.weighted([
            ['SATISFIED', 30],
            ['ACCEPTABLE', 40],
            ['UNSATISFIED', 30],
          ] as const);
      d.rating = rating;
      d.ratingComment = rnd.pick(comments[rating]);
      d.ratedAt = ratedAt;
    }
  }
  return d;
}

function previousWorkingDay(day: string, exceptions: Exceptions) {
  let d = addDays(day, -1);
  while (!isWorkingDay(d, exceptions)) d = addDays(d, -1);
  return d;
}
