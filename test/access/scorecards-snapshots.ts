import type { Expectation } from './targets.js';

/**
 * The scorecards' refresh and snapshots (issue 17). Managing acts on the province, which only the province officer
 * and the admin hold (their refusal to another province is in scorecards.snapshots.test.ts); reading the list is
 * open along the caller's chain, since a commune must know which months the province published.
 */
export const scorecardsSnapshotsExpectations: Record<string, Expectation> = {
  'POST /api/scorecards/refresh': {
    permission: 'scorecard.manage',
    inside: (w) => ({ url: '/api/scorecards/refresh', payload: { province: w.province.id } }),
  },
  'GET /api/scorecards/snapshots': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/scorecards/snapshots?province=${w.province.id}` }),
  },
  'POST /api/scorecards/snapshots': {
    permission: 'scorecard.manage',
    inside: (w) => ({ url: '/api/scorecards/snapshots', payload: { province: w.province.id, period: '2025-01' } }),
  },
  'POST /api/scorecards/snapshots/{id}/publish': {
    permission: 'scorecard.manage',
    inside: async (w) => {
      const run = await w.agents.admin.post('/api/scorecards/snapshots', {
        province: w.province.id,
        period: '2025-02',
      });
      return { url: `/api/scorecards/snapshots/${run.json().id}/publish` };
    },
  },
};
