import { localParts } from '../../src/server/modules/calendar/working-days.js';
import { type Expectation, counterDossier, defaultSettings, scanUpload, shipmentMove, unique } from './targets.js';

const signerSettings = { authority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: ['CHỦ TỊCH'], signerName: null, version: 0 };

/** The one-stop shop: procedures, calendar, dossiers, payments, settings, indicators, the counter, citizens. */
export const onestopExpectations: Record<string, Expectation> = {
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
  // Public, but a change needs proof of being the applicant (dossiers.applicant.test.ts attacks each one).
  'POST /api/public/dossiers/{token}/proof-code': { public: true },
  'POST /api/public/dossiers/{token}/proof': { public: true },
  'DELETE /api/public/dossiers/{token}/proof': { public: true },
  'POST /api/public/dossiers/{token}/actions': { public: true },
  'POST /api/public/dossiers/{token}/rating': { public: true },
  'GET /api/public/dossiers/{token}/forms/{form}': { public: true },
  'GET /api/public/dossiers/{token}/payment': { public: true },
  'GET /api/public/dossiers/{token}/payment-qr': { public: true },
  'POST /api/public/payments/callback': { public: true },
  'GET /api/public/dossiers/{token}/results': { public: true },
  'GET /api/public/results/{fileId}': { public: true },
  'GET /api/public/dossiers/{token}/shipments': { public: true },
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
  'GET /api/dossiers/{id}/payments': {
    permission: 'dossier.read',
    inside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/payments` }),
    outside: async (w) => ({ url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/payments` }),
  },
  'POST /api/dossiers/{id}/transfer': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/transfer`,
      payload: { amount: 5000, reference: `FT${unique()}A`, transferredOn: localParts(new Date()).day },
    }),
    outside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/transfer`,
      payload: { amount: 5000, reference: `FT${unique()}B`, transferredOn: localParts(new Date()).day },
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
  'GET /api/public/communes/{code}/office': { public: true },
  // Who signs the commune's documents: the commune's own identity, so its unit managers'.
  'GET /api/documents/settings/{id}': {
    permission: 'unit.read',
    inside: (w) => ({ url: `/api/documents/settings/${w.communeA.id}` }),
    outside: (w) => ({ url: `/api/documents/settings/${w.communeB.id}` }),
  },
  'PUT /api/documents/settings/{id}': {
    permission: 'unit.manage',
    inside: (w) => ({ url: `/api/documents/settings/${w.communeA.id}`, payload: signerSettings }),
    outside: (w) => ({ url: `/api/documents/settings/${w.communeB.id}`, payload: signerSettings }),
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
  'POST /api/dossiers/{id}/marks': {
    permission: 'dossier.process',
    inside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeA)).id}/marks`,
      payload: { kind: 'RESULT' },
    }),
    outside: async (w) => ({
      url: `/api/dossiers/${(await w.f.dossier(w.communeB)).id}/marks`,
      payload: { kind: 'RESULT' },
    }),
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
