import { z } from 'zod';
import { CommuneCode, Id, Text } from '../../lib/http.js';
import { Audience } from './audience.js';
import { ReachPreview } from './delivery-status.schemas.js';
import { CHANNELS } from './senders.js';

// Announcements: writing, sending, reach.

export const AudienceSize = z
  .object({
    households: z.number().int(),
    people: z.number().int(),
    groups: z.array(
      z.object({ unitId: z.number().int(), name: z.string(), households: z.number().int(), people: z.number().int() }),
    ),
    /** How it will be reached (first channel per recipient), for the form before sending. */
    reach: ReachPreview,
  })
  .meta({ id: 'AudienceSize' });

export const Category = z.enum(['POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE']);
export type Category = z.infer<typeof Category>;
export const Priority = z.enum(['NORMAL', 'HIGH', 'URGENT']);
export type Priority = z.infer<typeof Priority>;
export const AnnouncementStatus = z.enum(['DRAFT', 'SCHEDULED', 'SENT', 'CANCELLED']);
export type AnnouncementStatus = z.infer<typeof AnnouncementStatus>;

const Translation = z.object({ title: Text(200).min(2), body: z.string().max(20_000).min(1) });
export const AnnouncementInput = z
  .object({
    title: Text(200).min(3),
    body: z.string().max(20_000).min(1),
    category: Category,
    priority: Priority.default('NORMAL'),
    audience: Audience,
    isPublic: z.boolean().default(false),
    ackRequested: z.boolean().default(false),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    /** Goes out by itself at this time (the audience is resolved then). */
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
    /** The same announcement in English, Japanese, Chinese (citizen pages show the reader's one when there is one). */
    translations: z
      .object({ en: Translation.optional(), ja: Translation.optional(), zh: Translation.optional() })
      .default({}),
  })
  .refine((a) => !a.expiresAt || !a.scheduledAt || a.expiresAt > a.scheduledAt, {
    path: ['expiresAt'],
    message: 'The expiry must come after the scheduled time',
  });
export type AnnouncementInput = z.infer<typeof AnnouncementInput>;

export const Announcement = z
  .object({
    id: z.number().int(),
    /** Where it is filed: its author's unit. */
    unitId: z.number().int(),
    /** Filed above your units (the commune's, for a group head): you see your units' part and cannot change it. */
    part: z.boolean(),
    title: z.string(),
    bodyHtml: z.string(),
    category: Category,
    priority: Priority,
    isPublic: z.boolean(),
    ackRequested: z.boolean(),
    status: AnnouncementStatus,
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    languages: z.array(z.string()),
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;

/** What sending did: sent now (households snapshotted, messages queued), or scheduled for later (nothing yet). */
export const SendOutcome = z.object({
  status: z.enum(['SENT', 'SCHEDULED']),
  households: z.number().int(),
  messages: z.number().int(),
});

export const ReachTimeline = z
  .array(
    z.object({ at: z.string(), reached: z.number().int(), read: z.number().int(), acknowledged: z.number().int() }),
  )
  .meta({ id: 'ReachTimeline' });

export const AnnouncementReach = z
  .object({
    id: z.number().int(),
    status: z.string(),
    /** Only your units' part is counted and listed (the announcement is filed above them). */
    part: z.boolean(),
    totals: z.object({
      targeted: z.number().int(),
      reached: z.number().int(),
      read: z.number().int(),
      acknowledged: z.number().int(),
    }),
    /** Messages by delivery status (created, sending, delivered, permanent/temporary/technical failure). */
    deliveries: z.record(z.string(), z.number().int()),
    groups: z.array(
      z.object({
        unitId: z.number().int().nullable(),
        name: z.string(),
        targeted: z.number().int(),
        reached: z.number().int(),
        read: z.number().int(),
        acknowledged: z.number().int(),
      }),
    ),
    /**
     * Households no message reached and none is still on its way (every channel failed, or they have none): the
     * digital team's list, 200 at most (all in the spreadsheet).
     */
    notReached: z.array(
      z.object({
        householdId: z.number().int(),
        address: z.string(),
        groupName: z.string().nullable(),
        headName: z.string().nullable(),
      }),
    ),
    /**
     * Households not reached yet whose message is still on its way (waiting out 21:00–07:00, a daily limit, retrying,
     * with the provider), by the minute it goes (`at` null: due now). They are not in `notReached`.
     */
    waiting: z.object({
      households: z.number().int(),
      byTime: z.array(z.object({ at: z.string().nullable(), households: z.number().int() })),
    }),
    /** When an acknowledgement was asked for: households that have not given it. */
    notAcknowledged: z.array(
      z.object({
        householdId: z.number().int(),
        address: z.string(),
        groupName: z.string().nullable(),
        headName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'AnnouncementReach' });

export const ToVisitQuery = z.object({
  which: z.enum(['not-reached', 'not-acknowledged']).default('not-reached'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ToVisitQuery = z.infer<typeof ToVisitQuery>;

// The public side: a commune's feed, an announcement opened, read and acknowledged.

export const CommuneCodeParams = z.object({ code: CommuneCode });

export const AnnouncementFeed = z
  .object({
    commune: z.string(),
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        bodyHtml: z.string(),
        text: z.string(),
        category: z.string(),
        priority: z.string(),
        sentAt: z.string(),
        ackRequested: z.boolean(),
        unitName: z.string(),
      }),
    ),
  })
  .meta({ id: 'AnnouncementFeed' });

/** A household's signed link: the household's id and the link's signature. */
export const HouseholdLinkInput = z.object({ h: Id, t: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

export const OpenedAnnouncement = z
  .object({
    id: z.number().int(),
    title: z.string(),
    bodyHtml: z.string(),
    category: z.string(),
    priority: z.string(),
    ackRequested: z.boolean(),
    unitName: z.string(),
    sentAt: z.string(),
    translations: z.record(z.string(), z.object({ title: z.string(), bodyHtml: z.string() })),
    files: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int() })),
    /** For a household's link: whether it has acknowledged; null for a public reader. */
    acknowledged: z.boolean().nullable(),
  })
  .meta({ id: 'OpenedAnnouncement' });

// Attachments.

export const FileParams = z.object({ id: Id, fileId: Id });

/** A household's link as the public file route reads it (checked when the announcement is opened). */
export const FileLinkQuery = z.object({ h: Id.optional(), t: z.string().max(40).optional() });

export const AnnouncementFile = z
  .object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int() })
  .meta({ id: 'AnnouncementFile' });

// The loudspeaker.

export const Broadcast = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    airAt: z.string(),
    status: z.enum(['PLANNED', 'AIRED', 'CANCELLED']),
  })
  .meta({ id: 'Broadcast' });

export const PlanBroadcastsInput = z.object({
  unitId: Id,
  airAt: z
    .array(z.iso.datetime({ offset: true }))
    .min(1)
    .max(20),
});
export type PlanBroadcastsInput = z.infer<typeof PlanBroadcastsInput>;

export const BroadcastStatusParams = z.object({ id: Id, broadcastId: Id, status: z.enum(['aired', 'cancelled']) });

// Channels' provider limits.

export const ChannelLimit = z
  .object({
    channel: z.enum(CHANNELS),
    perMinute: z.number().int(),
    perDay: z.number().int(),
    /** Đồng per message for cost estimates; null: the documented default. */
    priceVnd: z.number().int().nullable(),
  })
  .meta({ id: 'ChannelLimit' });
export type ChannelLimit = z.infer<typeof ChannelLimit>;

export const ChannelParams = z.object({ channel: z.enum(CHANNELS) });

export const ChannelLimitsInput = z.object({
  perMinute: z.number().int().min(0).max(1_000_000),
  perDay: z.number().int().min(0).max(100_000_000),
  /** The contract's price of one message in đồng (null: back to the documented default); unchanged when absent. */
  priceVnd: z.number().int().min(0).max(100_000).nullable().optional(),
});
export type ChannelLimitsInput = z.infer<typeof ChannelLimitsInput>;

// Message templates.

export const MessageTemplate = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    title: z.string(),
    body: z.string(),
    placeholders: z.array(z.string()),
  })
  .meta({ id: 'MessageTemplate' });

export const TemplateInput = z.object({
  unitId: Id,
  name: Text(100).min(2),
  title: Text(200).min(3),
  body: z.string().min(1).max(20_000),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

/** Sample values for a template's ((placeholders)). */
export const PreviewInput = z.object({ values: z.record(z.string().max(40), Text(500)).default({}) });

export const TemplatePreview = z
  .object({
    title: z.string(),
    html: z.string(),
    text: z.string(),
    missing: z.array(z.string()),
    /** The SMS as it would go (title, first words, the household's link) and what it costs. */
    sms: z.object({
      text: z.string(),
      encoding: z.enum(['GSM-7', 'UCS-2']),
      units: z.number().int(),
      segments: z.number().int(),
    }),
    /** The ZNS template's parameters: each value's length against Zalo's limit (longer ones are cut with "…"). */
    zns: z.array(z.object({ name: z.string(), length: z.number().int(), max: z.number().int(), fits: z.boolean() })),
    zalo: z.object({ length: z.number().int(), max: z.number().int(), fits: z.boolean() }),
    push: z.object({ title: z.string(), body: z.string() }),
  })
  .meta({ id: 'TemplatePreview' });
export type TemplatePreview = z.infer<typeof TemplatePreview>;

// Providers' callbacks.

/** An event from Zalo's webhook, as much of it as is read; the rest is let through. */
export const ZaloEventInput = z
  .object({
    event_name: z.string().max(60),
    app_id: z.string().max(40).optional(),
    oa_id: z.string().max(40).optional(),
    timestamp: z.union([z.string().max(20), z.number()]).optional(),
    sender: z.object({ id: z.string().max(64).optional() }).optional(),
    follower: z.object({ id: z.string().max(64).optional() }).optional(),
    recipient: z.object({ id: z.string().max(64).optional() }).optional(),
    message: z
      .object({
        msg_id: z.string().max(100).optional(),
        text: z.string().max(4000).optional(),
        msg_ids: z.array(z.string().max(100)).max(500).optional(),
        /** A citizen's image, file, location…: `{type, payload: {url, thumbnail, coordinates}}` (feedback.zalo.ts). */
        attachments: z
          .array(z.looseObject({ type: z.string().max(20) }))
          .max(20)
          .optional(),
      })
      .optional(),
  })
  .loose();

/** The SMS gateway's delivery report for one message. */
export const SmsReportInput = z.object({
  /** Our reference, sent with the message: `ketnoi-delivery-<id>`. */
  reference: z.string().max(40),
  status: z.enum(['delivered', 'permanent-failure']),
  error: z.string().max(300).optional(),
});
