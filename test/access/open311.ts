import type { World } from '../world.js';
import type { Expectation } from './targets.js';

/** A key issued (by the system admin) to a client app of commune A or B, for the revoke operation to act on. */
async function clientOf(w: World, communeId: number): Promise<number> {
  const res = await w.agents.admin.post('/api/feedback/open311-clients', { communeId, name: 'Ứng dụng thử' });
  return res.json().id as number;
}

/**
 * Open311's console side: the api_keys a commune issues to client apps (FEEDBACK_MANAGE in the commune). The
 * GeoReport endpoints themselves (/open311/v2/…) are outside the OpenAPI document: open311.test.ts covers them.
 */
export const open311Expectations: Record<string, Expectation> = {
  'GET /api/feedback/open311-clients': {
    permission: 'feedback.manage',
    inside: (w) => ({ url: `/api/feedback/open311-clients?communeId=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/feedback/open311-clients?communeId=${w.communeB.id}` }),
  },
  'POST /api/feedback/open311-clients': {
    permission: 'feedback.manage',
    inside: (w) => ({ url: '/api/feedback/open311-clients', payload: { communeId: w.communeA.id, name: 'Phố Xanh' } }),
    outside: (w) => ({ url: '/api/feedback/open311-clients', payload: { communeId: w.communeB.id, name: 'Phố Xanh' } }),
  },
  'DELETE /api/feedback/open311-clients/{id}': {
    permission: 'feedback.manage',
    inside: async (w) => ({ url: `/api/feedback/open311-clients/${await clientOf(w, w.communeA.id)}` }),
    outside: async (w) => ({ url: `/api/feedback/open311-clients/${await clientOf(w, w.communeB.id)}` }),
  },
};
