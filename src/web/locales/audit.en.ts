import type { auditVi } from './audit.vi.js';

/** The audit log, in English, key for key. */
export const auditEn: typeof auditVi = {
  title: 'Access and change log',
  at: 'When',
  who: 'Who',
  action: 'Action',
  entity: 'Record',
  from: 'From',
  filterAction: 'Filter by action (e.g. resident.read)',
  dateFrom: 'From date',
  dateTo: 'To date',
};
