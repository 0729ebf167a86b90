import { z } from 'zod';
import { HouseholdKind, VneidLevel } from '../../../shared/enums.js';
import { Id, PageQuery, pageOf, Text } from '../../lib/http.js';

export const CampaignKind = z.enum(['VNEID_L2', 'DIGITIZE', 'ONLINE_PAYMENT', 'SKILLS', 'CUSTOM']);
export type CampaignKind = z.infer<typeof CampaignKind>;

/** Whether a campaign counts people or households. */
export const CampaignLevel = z.enum(['PERSON', 'HOUSEHOLD']);
export type CampaignLevel = z.infer<typeof CampaignLevel>;

export const CampaignStatus = z.enum(['ACTIVE', 'CLOSED']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** One thing to tick on a visit, as the API shows it. */
export const ChecklistItem = z.object({ key: z.string(), label: z.string() });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistItemInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  label: Text(120).min(2),
});

/** Who a campaign targets: registry filters (the announcement audience's, less its channel options). */
export const CampaignFilters = z.object({
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
  vneidLevels: z.array(z.enum(VneidLevel)).max(3).optional(),
  householdKinds: z.array(z.enum(HouseholdKind)).max(3).optional(),
  tags: z.array(Text(40).min(1)).max(10).optional(),
});
export type CampaignFilters = z.infer<typeof CampaignFilters>;

/** A campaign under a unit's path: the one asked for, else the caller's view (see `viewPathOf`). */
export const UnitQuery = z.object({ unitId: Id.optional() });

// Campaigns: templates, creation, refresh, assignment, progress (campaigns.routes.ts).

export const CampaignTemplate = z.object({
  kind: CampaignKind,
  name: z.string(),
  level: z.string(),
  targetRate: z.number().int(),
  filters: z.record(z.string(), z.unknown()),
  checklist: z.array(ChecklistItem),
  guide: z.string(),
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

export const Campaign = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    parentId: z.number().int().nullable(),
    kind: CampaignKind,
    name: z.string(),
    level: CampaignLevel,
    targetRate: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    status: CampaignStatus,
    checklist: z.array(ChecklistItem),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const CreateCampaignInput = z
  .object({
    kind: CampaignKind,
    unitId: Id,
    name: Text(200).min(3).optional(),
    level: CampaignLevel.optional(),
    filters: CampaignFilters.optional(),
    checklist: z.array(ChecklistItemInput).min(1).max(10).optional(),
    targetRate: z.number().int().min(1).max(100).optional(),
    /** The steps residents read on the guide page (one per line); the template's when left out. */
    guide: Text(4000).optional(),
    startsOn: z.iso.date(),
    deadline: z.iso.date(),
  })
  .refine((c) => c.startsOn <= c.deadline, {
    path: ['deadline'],
    message: 'The deadline must not come before the start',
  });
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

/** A new campaign: its id, how many communes' parts it was split into, and the targets taken from the registry. */
export const CreatedCampaign = z.object({
  id: z.number().int(),
  communes: z.number().int(),
  targets: z.number().int(),
});

export const RefreshResult = z.object({ added: z.number().int(), removed: z.number().int() });

export const AssignResult = z.object({ assigned: z.number().int() });

export const AssigneeParams = z.object({ id: Id, householdId: Id });

export const ReassignInput = z.object({ memberId: Id });

/** A household on a team member's own worklist. */
export const MyHousehold = z.object({
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  people: z.number().int(),
  done: z.number().int(),
  lastOutcome: z.string().nullable(),
  bestTime: z.string().nullable(),
});
export type MyHousehold = z.infer<typeof MyHousehold>;

export const CampaignProgress = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    level: z.string(),
    targetRate: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    total: z.object({ targets: z.number().int(), done: z.number().int(), rate: z.number() }),
    units: z.array(
      z.object({
        unitId: z.number().int().nullable(),
        name: z.string(),
        targets: z.number().int(),
        done: z.number().int(),
        rate: z.number(),
      }),
    ),
  })
  .meta({ id: 'CampaignProgress' });

// How far a campaign is: history, households left, leaderboard, letters, reminders (progress.routes.ts).

export const CampaignHistory = z
  .object({
    targets: z.number().int(),
    goal: z.number().int(),
    done: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    daysLeft: z.number().int(),
    paceNeeded: z.number().int().nullable(),
    paceSoFar: z.number(),
    days: z.array(
      z.object({ day: z.string(), done: z.number().int(), total: z.number().int(), left: z.number().int() }),
    ),
  })
  .meta({ id: 'CampaignHistory' });

export const LeftHousehold = z.object({
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  people: z.array(z.string()),
  lastOutcome: z.string().nullable(),
  bestTime: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  member: z.string().nullable(),
});
export type LeftHousehold = z.infer<typeof LeftHousehold>;

export const LeftQuery = UnitQuery.extend(PageQuery.shape);

export const LeftPage = pageOf(LeftHousehold);

export const CampaignLeaderboard = z
  .object({
    groups: z.array(
      z.object({
        rank: z.number().int(),
        unitId: z.number().int(),
        name: z.string(),
        communeName: z.string(),
        targets: z.number().int(),
        done: z.number().int(),
        rate: z.number(),
      }),
    ),
    teams: z.array(
      z.object({
        rank: z.number().int(),
        teamId: z.number().int(),
        name: z.string(),
        members: z.number().int(),
        households: z.number().int(),
        targets: z.number().int(),
        done: z.number().int(),
        visits: z.number().int(),
        rate: z.number(),
      }),
    ),
  })
  .meta({ id: 'CampaignLeaderboard' });

export const RemindPreviewInput = z.object({ unitId: Id.optional(), message: Text(500).optional() });

export const RemindInput = RemindPreviewInput.extend({
  /**
   * Send even though households in it were reminded within the guard's interval: a leader's call, with the reason
   * (audited).
   */
  override: z.object({ reason: Text(300).min(5) }).optional(),
});
export type RemindInput = z.infer<typeof RemindInput>;

const Channel = z.enum(['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH']);

/** What a reminder would do if sent now: who, over which channels, at what estimated cost, and the guard. */
export const RemindPreview = z
  .object({
    unitId: z.number().int(),
    households: z.number().int(),
    reach: z.object({
      perPerson: z.boolean(),
      channels: z.array(z.object({ channel: Channel, recipients: z.number().int(), configured: z.boolean() })),
      none: z.number().int(),
      unconfigured: z.array(Channel),
    }),
    /** In đồng, at each channel's price per message: an estimate, the provider's bill decides. */
    cost: z.object({
      estimate: z.literal(true),
      sms: z.object({
        messages: z.number().int(),
        segments: z.number().int(),
        /** GSM-7 without tone marks (160 characters a segment), UCS-2 with them (70). */
        encoding: z.enum(['GSM-7', 'UCS-2']),
        /** The SMS as a household gets it (with a link as long as theirs). */
        text: z.string(),
        price: z.number().int(),
        total: z.number().int(),
      }),
      zns: z.object({ messages: z.number().int(), price: z.number().int(), total: z.number().int() }),
      total: z.number().int(),
      pricesAreDefaults: z.boolean(),
    }),
    guard: z.object({
      intervalHours: z.number(),
      /** Households in it were reminded within the interval: sending needs a leader's override. */
      blocked: z.boolean(),
      recentHouseholds: z.number().int(),
      lastSentAt: z.string().nullable(),
      nextAllowedAt: z.string().nullable(),
    }),
    /** The caller is a leader where it goes and may override the guard. */
    canOverride: z.boolean(),
  })
  .meta({ id: 'RemindPreview' });

export const RemindResult = z.object({
  announcementId: z.number().int(),
  households: z.number().int(),
  messages: z.number().int(),
});

/** The public how-to page a call letter's QR code opens. */
export const CampaignGuide = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  guide: z.string(),
  deadline: z.string(),
  active: z.boolean(),
  commune: z.object({ code: z.string().nullable(), name: z.string() }).nullable(),
});
