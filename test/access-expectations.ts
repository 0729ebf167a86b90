import { announcementsExpectations } from './access/announcements.js';
import { campaignsExpectations } from './access/campaigns.js';
import { feedbackStatsExpectations } from './access/feedback-stats.js';
import { feedbackExpectations } from './access/feedback.js';
import { feedbackPublicExpectations } from './access/feedback-public.js';
import { inventoryExpectations } from './access/inventory.js';
import { onestopExpectations } from './access/onestop.js';
import { open311Expectations } from './access/open311.js';
import { registryExpectations } from './access/registry.js';
import { scorecardsCatalogExpectations } from './access/scorecards-catalog.js';
import { scorecardsSnapshotsExpectations } from './access/scorecards-snapshots.js';
import { scorecardEntriesExpectations } from './access/scorecards-entries.js';
import { scorecardsReadExpectations } from './access/scorecards-read.js';
import type { Expectation } from './access/targets.js';

export { multipart, type Expectation, type Target } from './access/targets.js';

/**
 * What each API operation needs, and how to call it on something inside commune A (group A1, in every A account's
 * reach) and on something in commune B (outside it), one file per area under test/access/. A new module adds its
 * operations there; the access matrix fails for any operation in the OpenAPI document that has no entry.
 */
export const expectations: Record<string, Expectation> = {
  ...registryExpectations,
  ...onestopExpectations,
  ...announcementsExpectations,
  ...campaignsExpectations,
  ...feedbackStatsExpectations,
  ...open311Expectations,
  ...feedbackExpectations,
  ...feedbackPublicExpectations,
  ...scorecardsCatalogExpectations,
  ...scorecardsSnapshotsExpectations,
  ...scorecardEntriesExpectations,
  ...inventoryExpectations,
  ...scorecardsReadExpectations,
};
