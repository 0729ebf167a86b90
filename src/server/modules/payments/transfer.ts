import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { dossiers, payments, users } from '../../db/schema/index.js';
import { conflict, isUniqueViolation, validation } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import { localParts } from '../calendar/working-days.js';

// Bank transfers recorded by hand: the commune's account statement shows a transfer (no gateway tells the system),
// and an officer records it with the bank's reference and the day it arrived. The same on cashless days as on others.

const badDate = (vi: string, en: string) => validation([{ field: 'transferredOn', code: 'DATE', message: { vi, en } }]);

/**
 * The statement's day must be a real one: not after today (Vietnam time), not before the dossier was submitted (a
 * transfer made before the dossier existed cannot carry its code).
 */
export function checkTransferDate(transferredOn: string, submittedAt: Date, now: Date): void {
  const today = localParts(now).day;
  if (transferredOn > today)
    throw badDate('Ngày chuyển khoản không thể sau hôm nay', 'The transfer date cannot be after today');
  const submitted = localParts(submittedAt).day;
  if (transferredOn < submitted)
    throw badDate(
      `Ngày chuyển khoản không thể trước ngày nộp hồ sơ (${formatDateVi(submitted)})`,
      `The transfer date cannot be before the dossier was submitted (${submitted})`,
    );
}

const referenceTaken = (code: string | null) =>
  conflict({
    vi: code
      ? `Mã giao dịch này đã được ghi nhận cho hồ sơ ${code}`
      : 'Mã giao dịch này đã được ghi nhận cho một hồ sơ khác',
    en: code
      ? `This bank reference is already recorded for dossier ${code}`
      : 'This bank reference is already recorded for another dossier',
  });

/**
 * Writes the payment row; a transfer's bank reference is recorded once (one transaction pays one fee), refused with
 * the dossier it already paid.
 */
export async function insertPayment(tx: Tx, values: typeof payments.$inferInsert): Promise<void> {
  if (values.method === 'TRANSFER' && values.reference) {
    const [seen] = await tx
      .select({ code: dossiers.code })
      .from(payments)
      .innerJoin(dossiers, eq(dossiers.id, payments.dossierId))
      .where(and(eq(payments.method, 'TRANSFER'), eq(payments.reference, values.reference)));
    if (seen) throw referenceTaken(seen.code);
  }
  try {
    await tx.insert(payments).values(values);
  } catch (error) {
    // Two officers recording the same transfer at the same moment: the unique index decides.
    if (isUniqueViolation(error, 'payments_transfer_reference_key')) throw referenceTaken(null);
    throw error;
  }
}

/** How and when a dossier's fee was paid (the latest payment), for the status page once the QR code is gone. */
export async function paymentOf(tx: Tx, dossierId: number) {
  const [row] = await tx
    .select({ method: payments.method, paidAt: payments.paidAt, transferredOn: payments.transferredOn })
    .from(payments)
    .where(eq(payments.dossierId, dossierId))
    .orderBy(desc(payments.id))
    .limit(1);
  return row ?? null;
}

/** A dossier's payments for its officers: method, amount, the transfer's reference and day, the receipt, who took it. */
export async function paymentsOf(tx: Tx, dossierId: number) {
  const rows = await tx
    .select({
      method: payments.method,
      amount: payments.amount,
      reference: payments.reference,
      transferredOn: payments.transferredOn,
      receiptNo: payments.receiptNo,
      receivedByName: users.fullName,
      paidAt: payments.paidAt,
    })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.receivedBy))
    .where(eq(payments.dossierId, dossierId))
    .orderBy(payments.id);
  return rows.map((r) => ({
    ...r,
    method: r.method as 'CASH' | 'VIETQR' | 'PAYGOV' | 'TRANSFER',
    paidAt: r.paidAt.toISOString(),
  }));
}
