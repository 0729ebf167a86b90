import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';

/**
 * Configuration, parsed once at boot from the environment (STYLE.md §26). Nothing else reads process.env.
 * Secrets (the data-encryption key and the blind-index key) come from here and never from the repository.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  KETNOI_ENV: z.enum(['development', 'production', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  /** 32 bytes, base64: AES-256-GCM key for ID and phone numbers at rest. */
  KETNOI_DATA_KEY: z.string().optional(),
  /** 32 bytes, base64: HMAC key for the blind index (exact lookup of encrypted values). */
  KETNOI_INDEX_KEY: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** `auto`: cookies get Secure when the request came over TLS (directly, or as a trusted proxy says). */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * Whose X-Forwarded-For / -Proto to believe: the proxies' addresses or CIDRs (`127.0.0.1,10.0.0.0/8`), or the number
   * of proxies in front (`1`); `false` (default) believes nobody. Never `true`: that trusts any client's header.
   */
  TRUST_PROXY: z.string().trim().default('false'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed sign-ins one client address may make across all usernames per window (an office shares one address). */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default('./dist/web'),
  /** The address citizens reach (printed in QR codes on posters and receipts). */
  PUBLIC_URL: z.string().url().optional(),
  /** Online submissions and file uploads accepted per client address and minute (spam guard for public forms). */
  PUBLIC_SUBMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Shared secret of the bank/payment gateway: callbacks are signed with HMAC-SHA256 over the raw body. */
  PAYMENT_CALLBACK_SECRET: z.string().min(16).optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.vn:587; without it mail waits in the outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Ketnoi <no-reply@ketnoi.local>'),
  /** SMS gateway (generic HTTP): POST {to, text} as JSON with "Authorization: Bearer SMS_GATEWAY_TOKEN". */
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** The gateway signs its delivery reports (POST /api/public/sms/reports) with this: hex HMAC-SHA256 of the body. */
  SMS_CALLBACK_SECRET: z.string().min(16).optional(),
  /**
   * Zalo Official Account (OA API v3 and ZNS): app id and secret (token refresh), OA id and OA secret (webhook
   * signature).
   */
  ZALO_APP_ID: z.string().optional(),
  ZALO_APP_SECRET: z.string().optional(),
  ZALO_OA_ID: z.string().optional(),
  ZALO_OA_SECRET: z.string().optional(),
  /**
   * The first refresh token (from the OA's authorisation); later ones rotate and are kept, encrypted, in the database.
   */
  ZALO_REFRESH_TOKEN: z.string().optional(),
  ZALO_API_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  ZALO_ZNS_URL: z.string().url().default('https://business.openapi.zalo.me'),
  /** The approved ZNS template for announcements (parameters: title, summary, link). */
  ZALO_ZNS_TEMPLATE_ID: z.string().optional(),
  /** The approved ZNS template for one-time codes (parameter: otp), offered beside SMS when joining a group channel. */
  ZALO_ZNS_OTP_TEMPLATE_ID: z.string().optional(),
  /**
   * The commune (its code) that questions sent to the OA are filed under when the sender is no group member whose
   * household names one (docs/decisions.md, "Zalo messages to the OA"); unset: such messages are not filed.
   */
  ZALO_FEEDBACK_COMMUNE: z.string().trim().min(1).max(20).optional(),
  /** Web push (VAPID): keys from `npx web-push generate-vapid-keys`; development generates a pair into DATA_DIR. */
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().default('mailto:ketnoi@localhost'),
  /** The speech synthesiser for loudspeaker bulletins (Debian package espeak-ng). */
  ESPEAK_PATH: z.string().default('espeak-ng'),
  /**
   * Local sandbox providers (SMS gateway, Zalo OA/ZNS, SMTP, web push) with an outbox page at /sandbox, for trying
   * deliveries end to end without any account. On by default for `npm start` outside production; refused in
   * production. Only channels the environment leaves unconfigured are pointed at the sandbox.
   */
  SANDBOX: z.enum(['on', 'off']).optional(),
  /** The sandbox's HTTP peers listen here (0: any free port); push subscriptions name it, so a fixed one outlives restarts. */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** 'off' leaves queued messages for another process (or a test driving the pipeline itself) to send. */
  DELIVERY_WORKER: z.enum(['on', 'off']).default('on'),
  /** Imports: rows per file, uncompressed size of an .xlsx, the scan worker's heap, hours an unused file is kept. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(300_000),
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).default(200),
  IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(8).default(512),
  IMPORT_FILE_HOURS: z.coerce.number().min(0).default(24),
  /**
   * A campaign reminder is refused to households reminded within this many hours, unless a leader overrides it
   * (0: no guard).
   */
  REMINDER_INTERVAL_HOURS: z.coerce.number().min(0).max(720).default(24),
  /**
   * A campaign reminder's SMS without tone marks (off, the default: GSM-7, 160 characters a segment — what most
   * communes send, for cost) or with them (on: UCS-2, 70 characters a segment, about twice the price).
   */
  REMINDER_SMS_ACCENTS: z.enum(['on', 'off']).default('off'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  keys: { data: Buffer; index: Buffer };
  demoPassword: string | undefined;
  cookieSecure: 'true' | 'false' | 'auto';
  /** false: no proxy; a number: that many proxies in front; a list: the proxies' addresses and CIDRs. */
  trustProxy: TrustProxy;
  sessionDays: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginAddressMaxFailures: number;
  loginAddressWindowMinutes: number;
  logLevel: string;
  webDist: string;
  publicUrl: string;
  publicSubmitPerMinute: number;
  paymentCallbackSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sms: { url: string | undefined; token: string | undefined; callbackSecret?: string | undefined };
  zalo: {
    appId: string | undefined;
    appSecret: string | undefined;
    oaId: string | undefined;
    oaSecret: string | undefined;
    refreshToken: string | undefined;
    apiUrl: string;
    oauthUrl: string;
    znsUrl: string;
    znsTemplateId: string | undefined;
    znsOtpTemplateId?: string | undefined;
    /** ZALO_FEEDBACK_COMMUNE: where questions from senders the registry cannot place are filed. */
    feedbackCommune?: string | undefined;
  };
  vapid: { publicKey: string; privateKey: string; subject: string } | undefined;
  espeakPath: string;
  deliveryWorker: boolean;
  /** Whether `serve()` starts the local sandbox providers (never in production), and the port of its HTTP peers. */
  sandbox: { enabled: boolean; port: number };
  imports: { maxRows: number; maxUncompressedBytes: number; workerMemoryMb: number; fileHours: number };
  reminderIntervalHours: number;
  /** A reminder SMS keeps Vietnamese tone marks (UCS-2) rather than plain letters (GSM-7). */
  reminderSmsAccents: boolean;
};

export class ConfigError extends Error {}

export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(value: string): boolean {
  if (RANGE_NAMES.has(value) || isIP(value)) return true;
  const [address, bits, ...rest] = value.split('/');
  if (rest.length > 0 || !address || !bits || !/^\d{1,3}$/.test(bits)) return false;
  const family = isIP(address);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as the proxies to believe. `true` ("any X-Forwarded-For") is refused: with it, any client picks its own
 * address, which defeats every per-address limit and falsifies the audit log.
 */
export function parseTrustProxy(value: string): TrustProxy {
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new ConfigError(
      "TRUST_PROXY=true would believe any client's X-Forwarded-For. Give the proxy's address or CIDR " +
        '(TRUST_PROXY=127.0.0.1, or 10.0.0.0/8,192.168.1.5), or the number of proxies in front (TRUST_PROXY=1).',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError('TRUST_PROXY: a hop count above 10 is surely a mistake.');
    return hops;
  }
  const list = value.split(',').map((v) => v.trim());
  const bad = list.filter((v) => !isAddressOrCidr(v));
  if (bad.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY: ${bad.map((b) => `"${b}"`).join(', ')} is not an IP address, a CIDR range ` +
        '(10.0.0.0/8) or a hop count.',
    );
  }
  return list;
}

function decodeKey(name: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes encoded in base64 (openssl rand -base64 32).`);
  return key;
}

/**
 * Keys for a development or demo install: generated once into DATA_DIR/keys.json (mode 600, outside git) so the
 * embedded database stays readable across restarts. Production refuses to start without keys in the environment.
 */
type DevKeys = { data: string; index: string; vapid?: { publicKey: string; privateKey: string } };
function developmentKeys(dataDir: string): DevKeys {
  const file = path.join(dataDir, 'keys.json');
  const keys: DevKeys = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DevKeys)
    : { data: randomBytes(32).toString('base64'), index: randomBytes(32).toString('base64') };
  if (!keys.vapid) {
    // A push subscription is tied to the public key, so the development pair is kept like the data keys.
    keys.vapid = webpush.generateVAPIDKeys();
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  // writeFileSync's mode applies only to a new file: a keys file copied in by hand is narrowed too.
  chmodSync(file, 0o600);
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const production = (e.KETNOI_ENV ?? (e.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';
  let dataKey = e.KETNOI_DATA_KEY;
  let indexKey = e.KETNOI_INDEX_KEY;
  let vapid =
    e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
      ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
      : undefined;
  const test = e.KETNOI_ENV === 'test';
  // Tests bring their own keys and must not write files; a test without VAPID keys gets a pair in memory.
  if (test && !vapid) vapid = webpush.generateVAPIDKeys();
  if (!production && !test && (!dataKey || !indexKey || !vapid)) {
    const dev = developmentKeys(e.DATA_DIR);
    dataKey ??= dev.data;
    indexKey ??= dev.index;
    vapid ??= dev.vapid;
  }
  if (production && e.SANDBOX === 'on') {
    throw new ConfigError(
      'SANDBOX=on is refused in production: the sandbox providers only pretend to deliver messages. ' +
        'Configure the real SMS gateway, Zalo OA, SMTP relay and VAPID keys instead.',
    );
  }
  if (!dataKey || !indexKey) {
    throw new ConfigError(
      'KETNOI_DATA_KEY and KETNOI_INDEX_KEY must be set in production: they encrypt ID and phone numbers at rest. ' +
        'Generate each with `openssl rand -base64 32`, keep them in your secret store, and never change them ' +
        'without re-encrypting (see docs/DATABASE.md).',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    production,
    keys: { data: decodeKey('KETNOI_DATA_KEY', dataKey), index: decodeKey('KETNOI_INDEX_KEY', indexKey) },
    demoPassword: e.DEMO_PASSWORD,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sessionDays: e.SESSION_DAYS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginAddressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
    loginAddressWindowMinutes: e.LOGIN_ADDRESS_WINDOW_MINUTES,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    publicSubmitPerMinute: e.PUBLIC_SUBMIT_PER_MINUTE,
    paymentCallbackSecret: e.PAYMENT_CALLBACK_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms: { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, callbackSecret: e.SMS_CALLBACK_SECRET },
    zalo: {
      appId: e.ZALO_APP_ID,
      appSecret: e.ZALO_APP_SECRET,
      oaId: e.ZALO_OA_ID,
      oaSecret: e.ZALO_OA_SECRET,
      refreshToken: e.ZALO_REFRESH_TOKEN,
      apiUrl: e.ZALO_API_URL.replace(/\/+$/, ''),
      oauthUrl: e.ZALO_OAUTH_URL.replace(/\/+$/, ''),
      znsUrl: e.ZALO_ZNS_URL.replace(/\/+$/, ''),
      znsTemplateId: e.ZALO_ZNS_TEMPLATE_ID,
      znsOtpTemplateId: e.ZALO_ZNS_OTP_TEMPLATE_ID,
      feedbackCommune: e.ZALO_FEEDBACK_COMMUNE,
    },
    vapid: vapid ? { ...vapid, subject: e.VAPID_SUBJECT } : undefined,
    espeakPath: e.ESPEAK_PATH,
    deliveryWorker: e.DELIVERY_WORKER === 'on',
    sandbox: {
      enabled: !production && (e.SANDBOX ?? (test ? 'off' : 'on')) === 'on',
      // Beside the app's own port by default, so the demo's push subscriptions still point at it after a restart.
      port: e.SANDBOX_PORT ?? (e.PORT > 0 && e.PORT < 65535 ? e.PORT + 1 : 0),
    },
    imports: {
      maxRows: e.IMPORT_MAX_ROWS,
      maxUncompressedBytes: e.IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024,
      workerMemoryMb: e.IMPORT_WORKER_MEMORY_MB,
      fileHours: e.IMPORT_FILE_HOURS,
    },
    reminderIntervalHours: e.REMINDER_INTERVAL_HOURS,
    reminderSmsAccents: e.REMINDER_SMS_ACCENTS === 'on',
  };
}
