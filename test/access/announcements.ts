import type { World } from '../world.js';
import { type Expectation, type Target, announcementFor, announcementUpload } from './targets.js';

/** Announcements and channels: writing, sending, reach, templates, group channels, staff groups, providers. */
export const announcementsExpectations: Record<string, Expectation> = {
  'POST /api/announcements': {
    permission: 'announcement.write',
    inside: (w) => ({ url: '/api/announcements', payload: announcementFor(w.groupA1.id) }),
    outside: (w) => ({ url: '/api/announcements', payload: announcementFor(w.groupB1.id) }),
  },
  'GET /api/announcements': { permission: 'announcement.write', inside: () => ({ url: '/api/announcements' }) },
  'POST /api/announcements/{id}/send': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/send` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/send` }),
  },
  'GET /api/announcements/{id}/audience': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/audience` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/audience` }),
  },
  'GET /api/announcements/{id}/reach': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/reach` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/reach` }),
  },
  'GET /api/public/communes/{code}/announcements': { public: true },
  // The sandbox outbox (modules/sandbox): empty and "not running" here, as in production.
  'GET /api/sandbox': { permission: 'announcement.write', inside: () => ({ url: '/api/sandbox' }) },
  'GET /api/sandbox/messages': {
    permission: 'announcement.write',
    inside: () => ({ url: '/api/sandbox/messages?mailbox=%2B84912345678' }),
  },
  'POST /api/sandbox/zalo-messages': {
    permission: 'announcement.write',
    inside: () => ({ url: '/api/sandbox/zalo-messages', payload: { phone: '0912345678', text: 'Xin chào' } }),
  },
  'GET /api/message-templates': { permission: 'announcement.write', inside: () => ({ url: '/api/message-templates' }) },
  'POST /api/message-templates': {
    permission: 'announcement.write',
    inside: (w) => ({
      url: '/api/message-templates',
      payload: { unitId: w.groupA1.id, name: 'Họp', title: 'Họp ((thon))', body: '<p>Lúc ((gio))</p>' },
    }),
    outside: (w) => ({
      url: '/api/message-templates',
      payload: { unitId: w.groupB1.id, name: 'Họp', title: 'Họp ((thon))', body: '<p>Lúc ((gio))</p>' },
    }),
  },
  'POST /api/message-templates/{id}/preview': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/message-templates/${await w.f.template(w.groupA1)}/preview`,
      payload: { values: { gio: '19:30' } },
    }),
    outside: async (w) => ({
      url: `/api/message-templates/${await w.f.template(w.groupB1)}/preview`,
      payload: { values: { gio: '19:30' } },
    }),
  },
  'POST /api/public/announcements/{id}/ack': { public: true },
  'GET /api/public/announcements/{id}': { public: true },
  'POST /api/public/announcements/{id}/read': { public: true },
  'GET /api/public/announcements/{id}/files/{fileId}': { public: true },
  'POST /api/public/zalo/webhook': { public: true },
  'POST /api/public/sms/reports': { public: true },
  'GET /api/public/groups/{id}': { public: true },
  'POST /api/public/groups/{id}/code': { public: true },
  'POST /api/public/groups/{id}/join': { public: true },
  'GET /api/public/membership': { public: true },
  'PATCH /api/public/membership': { public: true },
  'DELETE /api/public/membership': { public: true },
  'POST /api/public/channels/unsubscribe': { public: true },
  'POST /api/announcements/{id}/cancel': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/cancel` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/cancel` }),
  },
  'GET /api/announcements/{id}/to-visit': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/to-visit` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/to-visit` }),
  },
  'GET /api/announcements/{id}/reach/timeline': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/reach/timeline` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/reach/timeline` }),
  },
  'POST /api/announcements/{id}/files': {
    permission: 'announcement.write',
    inside: async (w) => announcementUpload(await w.f.announcement(w.groupA1)),
    outside: async (w) => announcementUpload(await w.f.announcement(w.groupB1)),
  },
  'GET /api/announcements/{id}/files/{fileId}': {
    permission: 'announcement.write',
    inside: async (w) => {
      const id = await w.f.announcement(w.groupA1);
      return { url: `/api/announcements/${id}/files/${await w.f.announcementFile(id)}` };
    },
    outside: async (w) => {
      const id = await w.f.announcement(w.groupB1);
      return { url: `/api/announcements/${id}/files/${await w.f.announcementFile(id)}` };
    },
  },
  'POST /api/announcements/{id}/broadcasts': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupA1)}/broadcasts`,
      payload: { unitId: w.groupA1.id, airAt: ['2030-01-02T06:30:00+07:00'] },
    }),
    outside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupB1)}/broadcasts`,
      payload: { unitId: w.groupB1.id, airAt: ['2030-01-02T06:30:00+07:00'] },
    }),
  },
  'GET /api/announcements/{id}/broadcasts': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/broadcasts` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/broadcasts` }),
  },
  'POST /api/announcements/{id}/broadcasts/{broadcastId}/{status}': {
    permission: 'announcement.write',
    inside: async (w) => {
      const id = await w.f.announcement(w.groupA1);
      return { url: `/api/announcements/${id}/broadcasts/${await w.f.broadcast(id, w.groupA1)}/aired` };
    },
    outside: async (w) => {
      const id = await w.f.announcement(w.groupB1);
      return { url: `/api/announcements/${id}/broadcasts/${await w.f.broadcast(id, w.groupB1)}/aired` };
    },
  },
  'GET /api/announcements/{id}/bulletin.pdf': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/bulletin.pdf` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/bulletin.pdf` }),
  },
  'GET /api/announcements/{id}/audio.wav': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/audio.wav` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/audio.wav` }),
  },
  'GET /api/groups/membership': { permission: 'announcement.write', inside: () => ({ url: '/api/groups/membership' }) },
  'GET /api/groups/join-requests': {
    permission: 'announcement.write',
    inside: () => ({ url: '/api/groups/join-requests' }),
  },
  'POST /api/groups/join-requests/{id}/confirm': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/groups/join-requests/${await w.f.joinRequest(w.groupA1)}/confirm`,
      payload: { householdId: w.households.hA1.id },
    }),
    outside: async (w) => ({
      url: `/api/groups/join-requests/${await w.f.joinRequest(w.groupB1)}/confirm`,
      payload: { householdId: w.households.hB1.id },
    }),
  },
  'POST /api/groups/join-requests/{id}/refuse': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/groups/join-requests/${await w.f.joinRequest(w.groupA1)}/refuse` }),
    outside: async (w) => ({ url: `/api/groups/join-requests/${await w.f.joinRequest(w.groupB1)}/refuse` }),
  },
  'GET /api/groups/{id}/poster.pdf': {
    permission: 'announcement.write',
    inside: (w) => ({ url: `/api/groups/${w.groupA1.id}/poster.pdf` }),
    outside: (w) => ({ url: `/api/groups/${w.groupB1.id}/poster.pdf` }),
  },
  'POST /api/staff-groups': {
    permission: 'announcement.write',
    inside: (w) => ({
      url: '/api/staff-groups',
      payload: { unitId: w.groupA1.id, name: 'Chi hội phụ nữ', kind: 'ASSOCIATION' },
    }),
    outside: (w) => ({
      url: '/api/staff-groups',
      payload: { unitId: w.groupB1.id, name: 'Chi hội phụ nữ', kind: 'ASSOCIATION' },
    }),
  },
  'GET /api/staff-groups': { permission: 'announcement.write', inside: () => ({ url: '/api/staff-groups' }) },
  'POST /api/staff-groups/{id}/members': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/staff-groups/${await w.f.staffGroup(w.groupA1)}/members`,
      payload: { fullName: 'Hoàng Văn Tám', title: 'Trưởng thôn', phone: '0903123456' },
    }),
    outside: async (w) => ({
      url: `/api/staff-groups/${await w.f.staffGroup(w.groupB1)}/members`,
      payload: { fullName: 'Hoàng Văn Tám', title: 'Trưởng thôn', phone: '0903123456' },
    }),
  },
  'GET /api/channels/limits': { permission: 'announcement.write', inside: () => ({ url: '/api/channels/limits' }) },
  'PUT /api/channels/limits/{channel}': {
    permission: 'channel.manage',
    inside: () => ({ url: '/api/channels/limits/EMAIL', payload: { perMinute: 300, perDay: 20000 } }),
  },
  'GET /api/announcements/{id}/deliveries': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/deliveries` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/deliveries` }),
  },
  'GET /api/announcements/{id}/deliveries/messages': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupA1)}/deliveries/messages?state=failed`,
    }),
    outside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupB1)}/deliveries/messages?state=failed`,
    }),
  },
  'POST /api/announcements/{id}/deliveries/retry': {
    permission: 'announcement.write',
    inside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupA1)}/deliveries/retry`,
      payload: { channel: 'SMS' },
    }),
    outside: async (w) => ({
      url: `/api/announcements/${await w.f.announcement(w.groupB1)}/deliveries/retry`,
      payload: { channel: 'SMS' },
    }),
  },
  'GET /api/channels': { permission: 'announcement.write', inside: () => ({ url: '/api/channels' }) },
  'POST /api/announcements/audience': {
    permission: 'announcement.write',
    inside: (w) => ({ url: '/api/announcements/audience', payload: { unitIds: [w.groupA1.id] } }),
    outside: (w) => ({ url: '/api/announcements/audience', payload: { unitIds: [w.groupB1.id] } }),
  },
};

/**
 * An announcement that spans units: filed in commune A by its leader and sent to groups A1 and A2, as group A1's
 * head reaches it. Every operation on one announcement either shows A1's part of it (`part`: allowed, and nothing
 * of A2's households, phones or speakers in the answer, its spreadsheet or its PDF) or is the filing unit's alone
 * (`filingUnit`: 404, as for an announcement out of reach). spans.test.ts runs them and fails for an operation on
 * one announcement that has no entry here.
 */
export type SpanningTarget = {
  w: World;
  /** The announcement, sent. */
  id: number;
  fileId: number;
  /** Broadcasts planned on group A1's, group A2's and the commune's speakers. */
  broadcasts: { A1: number; A2: number; commune: number };
};
export const spanningExpectations: Record<
  string,
  { access: 'part' | 'filingUnit'; call: (s: SpanningTarget) => Target }
> = {
  'POST /api/announcements/{id}/send': {
    access: 'filingUnit',
    call: ({ id }) => ({ url: `/api/announcements/${id}/send` }),
  },
  // The draft's audience is the whole of it (before sending): for the filing unit only, like sending.
  'GET /api/announcements/{id}/audience': {
    access: 'filingUnit',
    call: ({ id }) => ({ url: `/api/announcements/${id}/audience` }),
  },
  'POST /api/announcements/{id}/cancel': {
    access: 'filingUnit',
    call: ({ id }) => ({ url: `/api/announcements/${id}/cancel` }),
  },
  'POST /api/announcements/{id}/files': { access: 'filingUnit', call: ({ id }) => announcementUpload(id) },
  'GET /api/announcements/{id}/files/{fileId}': {
    access: 'part',
    call: ({ id, fileId }) => ({ url: `/api/announcements/${id}/files/${fileId}` }),
  },
  'GET /api/announcements/{id}/reach': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/reach` }),
  },
  'GET /api/announcements/{id}/deliveries': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/deliveries` }),
  },
  'GET /api/announcements/{id}/deliveries/messages': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/deliveries/messages` }),
  },
  // A group head may send their own households' failed messages again (the commune's announcement to them).
  'POST /api/announcements/{id}/deliveries/retry': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/deliveries/retry`, payload: {} }),
  },
  'GET /api/announcements/{id}/reach/timeline': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/reach/timeline` }),
  },
  'GET /api/announcements/{id}/to-visit': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/to-visit?which=not-acknowledged` }),
  },
  'POST /api/announcements/{id}/broadcasts': {
    access: 'part',
    call: ({ w, id }) => ({
      url: `/api/announcements/${id}/broadcasts`,
      payload: { unitId: w.groupA1.id, airAt: ['2030-09-01T18:00:00+07:00'] },
    }),
  },
  'GET /api/announcements/{id}/broadcasts': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/broadcasts` }),
  },
  'POST /api/announcements/{id}/broadcasts/{broadcastId}/{status}': {
    access: 'part',
    call: ({ id, broadcasts }) => ({ url: `/api/announcements/${id}/broadcasts/${broadcasts.A1}/aired` }),
  },
  'GET /api/announcements/{id}/bulletin.pdf': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/bulletin.pdf` }),
  },
  'GET /api/announcements/{id}/audio.wav': {
    access: 'part',
    call: ({ id }) => ({ url: `/api/announcements/${id}/audio.wav` }),
  },
};
