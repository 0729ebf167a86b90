import { sql } from 'drizzle-orm';
import { ErrorCode } from '../../../shared/enums.js';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { pathWithin, unitAt, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import { escapeHtml } from '../../../shared/text.js';
import { createAnnouncement, sendAnnouncement } from '../announcements/announcements.service.js';
import { Audience, householdsOf, matchedPeople, reachPreview } from '../announcements/audience.js';
import { messagePrices } from '../announcements/channel-limits.service.js';
import { smsOf, type Channel } from '../announcements/senders.js';
import { smsSegments, unaccented } from '../announcements/templates.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import type { RemindInput } from './campaigns.schemas.js';
import { getCampaign, viewPathOf } from './campaigns.service.js';

/**
 * Campaign reminders with a guard (issue 14 §6): a reminder is an announcement to "households left in campaign X"
 * under a unit. Before it goes the caller sees its audience, the channels it will take and an estimated SMS/ZNS cost;
 * a second reminder to households reminded within the interval (REMINDER_INTERVAL_HOURS, 24 by default) is refused
 * unless a leader overrides it with a reason, which is audited.
 */
export type ReminderDeps = {
  database: Database;
  publicUrl: string;
  intervalHours: number;
  configured: (c: Channel) => boolean;
  /** The reminder SMS keeps tone marks (REMINDER_SMS_ACCENTS=on: UCS-2) or goes without (GSM-7, the default). */
  smsAccents: boolean;
};

/** What a reminder says: the campaign, its deadline, the caller's own words, where to find help. */
function reminderText(c: { name: string; deadline: string }, message?: string) {
  const what = `<strong>${escapeHtml(c.name)}</strong> (hạn ${formatDateVi(c.deadline)})`;
  return {
    title: `Nhắc: ${c.name}`,
    body: [
      `<p>Gia đình mình còn chưa hoàn thành ${what}.</p>`,
      message ? `<p>${escapeHtml(message)}</p>` : '',
      '<p>Tổ công nghệ số sẽ đến hỗ trợ tại nhà; gia đình cũng có thể đến điểm hỗ trợ gần nhất.',
      ' Hướng dẫn: mở đường dẫn trong tin này.</p>',
    ].join(''),
  };
}

/** Longest campaign name an SMS carries; the page behind the link has the whole name. */
const SMS_NAME_MAX = 40;

/**
 * The reminder's SMS: the SMS channel's own short wording, sent with the link to the announcement (the whole text and
 * the guide). Without tone marks by default — GSM-7, 160 characters a segment, so with the link two segments (about
 * 1.700 đ) rather than five for the cut-down body with accents — as most communes send; REMINDER_SMS_ACCENTS=on keeps
 * them (UCS-2, 70 a segment). The caller's own words are on the page, not in the SMS.
 */
export function reminderSms(c: { name: string; deadline: string }, accents: boolean): string {
  const name = c.name.length > SMS_NAME_MAX ? `${c.name.slice(0, SMS_NAME_MAX - 1).trimEnd()}…` : c.name;
  const text = `Nhắc: nhà mình chưa xong "${name}", hạn ${formatDateVi(c.deadline)}. Tổ công nghệ số sẽ đến hỗ trợ. Hướng dẫn:`;
  return accents ? text : unaccented(text);
}

/** Who the reminder is for: the unit (the caller's own part of the campaign by default) and the audience. */
async function targetOf(db: Tx, scope: Scope, id: number, unitId: number | undefined) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const unit = unitId ?? unitAt(await viewPathOf(db, scope, c), -1)!;
  const audience = Audience.parse({ unitIds: [unit], campaignLeft: c.id });
  return { c, unitId: unit, audience };
}

/** Households of the audience reminded of this campaign within the interval, and when the last reminder went. */
async function recentlyReminded(db: Tx, scope: Scope, campaignId: number, audience: Audience, hours: number) {
  if (hours <= 0) return { households: 0, lastSentAt: null };
  const people = await matchedPeople(db, scope, audience);
  const [row] = await queryRows<{ households: number; last: Date | null }>(
    db,
    sql`
    select count(distinct ah.household_id)::int as households, max(a.sent_at) as last
    from announcements a
      join announcement_households ah on ah.announcement_id = a.id
    where a.status = 'SENT' and a.category = 'CAMPAIGN' and (a.audience ->> 'campaignLeft')::int = ${campaignId}
      and a.sent_at > now() - make_interval(hours => ${hours})
      and ah.household_id in (select household_id from (${householdsOf(sql`(${people})`)}) m)`,
  );
  return { households: row?.households ?? 0, lastSentAt: row?.last ? new Date(row.last) : null };
}

/**
 * What a reminder would do if sent now: households, the first channel each takes (and those with none), the estimated
 * cost of its SMS and ZNS messages at each channel's price per message (estimates: the provider bills), and whether the
 * guard holds it back (households reminded within the interval; `canOverride` when the caller is a leader there).
 */
export async function previewReminder(
  deps: ReminderDeps,
  scope: Scope,
  id: number,
  input: Pick<RemindInput, 'unitId' | 'message'>,
  overrideScope: Scope,
) {
  const db = deps.database.db;
  const { c, unitId, audience } = await targetOf(db, scope, id, input.unitId);
  const reach = await reachPreview(db, scope, audience, deps.configured);
  const prices = await messagePrices(db);
  // The link each household gets is about this long (the announcement's page, the household, its token).
  const link = `${deps.publicUrl}/a/1000000?h=10000000&t=${'x'.repeat(22)}`;
  // What the SMS channel will send, so the cost follows its real segment count and encoding.
  const smsMessage = smsOf({ title: '', text: '', link, sms: reminderSms(c, deps.smsAccents) });
  const { segments, encoding } = smsSegments(smsMessage);
  const count = (ch: Channel) => reach.channels.find((x) => x.channel === ch)?.recipients ?? 0;
  const sms = count('SMS');
  const zns = count('ZNS');
  const smsTotal = sms * segments * prices.SMS.price;
  const znsTotal = zns * prices.ZNS.price;
  const recent = await recentlyReminded(db, scope, c.id, audience, deps.intervalHours);
  const path = await getUnitPath(db, unitId, scope);
  const blocked = recent.households > 0;
  return {
    unitId,
    households: reach.channels.reduce((n, x) => n + x.recipients, 0) + reach.none,
    reach,
    cost: {
      estimate: true as const,
      sms: { messages: sms, segments, encoding, text: smsMessage, price: prices.SMS.price, total: smsTotal },
      zns: { messages: zns, price: prices.ZNS.price, total: znsTotal },
      total: smsTotal + znsTotal,
      pricesAreDefaults: prices.SMS.isDefault || prices.ZNS.isDefault,
    },
    guard: {
      intervalHours: deps.intervalHours,
      blocked,
      recentHouseholds: recent.households,
      lastSentAt: recent.lastSentAt?.toISOString() ?? null,
      nextAllowedAt: recent.lastSentAt
        ? new Date(recent.lastSentAt.getTime() + deps.intervalHours * 3600_000).toISOString()
        : null,
    },
    canOverride: pathWithin(path, overrideScope),
  };
}

/**
 * Sends the reminder: refused (409 REMINDER_TOO_SOON) when households in it were reminded within the interval, unless
 * the caller overrides with a reason and is a leader where it goes (403 otherwise); the override is audited with the
 * reason and how many households it reminds again.
 */
export async function remindLeft(
  deps: ReminderDeps,
  scope: Scope,
  id: number,
  input: RemindInput,
  overrideScope: Scope,
  userId: number,
  actor: Actor,
) {
  const { database } = deps;
  const db = database.db;
  const { c, unitId, audience } = await targetOf(db, scope, id, input.unitId);
  const recent = await recentlyReminded(db, scope, c.id, audience, deps.intervalHours);
  if (recent.households > 0) {
    if (!input.override) {
      const next = new Date(recent.lastSentAt!.getTime() + deps.intervalHours * 3600_000);
      const at = next.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
      throw new AppError(ErrorCode.REMINDER_TOO_SOON, 409, {
        vi: `${recent.households} hộ đã được nhắc trong ${deps.intervalHours} giờ qua; có thể nhắc lại từ ${at}, hoặc lãnh đạo xác nhận gửi ngay`,
        en: `${recent.households} households were reminded in the last ${deps.intervalHours} hours; remind again from ${next.toISOString()}, or a leader overrides`,
      });
    }
    if (!pathWithin(await getUnitPath(db, unitId, scope), overrideScope))
      throw forbidden({
        vi: 'Chỉ lãnh đạo mới được nhắc lại sớm hơn khoảng cách quy định',
        en: 'Only a leader may remind again before the interval is over',
      });
  }
  const text = reminderText(c, input.message);
  const a = await createAnnouncement(
    database,
    scope,
    {
      title: text.title,
      body: text.body,
      category: 'CAMPAIGN',
      priority: 'NORMAL',
      audience,
      isPublic: false,
      ackRequested: false,
    },
    userId,
    actor,
    reminderSms(c, deps.smsAccents),
  );
  const sent = await sendAnnouncement(database, scope, a.id, actor);
  if (recent.households > 0 && input.override)
    await insertAudit(db, actor, {
      action: 'campaign.remind-override',
      entityType: 'campaign',
      entityId: c.id,
      details: {
        reason: input.override.reason,
        announcementId: a.id,
        unitId,
        remindedAgain: recent.households,
        lastSentAt: recent.lastSentAt?.toISOString(),
      },
    });
  return { announcementId: a.id, households: sent.households, messages: sent.messages };
}
