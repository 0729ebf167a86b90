import type { World } from '../world.js';
import type { Expectation } from './targets.js';

/**
 * The scorecards' read side (issue 17): group A1 is in every A account's reach (a group head's too), group B1 in
 * none of them. What a commune may see of its province (the ranking of a published month) is tested in
 * src/server/modules/scorecards/scorecards.dashboard.test.ts.
 */
const indicator = (w: World) => w.f.scorecardId('scorecard_indicators', 'VNEID_L2');
const scoredSet = (w: World) => w.f.scorecardId('scorecard_sets', 'CDS_XA_MAU');
const month = '2026-10';

const onGroup = (url: (w: World, unitId: number) => Promise<string> | string): Expectation => ({
  permission: 'scorecard.read',
  inside: async (w) => ({ url: await url(w, w.groupA1.id) }),
  outside: async (w) => ({ url: await url(w, w.groupB1.id) }),
});

/** One report asked for in each group, once per world (the file answers 200 when drawn, 409 while it is drawn). */
const reports = new WeakMap<World, Record<number, number>>();
async function reportOf(w: World, unitId: number) {
  const known = reports.get(w) ?? {};
  reports.set(w, known);
  if (!known[unitId]) {
    const res = await w.agents.admin.post('/api/scorecards/reports', { unit: unitId, period: month });
    known[unitId] = res.json().id as number;
  }
  return known[unitId]!;
}

export const scorecardsReadExpectations: Record<string, Expectation> = {
  'GET /api/scorecards/dashboard': onGroup((_w, u) => `/api/scorecards/dashboard?unit=${u}&period=${month}`),
  'GET /api/scorecards/dashboard/export': onGroup(
    (_w, u) => `/api/scorecards/dashboard/export?unit=${u}&period=${month}&format=csv`,
  ),
  'GET /api/scorecards/trend': onGroup(
    async (w, u) => `/api/scorecards/trend?unit=${u}&indicator=${await indicator(w)}&period=${month}`,
  ),
  'GET /api/scorecards/ranking': onGroup(
    async (w, u) => `/api/scorecards/ranking?unit=${u}&indicator=${await indicator(w)}&period=${month}`,
  ),
  'GET /api/scorecards/ranking/export': onGroup(
    async (w, u) => `/api/scorecards/ranking/export?unit=${u}&set=${await scoredSet(w)}&period=${month}&format=xlsx`,
  ),
  'GET /api/scorecards/score': onGroup(
    async (w, u) => `/api/scorecards/score?unit=${u}&set=${await scoredSet(w)}&period=${month}`,
  ),
  'GET /api/scorecards/board.pdf': onGroup(
    async (w, u) => `/api/scorecards/board.pdf?unit=${u}&set=${await scoredSet(w)}&period=${month}`,
  ),
  'POST /api/scorecards/reports': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: '/api/scorecards/reports', payload: { unit: w.groupA1.id, period: month } }),
    outside: (w) => ({ url: '/api/scorecards/reports', payload: { unit: w.groupB1.id, period: month } }),
  },
  'GET /api/scorecards/reports': onGroup((_w, u) => `/api/scorecards/reports?unit=${u}`),
  'GET /api/scorecards/reports/{id}/file': onGroup(
    async (w, u) => `/api/scorecards/reports/${await reportOf(w, u)}/file`,
  ),
  'GET /api/scorecards/snapshots/{period}/values': onGroup(async (w, u) => {
    await w.f.scorecardSnapshot(w.province.id, month);
    return `/api/scorecards/snapshots/${month}/values?unit=${u}`;
  }),
  'GET /api/public/communes/{code}/scorecard': { public: true },
};
