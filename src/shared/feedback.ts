/**
 * Citizen questions and feedback (phản ánh, kiến nghị — PAKN) shared by the server and the web app: statuses,
 * severities, intake channels, the shipped categories, and the workflow table (status → actions) that drives both the
 * server's checks and the buttons. DOMAIN-2.md §1–2.
 */

/**
 * RECEIVED (waiting to be accepted) → ACCEPTED or REJECTED (with a reason) → ASSIGNED (to an officer) → TRANSFERRED
 * (to another unit, with a note: the receiving unit then assigns it) → ANSWERED → CLOSED. A citizen may reopen an
 * ANSWERED or CLOSED ticket within the commune's reopening window: it goes back to ASSIGNED with its assignee.
 */
export const TicketStatus = {
  RECEIVED: 'RECEIVED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  ASSIGNED: 'ASSIGNED',
  TRANSFERRED: 'TRANSFERRED',
  ANSWERED: 'ANSWERED',
  CLOSED: 'CLOSED',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];
export const ticketStatuses = Object.values(TicketStatus);

/** Statuses where the deadline no longer runs (the clock stopped at the answer or the refusal). */
export const finishedTicketStatuses: readonly TicketStatus[] = ['REJECTED', 'ANSWERED', 'CLOSED'];

/** Open311 GeoReport v2 knows only `open` and `closed`. */
export const open311Status = (s: TicketStatus): 'open' | 'closed' =>
  finishedTicketStatuses.includes(s) ? 'closed' : 'open';

/**
 * iHanoi's three levels (Decision 1207/QĐ-UBND): URGENT (disaster, epidemic, accident, security: hours), COMPLEX
 * (several agencies or a statutory procedure), NORMAL. Each level's deadline is a commune setting (feedback_settings).
 */
export const TicketSeverity = { NORMAL: 'NORMAL', URGENT: 'URGENT', COMPLEX: 'COMPLEX' } as const;
export type TicketSeverity = (typeof TicketSeverity)[keyof typeof TicketSeverity];
export const ticketSeverities = Object.values(TicketSeverity);

/** Where a ticket came in: the public page, the commune's Zalo OA, the counter, the hotline, an Open311 client. */
export const TicketChannel = {
  WEB: 'WEB',
  ZALO: 'ZALO',
  COUNTER: 'COUNTER',
  HOTLINE: 'HOTLINE',
  OPEN311: 'OPEN311',
} as const;
export type TicketChannel = (typeof TicketChannel)[keyof typeof TicketChannel];
export const ticketChannels = Object.values(TicketChannel);

/** A deadline is counted in working hours (the calendar's office hours) or working days. */
export const DeadlineUnit = { WORKING_HOUR: 'WORKING_HOUR', WORKING_DAY: 'WORKING_DAY' } as const;
export type DeadlineUnit = (typeof DeadlineUnit)[keyof typeof DeadlineUnit];
export type Deadline = { amount: number; unit: DeadlineUnit };

/**
 * The answer's own state, beside the ticket's status: a DRAFT kept by the officer, PENDING (waiting for a leader's
 * approval where the commune requires it), SENT (the ticket became ANSWERED and the citizen was told).
 */
export const AnswerState = { DRAFT: 'DRAFT', PENDING: 'PENDING', SENT: 'SENT' } as const;
export type AnswerState = (typeof AnswerState)[keyof typeof AnswerState];
export const answerStates = Object.values(AnswerState);

/** A citizen's rating of the answer (Decision 766 counts satisfied answers). */
export const TicketRating = { SATISFIED: 'SATISFIED', UNSATISFIED: 'UNSATISFIED' } as const;
export type TicketRating = (typeof TicketRating)[keyof typeof TicketRating];
export const ticketRatings = Object.values(TicketRating);

/** What is written in a ticket's journal (ticket_events.kind). */
export const TicketEventKind = {
  CREATED: 'CREATED',
  STATUS: 'STATUS',
  /** Internal: staff only. */
  NOTE: 'NOTE',
  /** The citizen wrote again (a Zalo reply, a reopening's reason): shown to staff and on the status page. */
  CITIZEN_MESSAGE: 'CITIZEN_MESSAGE',
  ANSWER_DRAFTED: 'ANSWER_DRAFTED',
  ANSWER_SUBMITTED: 'ANSWER_SUBMITTED',
  ANSWER_RETURNED: 'ANSWER_RETURNED',
  ANSWER_SENT: 'ANSWER_SENT',
  EXTENSION_REQUESTED: 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED: 'EXTENSION_DECIDED',
  MERGED: 'MERGED',
  ABUSE: 'ABUSE',
  PUBLISHED: 'PUBLISHED',
  UNPUBLISHED: 'UNPUBLISHED',
  RATED: 'RATED',
  REMINDED: 'REMINDED',
  NOTIFIED: 'NOTIFIED',
  EDITED: 'EDITED',
} as const;
export type TicketEventKind = (typeof TicketEventKind)[keyof typeof TicketEventKind];
export const ticketEventKinds = Object.values(TicketEventKind);

/** The staff actions of the workflow, by the status they apply in. */
export const TicketAction = {
  ACCEPT: 'accept',
  REJECT: 'reject',
  ASSIGN: 'assign',
  TRANSFER: 'transfer',
  ANSWER: 'answer',
  CLOSE: 'close',
} as const;
export type TicketAction = (typeof TicketAction)[keyof typeof TicketAction];

export const ticketWorkflow: Record<TicketStatus, readonly TicketAction[]> = {
  RECEIVED: ['accept', 'reject', 'assign', 'transfer'],
  ACCEPTED: ['assign', 'transfer', 'answer', 'reject'],
  TRANSFERRED: ['accept', 'assign', 'transfer', 'reject'],
  ASSIGNED: ['assign', 'transfer', 'answer'],
  ANSWERED: ['close'],
  REJECTED: [],
  CLOSED: [],
};

/**
 * The categories a commune starts with (issue 16); each routes to a unit, a role or a person and can be renamed,
 * added to or switched off. `open311` is the service code shown to Open311 clients.
 */
/** A commune's first categories, named in every citizen language (a commune may rename them and their translations). */
export const defaultCategories = [
  { code: 'TTHC', nameVi: 'Thủ tục hành chính', nameEn: 'Administrative procedures', ja: '行政手続き', zh: '行政手续' },
  { code: 'DAT_DAI', nameVi: 'Đất đai', nameEn: 'Land', ja: '土地', zh: '土地' },
  {
    code: 'MOI_TRUONG',
    nameVi: 'Môi trường, vệ sinh',
    nameEn: 'Environment and sanitation',
    ja: '環境・衛生',
    zh: '环境卫生',
  },
  { code: 'AN_NINH', nameVi: 'An ninh, trật tự', nameEn: 'Security and order', ja: '治安・秩序', zh: '治安秩序' },
  {
    code: 'HA_TANG',
    nameVi: 'Hạ tầng (đường, điện, nước)',
    nameEn: 'Infrastructure (roads, power, water)',
    ja: 'インフラ（道路・電気・水道）',
    zh: '基础设施（道路、电力、供水）',
  },
  { code: 'CHINH_SACH', nameVi: 'Chính sách xã hội', nameEn: 'Social policy', ja: '社会政策', zh: '社会政策' },
  {
    code: 'SO_HOA',
    nameVi: 'Dịch vụ số, hỗ trợ VNeID',
    nameEn: 'Digital services, VNeID help',
    ja: 'デジタルサービス・VNeIDサポート',
    zh: '数字服务、VNeID帮助',
  },
  { code: 'KHAC', nameVi: 'Khác', nameEn: 'Other', ja: 'その他', zh: '其他' },
] as const;

/**
 * The defaults of a commune's settings, each configurable (DOMAIN-2 §1: iHanoi accepts within 8 working hours and
 * handles urgent reports within 4; Đà Nẵng's emergencies within 1 working day, on-the-spot checks within 3; the
 * Government portal's 20 days). The NORMAL and COMPLEX figures are *unconfirmed* in law: settings, not constants.
 */
export const defaultFeedbackSettings = {
  acceptWithin: { amount: 8, unit: 'WORKING_HOUR' } as Deadline,
  deadlines: {
    URGENT: { amount: 4, unit: 'WORKING_HOUR' },
    NORMAL: { amount: 10, unit: 'WORKING_DAY' },
    COMPLEX: { amount: 20, unit: 'WORKING_DAY' },
  } as Record<TicketSeverity, Deadline>,
  /** How long after the answer a citizen may reopen (calendar days). */
  reopenDays: 7,
  /** A leader approves each answer before it goes out. */
  approvalRequired: false,
  /** "Due soon" in working hours before the deadline. */
  dueSoonHours: 8,
  /** New tickets one phone (or one address) may open per day through the public page and Open311. */
  perPhonePerDay: 5,
  perAddressPerDay: 20,
};
export type FeedbackSettings = typeof defaultFeedbackSettings;

/** The public code: `PAKN.yyyymmdd.nnnn`, as the national PAKN system writes it (DOMAIN-2 §1). */
export const ticketCode = (day: string, seq: number) =>
  `PAKN.${day.replaceAll('-', '')}.${String(seq).padStart(4, '0')}`;

/** Statuses where a ticket is still being worked (the deadline runs). */
export const openTicketStatuses: readonly TicketStatus[] = ['RECEIVED', 'ACCEPTED', 'ASSIGNED', 'TRANSFERRED'];

/**
 * Everything staff may do on a ticket: the workflow table's status changes plus the steps beside the status (the
 * answer's approval, extensions, merging, abuse, publication, notes). The server checks an action against
 * `availableTicketActions`, and the detail screen shows exactly the buttons it returns.
 */
export const StaffTicketAction = {
  ...TicketAction,
  APPROVE_ANSWER: 'approve_answer',
  RETURN_ANSWER: 'return_answer',
  REQUEST_EXTENSION: 'request_extension',
  DECIDE_EXTENSION: 'decide_extension',
  MERGE: 'merge',
  ABUSE: 'abuse',
  PUBLISH: 'publish',
  UNPUBLISH: 'unpublish',
  NOTE: 'note',
} as const;
export type StaffTicketAction = (typeof StaffTicketAction)[keyof typeof StaffTicketAction];
export const staffTicketActions = Object.values(StaffTicketAction);

/** What of a ticket decides its actions. */
export type TicketActionState = {
  status: TicketStatus;
  answerState: AnswerState | null;
  mergedIntoId: number | null;
  abuseAt: Date | string | null;
  extensionRequestedUntil: Date | string | null;
  publishable: boolean;
  publishedAt: Date | string | null;
};

/**
 * The actions a caller holding `can` (on the ticket's unit) may take now: the workflow table for the status, less
 * what waits on a leader (an answer PENDING approval is not edited), plus the leader's steps. A duplicate merged into
 * another ticket, or a ticket marked as abuse, only takes notes.
 */
export function availableTicketActions(
  t: TicketActionState,
  can: { process: boolean; approve: boolean },
): StaffTicketAction[] {
  const out: StaffTicketAction[] = [];
  if (can.process) out.push('note');
  if (t.mergedIntoId !== null || t.abuseAt !== null) return out;
  const open = openTicketStatuses.includes(t.status);
  const pending = t.answerState === 'PENDING';
  if (can.process) {
    for (const a of ticketWorkflow[t.status]) if (!(pending && a === 'answer')) out.push(a);
    if (open && t.extensionRequestedUntil === null) out.push('request_extension');
    if (open) out.push('merge');
  }
  if (can.approve) {
    if (pending && open) out.push('approve_answer', 'return_answer');
    if (open && t.extensionRequestedUntil !== null) out.push('decide_extension');
    out.push('abuse');
    if (t.publishable && (t.status === 'ANSWERED' || t.status === 'CLOSED')) out.push('publish');
    if (t.publishedAt !== null) out.push('unpublish');
  }
  return out;
}
