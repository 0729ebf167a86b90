import { multipartBody } from '../multipart.js';
import type { Permission } from '../../src/shared/permissions.js';
import type { InjectOptions } from 'fastify';
import type { World } from '../world.js';
import { tinyPng } from '../factories.js';

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
export const unique = () => `${Date.now() % 100000}${++n}`;

export async function freshResident(w: World, inB = false) {
  const h = inB ? w.households.hB1 : w.households.hA1;
  return w.f.resident(h, { fullName: `Người Thử ${unique()}` });
}

/** A visit as the field app uploads it (a fresh id each time, so it is never a duplicate). */
export const fieldVisit = (householdId: number) => ({
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
export const onCampaign = (
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
export function announcementUpload(id: number): Target {
  const body = multipartBody({}, { name: 'a.png', content: tinyPng, type: 'image/png' });
  return { url: `/api/announcements/${id}/files`, ...body };
}

export function multipart(unitId: number, csv: string): Target {
  return { url: '/api/imports', ...multipartBody({ unitId }, { name: 'a.csv', content: csv }) };
}
export const csv = 'Số hộ,Địa chỉ,Họ và tên,Ngày sinh,Giới tính\n1,Số 1,Ma Văn Thử,01/01/1990,Nam';

export const defaultSettings = {
  codePattern: '{unit}-{yymmdd}-{seq4}',
  sameDayCutoff: '15:00',
  saturdayMorning: false,
  bankBin: null,
  bankAccount: null,
  bankAccountName: null,
  cashlessWeekdays: [],
};

export async function shipmentMove(w: World, commune: World['communeA']): Promise<Target> {
  const d = await w.f.dossier(commune);
  const s = await w.f.shipment(d.id);
  return { url: `/api/dossiers/${d.id}/shipments/${s.id}`, payload: { status: 'IN_TRANSIT' } };
}

export const announcementFor = (unitId: number) => ({
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
  // The declaration, handed over on paper: the procedure requires it.
  papersOnPaper: [{ paper: 0 }],
});

/** A multipart upload of a real (tiny) PNG scan onto a dossier. */
export function scanUpload(dossierId: number): Target {
  const body = multipartBody({ kind: 'SCAN' }, { name: 'giay-to.png', content: tinyPng, type: 'image/png' });
  return { url: `/api/dossiers/${dossierId}/files`, ...body };
}
