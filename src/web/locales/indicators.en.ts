import type { indicatorsVi } from './indicators.vi.js';

/** The one-stop shop's indicators, in English, key for key. */
export const indicatorsEn: typeof indicatorsVi = {
  title: 'One-stop indicators',
  unit: 'Unit',
  year: 'Year',
  period: 'From {{from}} to {{to}}',
  received: 'Dossiers received',
  onlineRate: 'Online rate',
  fullOnlineRate: 'Fully online',
  onTimeRate: 'On time',
  digitizedRate: 'Digitized',
  onlinePaymentRate: 'Paid online',
  satisfactionRate: 'Satisfied',
  overdueNow: 'Overdue now',
  rates: 'Rates',
  counts: 'Dossiers',
  ofWhat: '{{numerator}} of {{denominator}}',
  openList: 'See the {{count}} dossiers: {{what}}',
  byMonth: 'Dossiers received by month',
  communes: 'Communes compared (ranked by on-time rate)',
  other: 'In person, by post',
  count: {
    received: 'Received',
    online: 'Received online',
    inPerson: 'Received in person',
    postal: 'Received by post',
    fullOnlineBase: 'Received for fully-online procedures',
    fullOnline: 'Submitted fully online',
    digitized: 'Digitized',
    resolved: 'Resolved',
    onTime: 'Resolved on time',
    rated: 'Ratings',
    satisfied: 'Rated “Satisfied”',
    paid: 'Fee paid',
    paidOnline: 'Fee paid online',
  },
  definitions: 'How they are counted',
  define: {
    received:
      'Dossiers a one-stop officer received in the period, by the day of receipt. Dossiers waiting at reception, refused at reception or withdrawn before reception are not counted.',
    channels: 'Online, in person, by post: the dossiers received, by how they were submitted.',
    fullOnline: 'Fully online: dossiers submitted online out of those received for procedures offered fully online.',
    digitized: 'Digitized: dossiers with at least one paper held electronically, out of those received.',
    onTime:
      'On time: dossiers resolved in the period by their legal due date, out of those resolved in the period. The verdict is fixed at resolution and never changes later; a dossier with an apology and a new date is still late if it passed its original due date.',
    satisfied:
      'Satisfied: citizens rate on three levels, “Satisfied”, “Acceptable”, “Unsatisfied”. Only the top level, “Satisfied”, counts as satisfied; “Acceptable” is not satisfied. Out of the ratings given in the period, by the day of the rating.',
    paidOnline: 'Paid online: fees paid by VietQR or PayGov, out of the dossiers whose fee was paid in the period.',
    overdueNow: 'Overdue now: dossiers in progress past their due date, at the time you look.',
    links: 'Tap a number to see the list of the dossiers it counts.',
  },
};
