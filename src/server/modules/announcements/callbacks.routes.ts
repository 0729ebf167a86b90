import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { forbidden } from '../../lib/errors.js';
import { Problem } from '../../lib/http.js';
import { keepRawJson, rawBodyOf, verifySignature } from '../../lib/raw-body.js';
import { SmsReportInput, ZaloEventInput } from './announcements.schemas.js';
import { applyDeliveryReport } from './deliveries.js';
import { applyZaloEvent, verifyZaloSignature, type ZaloEvent } from './zalo.js';

/**
 * Providers' callbacks, each signed over the raw body, which is checked before anything is read. Zalo's webhook
 * (`X-ZEvent-Signature`): the event is applied once (deduplicated on msg_id) and the answer is a quick 200 as Zalo
 * asks. The SMS gateway's delivery reports (`x-signature`: hex HMAC-SHA256 with SMS_CALLBACK_SECRET).
 */
export function registerProviderCallbacks(app: App, deps: AppDeps) {
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads one overload)
  void app.register(async (scoped) => {
    keepRawJson(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/public/sms/reports', {
      config: { public: true },
      schema: {
        tags: ['announcements'],
        summary: "The SMS gateway's delivery report for one message (signed): delivered, or undeliverable after all",
        security: [],
        headers: z.object({ 'x-signature': z.string().max(200).optional() }),
        body: SmsReportInput,
        response: { 200: z.object({ known: z.boolean() }), 400: Problem, 403: Problem, 429: Problem },
      },
      handler: async (request) => {
        if (!verifySignature(deps.config.sms.callbackSecret, rawBodyOf(request), request.headers['x-signature'])) {
          throw forbidden({ vi: 'Chữ ký của cổng SMS không hợp lệ', en: 'The SMS gateway signature is not valid' });
        }
        return { known: await applyDeliveryReport(deps.database, request.body.reference, request.body) };
      },
    });
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/public/zalo/webhook', {
      config: { public: true },
      schema: {
        tags: ['announcements'],
        summary: 'Zalo OA webhook (X-ZEvent-Signature verified; follow, unfollow, messages, receipts)',
        security: [],
        headers: z.object({ 'x-zevent-signature': z.string().max(200).optional() }),
        body: ZaloEventInput,
        response: {
          200: z.object({ ok: z.literal(true), duplicate: z.boolean() }),
          400: Problem,
          403: Problem,
          429: Problem,
        },
      },
      handler: async (request) => {
        const raw = rawBodyOf(request).toString('utf8');
        if (!verifyZaloSignature(deps.config, raw, request.headers['x-zevent-signature'])) {
          throw forbidden({ vi: 'Chữ ký của Zalo không hợp lệ', en: 'The Zalo signature is not valid' });
        }
        const { duplicate } = await applyZaloEvent(deps, request.body as ZaloEvent);
        return { ok: true as const, duplicate };
      },
    });
  });
}
