import type { Permission } from '../../src/shared/permissions.js';
import type { World } from '../world.js';
import { multipartBody } from '../multipart.js';
import { tinyPdf } from '../scorecards-factories.js';
import type { Expectation, Target } from './targets.js';

// Entered scorecard values (issue 17). "Inside" is group A1 (in every A account's reach), "outside" group B1. Each
// call gets a fresh entry in the state the action needs (submitted by nobody, so any approver may decide it).

type Side = 'A' | 'B';
const group = (w: World, side: Side) => (side === 'A' ? w.groupA1 : w.groupB1);

const onEntry = (
  permission: Permission,
  suffix: string,
  status: 'DRAFT' | 'SUBMITTED',
  payload?: Target['payload'],
): Expectation => {
  const target = async (w: World, side: Side): Promise<Target> => {
    const { id } = await w.f.scorecardEntry(group(w, side), { status });
    return { url: `/api/scorecards/entries/${id}${suffix}`, payload };
  };
  return { permission, inside: (w) => target(w, 'A'), outside: (w) => target(w, 'B') };
};

const evidenceUpload = async (w: World, side: Side): Promise<Target> => {
  const { id } = await w.f.scorecardEntry(group(w, side));
  return {
    url: `/api/scorecards/entries/${id}/evidence`,
    ...multipartBody({}, { name: 'bao-cao.pdf', content: tinyPdf, type: 'application/pdf' }),
  };
};

export const scorecardEntriesExpectations: Record<string, Expectation> = {
  'GET /api/scorecards/entries': {
    permission: 'scorecard.read',
    inside: (w) => ({ url: `/api/scorecards/entries?unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/scorecards/entries?unit=${w.groupB1.id}` }),
  },
  'GET /api/scorecards/entries/{id}': onEntry('scorecard.read', '', 'DRAFT'),
  'POST /api/scorecards/entries': {
    permission: 'scorecard.enter',
    // The first role allowed starts the value; the next ones meet it open (409 ENTRY_OPEN, past authorization).
    inside: async (w) => ({
      url: '/api/scorecards/entries',
      payload: { unitId: w.groupA1.id, indicatorId: await w.f.indicatorId('CAMERAS'), period: '2025', numerator: 4 },
    }),
    outside: async (w) => ({
      url: '/api/scorecards/entries',
      payload: { unitId: w.groupB1.id, indicatorId: await w.f.indicatorId('CAMERAS'), period: '2025', numerator: 4 },
    }),
  },
  'PATCH /api/scorecards/entries/{id}': onEntry('scorecard.enter', '', 'DRAFT', {
    numerator: 45,
    denominator: 50,
    rowVersion: 1,
  }),
  'POST /api/scorecards/entries/{id}/submit': onEntry('scorecard.enter', '/submit', 'DRAFT', { rowVersion: 1 }),
  'POST /api/scorecards/entries/{id}/approve': onEntry('scorecard.approve', '/approve', 'SUBMITTED', { rowVersion: 1 }),
  'POST /api/scorecards/entries/{id}/return': onEntry('scorecard.approve', '/return', 'SUBMITTED', {
    rowVersion: 1,
    reason: 'Thiếu biên bản của nhà mạng',
  }),
  'POST /api/scorecards/entries/{id}/evidence': {
    permission: 'scorecard.enter',
    inside: (w) => evidenceUpload(w, 'A'),
    outside: (w) => evidenceUpload(w, 'B'),
  },
  'GET /api/scorecards/evidence/{id}': {
    permission: 'scorecard.read',
    inside: async (w) => ({ url: `/api/scorecards/evidence/${(await w.f.scorecardEvidence(w.groupA1)).id}` }),
    outside: async (w) => ({ url: `/api/scorecards/evidence/${(await w.f.scorecardEvidence(w.groupB1)).id}` }),
  },
  'DELETE /api/scorecards/evidence/{id}': {
    permission: 'scorecard.enter',
    inside: async (w) => ({ url: `/api/scorecards/evidence/${(await w.f.scorecardEvidence(w.groupA1)).id}` }),
    outside: async (w) => ({ url: `/api/scorecards/evidence/${(await w.f.scorecardEvidence(w.groupB1)).id}` }),
  },
};
