import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { deliveries, memberChannels, webhookEvents, zaloFollowers, zaloTokens } from '../../db/schema/index.js';
import { fileZaloMessage, zaloAttachments, type ZaloIntake } from '../feedback/feedback.zalo.js';
import { Refused, type ChannelSender, type Outgoing } from './senders.js';

/**
 * Zalo Official Account API v3 and ZNS (DOMAIN.md §9). Access tokens last about a day and the refresh token rotates
 * with each refresh, so the pair lives in the database (encrypted) and a refresh happens under the row's lock: two
 * workers refreshing with the same refresh token at once would leave one of them holding a dead token.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** Parameters of the ZNS template registered for announcements, with Zalo's length limit for each (our template). */
export const ZNS_PARAMS = { title: 100, summary: 400, link: 200 } as const;
const TOKEN_ERRORS = new Set([-124, -216]); // access token invalid or expired
/** Zalo's limit on an OA text message (unconfirmed; the SDK documents 2,000 characters). */
export const ZALO_TEXT_MAX = 2000;

export function zaloConfigured(config: Deps['config']): boolean {
  const z = config.zalo;
  return !!(z.appId && z.appSecret && z.oaId && (z.refreshToken || z.oaSecret));
}

export function createZaloTokens(deps: Deps) {
  const z = deps.config.zalo;
  let cached: { token: string; until: number } | undefined;
  async function refresh(force: boolean): Promise<string> {
    return deps.database.db.transaction(async (tx) => {
      await tx
        .insert(zaloTokens)
        .values({ oaId: z.oaId!, refreshEnc: deps.cipher.encrypt(z.refreshToken ?? '') })
        .onConflictDoNothing();
      const [row] = await tx.select().from(zaloTokens).where(eq(zaloTokens.oaId, z.oaId!)).for('update');
      if (!force && row!.accessEnc && row!.expiresAt && row!.expiresAt.getTime() > Date.now() + 5 * 60_000) {
        cached = { token: deps.cipher.decrypt(row!.accessEnc), until: row!.expiresAt.getTime() - 5 * 60_000 };
        return cached.token;
      }
      // Held under the row lock on purpose (rare: about once a day), so only one refresh uses the rotating token.
      const res = await fetch(`${z.oauthUrl}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: z.appSecret! },
        body: new URLSearchParams({
          app_id: z.appId!,
          grant_type: 'refresh_token',
          refresh_token: deps.cipher.decrypt(row!.refreshEnc),
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as {
        access_token?: string;
        refresh_token?: string;
        expires_in?: string | number;
        error?: number;
        error_name?: string;
      };
      if (!res.ok || !body.access_token || !body.refresh_token)
        throw new Error(`Zalo token refresh failed: ${body.error_name ?? body.error ?? res.status}`);
      const expiresAt = new Date(Date.now() + Number(body.expires_in ?? 3600) * 1000);
      await tx
        .update(zaloTokens)
        .set({
          accessEnc: deps.cipher.encrypt(body.access_token),
          refreshEnc: deps.cipher.encrypt(body.refresh_token),
          expiresAt,
          updatedAt: new Date(),
        })
        .where(eq(zaloTokens.oaId, z.oaId!));
      cached = { token: body.access_token, until: expiresAt.getTime() - 5 * 60_000 };
      return cached.token;
    });
  }
  return {
    async get(force = false): Promise<string> {
      if (!force && cached && cached.until > Date.now()) return cached.token;
      return refresh(force);
    },
  };
}

type ZaloReply = { error?: number; message?: string; data?: { message_id?: string; msg_id?: string } };

/** Posts to Zalo with the OA's token; an expired token is refreshed once and the call repeated. */
async function callZalo(tokens: ReturnType<typeof createZaloTokens>, url: string, body: unknown): Promise<ZaloReply> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: await tokens.get(attempt > 0) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status >= 500) throw new Error(`Zalo ${res.status}`);
    const reply = (await res.json().catch(() => ({ error: -1, message: `HTTP ${res.status}` }))) as ZaloReply;
    if (reply.error && TOKEN_ERRORS.has(reply.error) && attempt === 0) continue;
    // Any other error concerns this recipient (not a follower, outside the 48-hour window, no Zalo for this phone):
    // retrying will not help, the next channel will.
    if (reply.error) throw new Refused(`Zalo ${reply.error}: ${reply.message ?? ''}`);
    return reply;
  }
}

/** OA v3 consultation message to a follower (`recipient.user_id`, the OA-scoped id). */
export function zaloChannel(deps: Deps, tokens = createZaloTokens(deps)): ChannelSender {
  return {
    channel: 'ZALO',
    configured: zaloConfigured(deps.config),
    async send(m: Outgoing) {
      const tail = `\n\n${m.link}`;
      const text = `${m.title}\n\n${m.text}`.slice(0, ZALO_TEXT_MAX - tail.length) + tail;
      const reply = await callZalo(tokens, `${deps.config.zalo.apiUrl}/v3.0/oa/message/cs`, {
        recipient: { user_id: m.to },
        message: { text },
      });
      return { providerRef: reply.data?.message_id };
    },
  };
}

/** Cuts a value to a ZNS parameter's limit. */
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** ZNS template message by phone number (84…), the approved announcement template; tracking_id is our reference. */
export function znsChannel(deps: Deps, tokens = createZaloTokens(deps)): ChannelSender {
  return {
    channel: 'ZNS',
    configured: zaloConfigured(deps.config) && !!deps.config.zalo.znsTemplateId,
    async send(m: Outgoing) {
      const reply = await callZalo(tokens, `${deps.config.zalo.znsUrl}/message/template`, {
        phone: m.to.replace(/^\+/, ''),
        template_id: deps.config.zalo.znsTemplateId,
        template_data: {
          title: clip(m.title, ZNS_PARAMS.title),
          summary: clip(m.text, ZNS_PARAMS.summary),
          link: clip(m.link, ZNS_PARAMS.link),
        },
        tracking_id: m.reference,
      });
      return { providerRef: reply.data?.msg_id };
    },
  };
}

/** A one-time code as a ZNS message (the approved OTP template, parameter `otp`), for people who use Zalo, not SMS. */
export function znsCodeSender(deps: Deps, tokens = createZaloTokens(deps)) {
  return {
    configured: zaloConfigured(deps.config) && !!deps.config.zalo.znsOtpTemplateId,
    async send(phone: string, code: string): Promise<void> {
      await callZalo(tokens, `${deps.config.zalo.znsUrl}/message/template`, {
        phone: phone.replace(/^\+/, ''),
        template_id: deps.config.zalo.znsOtpTemplateId,
        template_data: { otp: code },
      });
    },
  };
}

/**
 * Checks `X-ZEvent-Signature: mac=<sha256 hex of app_id + raw body + timestamp + OA secret>` in constant time;
 * the timestamp is the event's own `timestamp` field.
 */
export function verifyZaloSignature(config: Deps['config'], raw: string, header: string | undefined): boolean {
  const { appId, oaSecret } = config.zalo;
  if (!appId || !oaSecret || !header?.startsWith('mac=')) return false;
  let timestamp: string;
  try {
    timestamp = String((JSON.parse(raw) as { timestamp?: unknown }).timestamp ?? '');
  } catch {
    return false;
  }
  const expected = Buffer.from(
    createHash('sha256')
      .update(appId + raw + timestamp + oaSecret)
      .digest('hex'),
  );
  const given = Buffer.from(header.slice(4).toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type ZaloEvent = {
  event_name: string;
  timestamp?: string | number;
  app_id?: string;
  oa_id?: string;
  sender?: { id?: string };
  follower?: { id?: string };
  recipient?: { id?: string };
  message?: { msg_id?: string; text?: string; msg_ids?: string[]; attachments?: unknown[] };
};

/** A citizen's message to the OA (text, image, file, location…): what can become a question (feedback.zalo.ts). */
const USER_MESSAGES = new Set([
  'user_send_text',
  'user_send_image',
  'user_send_gif',
  'user_send_file',
  'user_send_audio',
  'user_send_video',
  'user_send_location',
  'user_send_link',
  'user_send_sticker',
]);
/** The queue of citizens' notifications about their questions (feedback.notify.ts), named here to avoid an import. */
const FEEDBACK_NOTIFY_QUEUE = 'feedback.notify';

const LINK_CODE = /\b([A-Z0-9]{8})\b/;

/**
 * Applies one verified webhook event, once: the event is recorded under its `msg_id` (or its identity for events
 * without one) and a repeat does nothing. Follow / unfollow keep the follower list; a follower who sends the link
 * code shown when they joined their group becomes that member's Zalo channel; seen / received receipts update reach.
 * Any other message from a follower (text, image, location…) is a question to the commune: it becomes a ticket or
 * joins the sender's open one, in the same transaction, and the reply on Zalo is queued once it is committed.
 */
export async function applyZaloEvent(
  deps: Deps & Partial<Pick<AppDeps, 'jobs'>>,
  event: ZaloEvent,
): Promise<{ duplicate: boolean; feedback?: ZaloIntake }> {
  const applied = await recordZaloEvent(deps, event);
  if (applied.feedback && deps.jobs) await deps.jobs.send(FEEDBACK_NOTIFY_QUEUE, applied.feedback);
  return applied;
}

async function recordZaloEvent(deps: Deps, event: ZaloEvent): Promise<{ duplicate: boolean; feedback?: ZaloIntake }> {
  const userId = event.follower?.id ?? event.sender?.id ?? '';
  const key =
    event.message?.msg_id ??
    `${event.event_name}:${userId}:${event.timestamp ?? ''}:${(event.message?.msg_ids ?? []).join(',')}`;
  const { cipher } = deps;
  return deps.database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookEvents)
      .values({ source: 'zalo', eventKey: key, eventName: event.event_name, payload: event as Record<string, unknown> })
      .onConflictDoNothing()
      .returning({ key: webhookEvents.eventKey });
    if (inserted.length === 0) return { duplicate: true };
    const at = event.timestamp ? new Date(Number(event.timestamp)) : new Date();
    switch (event.event_name) {
      case 'follow':
        await tx
          .insert(zaloFollowers)
          .values({ followerId: userId, followedAt: at, lastInteractionAt: at })
          .onConflictDoUpdate({ target: zaloFollowers.followerId, set: { followedAt: at, unfollowedAt: null } });
        break;
      case 'unfollow':
        await tx
          .insert(zaloFollowers)
          .values({ followerId: userId, unfollowedAt: at })
          .onConflictDoUpdate({ target: zaloFollowers.followerId, set: { unfollowedAt: at } });
        await tx
          .update(memberChannels)
          .set({ active: false, unsubscribedAt: at })
          .where(
            and(eq(memberChannels.channel, 'ZALO'), eq(memberChannels.addressBidx, cipher.blindIndex(userId, 'zalo'))),
          );
        break;
      case 'user_send_text': {
        await tx
          .insert(zaloFollowers)
          .values({ followerId: userId, lastInteractionAt: at })
          .onConflictDoUpdate({ target: zaloFollowers.followerId, set: { lastInteractionAt: at } });
        const code = LINK_CODE.exec((event.message?.text ?? '').toUpperCase())?.[1];
        if (code) {
          const linked = await tx
            .update(memberChannels)
            .set({
              addressEnc: cipher.encrypt(userId),
              addressBidx: cipher.blindIndex(userId, 'zalo'),
              linkCode: null,
              active: true,
            })
            .where(and(eq(memberChannels.channel, 'ZALO'), eq(memberChannels.linkCode, code)))
            .returning({ id: memberChannels.id });
          // The join link code: the follower linked their channel, that is all the message was.
          if (linked.length > 0) break;
        }
        if (!userId) break;
        const feedback = await fileZaloMessage(tx, deps, {
          userId,
          text: event.message?.text ?? '',
          attachments: [],
          at,
        });
        return { duplicate: false, ...(feedback ? { feedback } : {}) };
      }
      case 'user_received_message':
      case 'user_seen_message': {
        const ids = event.message?.msg_ids ?? (event.message?.msg_id ? [event.message.msg_id] : []);
        if (!ids.length) break;
        if (event.event_name === 'user_received_message') {
          await tx
            .update(deliveries)
            .set({ status: 'delivered', sentAt: sql`coalesce(${deliveries.sentAt}, now())`, updatedAt: new Date() })
            .where(
              and(
                eq(deliveries.channel, 'ZALO'),
                inArray(deliveries.providerRef, ids),
                inArray(deliveries.status, ['sending', 'created']),
              ),
            );
        } else {
          // The households those messages went to have read them: one statement for the whole receipt.
          await tx.execute(sql`
            update announcement_households ah set read_at = coalesce(ah.read_at, ${at.toISOString()}) from deliveries d
            where d.channel = 'ZALO' and ${inArray(sql`d.provider_ref`, ids)}
              and ah.announcement_id = d.announcement_id and ah.household_id = d.household_id`);
        }
        break;
      }
      default: {
        if (!USER_MESSAGES.has(event.event_name) || !userId) break;
        await tx
          .insert(zaloFollowers)
          .values({ followerId: userId, lastInteractionAt: at })
          .onConflictDoUpdate({ target: zaloFollowers.followerId, set: { lastInteractionAt: at } });
        const feedback = await fileZaloMessage(tx, deps, {
          userId,
          text: event.message?.text ?? '',
          attachments: zaloAttachments(event.message?.attachments),
          at,
        });
        return { duplicate: false, ...(feedback ? { feedback } : {}) };
      }
    }
    return { duplicate: false };
  });
}
