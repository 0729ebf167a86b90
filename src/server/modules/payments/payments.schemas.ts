import { z } from 'zod';
import { Text } from '../../lib/http.js';

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
