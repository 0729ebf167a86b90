import { z } from 'zod';
import { IsoDate, Text } from '../../lib/http.js';

export const Payment = z
  .object({
    amount: z.number().int(),
    paid: z.boolean(),
    /**
     * The VietQR payload (EMVCo) with the dossier code in the purpose field; null when nothing is due or no account is
     * set.
     */
    payload: z.string().nullable(),
    qrUrl: z.string().nullable(),
    accountName: z.string().nullable(),
    /**
     * What a payer types when they cannot scan (paying from the phone that shows the code): bank, account number and
     * the transfer note; null once paid or when no account is set.
     */
    bankName: z.string().nullable(),
    accountNumber: z.string().nullable(),
    purpose: z.string().nullable(),
    /** How and when it was paid; `transferredOn` is the bank statement's day of a transfer recorded by hand. */
    paidWith: z
      .object({
        method: z.enum(['CASH', 'VIETQR', 'PAYGOV', 'TRANSFER']),
        paidAt: z.string(),
        transferredOn: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'Payment' });

/**
 * What a bank or payment gateway posts when a transfer arrives (signed: `x-signature` = hex HMAC-SHA256 of the body).
 */
export const Callback = z.object({
  transactionId: z.string().trim().min(1).max(100),
  amount: z.number().int().min(0).max(1_000_000_000),
  /** The dossier code, read from the transfer's purpose text. */
  reference: Text(100).min(5),
  paidAt: z.iso.datetime({ offset: true }).optional(),
});

export const PaymentResult = z.object({
  code: z.string(),
  receiptNo: z.string().nullable(),
  alreadyRecorded: z.boolean(),
});

/** A bank transfer seen on the commune's account statement, recorded by an officer. */
export const TransferInput = z.object({
  amount: z.number().int().min(0).max(1_000_000_000),
  /** The bank's transaction reference as the statement prints it. */
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9./ -]{3,39}$/, 'letters, digits, . / - (4 to 40)'),
  /** The day the statement shows (Vietnam time). */
  transferredOn: IsoDate,
});

export const PaymentRecords = z
  .object({
    items: z.array(
      z.object({
        method: z.enum(['CASH', 'VIETQR', 'PAYGOV', 'TRANSFER']),
        amount: z.number().int(),
        reference: z.string().nullable(),
        transferredOn: z.string().nullable(),
        receiptNo: z.string().nullable(),
        /** The officer who took the cash or recorded the transfer; null for a gateway's callback. */
        receivedByName: z.string().nullable(),
        paidAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PaymentRecords' });
