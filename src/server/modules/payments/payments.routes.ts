import { eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { dossiers } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { qrImage } from '../../lib/pdf.js';
import { keepRawJson, rawBodyOf, verifySignature } from '../../lib/raw-body.js';
import { actorOf } from '../../lib/auth-context.js';
import { settingsOf } from '../dossiers/dossiers.clock.js';
import { byToken, getDossier, inScope } from '../dossiers/dossiers.repo.js';
import { TokenParams } from '../dossiers/dossiers.schemas.js';
import { badSignature, paymentPayload, recordPayment } from './payments.service.js';
import { Callback, Payment, PaymentRecords, PaymentResult, TransferInput } from './payments.schemas.js';
import { paymentOf as paymentRecordOf, paymentsOf } from './transfer.js';
import { purposeText } from './vietqr.js';

/**
 * Fees: the VietQR code and bank details on the receipt and status page, the gateway's signed callback, cash at the
 * counter, a transfer recorded by hand.
 */
export function registerPayments(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  const paymentOf = async (token: string) => {
    const row = await getDossier(db, byToken(token));
    const settings = await settingsOf(db, row.dossier.unitId);
    return { row, settings, payload: paymentPayload(settings, row.dossier) };
  };

  r.get('/api/public/dossiers/:token/payment', {
    config: { public: true },
    schema: {
      tags: ['payments'],
      summary: 'The fee due on a dossier and its VietQR payment code',
      security: [],
      params: TokenParams,
      response: { 200: Payment, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request) => {
      const { row, settings, payload } = await paymentOf(request.params.token);
      const paid = row.dossier.paidAt ? await paymentRecordOf(db, row.dossier.id) : null;
      return {
        amount: row.dossier.feeAmount,
        paid: row.dossier.paidAt !== null,
        payload,
        qrUrl: payload ? `/api/public/dossiers/${request.params.token}/payment-qr` : null,
        accountName: payload ? settings.bankAccountName : null,
        bankName: payload ? settings.bankName : null,
        accountNumber: payload ? settings.bankAccount : null,
        purpose: payload ? purposeText(`KETNOI ${row.dossier.code}`) : null,
        paidWith: paid && {
          method: paid.method as 'CASH' | 'VIETQR' | 'PAYGOV' | 'TRANSFER',
          paidAt: paid.paidAt.toISOString(),
          transferredOn: paid.transferredOn,
        },
      };
    },
  });

  r.get('/api/public/dossiers/:token/payment-qr', {
    config: { public: true },
    schema: {
      tags: ['payments'],
      summary: 'The VietQR code (SVG) to pay the fee from any banking app',
      security: [],
      params: TokenParams,
      response: { 200: z.any(), 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { payload } = await paymentOf(request.params.token);
      if (!payload)
        throw notFound({
          vi: 'Hồ sơ này không có khoản phí cần nộp qua VietQR',
          en: 'Nothing is due on this dossier by VietQR',
        });
      reply.header('content-type', 'image/svg+xml');
      reply.header('cache-control', 'no-store');
      return reply.send(await qrImage(payload, 'svg'));
    },
  });

  r.post('/api/dossiers/:id/cash', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['payments'],
      summary: 'Record a fee paid in cash at the counter (refused on cashless days)',
      params: IdParams,
      body: z.object({ amount: z.number().int().min(0).max(1_000_000_000) }),
      response: { 200: PaymentResult, ...errorResponses },
    },
    handler: async (request) => {
      const auth = request.auth!;
      const result = await recordPayment(
        deps.database,
        inScope(request.params.id, request.scope!),
        { method: 'CASH', amount: request.body.amount, receivedBy: { userId: auth.user.id, name: auth.user.fullName } },
        actorOf(request),
      );
      return { code: result.code, receiptNo: result.receiptNo, alreadyRecorded: result.alreadyRecorded };
    },
  });

  r.get('/api/dossiers/:id/payments', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['payments'],
      summary: "A dossier's fee payments: how, how much, the transfer's reference and day, who took it",
      params: IdParams,
      response: { 200: PaymentRecords, ...errorResponses },
    },
    handler: async (request) => {
      const { dossier } = await getDossier(db, inScope(request.params.id, request.scope!));
      return { items: await paymentsOf(db, dossier.id) };
    },
  });

  r.post('/api/dossiers/:id/transfer', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['payments'],
      summary:
        "Record a fee paid by bank transfer, as the commune's account statement shows it (reference, day; also on " +
        'cashless days; audited)',
      params: IdParams,
      body: TransferInput,
      response: { 200: PaymentResult, ...errorResponses },
    },
    handler: async (request) => {
      const auth = request.auth!;
      const { amount, reference, transferredOn } = request.body;
      const result = await recordPayment(
        deps.database,
        inScope(request.params.id, request.scope!),
        {
          method: 'TRANSFER',
          amount,
          transfer: { reference: reference.toUpperCase(), transferredOn },
          receivedBy: { userId: auth.user.id, name: auth.user.fullName },
        },
        actorOf(request),
      );
      return { code: result.code, receiptNo: result.receiptNo, alreadyRecorded: result.alreadyRecorded };
    },
  });

  // The gateway's callback reads the raw body to check its signature, so it gets a JSON parser of its own.
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads one overload)
  void app.register(async (scoped) => {
    keepRawJson(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/public/payments/callback', {
      config: { public: true },
      schema: {
        tags: ['payments'],
        summary: 'Bank or payment-gateway notification of a transfer: signature checked, recorded once per transaction',
        security: [],
        headers: z.object({ 'x-signature': z.string().max(200).optional() }),
        body: Callback,
        response: { 200: PaymentResult, 400: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
      handler: async (request) => {
        if (!verifySignature(deps.config.paymentCallbackSecret, rawBodyOf(request), request.headers['x-signature']))
          throw badSignature();
        const { transactionId, amount, reference, paidAt } = request.body;
        const code = reference.toUpperCase().match(/[0-9A-Z.]+-\d{6,8}-\d{4,5}/)?.[0] ?? reference;
        const result = await recordPayment(
          deps.database,
          eq(dossiers.code, code),
          { method: 'VIETQR', amount, providerTxId: transactionId },
          actorOf(request),
          paidAt ? new Date(paidAt) : new Date(),
        );
        return { code: result.code, receiptNo: result.receiptNo, alreadyRecorded: result.alreadyRecorded };
      },
    });
  });
}
