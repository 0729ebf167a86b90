// The shapes of the demo year's plan (onestop-history.ts) that onestop-year.ts writes to the database.

export type DemoProcedure = {
  id: number;
  code: string;
  timeAmount: number;
  timeUnit: string;
  onlineLevel: string;
  requiresApproval: boolean;
  postalAllowed: boolean;
  fees: { channel?: string; amountVnd: number }[];
  fields: Record<string, string>;
};
export type Staff = { id: number; fullName: string };
export type PlannedEvent = {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  actor: 'officer' | 'leader' | 'applicant' | 'system';
  reason?: string;
  formType?: string;
  data?: Record<string, unknown>;
};
export type PlannedDossier = {
  day: string;
  procedure: DemoProcedure;
  channel: 'IN_PERSON' | 'ONLINE' | 'POSTAL';
  status: string;
  awaitingApproval: boolean;
  statusBeforeSupplement: string | null;
  returnMethod: 'COUNTER' | 'POST' | 'ONLINE';
  postalAddress: string | null;
  feeAmount: number;
  paidAt: Date | null;
  paidOnline: boolean;
  payMethod: 'CASH' | 'VIETQR' | 'TRANSFER' | null;
  digitized: boolean;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  pausedAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  closedAt: Date | null;
  onTime: boolean | null;
  assigned: boolean;
  rating: 'SATISFIED' | 'ACCEPTABLE' | 'UNSATISFIED' | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  events: PlannedEvent[];
};
