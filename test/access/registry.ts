import { type Expectation, csv, freshResident, importOf, multipart, unique } from './targets.js';

/** The registry: sign-in, units, households, residents, imports, exports, accounts, audit. */
export const registryExpectations: Record<string, Expectation> = {
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
  'GET /api/auth/contact': { permission: 'signed-in', inside: () => ({ url: '/api/auth/contact' }) },
  // A stale version: reaches the handler (409) without changing the shared account.
  'PUT /api/auth/contact': {
    permission: 'signed-in',
    inside: () => ({ url: '/api/auth/contact', payload: { email: 'thu@xa.gov.vn', version: 999_999 } }),
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
  'POST /api/residents/{id}/reveal': {
    permission: 'resident.unmask',
    inside: (w) => ({ url: `/api/residents/${w.residents.an.id}/reveal` }),
    outside: (w) => ({ url: `/api/residents/${w.residents.dung.id}/reveal` }),
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

  'POST /api/residents/{id}/death': {
    permission: 'resident.write',
    inside: async (w) => ({
      url: `/api/residents/${(await freshResident(w)).id}/death`,
      payload: { version: 1, diedOn: '2026-01-01' },
    }),
    outside: async (w) => ({
      url: `/api/residents/${(await freshResident(w, true)).id}/death`,
      payload: { version: 1, diedOn: '2026-01-01' },
    }),
  },
  'GET /api/residents/{id}/history': {
    permission: 'resident.read',
    inside: (w) => ({ url: `/api/residents/${w.residents.an.id}/history` }),
    outside: (w) => ({ url: `/api/residents/${w.residents.dung.id}/history` }),
  },
  'POST /api/households/{id}/births': {
    permission: 'household.write',
    inside: (w) => ({
      url: `/api/households/${w.households.hA1.id}/births`,
      payload: { version: 1, fullName: 'Cháu Mới Sinh', birthDate: '2026-11-01', gender: 'MALE' },
    }),
    outside: (w) => ({
      url: `/api/households/${w.households.hB1.id}/births`,
      payload: { version: 1, fullName: 'Cháu Mới Sinh', birthDate: '2026-11-01', gender: 'MALE' },
    }),
  },
  'POST /api/households/{id}/head': {
    permission: 'household.write',
    inside: (w) => ({
      url: `/api/households/${w.households.hA1.id}/head`,
      payload: { version: 1, residentId: w.residents.binh.id },
    }),
    outside: (w) => ({
      url: `/api/households/${w.households.hB1.id}/head`,
      payload: { version: 1, residentId: w.residents.dung.id },
    }),
  },
  'POST /api/households/{id}/relocate': {
    permission: 'household.write',
    inside: (w) => ({
      url: `/api/households/${w.households.hA1.id}/relocate`,
      payload: { version: 1, address: 'Số 7' },
    }),
    outside: (w) => ({
      url: `/api/households/${w.households.hB1.id}/relocate`,
      payload: { version: 1, address: 'Số 12' },
    }),
  },
  'POST /api/households/{id}/split': {
    permission: 'household.write',
    inside: (w) => ({
      url: `/api/households/${w.households.hA1.id}/split`,
      payload: {
        version: 1,
        residentIds: [w.residents.binh.id],
        headResidentId: w.residents.binh.id,
        address: 'Số 8 thôn Đông',
        on: '2026-11-01',
      },
    }),
    outside: (w) => ({
      url: `/api/households/${w.households.hB1.id}/split`,
      payload: {
        version: 1,
        residentIds: [w.residents.dung.id],
        headResidentId: w.residents.dung.id,
        address: 'Số 13',
        on: '2026-11-01',
      },
    }),
  },
  'POST /api/households/{id}/merge': {
    permission: 'household.write',
    inside: async (w) => ({
      url: `/api/households/${(await w.f.household(w.groupA1)).id}/merge`,
      payload: { version: 1, intoHouseholdId: w.households.hA1.id, intoVersion: 1, on: '2026-11-01', relations: [] },
    }),
    outside: async (w) => ({
      url: `/api/households/${(await w.f.household(w.groupB1)).id}/merge`,
      payload: { version: 1, intoHouseholdId: w.households.hB1.id, intoVersion: 1, on: '2026-11-01', relations: [] },
    }),
  },
  'GET /api/households/{id}/history': {
    permission: 'household.read',
    inside: (w) => ({ url: `/api/households/${w.households.hA1.id}/history` }),
    outside: (w) => ({ url: `/api/households/${w.households.hB1.id}/history` }),
  },
  'POST /api/households/{id}/changes/{changeId}/undo': {
    permission: 'household.write',
    inside: (w) => ({ url: `/api/households/${w.households.hA1.id}/changes/999999/undo` }),
    outside: (w) => ({ url: `/api/households/${w.households.hB1.id}/changes/999999/undo` }),
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
  'GET /api/imports/{id}/report': {
    permission: 'registry.import',
    inside: (w) => ({ url: `/api/imports/${importOf(w, 'A')}/report` }),
    outside: (w) => ({ url: `/api/imports/${importOf(w, 'B')}/report` }),
  },
  // Cancelling the matrix's shared imports leaves later commits a 409: still past authorization, as expected.
  'POST /api/imports/{id}/cancel': {
    permission: 'registry.import',
    inside: (w) => ({ url: `/api/imports/${importOf(w, 'A')}/cancel` }),
    outside: (w) => ({ url: `/api/imports/${importOf(w, 'B')}/cancel` }),
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
};
