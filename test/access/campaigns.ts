import { type Expectation, fieldVisit, onCampaign, unique } from './targets.js';

/** Teams and door-to-door campaigns, with the field app and the support points. */
export const campaignsExpectations: Record<string, Expectation> = {
  'GET /api/teams': { permission: 'unit.read', inside: () => ({ url: '/api/teams' }) },
  'POST /api/teams': {
    permission: 'team.manage',
    inside: (w) => ({
      url: '/api/teams',
      payload: { unitId: w.groupA1.id, name: 'Tổ công nghệ số thôn Đông', decisionRef: '125/QĐ-UBND' },
    }),
    outside: (w) => ({ url: '/api/teams', payload: { unitId: w.groupB1.id, name: 'Tổ công nghệ số tổ 1' } }),
  },
  'POST /api/teams/{id}/members': {
    permission: 'team.manage',
    inside: async (w) => ({
      url: `/api/teams/${(await w.f.team(w.groupA1)).teamId}/members`,
      payload: { fullName: 'Đoàn Thanh Niên', phone: '0911222333', skills: ['VNeID'] },
    }),
    outside: async (w) => ({
      url: `/api/teams/${(await w.f.team(w.groupB1)).teamId}/members`,
      payload: { fullName: 'Đoàn Thanh Niên' },
    }),
  },
  'DELETE /api/teams/{id}/members/{memberId}': {
    permission: 'team.manage',
    inside: async (w) => {
      const t = await w.f.team(w.groupA1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}` };
    },
    outside: async (w) => {
      const t = await w.f.team(w.groupB1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}` };
    },
  },
  'PATCH /api/teams/{id}/members/{memberId}': {
    permission: 'team.manage',
    inside: async (w) => {
      const t = await w.f.team(w.groupA1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}`, payload: { version: 1, role: 'DEPUTY' } };
    },
    outside: async (w) => {
      const t = await w.f.team(w.groupB1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}`, payload: { version: 1, role: 'DEPUTY' } };
    },
  },
  'POST /api/teams/{id}/members/{memberId}/login': {
    permission: 'user.manage',
    inside: async (w) => {
      const t = await w.f.team(w.groupA1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}/login`, payload: { username: `tv${unique()}` } };
    },
    outside: async (w) => {
      const t = await w.f.team(w.groupB1);
      return { url: `/api/teams/${t.teamId}/members/${t.memberId}/login`, payload: { username: `tv${unique()}` } };
    },
  },
  'GET /api/duty': {
    permission: 'unit.read',
    inside: (w) => ({ url: `/api/duty?unitId=${w.groupA1.id}&from=2030-01-01&to=2030-01-31` }),
    outside: (w) => ({ url: `/api/duty?unitId=${w.groupB1.id}&from=2030-01-01&to=2030-01-31` }),
  },
  'POST /api/duty': {
    permission: 'team.manage',
    inside: async (w) => ({
      url: '/api/duty',
      payload: {
        unitId: w.groupA1.id,
        day: '2031-01-02',
        shift: 'MORNING',
        memberId: (await w.f.team(w.groupA1)).memberId,
      },
    }),
    outside: async (w) => ({
      url: '/api/duty',
      payload: {
        unitId: w.groupB1.id,
        day: '2031-01-02',
        shift: 'MORNING',
        memberId: (await w.f.team(w.groupB1)).memberId,
      },
    }),
  },
  'GET /api/support-points': { permission: 'unit.read', inside: () => ({ url: '/api/support-points' }) },
  'POST /api/support-points': {
    permission: 'team.manage',
    inside: (w) => ({
      url: '/api/support-points',
      payload: {
        unitId: w.groupA1.id,
        name: 'Tạp hóa Tâm Hương',
        address: 'Số 3 ngõ 3, thôn Đông',
        hours: '18:00–21:00, thứ Hai đến thứ Sáu',
      },
    }),
    outside: (w) => ({
      url: '/api/support-points',
      payload: { unitId: w.groupB1.id, name: 'Nhà văn hóa', address: 'Tổ 1', hours: 'Tối thứ Bảy' },
    }),
  },
  'GET /api/public/communes/{code}/support-points': { public: true },
  'GET /api/campaign-templates': { permission: 'unit.read', inside: () => ({ url: '/api/campaign-templates' }) },
  'GET /api/campaigns': { permission: 'unit.read', inside: () => ({ url: '/api/campaigns' }) },
  'POST /api/campaigns': {
    permission: 'campaign.manage',
    inside: (w) => ({
      url: '/api/campaigns',
      payload: { kind: 'VNEID_L2', unitId: w.groupA1.id, startsOn: '2026-12-01', deadline: '2027-01-29' },
    }),
    outside: (w) => ({
      url: '/api/campaigns',
      payload: { kind: 'VNEID_L2', unitId: w.groupB1.id, startsOn: '2026-12-01', deadline: '2027-01-29' },
    }),
  },
  'POST /api/campaigns/{id}/refresh': onCampaign('campaign.manage', 'refresh'),
  'POST /api/campaigns/{id}/assign': onCampaign('campaign.manage', 'assign'),
  'PUT /api/campaigns/{id}/households/{householdId}/assignee': {
    permission: 'campaign.manage',
    inside: async (w) => {
      const a = await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id);
      return {
        url: `/api/campaigns/${a.campaignId}/households/${a.householdId}/assignee`,
        payload: { memberId: a.memberId },
      };
    },
    outside: async (w) => {
      const a = await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id);
      return {
        url: `/api/campaigns/${a.campaignId}/households/${a.householdId}/assignee`,
        payload: { memberId: a.memberId },
      };
    },
  },
  'GET /api/campaigns/{id}/assignments': onCampaign('campaign.manage', 'assignments?memberId=none'),
  'POST /api/campaigns/{id}/assignments/move': {
    permission: 'campaign.manage',
    inside: async (w) => {
      const a = await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id);
      const to = await w.f.team(w.groupA1);
      return {
        url: `/api/campaigns/${a.campaignId}/assignments/move`,
        payload: { fromMemberId: a.memberId, toMemberId: to.memberId },
      };
    },
    outside: async (w) => {
      const a = await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id);
      const to = await w.f.team(w.groupB1);
      return {
        url: `/api/campaigns/${a.campaignId}/assignments/move`,
        payload: { fromMemberId: a.memberId, toMemberId: to.memberId },
      };
    },
  },
  'GET /api/campaigns/{id}/mine': onCampaign('unit.read', 'mine'),
  'GET /api/campaigns/{id}/progress': onCampaign('unit.read', 'progress'),
  'GET /api/campaigns/{id}/field': onCampaign('campaign.visit', 'field'),
  'POST /api/campaigns/{id}/visits': onCampaign('campaign.visit', 'visits', (h) => ({ visits: [fieldVisit(h)] })),
  'GET /api/campaigns/{id}/conflicts': onCampaign('campaign.manage', 'conflicts'),
  'POST /api/campaigns/{id}/visits/{visitId}/resolve': {
    permission: 'campaign.manage',
    inside: async (w) => {
      const v = await w.f.conflictVisit(w.groupA1, w.households.hA1.id);
      return { url: `/api/campaigns/${v.campaignId}/visits/${v.visitId}/resolve`, payload: { action: 'DISMISS' } };
    },
    outside: async (w) => {
      const v = await w.f.conflictVisit(w.groupB1, w.households.hB1.id);
      return { url: `/api/campaigns/${v.campaignId}/visits/${v.visitId}/resolve`, payload: { action: 'DISMISS' } };
    },
  },
  'GET /api/campaigns/{id}/history': onCampaign('unit.read', 'history'),
  'GET /api/campaigns/{id}/left': onCampaign('resident.read', 'left'),
  'GET /api/campaigns/{id}/leaderboard': onCampaign('unit.read', 'leaderboard'),
  'GET /api/campaigns/{id}/letters.pdf': {
    permission: 'resident.read',
    inside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id)).campaignId}/letters.pdf`,
    }),
    outside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id)).campaignId}/letters.pdf`,
    }),
  },
  'POST /api/campaigns/{id}/remind': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id)).campaignId}/remind`,
      payload: {},
    }),
    outside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id)).campaignId}/remind`,
      payload: {},
    }),
  },
  'POST /api/campaigns/{id}/remind/preview': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id)).campaignId}/remind/preview`,
      payload: {},
    }),
    outside: async (w) => ({
      url: `/api/campaigns/${(await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id)).campaignId}/remind/preview`,
      payload: {},
    }),
  },
  'GET /api/public/campaigns/{id}': { public: true },
};
