import { residentsEn } from './residents.en.js';
import { householdsEn } from './households.en.js';
import { unitsEn } from './units.en.js';
import { importsEn } from './imports.en.js';
import { usersEn } from './users.en.js';
import { auditEn } from './audit.en.js';
import { calendarEn } from './calendar.en.js';
import { indicatorsEn } from './indicators.en.js';
import { sandboxEn } from './sandbox.en.js';
import { documentsEn } from './documents.en.js';
import { feedbackDeskEn } from './feedback-desk.en.js';
import { open311En } from './open311.en.js';
import { feedbackStatsEn } from './feedback-stats.en.js';
import { scorecardEntryEn } from './scorecard-entry.en.js';
import { scorecardDashEn } from './scorecard-dash.en.js';
import type { ConsoleMessages } from './console.vi.js';

/** The staff console's own modules, in English: every key consoleVi has. */
export const consoleEn: ConsoleMessages = {
  residents: residentsEn,
  households: householdsEn,
  units: unitsEn,
  imports: importsEn,
  users: usersEn,
  audit: auditEn,
  calendar: calendarEn,
  indicators: indicatorsEn,
  sandbox: sandboxEn,
  documents: documentsEn,
  feedbackDesk: feedbackDeskEn,
  open311: open311En,
  feedbackStats: feedbackStatsEn,
  scorecardEntry: scorecardEntryEn,
  scorecardDash: scorecardDashEn,
};
