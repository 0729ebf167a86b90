import type { Expectation } from './targets.js';

/** Feedback measures and the province ranking (issue 16 §5). */
export const feedbackStatsExpectations: Record<string, Expectation> = {
  'GET /api/feedback/stats': {
    permission: 'feedback.read',
    // Group A1 is in every A account's reach (a group head's too); group B1 in none of them.
    inside: (w) => ({ url: `/api/feedback/stats?unit=${w.groupA1.id}&from=2026-01-01&to=2026-12-31` }),
    outside: (w) => ({ url: `/api/feedback/stats?unit=${w.groupB1.id}&from=2026-01-01&to=2026-12-31` }),
  },
  // The province may lie above the caller's units: each caller sees the communes in their own scope ranked.
  'GET /api/feedback/ranking': {
    permission: 'feedback.read',
    inside: (w) => ({ url: `/api/feedback/ranking?provinceId=${w.province.id}&from=2026-01-01&to=2026-12-31` }),
  },
};
