import { z } from 'zod';
import { VisitOutcome, VneidLevel } from '../../../shared/enums.js';
import { Id, Phone, Text, Version } from '../../lib/http.js';
import { ChecklistItem } from './campaigns.schemas.js';

// The field app's side of campaigns (field.routes.ts): the offline pack, the visit upload, conflicts.

/** Which registry field a member may correct in the field. */
export const FieldUpdate = z.enum(['vneidLevel', 'phone']);
export type FieldUpdate = z.infer<typeof FieldUpdate>;

/** A person to see, as the pack carries them: the phone's last digits only. */
export const FieldPerson = z.object({
  residentId: z.number().int().nullable(),
  fullName: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  vneidLevel: z.string().nullable(),
  phoneTail: z.string().nullable(),
  version: z.number().int().nullable(),
  checks: z.array(z.string()),
  done: z.boolean(),
  lastOutcome: z.string().nullable(),
});
export type FieldPerson = z.infer<typeof FieldPerson>;

export const FieldHousehold = z.object({
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  version: z.number().int(),
  lastOutcome: z.string().nullable(),
  bestTime: z.string().nullable(),
  people: z.array(FieldPerson),
});
export type FieldHousehold = z.infer<typeof FieldHousehold>;

export const CampaignFieldPack = z
  .object({
    campaign: z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.string(),
      level: z.string(),
      deadline: z.string(),
      checklist: z.array(ChecklistItem),
      fieldUpdates: z.array(FieldUpdate),
    }),
    households: z.array(FieldHousehold),
    downloadedAt: z.string(),
  })
  .meta({ id: 'CampaignFieldPack' });
export type CampaignFieldPack = z.infer<typeof CampaignFieldPack>;

export const VisitPersonInput = z
  .object({
    residentId: Id.nullable(),
    checks: z.array(z.string().max(40)).max(10).default([]),
    outcome: z.enum(VisitOutcome).optional(),
    /**
     * The person's registry version the device downloaded: required with a field update, to catch someone else's
     * change.
     */
    version: Version.optional(),
    vneidLevel: z.enum(VneidLevel).optional(),
    phone: Phone.optional(),
  })
  .refine(
    (p) => (p.vneidLevel === undefined && p.phone === undefined) || (p.version !== undefined && p.residentId !== null),
    { path: ['version'], message: 'A field update names the person and the version it was made against' },
  );

/** One visit as the device uploads it. */
export const VisitUploadInput = z.object({
  /** Made by the device when the visit is recorded, so retrying an upload never stores it twice. */
  id: z.uuid(),
  householdId: Id,
  visitedAt: z.iso.datetime({ offset: true }),
  outcome: z.enum(VisitOutcome),
  bestTime: Text(80).optional(),
  note: Text(1000).optional(),
  baseVersion: Version,
  people: z.array(VisitPersonInput).max(30).default([]),
});
export type VisitUploadInput = z.infer<typeof VisitUploadInput>;

export const SyncVisitsInput = z.object({ visits: z.array(VisitUploadInput).min(1).max(500) });
export type SyncVisitsInput = z.infer<typeof SyncVisitsInput>;

/** What became of one uploaded visit. */
export const SyncResult = z.object({
  id: z.string(),
  status: z.enum(['APPLIED', 'CONFLICT', 'DUPLICATE', 'REJECTED']),
  conflict: z.enum(['HOUSEHOLD_CHANGED', 'PERSON_CHANGED', 'NOT_ASSIGNED']).optional(),
  error: z.object({ code: z.string(), vi: z.string(), en: z.string() }).optional(),
});
export type SyncResult = z.infer<typeof SyncResult>;

/** A stored visit waiting for the group head's decision, with why. */
export const VisitConflict = z.object({
  id: z.string(),
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  recordedBy: z.string().nullable(),
  visitedAt: z.string(),
  outcome: z.enum(VisitOutcome),
  bestTime: z.string().nullable(),
  note: z.string().nullable(),
  conflict: z.string(),
  baseVersion: z.number().int(),
  version: z.number().int(),
});
export type VisitConflict = z.infer<typeof VisitConflict>;

export const VisitParams = z.object({ id: Id, visitId: z.uuid() });

export const ResolveConflictInput = z.object({ action: z.enum(['APPLY', 'DISMISS']) });
export type ResolveConflictInput = z.infer<typeof ResolveConflictInput>;
