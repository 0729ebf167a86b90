import type { Expectation } from './targets.js';

/**
 * The citizen's side of feedback (PAKN): no account. The status page and its actions are reached through the
 * ticket's secret link; what each refuses (an internal note, a rating before the answer, a reopening past the window)
 * is tested in src/server/modules/feedback/feedback.public.test.ts.
 */
export const feedbackPublicExpectations: Record<string, Expectation> = {
  'GET /api/public/communes/{code}/feedback/form': { public: true },
  'POST /api/public/communes/{code}/feedback': { public: true },
  'GET /api/public/feedback/{token}': { public: true },
  'GET /api/public/feedback/{token}/qr': { public: true },
  'POST /api/public/feedback/{token}/rating': { public: true },
  'POST /api/public/feedback/{token}/reopen': { public: true },
  'POST /api/public/feedback/{token}/messages': { public: true },
  'GET /api/public/communes/{code}/qa': { public: true },
  'GET /api/public/communes/{code}/qa/{id}': { public: true },
  'GET /api/public/feedback/files/{id}': { public: true },
};
