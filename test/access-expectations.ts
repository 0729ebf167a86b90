import { multipartBody } from './multipart.js';
import type { Permission } from '../src/shared/permissions.js';
import type { InjectOptions } from 'fastify';
import type { World } from './world.js';
import { tinyPng } from './factories.js';

/**
 * What each API operation needs, and how to call it on something inside commune A (group A1, in every A account's
 * reach) and on something in commune B (outside it). A new module adds its operations here; the access matrix
 * fails for any operation in the OpenAPI document that has no entry.
 */
export type Target = { url: string; payload?: InjectOptions['payload']; headers?: Record<string, string> };
export type Expectation =
  | { public: true }
  | {
      permission: Permission | 'signed-in';
      inside: (w: World) => Promise<Target> | Target;
      outside?: (w: World) => Promise<Target> | Target;
      /** The call ends or changes the session: run it with a session of its own. */
      freshSession?: boolean;
    };

let n = 0;
const unique = () => `${Date.now() % 100000}${++n}`;

async function freshResident(w: World, inB = false) {
  const h = inB ? w.households.hB1 : w.households.hA1;
  return w.f.resident(h, { fullName: `Người Thử ${unique()}` });
}

/** A visit as the field app uploads it (a fresh id each time, so it is never a duplicate). */
const fieldVisit = (householdId: number) => ({
  id: crypto.randomUUID(),
  householdId,
  visitedAt: '2026-11-20T10:00:00+07:00',
  outcome: 'NOT_HOME',
  bestTime: 'Buổi tối',
  baseVersion: 1,
});

/**
 * An operation on a campaign filed in group A1 (inside) or group B1 (outside); `payload` from the group's household.
 */
const onCampaign = (
  permission: Permission,
  suffix: string,
  payload?: (householdId: number) => InjectOptions['payload'],
): Expectation => ({
  permission,
  inside: async (w) => ({
    url: `/api/campaigns/${await w.f.campaign(w.groupA1)}/${suffix}`,
    payload: payload?.(w.households.hA1.id),
  }),
  outside: async (w) => ({
    url: `/api/campaigns/${await w.f.campaign(w.groupB1)}/${suffix}`,
    payload: payload?.(w.households.hB1.id),
  }),
});

/** The matrix uploads one import in group A1 and one in group B1 before it runs; their ids ride on the world. */
export const importOf = (w: World, side: 'A' | 'B') =>
  (w as World & { imports: { A: number; B: number } }).imports[side];

/** A one-page PDF attached to an announcement, as the browser uploads it. */
function announcementUpload(id: number): Target {
  const body = multipartBody({}, { name: 'a.png', content: tinyPng, type: 'image/png' });
  return { url: `/api/announcements/${id}/files`, ...body };
}

export function multipart(unitId: number, csv: string): Target {
  return { url: '/api/imports', ...multipartBody({ unitId }, { name: 'a.csv', content: csv }) };
}
const csv = 'Số hộ,Địa chỉ,Họ và tên,Ngày sinh,Giới tính\n1,Số 1,Ma Văn Thử,01/01/1990,Nam';

const defaultSettings = {
  codePattern: '{unit}-{yymmdd}-{seq4}',
  sameDayCutoff: '15:00',
  saturdayMorning: false,
  bankBin: null,
  bankAccount: null,
  bankAccountName: null,
  cashlessWeekdays: [],
};

async function shipmentMove(w: World, commune: World['communeA']): Promise<Target> {
  const d = await w.f.dossier(commune);
  const s = await w.f.shipment(d.id);
  return { url: `/api/dossiers/${d.id}/shipments/${s.id}`, payload: { status: 'IN_TRANSIT' } };
}

const announcementFor = (unitId: number) => ({
  title: 'Họp tổ dân phố',
  body: '<p>Tối thứ Bảy, 19:30, tại nhà văn hóa.</p>',
  category: 'EVENT',
  audience: { unitIds: [unitId] },
});

export const counterDossier = (unitId: number) => ({
  unitId,
  procedureCode: '1.004873',
  applicant: { fullName: 'Ma Thị Nộp', personalId: '031190001111', phone: '0987654321' },
  fields: { purpose: 'Kết hôn' },
  returnMethod: 'COUNTER',
});

/** A multipart upload of a real (tiny) PNG scan onto a dossier. */
export function scanUpload(dossierId: number): Target {
  const body = multipartBody({ kind: 'SCAN' }, { name: 'giay-to.png', content: tinyPng, type: 'image/png' });
  return { url: `/api/dossiers/${dossierId}/files`, ...body };
}

export const expectations: Record<string, Expectation> = {
  'GET /healthz': { public: true },
  'POST /api/auth/login': { public: true },
  'GET /api/auth/session': { public: true },
  'GET /api/auth/me': { permission: 'signed-in', inside: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/logout': {
    permission: 'signed-in',
    freshSession: true,
    inside: () => ({ url: '/api/auth/logout', payload: { everywhere: false } }),
  },
  'POST /api/auth/password': {
    permission: 'signed-in',
    freshSession: true,
    inside: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong-one-here', newPassword: 'a-new-password-1' },
    }),
  },
  'PUT /api/auth/locale': {
    permission: 'signed-in',
    inside: () => ({ url: '/api/auth/locale', payload: { locale: 'vi' } }),
  },

  'GET /api/units': {
    permission: 'unit.read',
    inside: (w) => ({ url: `/api/units?parent=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/units?parent=${w.groupB1.id}` }),
  },
  'GET /api/units/{id}': {
    permission: 'unit.read',
    inside: (w) => ({ url: `/api/units/${w.alleyA1.id}` }),
    outside: (w) => ({ url: `/api/units/${w.groupB1.id}` }),
  },
  'POST /api/units': {
    permission: 'unit.manage',
    inside: (w) => ({
      url: '/api/units',
      payload: { parentId: w.groupA1.id, code: `Z${unique()}`, name: 'Khu thử', kind: 'ZONE' },
    }),
    outside: (w) => ({
      url: '/api/units',
      payload: { parentId: w.groupB1.id, code: `Z${unique()}`, name: 'Khu thử', kind: 'ZONE' },
    }),
  },
  'PATCH /api/units/{id}': {
    permission: 'unit.manage',
    inside: (w) => ({ url: `/api/units/${w.alleyA1.id}`, payload: { name: 'Ngõ 3' } }),
    outside: (w) => ({ url: `/api/units/${w.groupB1.id}`, payload: { name: 'Tổ dân phố 1' } }),
  },
  'POST /api/units/{id}/close': {
    permission: 'unit.manage',
    inside: (w) => ({ url: `/api/units/${w.alleyA1.id}/close`, payload: { reason: 'Thử quyền' } }),
    outside: (w) => ({ url: `/api/units/${w.groupB1.id}/close`, payload: { reason: 'Thử quyền' } }),
  },

  'GET /api/households': {
    permission: 'household.read',
    inside: (w) => ({ url: `/api/households?unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/households?unit=${w.groupB1.id}` }),
  },
  'GET /api/households/{id}': {
    permission: 'household.read',
    inside: (w) => ({ url: `/api/households/${w.households.hA1.id}` }),
    outside: (w) => ({ url: `/api/households/${w.households.hB1.id}` }),
  },
  'POST /api/households': {
    permission: 'household.write',
    inside: (w) => ({ url: '/api/households', payload: { unitId: w.groupA1.id, address: `Số ${unique()} thôn Đông` } }),
    outside: (w) => ({ url: '/api/households', payload: { unitId: w.groupB1.id, address: `Số ${unique()} tổ 1` } }),
  },
  'PATCH /api/households/{id}': {
    permission: 'household.write',
    inside: (w) => ({
      url: `/api/households/${w.households.hA1.id}`,
      payload: { version: 1, address: 'Số 7, ngõ 3, thôn Đông' },
    }),
    outside: (w) => ({
      url: `/api/households/${w.households.hB1.id}`,
      payload: { version: 1, address: 'Số 12 đường Lê Lợi' },
    }),
  },

  'GET /api/residents': {
    permission: 'resident.read',
    inside: (w) => ({ url: `/api/residents?unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/residents?unit=${w.groupB1.id}` }),
  },
  'GET /api/residents/{id}': {
    permission: 'resident.read',
    inside: (w) => ({ url: `/api/residents/${w.residents.an.id}` }),
    outside: (w) => ({ url: `/api/residents/${w.residents.dung.id}` }),
  },
  'POST /api/residents': {
    permission: 'resident.write',
    inside: (w) => ({
      url: '/api/residents',
      payload: {
        householdId: w.households.hA1.id,
        fullName: 'Người Mới Thêm',
        birthDate: '2000-01-01',
        gender: 'MALE',
        joinedOn: '2020-01-01',
      },
    }),
    outside: (w) => ({
      url: '/api/residents',
      payload: {
        householdId: w.households.hB1.id,
        fullName: 'Người Mới Thêm',
        birthDate: '2000-01-01',
        gender: 'MALE',
        joinedOn: '2020-01-01',
      },
    }),
  },
  'PATCH /api/residents/{id}': {
    permission: 'resident.write',
    inside: async (w) => ({
      url: `/api/residents/${(await freshResident(w)).id}`,
      payload: { version: 1, vneidLevel: 'L2' },
    }),
    outside: async (w) => ({
      url: `/api/residents/${(await freshResident(w, true)).id}`,
      payload: { version: 1, vneidLevel: 'L2' },
    }),
  },
  'POST /api/residents/{id}/move': {
    permission: 'resident.write',
    inside: async (w) => ({
      url: `/api/residents/${(await freshResident(w)).id}/move`,
      payload: { householdId: (await w.f.household(w.groupA1)).id, movedOn: '2026-01-01' },
    }),
    outside: async (w) => ({
      url: `/api/residents/${(await freshResident(w, true)).id}/move`,
      payload: { householdId: w.households.hB1.id, movedOn: '2026-01-01' },
    }),
  },
  'POST /api/residents/{id}/leave': {
    permission: 'resident.write',
    inside: async (w) => ({
      url: `/api/residents/${(await freshResident(w)).id}/leave`,
      payload: { leftOn: '2026-01-01', reason: 'Chuyển đi' },
    }),
    outside: async (w) => ({
      url: `/api/residents/${(await freshResident(w, true)).id}/leave`,
      payload: { leftOn: '2026-01-01', reason: 'Chuyển đi' },
    }),
  },

  'GET /api/imports/template': {
    permission: 'registry.import',
    inside: () => ({ url: '/api/imports/template?format=csv' }),
  },
  'POST /api/imports': {
    permission: 'registry.import',
    inside: (w) => multipart(w.groupA1.id, csv),
    outside: (w) => multipart(w.groupB1.id, csv),
  },
  'GET /api/imports': { permission: 'registry.import', inside: () => ({ url: '/api/imports' }) },
  'GET /api/imports/{id}': {
    permission: 'registry.import',
    inside: (w) => ({ url: `/api/imports/${importOf(w, 'A')}` }),
    outside: (w) => ({ url: `/api/imports/${importOf(w, 'B')}` }),
  },
  'POST /api/imports/{id}/commit': {
    permission: 'registry.import',
    inside: (w) => ({ url: `/api/imports/${importOf(w, 'A')}/commit`, payload: { skipBadRows: false } }),
    outside: (w) => ({ url: `/api/imports/${importOf(w, 'B')}/commit`, payload: { skipBadRows: false } }),
  },

  'GET /api/exports/residents': {
    permission: 'registry.export',
    inside: (w) => ({ url: `/api/exports/residents?format=csv&unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/exports/residents?format=csv&unit=${w.groupB1.id}` }),
  },
  'GET /api/exports/households': {
    permission: 'registry.export',
    inside: (w) => ({ url: `/api/exports/households?format=csv&unit=${w.groupA1.id}` }),
    outside: (w) => ({ url: `/api/exports/households?format=csv&unit=${w.groupB1.id}` }),
  },

  'GET /api/users': { permission: 'user.manage', inside: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    permission: 'user.manage',
    inside: (w) => ({
      url: '/api/users',
      payload: {
        username: `tv${unique()}`,
        fullName: 'Thành viên',
        password: 'mat-khau-dai-du',
        roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA1.id }],
      },
    }),
    outside: (w) => ({
      url: '/api/users',
      payload: {
        username: `tv${unique()}`,
        fullName: 'Thành viên',
        password: 'mat-khau-dai-du',
        roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupB1.id }],
      },
    }),
  },
  'PATCH /api/users/{id}': {
    permission: 'user.manage',
    inside: async (w) => ({
      url: `/api/users/${(await w.f.user('DIGITAL_TEAM', w.groupA1)).id}`,
      payload: { fullName: 'Đổi Tên' },
    }),
    outside: async (w) => ({
      url: `/api/users/${(await w.f.user('DIGITAL_TEAM', w.groupB1)).id}`,
      payload: { fullName: 'Đổi Tên' },
    }),
  },
  'POST /api/users/{id}/password': {
    permission: 'user.manage',
    inside: async (w) => ({
      url: `/api/users/${(await w.f.user('DIGITAL_TEAM', w.groupA1)).id}/password`,
      payload: { newPassword: 'mat-khau-moi-dai' },
    }),
    outside: async (w) => ({
      url: `/api/users/${(await w.f.user('DIGITAL_TEAM', w.groupB1)).id}/password`,
      payload: { newPassword: 'mat-khau-moi-dai' },
    }),
  },

  'GET /api/audit': { permission: 'audit.read', inside: () => ({ url: '/api/audit' }) },
  'GET /api/audit/export': { permission: 'audit.read', inside: () => ({ url: '/api/audit/export?format=csv' }) },

  // One-stop shop: the catalog and calendar are province-wide; dossiers belong to a commune.
  'GET /api/public/procedures': { public: true },
  'GET /api/public/procedures/{code}': { public: true },
  'GET /api/public/procedures/{code}/qr': { public: true },
  'GET /api/public/procedures-poster': { public: true },
  'GET /api/public/calendar': { public: true },
  'GET /api/public/communes': { public: true },
  'POST /api/public/uploads': { public: true },
  'POST /api/public/dossiers': { public: true },
  'GET /api/public/dossiers/{token}': { public: true },
  'GET /api/public/dossier-lookup': { public: true },
  'POST /api/public/dossiers/{token}/actions': { public: true },
  'POST /api/public/dossiers/{token}/rating': { public: true },
  'GET /api/public/dossiers/{token}/forms/{form}': { public: true },
  'GET /api/public/dossiers/{token}/payment': { public: true },
  'GET /api/public/dossiers/{token}/payment-qr': { public: true },
  'POST /api/public/payments/callback': { public: true },
  'POST /api/dossiers/{id}/cash': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/cash`,
      payload: { amount: 5000 },
    }),
    outside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/cash`,
      payload: { amount: 5000 },
    }),
  },
  'GET /api/onestop/settings/{id}': {
    permission: 'dossier.read',
    inside: (w) => ({ url: `/api/onestop/settings/${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/onestop/settings/${w.communeB.id}` }),
  },
  'PUT /api/onestop/settings/{id}': {
    permission: 'dossier.approve',
    inside: (w) => ({ url: `/api/onestop/settings/${w.communeA.id}`, payload: defaultSettings }),
    outside: (w) => ({ url: `/api/onestop/settings/${w.communeB.id}`, payload: defaultSettings }),
  },
  'GET /api/indicators/onestop': {
    permission: 'dossier.read',
    inside: (w) => ({ url: `/api/indicators/onestop?unit=${w.communeA.id}&from=2026-01-01&to=2026-12-31` }),
    outside: (w) => ({ url: `/api/indicators/onestop?unit=${w.communeB.id}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/indicators/onestop/export': {
    permission: 'dossier.read',
    inside: (w) => ({
      url: `/api/indicators/onestop/export?unit=${w.communeA.id}&from=2026-01-01&to=2026-12-31&format=csv`,
    }),
    outside: (w) => ({
      url: `/api/indicators/onestop/export?unit=${w.communeB.id}&from=2026-01-01&to=2026-12-31&format=csv`,
    }),
  },
  'GET /api/public/appointments/slots': { public: true },
  'POST /api/public/citizens/code': { public: true },
  'POST /api/public/citizens': { public: true },
  'POST /api/public/citizens/login': { public: true },
  'GET /api/public/citizens/me': { public: true },
  'POST /api/public/citizens/logout': { public: true },
  'POST /api/public/appointments': { public: true },
  'POST /api/public/appointments/{token}/cancel': { public: true },
  'GET /api/appointments': {
    permission: 'dossier.read',
    inside: (w) => ({ url: `/api/appointments?unit=${w.communeA.id}&day=2026-12-01` }),
    outside: (w) => ({ url: `/api/appointments?unit=${w.communeB.id}&day=2026-12-01` }),
  },
  'POST /api/appointments/{id}/check-in': {
    permission: 'dossier.process',
    inside: async (w) => ({ url: `/api/appointments/${await w.f.appointment(w.communeA)}/check-in` }),
    outside: async (w) => ({ url: `/api/appointments/${await w.f.appointment(w.communeB)}/check-in` }),
  },
  'POST /api/queue-numbers': {
    permission: 'dossier.process',
    inside: (w) => ({ url: '/api/queue-numbers', payload: { unitId: w.communeA.id } }),
    outside: (w) => ({ url: '/api/queue-numbers', payload: { unitId: w.communeB.id } }),
  },
  'GET /api/dossiers/{id}/shipments': {
    permission: 'dossier.read',
    inside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/shipments` }),
    outside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/shipments` }),
  },
  'POST /api/dossiers/{id}/shipments': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/shipments`,
      payload: { direction: 'OUT', trackingNumber: `EL${unique()}VN` },
    }),
    outside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/shipments`,
      payload: { direction: 'OUT', trackingNumber: `EL${unique()}VN` },
    }),
  },
  'PATCH /api/dossiers/{id}/shipments/{shipmentId}': {
    permission: 'dossier.process',
    inside: async (w) => shipmentMove(w, w.communeA),
    outside: async (w) => shipmentMove(w, w.communeB),
  },
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
  'GET /api/announcements/{id}/reach': {
    permission: 'announcement.write',
    inside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupA1)}/reach` }),
    outside: async (w) => ({ url: `/api/announcements/${await w.f.announcement(w.groupB1)}/reach` }),
  },
  'GET /api/public/communes/{code}/announcements': { public: true },
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
  'POST /api/announcements/audience': {
    permission: 'announcement.write',
    inside: (w) => ({ url: '/api/announcements/audience', payload: { unitIds: [w.groupA1.id] } }),
    outside: (w) => ({ url: '/api/announcements/audience', payload: { unitIds: [w.groupB1.id] } }),
  },
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
  'GET /api/public/campaigns/{id}': { public: true },
  'GET /api/procedures': { permission: 'procedure.manage', inside: () => ({ url: '/api/procedures?field=HO_TICH' }) },
  'POST /api/procedures': {
    permission: 'procedure.manage',
    inside: () => ({
      url: '/api/procedures',
      payload: {
        code: `LT.${unique()}`,
        national: false,
        nameVi: 'Thủ tục địa phương',
        nameEn: 'Local procedure',
        field: 'KHAC',
        timeAmount: 3,
        timeUnit: 'WORKING_DAY',
        onlineLevel: 'FULL',
        postalAllowed: true,
        fees: [],
        documents: [],
        formFields: [],
      },
    }),
  },
  'POST /api/procedures/{id}/publish': {
    permission: 'procedure.manage',
    inside: async (w) => ({ url: `/api/procedures/${(await w.f.procedureDraft()).id}/publish` }),
  },
  'POST /api/procedures/{id}/retire': {
    permission: 'procedure.manage',
    inside: async (w) => ({ url: `/api/procedures/${(await w.f.procedureDraft('PUBLISHED')).id}/retire` }),
  },
  'PUT /api/calendar/days/{day}': {
    permission: 'calendar.manage',
    inside: async (w) => ({
      url: `/api/calendar/days/${await w.f.calendarDay()}`,
      payload: { kind: 'WORKDAY', nameVi: 'Làm bù', nameEn: 'Swapped working day' },
    }),
  },
  'DELETE /api/calendar/days/{day}': {
    permission: 'calendar.manage',
    inside: async (w) => ({ url: `/api/calendar/days/${await w.f.calendarDay()}` }),
  },
  'GET /api/dossiers': {
    permission: 'dossier.read',
    inside: (w) => ({ url: `/api/dossiers?unit=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/dossiers?unit=${w.communeB.id}` }),
  },
  'POST /api/dossiers': {
    permission: 'dossier.submit',
    inside: (w) => ({ url: '/api/dossiers', payload: counterDossier(w.communeA.id) }),
    outside: (w) => ({ url: '/api/dossiers', payload: counterDossier(w.communeB.id) }),
  },
  'GET /api/dossiers/counter-units': {
    permission: 'dossier.submit',
    inside: () => ({ url: '/api/dossiers/counter-units' }),
  },
  'GET /api/dossiers/officers': {
    permission: 'dossier.process',
    inside: (w) => ({ url: `/api/dossiers/officers?unit=${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/dossiers/officers?unit=${w.communeB.id}` }),
  },
  'GET /api/dossiers/{id}': {
    permission: 'dossier.read',
    inside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}` }),
    outside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}` }),
  },
  'POST /api/dossiers/{id}/actions': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/actions`,
      payload: { action: 'RECEIVE', version: 1 },
    }),
    outside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/actions`,
      payload: { action: 'RECEIVE', version: 1 },
    }),
  },
  // Bulk: dossiers outside the caller's units come back as refused, one by one, never as data.
  'POST /api/dossiers/assign': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: '/api/dossiers/assign',
      payload: { ids: [(await w.f.dossier(w.communeA)).id], assigneeId: w.accounts.onestopA.id },
    }),
  },
  'POST /api/dossiers/{id}/files': {
    permission: 'dossier.process',
    inside: async (w) => scanUpload((await w.f.dossier(w.communeA)).id),
    outside: async (w) => scanUpload((await w.f.dossier(w.communeB)).id),
  },
  'GET /api/dossiers/{id}/files/{fileId}': {
    permission: 'dossier.read',
    inside: async (w) => {
      const d = await w.f.dossier(w.communeA);
      return { url: `/api/dossiers/${d.id}/files/${(await w.f.dossierFile(d.id)).id}` };
    },
    outside: async (w) => {
      const d = await w.f.dossier(w.communeB);
      return { url: `/api/dossiers/${d.id}/files/${(await w.f.dossierFile(d.id)).id}` };
    },
  },
};
