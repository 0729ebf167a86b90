import { z } from 'zod';
import { Id } from '../../lib/http.js';

/** A team member as the assignment screen shows them: who they are, whether they can sign in, what they hold. */
export const AssignmentMember = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  teamName: z.string(),
  /** Still on the team. */
  current: z.boolean(),
  /** Has a login that works: the only members households can be handed to. */
  canSignIn: z.boolean(),
  households: z.number().int(),
  /** Households with someone still to see. */
  open: z.number().int(),
});
export type AssignmentMember = z.infer<typeof AssignmentMember>;

export const AssignedHousehold = z.object({
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  people: z.number().int(),
  done: z.number().int(),
  memberId: z.number().int().nullable(),
});
export type AssignedHousehold = z.infer<typeof AssignedHousehold>;

export const Assignments = z
  .object({
    members: z.array(AssignmentMember),
    unassigned: z.number().int(),
    /** Households held by someone who cannot work them (no login, or left the team): to hand to someone else. */
    stranded: z.number().int(),
    /** The households of the member asked for (or the unassigned ones), in house order; at most 500. */
    households: z.array(AssignedHousehold),
  })
  .meta({ id: 'CampaignAssignments' });
export type Assignments = z.infer<typeof Assignments>;

export const AssignmentsQuery = z.object({ memberId: z.union([z.literal('none'), Id]).optional() });
export type AssignmentsQuery = z.infer<typeof AssignmentsQuery>;

export const MoveAllInput = z
  .object({ fromMemberId: Id, toMemberId: Id })
  .refine((v) => v.fromMemberId !== v.toMemberId, { message: 'the same member', path: ['toMemberId'] });
export type MoveAllInput = z.infer<typeof MoveAllInput>;
