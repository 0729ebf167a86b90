import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { ConfigError, type Config } from '../../config.js';
import { zaloConfigured } from '../announcements/zalo.js';
import { readEmail } from './sandbox.mime.js';
import { type Callback, createPeerHandler, type SandboxSecrets, zaloUserMessage } from './sandbox.peers.js';
import { mailboxOf, SANDBOX_RULES, sandboxFollowerId, sandboxPushSubscription } from './sandbox.rules.js';
import { createSandboxStore, type SandboxRunning } from './sandbox.store.js';

export type Sandbox = SandboxRunning & {
  /** The configuration with every unconfigured provider pointed at the sandbox; build the app with this one. */
  config: Config;
  /** Where the HTTP peers listen (the push endpoints' base). */
  base: string;
  /** A push subscription of the phone's sandbox "browser", for a member channel. */
  pushSubscription(phone: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** How callbacks reach the app (app.inject, through the real routes and their signature checks). */
  attach(post: (c: Callback) => Promise<unknown>): void;
  close(): Promise<void>;
};

async function listen(server: Server, port: number): Promise<number> {
  const on = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  try {
    return await on(port);
  } catch (error) {
    // The preferred port is taken (another instance): any free one will do, only old push subscriptions miss it.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0) return on(0);
    throw error;
  }
}

/**
 * Starts the local sandbox providers and returns the configuration pointing at them. Production is refused here as
 * well as in config.ts: a sandbox pretends to deliver, and nobody must believe a commune's message went out when it
 * did not. Delivery reports wait `reportDelayMs` (5 s: after the worker has marked its batch sent) unless flushed; 0 leaves them to
 * `flushReports()` (tests drive the pipeline step by step).
 */
export async function startSandbox(
  config: Config,
  options: { file?: string; reportDelayMs?: number; port?: number; log?: (line: string) => void } = {},
): Promise<Sandbox> {
  if (config.production) throw new ConfigError('The sandbox providers never run in production.');
  const store = createSandboxStore(
    options.file ?? (config.sandbox.enabled ? path.join(config.dataDir, 'sandbox-outbox.json') : undefined),
  );
  const secret = () => randomBytes(18).toString('base64url');
  const secrets: SandboxSecrets = {
    smsToken: secret(),
    smsCallbackSecret: config.sms.url ? '' : (config.sms.callbackSecret ?? secret()),
    zaloAppId: 'sandbox-app',
    zaloAppSecret: secret(),
    zaloOaId: 'sandbox-oa',
    zaloOaSecret: secret(),
    znsTemplateId: 'sandbox-zns-announcement',
    znsOtpTemplateId: 'sandbox-zns-otp',
  };
  let post: ((c: Callback) => Promise<unknown>) | undefined;
  const pending: Callback[] = [];
  let timer: NodeJS.Timeout | undefined;
  const log = options.log ?? (() => undefined);
  async function flushReports() {
    clearTimeout(timer);
    timer = undefined;
    for (let c = pending.shift(); c && post; c = pending.shift()) {
      // A report the app could not take is dropped, as a real gateway gives up: the sandbox must never stop.
      await post(c).catch((error: unknown) => log(`[sandbox] callback ${c!.url} failed: ${String(error)}`));
    }
  }
  const delay = options.reportDelayMs ?? 5000;
  const callback = (c: Callback) => {
    pending.push(c);
    if (delay > 0) timer ??= setTimeout(() => void flushReports(), delay);
  };

  const handle = createPeerHandler(store, secrets, callback);
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  const port = await listen(http, options.port ?? config.sandbox.port);
  const base = `http://127.0.0.1:${port}`;

  const smtp = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, done) {
      if (address.address.toLowerCase().startsWith(`${SANDBOX_RULES.noSuchMailbox}@`)) {
        store.add({
          channel: 'EMAIL',
          mailbox: address.address.toLowerCase(),
          to: address.address,
          title: '',
          text: '',
          link: null,
          status: 'refused',
          reason: 'Hộp thư không tồn tại (550)',
          reference: null,
        });
        return done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { subject, text } = readEmail(raw);
        const reference = /^message-id:\s*<(ketnoi-delivery-\d+)@/im.exec(raw)?.[1] ?? null;
        for (const to of session.envelope.rcptTo) {
          store.add({
            channel: 'EMAIL',
            mailbox: mailboxOf('EMAIL', to.address),
            to: to.address,
            title: subject,
            text,
            // The announcement's page, whatever language the footer is written in.
            link: /(\S+\/a\/\d+\S*)/.exec(text)?.[1] ?? null,
            status: 'accepted',
            reason: null,
            reference,
          });
        }
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const channels = {
    SMS: !config.sms.url,
    ZALO: !zaloConfigured(config),
    ZNS: !zaloConfigured(config),
    EMAIL: !config.smtpUrl,
    PUSH: true,
  };
  const patched: Config = {
    ...config,
    sms: channels.SMS
      ? { url: `${base}/sms`, token: secrets.smsToken, callbackSecret: secrets.smsCallbackSecret }
      : config.sms,
    smtpUrl: channels.EMAIL ? `smtp://127.0.0.1:${smtpPort}` : config.smtpUrl,
    zalo: channels.ZALO
      ? {
          ...config.zalo,
          appId: secrets.zaloAppId,
          appSecret: secrets.zaloAppSecret,
          oaId: secrets.zaloOaId,
          oaSecret: secrets.zaloOaSecret,
          refreshToken: 'sandbox-refresh-0',
          apiUrl: base,
          oauthUrl: base,
          znsUrl: base,
          znsTemplateId: secrets.znsTemplateId,
          znsOtpTemplateId: secrets.znsOtpTemplateId,
        }
      : config.zalo,
  };
  return {
    config: patched,
    store,
    channels,
    base,
    flushReports,
    pushSubscription: (phone) => sandboxPushSubscription(base, phone),
    async zaloUserSends(phone, text) {
      const followerId = sandboxFollowerId(phone);
      if (!channels.ZALO || !post) return { sent: false, followerId };
      await post(zaloUserMessage(secrets, followerId, text, `sbx-in-${randomBytes(9).toString('base64url')}`));
      return { sent: true, followerId };
    },
    attach(fn) {
      post = fn;
    },
    async close() {
      clearTimeout(timer);
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
