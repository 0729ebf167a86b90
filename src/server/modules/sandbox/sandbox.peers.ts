import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import ece from 'http_ece';
import { isRefusedNumber, isUnreachableNumber, lastLink, mailboxOf, sandboxPushKeys } from './sandbox.rules.js';
import type { SandboxStore } from './sandbox.store.js';

/** The credentials the sandbox hands the app (config) and checks on every request, as the real providers would. */
export type SandboxSecrets = {
  smsToken: string;
  smsCallbackSecret: string;
  zaloAppId: string;
  zaloAppSecret: string;
  zaloOaId: string;
  zaloOaSecret: string;
  znsTemplateId: string;
  znsOtpTemplateId: string;
};

/** A callback to the app (a delivery report or a Zalo webhook event), posted as the provider would post it. */
export type Callback = { url: string; body: string; headers: Record<string, string> };

type Reply = (status: number, value: unknown, headers?: Record<string, string>) => void;

/**
 * A resident writing to the OA on Zalo: the `user_send_text` webhook event Zalo would post, signed as Zalo signs it
 * (the sender is the follower id the sandbox gives that phone).
 */
export function zaloUserMessage(secrets: SandboxSecrets, followerId: string, text: string, msgId: string): Callback {
  const timestamp = String(Date.now());
  const event = JSON.stringify({
    app_id: secrets.zaloAppId,
    oa_id: secrets.zaloOaId,
    event_name: 'user_send_text',
    timestamp,
    sender: { id: followerId },
    recipient: { id: secrets.zaloOaId },
    message: { msg_id: msgId, text },
  });
  const mac = createHash('sha256')
    .update(secrets.zaloAppId + event + timestamp + secrets.zaloOaSecret)
    .digest('hex');
  return { url: '/api/public/zalo/webhook', body: event, headers: { 'x-zevent-signature': `mac=${mac}` } };
}

/**
 * The HTTP providers in one handler, each speaking the protocol the app's real senders speak:
 * - `POST /sms`: the generic SMS gateway (JSON {to, text, reference}, bearer token), then a signed delivery report;
 * - `POST /v4/oa/access_token`, `/v3.0/oa/message/cs`, `/message/template`: Zalo's token refresh (rotating refresh
 *   tokens), OA messages and ZNS, then a signed `user_received_message` webhook for OA messages;
 * - `POST /push/<digits>`: a push service for the sandbox's own subscriptions (VAPID, aes128gcm), decrypted as the
 *   phone's browser would.
 */
export function createPeerHandler(store: SandboxStore, secrets: SandboxSecrets, callback: (c: Callback) => void) {
  let tokens = 0;
  const signSms = (body: string) => createHmac('sha256', secrets.smsCallbackSecret).update(body).digest('hex');
  const signZalo = (raw: string, timestamp: string) =>
    `mac=${createHash('sha256')
      .update(secrets.zaloAppId + raw + timestamp + secrets.zaloOaSecret)
      .digest('hex')}`;

  function sms(req: IncomingMessage, raw: Buffer, reply: Reply) {
    if (req.headers.authorization !== `Bearer ${secrets.smsToken}`) return reply(401, { error: 'bad token' });
    const m = JSON.parse(raw.toString('utf8')) as { to: string; text: string; reference?: string };
    const base = { channel: 'SMS' as const, mailbox: mailboxOf('SMS', m.to), to: m.to, title: '', text: m.text };
    const details = { link: lastLink(m.text), reference: m.reference ?? null };
    if (isRefusedNumber(m.to)) {
      store.add({ ...base, ...details, status: 'refused', reason: 'Số thuê bao không tồn tại (400)' });
      return reply(400, { error: 'INVALID_NUMBER', message: 'Subscriber number does not exist' });
    }
    const kept = store.add({ ...base, ...details, status: 'accepted', reason: null });
    reply(200, { accepted: true, id: `sbx-sms-${kept.id}` });
    if (!m.reference) return;
    const unreachable = isUnreachableNumber(m.to);
    if (unreachable) store.markUndeliverable(kept.id, 'Thuê bao không liên lạc được');
    const body = JSON.stringify(
      unreachable
        ? { reference: m.reference, status: 'permanent-failure', error: 'Subscriber unreachable (sandbox)' }
        : { reference: m.reference, status: 'delivered' },
    );
    callback({ url: '/api/public/sms/reports', body, headers: { 'x-signature': signSms(body) } });
  }

  function zalo(req: IncomingMessage, url: string, raw: Buffer, reply: Reply) {
    const body = raw.toString('utf8');
    if (url === '/v4/oa/access_token') {
      const form = new URLSearchParams(body);
      if (req.headers.secret_key !== secrets.zaloAppSecret || form.get('app_id') !== secrets.zaloAppId)
        return reply(200, { error: -14002, error_name: 'Invalid app' });
      // Any refresh token is taken (the one kept in the database rotates across restarts); a new pair is returned.
      tokens += 1;
      return reply(200, {
        access_token: `sandbox-access-${tokens}`,
        refresh_token: `sandbox-refresh-${tokens}`,
        expires_in: '90000',
      });
    }
    if (!String(req.headers.access_token ?? '').startsWith('sandbox-access-'))
      return reply(200, { error: -216, message: 'Access token is invalid' });
    const payload = JSON.parse(body) as Record<string, unknown>;
    if (url === '/v3.0/oa/message/cs') {
      const userId = String((payload.recipient as { user_id?: string } | undefined)?.user_id ?? '');
      const text = String((payload.message as { text?: string } | undefined)?.text ?? '');
      const mailbox = mailboxOf('ZALO', userId);
      const base = { channel: 'ZALO' as const, mailbox, to: userId, title: '', text, link: lastLink(text) };
      if (isRefusedNumber(mailbox)) {
        store.add({ ...base, status: 'refused', reason: 'Người dùng chưa quan tâm OA (-213)', reference: null });
        return reply(200, { error: -213, message: 'User has not followed the OA or has not interacted in 48 hours' });
      }
      const kept = store.add({ ...base, status: 'accepted', reason: null, reference: null });
      const messageId = `sbx-oa-${kept.id}`;
      reply(200, { error: 0, message: 'Success', data: { message_id: messageId, user_id: userId } });
      const timestamp = String(Date.now());
      const event = JSON.stringify({
        app_id: secrets.zaloAppId,
        oa_id: secrets.zaloOaId,
        event_name: 'user_received_message',
        timestamp,
        sender: { id: secrets.zaloOaId },
        recipient: { id: userId },
        message: { msg_ids: [messageId] },
      });
      return callback({
        url: '/api/public/zalo/webhook',
        body: event,
        headers: { 'x-zevent-signature': signZalo(event, timestamp) },
      });
    }
    if (url === '/message/template') {
      const phone = String(payload.phone ?? '');
      const data = (payload.template_data ?? {}) as Record<string, string>;
      const otp = payload.template_id === secrets.znsOtpTemplateId;
      if (!otp && payload.template_id !== secrets.znsTemplateId)
        return reply(200, { error: -1124, message: 'Template not found' });
      const base = {
        channel: 'ZNS' as const,
        mailbox: mailboxOf('ZNS', phone),
        to: phone,
        title: otp ? 'Mã xác thực' : (data.title ?? ''),
        text: otp ? `Mã xác thực của bạn là ${data.otp ?? ''}` : (data.summary ?? ''),
        link: otp ? null : (data.link ?? null),
        reference: payload.tracking_id ? String(payload.tracking_id) : null,
      };
      if (isRefusedNumber(phone)) {
        store.add({ ...base, status: 'refused', reason: 'Số điện thoại chưa dùng Zalo (-118)' });
        return reply(200, { error: -118, message: 'Zalo account not existed' });
      }
      const kept = store.add({ ...base, status: 'accepted', reason: null });
      return reply(200, {
        error: 0,
        message: 'Success',
        data: { msg_id: `sbx-zns-${kept.id}`, sent_time: `${Date.now()}` },
      });
    }
    reply(404, { error: 404, message: 'Not found' });
  }

  function push(req: IncomingMessage, url: string, raw: Buffer, reply: Reply) {
    const digits = /^\/push\/(\d{9,15})$/.exec(url)?.[1];
    if (!digits || req.headers['content-encoding'] !== 'aes128gcm') return reply(400, {});
    if (!String(req.headers.authorization ?? '').startsWith('vapid ')) return reply(401, {});
    const { ecdh, auth } = sandboxPushKeys(digits);
    let payload: { title?: string; body?: string; url?: string; tag?: string };
    try {
      payload = JSON.parse(
        ece.decrypt(raw, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8'),
      ) as typeof payload;
    } catch {
      return reply(400, {});
    }
    const kept = store.add({
      channel: 'PUSH',
      mailbox: `+${digits}`,
      to: url,
      title: payload.title ?? '',
      text: payload.body ?? '',
      link: payload.url ?? null,
      status: 'accepted',
      reason: null,
      reference: payload.tag ?? null,
    });
    reply(201, {}, { location: `${url}/messages/${kept.id}` });
  }

  return (req: IncomingMessage, raw: Buffer, res: ServerResponse) => {
    const reply: Reply = (status, value, headers = {}) =>
      void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    const url = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'POST') return reply(405, {});
    try {
      if (url === '/sms') return sms(req, raw, reply);
      if (url.startsWith('/push/')) return push(req, url, raw, reply);
      return zalo(req, url, raw, reply);
    } catch {
      // A malformed request gets what a provider answers to one; the sandbox itself never stops.
      return reply(400, { error: -1, message: 'Bad request' });
    }
  };
}
