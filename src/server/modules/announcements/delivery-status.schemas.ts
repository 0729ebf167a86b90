import { z } from 'zod';
import { deliveryReasons, deliveryStates } from '../../../shared/deliveries.js';
import { Id, PageQuery, pageOf } from '../../lib/http.js';
import { CHANNELS } from './senders.js';

// Every delivery visible: per channel and reason, the recipients behind each count, retries, the providers' state.

const Channel = z.enum(CHANNELS);
const Reason = z.enum(deliveryReasons);
const State = z.enum(deliveryStates);

export const DeliveryOverview = z
  .object({
    id: z.number().int(),
    /** Only your units' households are counted (the announcement is filed above them). */
    part: z.boolean(),
    channels: z.array(
      z.object({
        channel: Channel,
        configured: z.boolean(),
        queued: z.number().int(),
        sent: z.number().int(),
        delivered: z.number().int(),
        failed: z.number().int(),
        /** Why messages wait (queued) or failed, most frequent first. */
        reasons: z.array(z.object({ reason: Reason, state: z.enum(['queued', 'failed']), count: z.number().int() })),
      }),
    ),
    /** The channels recipients went through in order (Zalo → SMS), and how it ended. */
    chains: z.array(
      z.object({
        channels: z.array(Channel),
        outcome: z.enum(['delivered', 'pending', 'failed']),
        recipients: z.number().int(),
      }),
    ),
    /** Recipients whose every message failed for a reason a retry can change. */
    retryable: z.number().int(),
  })
  .meta({ id: 'DeliveryOverview' });

export const DeliveryListQuery = PageQuery.extend({
  state: State.optional(),
  channel: Channel.optional(),
  reason: Reason.optional(),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

const Step = z.object({ channel: Channel, state: State, reason: Reason.nullable() });

export const DeliveryPage = pageOf(
  z.object({
    id: z.number().int(),
    householdId: z.number().int().nullable(),
    address: z.string().nullable(),
    groupName: z.string().nullable(),
    /** Who it went to: the member whose channel it was, else the household's head (or the person); a staff member. */
    recipient: z.string().nullable(),
    channel: Channel,
    step: z.number().int(),
    state: State,
    reason: Reason.nullable(),
    at: z.string(),
    chain: z.array(Step),
    retryable: z.boolean(),
  }),
).meta({ id: 'DeliveryPage' });

export const RetryInput = z.object({
  channel: Channel.optional(),
  reason: Reason.optional(),
  deliveryIds: z.array(Id).min(1).max(200).optional(),
});
export type RetryInput = z.infer<typeof RetryInput>;

export const RetryResult = z.object({ retried: z.number().int(), notRetryable: z.number().int() });

export const ChannelState = z
  .object({
    channel: Channel,
    configured: z.boolean(),
    lastSuccessAt: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    /** The provider's own words (a detail line); `lastErrorReason` is the stable code shown translated. */
    lastError: z.string().nullable(),
    lastErrorReason: Reason.nullable(),
    /** Messages taken today (Vietnam time) against the daily limit. */
    usedToday: z.number().int(),
    perDay: z.number().int(),
    perMinute: z.number().int(),
    /** Đồng per message for cost estimates; `priceIsDefault` when the documented default stands. */
    priceVnd: z.number().int(),
    priceIsDefault: z.boolean(),
  })
  .meta({ id: 'ChannelState' });

/** How an audience will be reached, before sending: recipients per first channel, and those with none at all. */
export const ReachPreview = z.object({
  /** Households, or people for personal content. */
  perPerson: z.boolean(),
  channels: z.array(z.object({ channel: Channel, recipients: z.number().int(), configured: z.boolean() })),
  none: z.number().int(),
  /** Channels the audience relies on whose provider is not configured. */
  unconfigured: z.array(Channel),
});
export type ReachPreview = z.infer<typeof ReachPreview>;
