import { residentsVi } from './residents.vi.js';
import { householdsVi } from './households.vi.js';
import { unitsVi } from './units.vi.js';
import { importsVi } from './imports.vi.js';
import { usersVi } from './users.vi.js';
import { auditVi } from './audit.vi.js';
import { calendarVi } from './calendar.vi.js';
import { indicatorsVi } from './indicators.vi.js';
import { sandboxVi } from './sandbox.vi.js';
import { documentsVi } from './documents.vi.js';
import { feedbackDeskVi } from './feedback-desk.vi.js';
import { open311Vi } from './open311.vi.js';
import { feedbackStatsVi } from './feedback-stats.vi.js';
import { scorecardEntryVi } from './scorecard-entry.vi.js';
import { scorecardDashVi } from './scorecard-dash.vi.js';

/**
 * The staff console's own modules, in Vietnamese: loaded with the console's chunk (routes/Console.tsx), not with the
 * citizens' pages, whose phones on 3G would otherwise download every staff screen's words (vi.ts keeps what both use).
 */
export const consoleVi = {
  residents: residentsVi,
  households: householdsVi,
  units: unitsVi,
  imports: importsVi,
  users: usersVi,
  audit: auditVi,
  calendar: calendarVi,
  indicators: indicatorsVi,
  sandbox: sandboxVi,
  documents: documentsVi,
  feedbackDesk: feedbackDeskVi,
  open311: open311Vi,
  feedbackStats: feedbackStatsVi,
  scorecardEntry: scorecardEntryVi,
  scorecardDash: scorecardDashVi,
};
export type ConsoleMessages = typeof consoleVi;
