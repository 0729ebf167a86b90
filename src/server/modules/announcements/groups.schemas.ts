import { citizenLanguages } from '../../../shared/languages.js';
import { z } from 'zod';
import { FieldCode } from '../../../shared/field-errors.js';
import { Id, Phone, Text } from '../../lib/http.js';
import { CHANNELS } from './senders.js';

// Group channels: joining a residential group's channel, the member's page, unsubscribing.

const Channel = z.enum(CHANNELS);

export const PushSubscription = z.object({
  endpoint: z.url().max(1000),
  keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
});

/** One channel a member chose: an email address for email, a browser's subscription for push. */
export const ChosenChannel = z.object({
  channel: Channel,
  email: z.email().max(200).optional(),
  subscription: PushSubscription.optional(),
});
export type ChosenChannel = z.infer<typeof ChosenChannel>;

export const JoinCodeInput = z.object({ phone: Phone, by: z.enum(['SMS', 'ZALO']).default('SMS') });
export type JoinCodeInput = z.infer<typeof JoinCodeInput>;

/**
 * Joining: the phone and its code, and what the person wants. No ID number: one proves nothing about who types it.
 * The note (a name, an address) is for the group head when the phone alone cannot name the household.
 */
export const JoinInput = z.object({
  phone: Phone,
  code: z.string().regex(/^\d{6}$/, FieldCode.CONFIRM_CODE),
  note: Text(200).optional(),
  language: z.enum(citizenLanguages).default('vi'),
  channels: z.array(ChosenChannel).min(1).max(5),
});
export type JoinInput = z.infer<typeof JoinInput>;

/** Joined at once: the phone is on record for a member of one household in the group. */
export const GroupJoined = z
  .object({
    status: z.literal('JOINED'),
    memberId: z.number().int(),
    groupName: z.string(),
    address: z.string(),
    manageToken: z.string(),
    zaloLinkCode: z.string().nullable(),
    zaloOaId: z.string().nullable(),
  })
  .meta({ id: 'GroupJoined' });

/**
 * Waiting for the group head: the same answer whether the phone is on record nowhere in the group or in several
 * households. The token opens the member's page, which says "waiting" until the group head confirms.
 */
export const JoinPending = z
  .object({ status: z.literal('PENDING'), groupName: z.string(), manageToken: z.string() })
  .meta({ id: 'JoinPending' });

export const PublicGroup = z
  .object({
    id: z.number().int(),
    name: z.string(),
    commune: z.string(),
    /**
     * Channels this commune can send on now (a provider configured), and the key a browser subscribes to push
     * with.
     */
    channels: z.array(Channel),
    vapidPublicKey: z.string().nullable(),
    /** How the one-time code can come: always SMS, and Zalo (ZNS) when the commune has an OTP template. */
    codeBy: z.array(z.enum(['SMS', 'ZALO'])),
  })
  .meta({ id: 'PublicGroup' });
export type PublicGroup = z.infer<typeof PublicGroup>;

export const GroupMembership = z
  .object({
    /** ACTIVE once joined; PENDING while the group head has not decided, REFUSED when they refused (nothing else). */
    status: z.enum(['ACTIVE', 'PENDING', 'REFUSED']),
    group: z.object({ id: z.number().int(), name: z.string(), commune: z.string() }),
    language: z.enum(citizenLanguages),
    channels: z.array(
      z.object({
        id: z.number().int(),
        channel: Channel,
        rank: z.number().int(),
        active: z.boolean(),
        zaloLinkCode: z.string().nullable(),
      }),
    ),
    announcements: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        category: z.string(),
        priority: z.string(),
        sentAt: z.string(),
        ackRequested: z.boolean(),
        read: z.boolean(),
        acknowledged: z.boolean(),
        link: z.string(),
      }),
    ),
  })
  .meta({ id: 'GroupMembership' });

/** The manage token a member got when joining, sent back on their own page's requests. */
export const MemberTokenHeaders = z.object({ 'x-member-token': z.string().max(100).optional() });

export const MembershipChangeInput = z.object({
  language: z.enum(citizenLanguages).optional(),
  channelId: Id.optional(),
  active: z.boolean().optional(),
});
export type MembershipChangeInput = z.infer<typeof MembershipChangeInput>;

/** The signed one-click link in every message: the member channel and its signature. */
export const UnsubscribeQuery = z.object({ c: Id, t: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

export const UnsubscribedChannel = z.object({ channel: Channel });

/** Households that joined, per residential group (for staff). */
export const GroupMembershipRate = z.object({
  unitId: z.number().int(),
  name: z.string(),
  households: z.number().int(),
  members: z.number().int(),
  rate: z.number(),
});

/** A request to join waiting for the group head: who asked (the proven phone, their note) and the households it fits. */
export const JoinRequest = z
  .object({
    id: z.number().int(),
    groupId: z.number().int(),
    groupName: z.string(),
    phone: z.string(),
    note: z.string().nullable(),
    channels: z.array(Channel),
    createdAt: z.string(),
    /** Households of the group where a current member has this phone on record (several, or none). */
    candidates: z.array(
      z.object({ householdId: z.number().int(), address: z.string(), headName: z.string().nullable() }),
    ),
  })
  .meta({ id: 'JoinRequest' });
export type JoinRequest = z.infer<typeof JoinRequest>;

/** The household the group head recognised as the requester's. */
export const ConfirmJoinInput = z.object({ householdId: Id });
export type ConfirmJoinInput = z.infer<typeof ConfirmJoinInput>;

// Internal staff groups (village heads, Party cell secretaries, an association) to send announcements to.

export const StaffGroup = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    kind: z.enum(['GROUP_HEADS', 'PARTY_CELLS', 'ASSOCIATION', 'OTHER']),
    members: z.array(
      z.object({
        id: z.number().int(),
        fullName: z.string(),
        title: z.string().nullable(),
        hasPhone: z.boolean(),
        hasEmail: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'StaffGroup' });
export type StaffGroup = z.infer<typeof StaffGroup>;

export const StaffGroupInput = z.object({ unitId: Id, name: Text(120).min(2), kind: StaffGroup.shape.kind });
export type StaffGroupInput = z.infer<typeof StaffGroupInput>;

export const StaffMemberInput = z
  .object({
    fullName: Text(120).min(2),
    title: Text(120).optional(),
    phone: Phone.optional(),
    email: z.email().max(200).optional(),
  })
  .refine((b) => b.phone || b.email, { path: ['phone'], message: 'A phone or an email is needed' });
export type StaffMemberInput = z.infer<typeof StaffMemberInput>;
