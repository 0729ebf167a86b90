import type { indicatorsVi } from './indicators.vi.js';

/** The one-stop shop's indicators, in English, key for key. */
export const indicatorsEn: typeof indicatorsVi = {
  title: 'One-stop indicators',
  unit: 'Unit',
  year: 'Year',
  received: 'Dossiers received',
  onlineRate: 'Online rate',
  fullOnlineRate: 'Fully online',
  onTimeRate: 'On time',
  digitizedRate: 'Digitized',
  onlinePaymentRate: 'Paid online',
  satisfactionRate: 'Satisfied',
  overdueNow: 'Overdue now',
  byMonth: 'Dossiers by month',
  communes: 'Communes compared (ranked by on-time rate)',
  other: 'In person, by post',
};
