import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { dossiers, payments } from '../../db/schema/index.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { queueDossierMail } from '../mail/mail.service.js';
import { localParts, weekday } from '../calendar/working-days.js';
import { settingsOf, type UnitSettings } from '../dossiers/dossiers.clock.js';
import { findDossier, insertEvent } from '../dossiers/dossiers.repo.js';
import type { SQL } from 'drizzle-orm';
import { checkTransferDate, insertPayment } from './transfer.js';
import { vietQrPayload } from './vietqr.js';

const weekdayNames = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const weekdayNamesEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The VietQR payload for a dossier's fee, or null when nothing is due or the commune has no account set up. */
export function paymentPayload(
  settings: UnitSettings,
  dossier: { feeAmount: number; paidAt: Date | null; code: string },
): string | null {
  if (!dossier.feeAmount || dossier.paidAt || !settings.bankBin || !settings.bankAccount) return null;
  return vietQrPayload({
    bin: settings.bankBin,
    account: settings.bankAccount,
    amount: dossier.feeAmount,
    purpose: `KETNOI ${dossier.code}`,
  });
}

export type PaymentInput = {
  method: 'CASH' | 'VIETQR' | 'TRANSFER';
  amount: number;
  providerTxId?: string;
  /** A transfer recorded by hand (method TRANSFER): the bank's reference and the statement's day. */
  transfer?: { reference: string; transferredOn: string };
  receivedBy?: { userId: number; name: string };
};
export type PaymentResult = { dossierId: number; code: string; receiptNo: string | null; alreadyRecorded: boolean };

/**
 * Records a fee payment once: a retried callback (same transaction id) changes nothing; the amount must be the fee;
 * a dossier waiting for its fee goes back to processing. Cash is refused on the commune's cashless days.
 */
export async function recordPayment(
  database: Database,
  where: SQL,
  input: PaymentInput,
  actor: Actor,
  now = new Date(),
): Promise<PaymentResult> {
  return database.db.transaction(async (tx) => {
    if (input.providerTxId) {
      const [seen] = await tx
        .select({ dossierId: payments.dossierId, receiptNo: payments.receiptNo })
        .from(payments)
        .where(eq(payments.providerTxId, input.providerTxId));
      if (seen) {
        const [d] = await tx.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, seen.dossierId));
        return { dossierId: seen.dossierId, code: d!.code, receiptNo: seen.receiptNo, alreadyRecorded: true };
      }
    }
    const found = await findDossier(tx, where, true);
    if (!found) throw notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
    const d = found.dossier;
    if (d.paidAt)
      throw conflict({ vi: 'Hồ sơ này đã nộp phí, lệ phí', en: 'The fee for this dossier is already paid' });
    if (['REFUSED', 'WITHDRAWN', 'STOPPED'].includes(d.status))
      throw conflict({ vi: 'Hồ sơ đã kết thúc, không thu phí', en: 'This dossier is closed; no fee is taken' });
    if (input.amount !== d.feeAmount) {
      throw new AppError('VALIDATION', 400, {
        vi: `Số tiền phải đúng ${d.feeAmount.toLocaleString('vi-VN')} đồng`,
        en: `The amount must be exactly ${d.feeAmount.toLocaleString('en-US')} VND`,
      });
    }
    if (input.method === 'CASH') {
      const settings = await settingsOf(tx, d.unitId);
      const today = weekday(localParts(now).day);
      if (settings.cashlessWeekdays.includes(today)) {
        throw new AppError('CONFLICT', 409, {
          vi: `Hôm nay (${weekdayNames[today]}) là ngày không dùng tiền mặt: hướng dẫn người dân quét mã VietQR trên giấy tiếp nhận`,
          en: `Today (${weekdayNamesEn[today]}) is a cashless day: help the citizen pay with the VietQR code on the receipt`,
        });
      }
    }
    if (input.transfer) checkTransferDate(input.transfer.transferredOn, d.submittedAt, now);
    const receiptNo = input.method === 'CASH' ? `BL-${d.code}` : null;
    await insertPayment(tx, {
      dossierId: d.id,
      amount: input.amount,
      method: input.method,
      providerTxId: input.providerTxId ?? null,
      receiptNo,
      reference: input.transfer?.reference ?? null,
      transferredOn: input.transfer?.transferredOn ?? null,
      receivedBy: input.receivedBy?.userId ?? null,
      paidAt: now,
    });
    const to = d.status === 'PAYMENT_REQUESTED' ? (d.assigneeId ? 'PROCESSING' : 'RECEIVED') : d.status;
    await tx
      .update(dossiers)
      .set({
        paidAt: now,
        // A transfer, by gateway or recorded by hand, is a cashless (online) payment in Decision 766's count.
        paidOnline: input.method !== 'CASH',
        status: to,
        version: sql`${dossiers.version} + 1`,
        updatedAt: now,
      })
      .where(eq(dossiers.id, d.id));
    await insertEvent(tx, {
      dossierId: d.id,
      action: 'PAY',
      fromStatus: d.status,
      toStatus: to,
      at: now,
      actorKind: input.receivedBy ? 'STAFF' : 'SYSTEM',
      actorUserId: input.receivedBy?.userId ?? null,
      actorName: input.receivedBy?.name ?? null,
      data: { method: input.method, amount: input.amount, ...(receiptNo ? { receiptNo } : {}), ...input.transfer },
    });
    await queueDossierMail(tx, d, 'PAY', d.status, to);
    await insertAudit(tx, actor, {
      action: 'dossier.pay',
      entityType: 'dossier',
      entityId: d.id,
      details: { method: input.method, amount: input.amount, ...input.transfer },
    });
    return { dossierId: d.id, code: d.code, receiptNo, alreadyRecorded: false };
  });
}

export const badSignature = () =>
  forbidden({ vi: 'Chữ ký của cổng thanh toán không hợp lệ', en: 'The payment gateway signature is not valid' });
