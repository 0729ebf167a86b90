import { z } from 'zod';
import { Id, Text } from '../../lib/http.js';
import { CHANNELS } from './senders.js';

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
  .object({ channel: z.enum(CHANNELS), perMinute: z.number().int(), perDay: z.number().int() })
  .meta({ id: 'ChannelLimit' });
export type ChannelLimit = z.infer<typeof ChannelLimit>;

export const ChannelParams = z.object({ channel: z.enum(CHANNELS) });

export const ChannelLimitsInput = z.object({
  perMinute: z.number().int().min(0).max(1_000_000),
  perDay: z.number().int().min(0).max(100_000_000),
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
