import { z } from 'zod';
import { Id, IsoDate, Phone, Text, Version } from '../../lib/http.js';

export const MemberRole = z.enum(['HEAD', 'DEPUTY', 'MEMBER']);
export type MemberRole = z.infer<typeof MemberRole>;

export const Shift = z.enum(['MORNING', 'AFTERNOON', 'EVENING']);
export type Shift = z.infer<typeof Shift>;

/** What a create answers with: the new row's id. */
export const Created = z.object({ id: z.number().int() });

export const TeamMember = z.object({
  id: z.number().int(),
  fullName: z.string(),
  role: MemberRole,
  skills: z.array(z.string()),
  hasPhone: z.boolean(),
  userId: z.number().int().nullable(),
  /** The linked account's username, and whether it can sign in now (not disabled, still holding a role). */
  username: z.string().nullable(),
  canSignIn: z.boolean(),
  /** The unit the member works in (null: the team's own unit). */
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  joinedOn: z.string(),
  version: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMember>;

/** Someone who has left the team: kept, with who took them off. */
export const PastMember = z.object({
  id: z.number().int(),
  fullName: z.string(),
  role: MemberRole,
  joinedOn: z.string(),
  leftOn: z.string(),
  removedBy: z.string().nullable(),
});
export type PastMember = z.infer<typeof PastMember>;

export const Team = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    name: z.string(),
    decisionRef: z.string().nullable(),
    /** May the caller give this team's members a login (create accounts on its unit)? The web shows the button. */
    mayGiveLogins: z.boolean(),
    members: z.array(TeamMember),
    pastMembers: z.array(PastMember),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;

export const CreateTeamInput = z.object({ unitId: Id, name: Text(120).min(2), decisionRef: Text(120).optional() });
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const AddMemberInput = z.object({
  fullName: Text(120).min(2),
  role: MemberRole.default('MEMBER'),
  phone: Phone.optional(),
  skills: z.array(Text(60).min(1)).max(10).default([]),
  userId: Id.optional(),
});
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const MemberParams = z.object({ id: Id, memberId: Id });

/** An edit of a member from their team row: only the fields given change; `phone: null` clears it. */
export const UpdateMemberInput = z
  .object({
    version: Version,
    fullName: Text(120).min(2).optional(),
    role: MemberRole.optional(),
    phone: Phone.nullable().optional(),
    skills: z.array(Text(60).min(1)).max(10).optional(),
    /** The team's unit or one below it; null puts the member back on the team's unit. */
    unitId: Id.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change' });
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

/** How a new login's first password reaches the member: shown once on screen, or sent by SMS to their phone. */
export const Handover = z.enum(['PASSWORD', 'SMS']);
export type Handover = z.infer<typeof Handover>;

export const MemberLoginInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
  handover: Handover.default('PASSWORD'),
});
export type MemberLoginInput = z.infer<typeof MemberLoginInput>;

/** The login made: the password only when it is to be shown (never stored, never shown again). */
export const MemberLogin = z.object({
  userId: z.number().int(),
  username: z.string(),
  password: z.string().nullable(),
  /** The last digits of the phone the SMS went to. */
  sentTo: z.string().nullable(),
});
export type MemberLogin = z.infer<typeof MemberLogin>;

export const DutyShift = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    day: z.string(),
    shift: Shift,
    memberId: z.number().int(),
    memberName: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'DutyShift' });
export type DutyShift = z.infer<typeof DutyShift>;

export const DutyQuery = z.object({ unitId: Id, from: IsoDate, to: IsoDate });
export type DutyQuery = z.infer<typeof DutyQuery>;

export const AddDutyShiftInput = z.object({
  unitId: Id,
  day: IsoDate,
  shift: Shift,
  memberId: Id,
  note: Text(200).optional(),
});
export type AddDutyShiftInput = z.infer<typeof AddDutyShiftInput>;

export const SupportPoint = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    address: z.string(),
    hours: z.string(),
    services: z.string().nullable(),
  })
  .meta({ id: 'SupportPoint' });
export type SupportPoint = z.infer<typeof SupportPoint>;

export const SupportPointInput = z.object({
  unitId: Id,
  name: Text(120).min(2),
  address: Text(300).min(3),
  hours: Text(200).min(3),
  services: Text(500).optional(),
});
export type SupportPointInput = z.infer<typeof SupportPointInput>;

/** A support point on the commune's public page, with the unit it serves. */
export const PublicSupportPoint = SupportPoint.extend({ unitName: z.string() });

/** A commune by its five-digit code (the public pages' address). */
export const CommuneCodeParams = z.object({ code: z.string().regex(/^\d{5}$/) });
