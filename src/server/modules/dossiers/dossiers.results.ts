import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Tx } from '../../db/client.js';
import { dossierFiles, dossiers, postalShipments } from '../../db/schema/index.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, forbidden, notFound, validation } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { ShipmentStatus } from '../counter/counter.schemas.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { isWorkingDay } from '../calendar/working-days.js';
import { requireApplicant } from './dossiers.applicant.js';
import { byToken, getDossier } from './dossiers.repo.js';

// How a result reaches the citizen: an electronic result downloaded from the status page through a signed,
// short-lived link; a postal return sent with a tracking number the status page shows. And the rules that make
// those true at the moment the officer marks the dossier returned.

/** How long a download link works: long enough to tap it, too short to be worth forwarding. */
export const RESULT_LINK_MINUTES = 10;

/** A new date promised after an apology must be one the counter is open: a working day of the calendar. */
export async function checkNewDueDay(tx: Tx, day: string): Promise<void> {
  const exceptions = await loadExceptions(tx, day, 1);
  if (!isWorkingDay(day, exceptions))
    throw validation([
      {
        field: 'newDueDate',
        code: 'NOT_WORKING_DAY',
        message: {
          vi: `Ngày ${formatDateVi(day)} không phải ngày làm việc: hãy chọn một ngày làm việc`,
          en: `${day} is not a working day: choose a working day`,
        },
      },
    ]);
}

/**
 * Returning is what the citizen is told: online, a result file must be there to download; by post, the result must
 * have gone out with a tracking number (the shipment keeps address, postage and number).
 */
export async function checkReturnReady(tx: Tx, dossierId: number, method: string): Promise<void> {
  if (method === 'ONLINE') {
    const [file] = await tx
      .select({ id: dossierFiles.id })
      .from(dossierFiles)
      .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.kind, 'RESULT')))
      .limit(1);
    if (!file)
      throw conflict({
        vi: 'Hãy đính kèm bản điện tử của kết quả trước khi trả kết quả trực tuyến',
        en: 'Attach the electronic result before returning it online',
      });
  }
  if (method === 'POST') {
    const [sent] = await tx
      .select({ id: postalShipments.id })
      .from(postalShipments)
      .where(and(eq(postalShipments.dossierId, dossierId), eq(postalShipments.direction, 'OUT')))
      .limit(1);
    if (!sent)
      throw conflict({
        vi: 'Hãy ghi bưu gửi trả kết quả (số vận đơn, địa chỉ, cước) trước khi trả kết quả qua bưu điện',
        en: 'Record the outgoing shipment (tracking number, address, postage) before returning by post',
      });
  }
}

/** The links' own key, derived from the blind-index key so that no new secret has to be set up. */
const linkKey = (config: AppDeps['config']) =>
  createHmac('sha256', config.keys.index).update('ketnoi:result-links:v1').digest();

const signature = (key: Buffer, fileId: number, expires: number) =>
  createHmac('sha256', key).update(`${fileId}.${expires}`).digest('base64url');

export function resultLink(config: AppDeps['config'], fileId: number, now = new Date()) {
  const expires = Math.floor(now.getTime() / 1000) + RESULT_LINK_MINUTES * 60;
  const sig = signature(linkKey(config), fileId, expires);
  return { url: `/api/public/results/${fileId}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
}

const badLink = () =>
  forbidden({
    vi: 'Đường dẫn tải kết quả không hợp lệ hoặc đã hết hạn: hãy mở lại trang theo dõi hồ sơ để lấy đường dẫn mới',
    en: 'This download link is not valid or has expired: open the status page again for a new one',
  });

/** A dossier whose result the citizen may download: returned, electronically. */
const returnedOnline = (d: { status: string; returnMethod: string }) =>
  d.status === 'RETURNED' && d.returnMethod === 'ONLINE';

/**
 * The result files of a dossier with a fresh signed link each, for its proven applicant, once it was returned
 * electronically (before that, none: a result is not the citizen's until it is issued).
 */
export async function resultsFor(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config'>,
  request: FastifyRequest,
  token: string,
) {
  const db = deps.database.db;
  const { dossier } = await getDossier(db, byToken(token));
  await requireApplicant(db, deps.cipher, request, dossier);
  if (!returnedOnline(dossier)) return { ready: false, items: [] };
  const files = await db
    .select({ id: dossierFiles.id, fileName: dossierFiles.fileName, size: dossierFiles.size })
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossier.id), eq(dossierFiles.kind, 'RESULT')))
    .orderBy(asc(dossierFiles.id));
  return {
    ready: true,
    items: files.map((f) => {
      const link = resultLink(deps.config, f.id);
      return { ...f, url: link.url, expiresAt: link.expiresAt.toISOString() };
    }),
  };
}

/**
 * A result file through its signed link: the signature and time checked first (nothing read for a forged link), then
 * that the file is still a result of a dossier returned online. Every download is audited.
 */
export async function downloadResult(
  deps: Pick<AppDeps, 'database' | 'config'>,
  link: { fileId: number; expires: number; sig: string },
  actor: Actor,
  now = new Date(),
) {
  const expected = Buffer.from(signature(linkKey(deps.config), link.fileId, link.expires));
  const given = Buffer.from(link.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badLink();
  if (link.expires * 1000 < now.getTime()) throw badLink();
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ file: dossierFiles, status: dossiers.status, returnMethod: dossiers.returnMethod })
      .from(dossierFiles)
      .innerJoin(dossiers, eq(dossiers.id, dossierFiles.dossierId))
      .where(and(eq(dossierFiles.id, link.fileId), eq(dossierFiles.kind, 'RESULT')));
    if (!row) throw notFound({ vi: 'Không tìm thấy tệp kết quả', en: 'Result file not found' });
    if (!returnedOnline(row))
      throw new AppError('CONFLICT', 409, {
        vi: 'Kết quả này không còn được trả trực tuyến',
        en: 'This result is no longer returned online',
      });
    await insertAudit(tx, actor, {
      action: 'dossier.result.download',
      entityType: 'dossier',
      entityId: row.file.dossierId!,
      details: { file: row.file.id },
    });
    return row.file;
  });
}

/** The outgoing shipments of a dossier (carrier, tracking number, status), for the citizen's status page. */
export async function trackingOf(db: Tx, dossierId: number) {
  const rows = await db
    .select({
      carrier: postalShipments.carrier,
      trackingNumber: postalShipments.trackingNumber,
      status: postalShipments.status,
      createdAt: postalShipments.createdAt,
    })
    .from(postalShipments)
    .where(and(eq(postalShipments.dossierId, dossierId), eq(postalShipments.direction, 'OUT')))
    .orderBy(asc(postalShipments.id));
  return rows.map((r) => ({ ...r, status: r.status as ShipmentStatus, createdAt: r.createdAt.toISOString() }));
}
