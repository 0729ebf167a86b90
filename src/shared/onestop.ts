/**
 * One-stop shop vocabulary shared by the server and the web app: the national dossier statuses (DOMAIN.md §1),
 * channels, procedure attributes, and the workflow table that drives both the server's checks and the buttons.
 */

/** The 10 national statuses, with the numeric codes DVCQG sync uses. "Late" is not a status: it is derived. */
export const DossierStatus = {
  NEW: 'NEW',
  RECEIVED: 'RECEIVED',
  REFUSED: 'REFUSED',
  PROCESSING: 'PROCESSING',
  SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED',
  PAYMENT_REQUESTED: 'PAYMENT_REQUESTED',
  WITHDRAWN: 'WITHDRAWN',
  STOPPED: 'STOPPED',
  RESOLVED: 'RESOLVED',
  RETURNED: 'RETURNED',
} as const;
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];
export const dossierStatuses = Object.values(DossierStatus);

export const nationalStatusCode: Record<DossierStatus, number> = {
  NEW: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  PAYMENT_REQUESTED: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  RESOLVED: 9,
  RETURNED: 10,
};

/** Statuses in which a dossier is finished: the clock stops and no action but rating applies. */
export const closedStatuses: readonly DossierStatus[] = ['REFUSED', 'WITHDRAWN', 'STOPPED', 'RETURNED'];

/**
 * The cookie holding a browser's random client id: an online submission's idempotency key is looked up only within
 * the client (or the citizen account) that sent it. The web app sets it; the server only reads it.
 */
export const CLIENT_ID_COOKIE = 'ketnoi_client';

/** How a dossier came in (DVCQG codes 1 in person / 2 online / 3 postal). */
export const Channel = { IN_PERSON: 'IN_PERSON', ONLINE: 'ONLINE', POSTAL: 'POSTAL' } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** How the result goes back. */
export const ReturnMethod = { COUNTER: 'COUNTER', POST: 'POST', ONLINE: 'ONLINE' } as const;
export type ReturnMethod = (typeof ReturnMethod)[keyof typeof ReturnMethod];

export const ProcedureField = {
  HO_TICH: 'HO_TICH',
  CHUNG_THUC: 'CHUNG_THUC',
  CU_TRU: 'CU_TRU',
  HO_KINH_DOANH: 'HO_KINH_DOANH',
  BAO_TRO_XA_HOI: 'BAO_TRO_XA_HOI',
  NGUOI_CO_CONG: 'NGUOI_CO_CONG',
  DAT_DAI: 'DAT_DAI',
  XAY_DUNG: 'XAY_DUNG',
  BAO_HIEM: 'BAO_HIEM',
  KHAC: 'KHAC',
} as const;
export type ProcedureField = (typeof ProcedureField)[keyof typeof ProcedureField];

/** Decree 42/2022: full-process online, partial online, or not online. */
export const OnlineLevel = { FULL: 'FULL', PARTIAL: 'PARTIAL', NONE: 'NONE' } as const;
export type OnlineLevel = (typeof OnlineLevel)[keyof typeof OnlineLevel];

export const TimeUnit = {
  WORKING_DAY: 'WORKING_DAY',
  CALENDAR_DAY: 'CALENDAR_DAY',
  SAME_DAY: 'SAME_DAY',
  IMMEDIATE: 'IMMEDIATE',
} as const;
export type TimeUnit = (typeof TimeUnit)[keyof typeof TimeUnit];

export const CopyType = { ORIGINAL: 'ORIGINAL', COPY: 'COPY', ELECTRONIC: 'ELECTRONIC' } as const;
export type CopyType = (typeof CopyType)[keyof typeof CopyType];

/** Interconnected groups of Decree 63/2024: one submission creates linked dossiers. */
export const Bundle = { BIRTH: 'BIRTH', DEATH: 'DEATH' } as const;
export type Bundle = (typeof Bundle)[keyof typeof Bundle];

export const ProcedureStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', RETIRED: 'RETIRED' } as const;
export type ProcedureStatus = (typeof ProcedureStatus)[keyof typeof ProcedureStatus];

export const Rating = { SATISFIED: 'SATISFIED', ACCEPTABLE: 'ACCEPTABLE', UNSATISFIED: 'UNSATISFIED' } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];

/** Forms of Circular 03/2025 that the workflow issues. */
export const FormType = {
  MAU_01: 'MAU_01',
  MAU_02: 'MAU_02',
  MAU_03: 'MAU_03',
  MAU_04: 'MAU_04',
  MAU_05: 'MAU_05',
} as const;
export type FormType = (typeof FormType)[keyof typeof FormType];

/**
 * Who may take an action: staff with a one-stop permission on the dossier's unit, or the applicant through the
 * dossier's secret status link.
 */
export type ActionActor = 'officer' | 'leader' | 'applicant';

export type ActionRule = {
  /** Statuses the action may be taken in. */
  from: readonly DossierStatus[];
  /** The status it leads to; null keeps the status (assign, apologise, send for approval). */
  to: DossierStatus | null;
  actors: readonly ActionActor[];
  /** The form it issues, rendered as a PDF from the event. */
  form?: FormType;
  reasonRequired?: boolean;
  /** Only while waiting for (true) / not waiting for (false) the leader's approval. */
  awaitingApproval?: boolean;
};

const open: DossierStatus[] = ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED'];

/**
 * The workflow: status → allowed actions. The server refuses anything not listed here with 409; the web app shows
 * exactly the buttons this table allows for the dossier's status and the caller's role.
 */
export const workflow = {
  RECEIVE: { from: ['NEW'], to: 'RECEIVED', actors: ['officer'], form: 'MAU_01' },
  REFUSE: { from: ['NEW'], to: 'REFUSED', actors: ['officer'], form: 'MAU_03', reasonRequired: true },
  REQUEST_SUPPLEMENT: {
    from: ['NEW', 'RECEIVED', 'PROCESSING'],
    to: 'SUPPLEMENT_REQUESTED',
    actors: ['officer'],
    form: 'MAU_02',
    reasonRequired: true,
    awaitingApproval: false,
  },
  SUPPLEMENT: { from: ['SUPPLEMENT_REQUESTED'], to: null, actors: ['officer', 'applicant'] },
  ASSIGN: {
    from: ['RECEIVED', 'PROCESSING'],
    to: 'PROCESSING',
    actors: ['officer', 'leader'],
    awaitingApproval: false,
  },
  REQUEST_PAYMENT: {
    from: ['RECEIVED', 'PROCESSING'],
    to: 'PAYMENT_REQUESTED',
    actors: ['officer'],
    awaitingApproval: false,
  },
  SEND_FOR_APPROVAL: { from: ['PROCESSING'], to: null, actors: ['officer'], awaitingApproval: false },
  SEND_BACK: { from: ['PROCESSING'], to: null, actors: ['leader'], reasonRequired: true, awaitingApproval: true },
  APPROVE: { from: ['PROCESSING'], to: 'RESOLVED', actors: ['leader'], awaitingApproval: true },
  /** Without the leader: only for procedures that need no approval (certifications), or by the leader directly. */
  RESOLVE: { from: ['PROCESSING'], to: 'RESOLVED', actors: ['officer', 'leader'], awaitingApproval: false },
  RETURN: { from: ['RESOLVED'], to: 'RETURNED', actors: ['officer'] },
  WITHDRAW: { from: ['NEW', ...open], to: 'WITHDRAWN', actors: ['officer', 'applicant'], reasonRequired: true },
  STOP: { from: open, to: 'STOPPED', actors: ['officer', 'leader'], form: 'MAU_05', reasonRequired: true },
  APOLOGIZE: { from: open, to: null, actors: ['officer', 'leader'], form: 'MAU_04', reasonRequired: true },
} as const satisfies Record<string, ActionRule>;
export type DossierAction = keyof typeof workflow;
export const dossierActions = Object.keys(workflow) as DossierAction[];

export type DossierState = { status: DossierStatus; awaitingApproval: boolean; requiresApproval: boolean };

/** Whether `action` may be taken now; the single test both the server and the buttons use. */
export function actionAllowed(action: DossierAction, state: DossierState, actor: ActionActor): boolean {
  const rule: ActionRule = workflow[action];
  if (!rule.from.includes(state.status) || !rule.actors.includes(actor)) return false;
  if (rule.awaitingApproval !== undefined && rule.awaitingApproval !== state.awaitingApproval) return false;
  // A procedure that needs the leader's signature goes through SEND_FOR_APPROVAL; the officer cannot resolve it.
  if (action === 'RESOLVE' && actor === 'officer' && state.requiresApproval) return false;
  if (action === 'SEND_FOR_APPROVAL' && !state.requiresApproval) return false;
  return true;
}

export function allowedActions(state: DossierState, actors: readonly ActionActor[]): DossierAction[] {
  return dossierActions.filter((a) => actors.some((actor) => actionAllowed(a, state, actor)));
}
