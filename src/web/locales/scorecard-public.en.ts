import type { scorecardPublicVi } from './scorecard-public.vi.js';

/** The public page of a commune's published indicators (/c/:code/chi-so), in English. */
export const scorecardPublicEn: typeof scorecardPublicVi = {
  title: 'Digital transformation indicators of {{commune}}',
  link: 'Digital transformation indicators',
  asOf: 'Figures frozen at the end of {{month}}.',
  noPeriod: 'No month has been frozen yet.',
  none: 'The commune has not published any indicators yet.',
  back: 'Back to the commune’s page',
  target: 'Target: {{target}}',
  noTarget: 'No target set',
  trend: 'The last 12 months',
  month: 'Month',
  value: 'Value',
  light: {
    MET: 'Target met',
    NEAR: 'Close to the target',
    BEHIND: 'Behind the target',
    NO_TARGET: 'No target',
    NO_DATA: 'No data',
  },
};
