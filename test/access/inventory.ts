import type { Expectation } from './targets.js';

// The ICT inventory (issue 17): items of group A1 (inside, in every A account's reach) and group B1 (outside). Each
// change gets a fresh item at version 1.
export const inventoryExpectations: Record<string, Expectation> = {
  'GET /api/inventory': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/inventory?unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/inventory?unit=${w.groupB1.id}` }),
  },
  'GET /api/inventory/suggestions': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/inventory/suggestions?unit=${w.groupA1.id}&period=2026` }),
    outside: (w) => ({ url: `/api/inventory/suggestions?unit=${w.groupB1.id}&period=2026` }),
  },
  'POST /api/inventory': {
    permission: 'scorecard.enter',
    inside: (w) => ({ url: '/api/inventory', payload: { unitId: w.groupA1.id, kind: 'CAMERA', count: 2, year: 2024 } }),
    outside: (w) => ({ url: '/api/inventory', payload: { unitId: w.groupB1.id, kind: 'CAMERA', count: 2 } }),
  },
  'PATCH /api/inventory/{id}': {
    permission: 'scorecard.enter',
    inside: async (w) => ({
      url: `/api/inventory/${await w.f.inventoryItem(w.groupA1, { kind: 'CAMERA' })}`,
      payload: { kind: 'CAMERA', count: 3, version: 1 },
    }),
    outside: async (w) => ({
      url: `/api/inventory/${await w.f.inventoryItem(w.groupB1, { kind: 'CAMERA' })}`,
      payload: { kind: 'CAMERA', count: 3, version: 1 },
    }),
  },
  'DELETE /api/inventory/{id}': {
    permission: 'scorecard.enter',
    inside: async (w) => ({ url: `/api/inventory/${await w.f.inventoryItem(w.groupA1)}` }),
    outside: async (w) => ({ url: `/api/inventory/${await w.f.inventoryItem(w.groupB1)}` }),
  },
};
