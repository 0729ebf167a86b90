import type { World } from '../world.js';
import { type Expectation, unique } from './targets.js';

// Scorecards, the catalog part (issue 17): the province's catalog, sets and margin (province 31, where communes A and
// B both are: no "outside" for those), targets and publications (inside commune A, outside in commune B). Edits send
// a stale version on purpose: an allowed caller gets 409 and the world stays as it was.

async function indicatorId(w: World, code: string): Promise<number> {
  const res = await w.agents.admin.get(`/api/scorecards/catalog?unit=${w.province.id}`);
  return res.json().indicators.find((i: { code: string }) => i.code === code).id;
}

const kept = new WeakMap<World, Map<string, Promise<number>>>();
function once(w: World, key: string, make: () => Promise<number>) {
  const byKey = kept.get(w) ?? new Map<string, Promise<number>>();
  kept.set(w, byKey);
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key)!;
}

const ownIndicator = (w: World) =>
  once(w, 'indicator', async () => {
    const res = await w.agents.admin.post('/api/scorecards/indicators', {
      province: w.province.id,
      code: `TINH_${unique()}`,
      nameVi: 'Chỉ số riêng của tỉnh',
      nameEn: "The province's own indicator",
      measure: 'COUNT',
      kind: 'ENTERED',
      levels: ['COMMUNE'],
      periodKind: 'QUARTER',
    });
    return res.json().id as number;
  });

const setItems = async (w: World) => [
  {
    pillarVi: 'Xã hội số',
    pillarEn: 'Digital society',
    indicatorId: await indicatorId(w, 'VNEID_L2'),
    maxPoints: 100,
    rule: { kind: 'RATIO' },
  },
];

const ownSet = (w: World) =>
  once(w, 'set', async () => {
    const res = await w.agents.admin.post('/api/scorecards/sets', {
      province: w.province.id,
      code: `BO_${unique()}`,
      nameVi: 'Bộ chỉ số thử',
      nameEn: 'A test set',
      items: await setItems(w),
    });
    return res.json().id as number;
  });

const targetOn = async (w: World, unitId: number) => ({
  unitId,
  indicatorId: await indicatorId(w, 'VNEID_L2'),
  period: '2026',
  target: 0.9,
});

/** A target made as the system administrator (again after a role allowed to removed it). */
async function madeTarget(w: World, unitId: number) {
  const res = await w.agents.admin.put('/api/scorecards/targets', await targetOn(w, unitId));
  return res.json().items[0].own.id as number;
}

export const scorecardsCatalogExpectations: Record<string, Expectation> = {
  'GET /api/scorecards/catalog': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/scorecards/catalog?unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/scorecards/catalog?unit=${w.communeB.id}` }),
  },
  'POST /api/scorecards/indicators': {
    permission: 'scorecard.manage',
    inside: (w) => ({
      url: '/api/scorecards/indicators',
      payload: {
        province: w.province.id,
        code: `MA_${unique()}`,
        nameVi: 'Chỉ số thử',
        nameEn: 'A test indicator',
        measure: 'PERCENT',
        kind: 'COMPUTED',
        source: 'PHONE_ON_RECORD',
        levels: ['COMMUNITY', 'COMMUNE'],
      },
    }),
  },
  'PATCH /api/scorecards/indicators/{id}': {
    permission: 'scorecard.manage',
    inside: async (w) => ({
      url: `/api/scorecards/indicators/${await ownIndicator(w)}`,
      payload: { active: false, version: 99 },
    }),
  },
  'POST /api/scorecards/sets': {
    permission: 'scorecard.manage',
    inside: async (w) => ({
      url: '/api/scorecards/sets',
      payload: {
        province: w.province.id,
        code: `BO_${unique()}`,
        nameVi: 'Bộ thử',
        nameEn: 'Test set',
        items: await setItems(w),
      },
    }),
  },
  'PUT /api/scorecards/sets/{id}': {
    permission: 'scorecard.manage',
    inside: async (w) => ({ url: `/api/scorecards/sets/${await ownSet(w)}`, payload: { active: false, version: 99 } }),
  },
  'GET /api/scorecards/settings': {
    permission: 'scorecard.manage',
    inside: (w) => ({ url: `/api/scorecards/settings?province=${w.province.id}` }),
  },
  'PUT /api/scorecards/settings': {
    permission: 'scorecard.manage',
    inside: (w) => ({
      url: '/api/scorecards/settings',
      payload: { province: w.province.id, nearMargin: 0.2, version: 99 },
    }),
  },
  'GET /api/scorecards/targets': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/scorecards/targets?unit=${w.groupA1.id}&period=2026-11` }),
    outside: (w) => ({ url: `/api/scorecards/targets?unit=${w.communeB.id}&period=2026-11` }),
  },
  'PUT /api/scorecards/targets': {
    permission: 'scorecard.target',
    inside: async (w) => ({ url: '/api/scorecards/targets', payload: await targetOn(w, w.groupA1.id) }),
    outside: async (w) => ({ url: '/api/scorecards/targets', payload: await targetOn(w, w.communeB.id) }),
  },
  'DELETE /api/scorecards/targets/{id}': {
    permission: 'scorecard.target',
    inside: async (w) => ({ url: `/api/scorecards/targets/${await madeTarget(w, w.groupA1.id)}` }),
    outside: async (w) => ({ url: `/api/scorecards/targets/${await madeTarget(w, w.communeB.id)}` }),
  },
  'GET /api/scorecards/publications': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/scorecards/publications?unit=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/scorecards/publications?unit=${w.communeB.id}` }),
  },
  'PUT /api/scorecards/publications': {
    permission: 'scorecard.publish',
    inside: (w) => ({ url: '/api/scorecards/publications', payload: { unitId: w.communeA.id, indicatorIds: [] } }),
    outside: (w) => ({ url: '/api/scorecards/publications', payload: { unitId: w.communeB.id, indicatorIds: [] } }),
  },
};
