import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { campaignTargets, households, units } from '../../db/schema/index.js';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { VisitPerson } from '../../db/schema/campaigns.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudits } from '../audit/audit.repo.js';
import { localParts } from '../calendar/working-days.js';
import { encryptContact } from '../residents/residents.service.js';
import { recount } from './campaigns.service.js';

/** A visit as the device recorded it (the server clamps a clock running ahead to its own time). */
export type VisitInput = {
  id: string;
  householdId: number;
  visitedAt: Date;
  outcome: string;
  bestTime: string | null;
  note: string | null;
  baseVersion: number;
  people: VisitPerson[];
};
export type Conflict = 'HOUSEHOLD_CHANGED' | 'PERSON_CHANGED' | 'NOT_ASSIGNED';
export type Target = {
  campaign_id: number;
  household_id: number;
  resident_id: number | null;
  unit_id: number;
  group_id: number | null;
  checks: string[];
  done_at: Date | null;
  last_visit_at: Date | null;
  last_outcome: string | null;
  best_time: string | null;
  assigned_member_id: number | null;
  version: number;
};

/** What the visit pass needs to know about the campaign and the person uploading. */
export type VisitContext = {
  kind: string;
  checklist: string[];
  holders: number[];
  userId: number;
  memberIds: number[];
  manages: boolean;
  actor: Actor;
  cipher: PiiCipher;
};

const DONE_OUTCOMES = new Set(['DONE', 'VNEID_L2_ACTIVATED']);

/**
 * The open targets of these households in the caller's units, locked until the visits are applied: a second upload of
 * the same visits (a retry racing the first) waits here, then finds them stored.
 */
export async function lockTargets(
  tx: Tx,
  scope: Scope,
  holders: number[],
  householdIds: number[],
): Promise<Map<number, Target[]>> {
  if (!householdIds.length) return new Map();
  // The query builder, so the timestamps arrive as Dates on both drivers (raw rows carry them as text).
  const t = campaignTargets;
  const rows: Target[] = await tx
    .select({
      campaign_id: t.campaignId,
      household_id: t.householdId,
      resident_id: t.residentId,
      unit_id: t.unitId,
      group_id: t.groupId,
      checks: t.checks,
      done_at: t.doneAt,
      last_visit_at: t.lastVisitAt,
      last_outcome: t.lastOutcome,
      best_time: t.bestTime,
      assigned_member_id: t.assignedMemberId,
      version: households.version,
    })
    .from(t)
    .innerJoin(households, eq(households.id, t.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .where(
      and(
        inArray(t.campaignId, holders),
        isNull(t.removedOn),
        inArray(t.householdId, householdIds),
        pathInScope(units.path, scope),
      ),
    )
    .orderBy(t.householdId, sql`${t.residentId} nulls first`)
    .for('update', { of: t });
  const out = new Map<number, Target[]>();
  for (const r of rows) out.set(r.household_id, [...(out.get(r.household_id) ?? []), r]);
  return out;
}

/**
 * Applies visits in the order they happened. A visit made against an older registry version of its household, one
 * changing a person someone else has changed since, or one for a household given to another member is not applied:
 * it comes back as a conflict for the group head (`force` applies it anyway — the head's decision). Returns the
 * conflicts by visit id. The registry write-back (VNeID level, phone) goes through the residents' own encryption and
 * is audited per person with the visit that made it.
 */
export async function applyVisits(
  tx: Tx,
  ctx: VisitContext,
  visits: VisitInput[],
  targets: Map<number, Target[]>,
  force = false,
): Promise<Map<string, Conflict>> {
  const conflicts = new Map<string, Conflict>();
  const ordered = [...visits].sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime());
  const persons = await lockPersons(
    tx,
    ctx.userId,
    ordered.flatMap((v) => v.people.filter((p) => p.version !== undefined).map((p) => p.residentId!)),
  );
  const changedHere = new Set<number>();
  const writes = new Map<number, Write>();
  const moved = new Set<Target>();
  for (const v of ordered) {
    const own = targets.get(v.householdId) ?? [];
    const reason = force
      ? null
      : conflictOf(
          v,
          own,
          ctx,
          (p) => !changedHere.has(p.residentId!) && stale(persons.get(p.residentId!), p.version!),
        );
    if (reason) {
      conflicts.set(v.id, reason);
      continue;
    }
    for (const p of v.people) {
      if (p.version === undefined) continue;
      changedHere.add(p.residentId!);
      const w = writes.get(p.residentId!) ?? { fields: new Set<string>(), visitId: v.id };
      if (p.vneidLevel) {
        w.vneidLevel = p.vneidLevel;
        w.on = localParts(v.visitedAt).day;
        w.fields.add('vneidLevel');
      }
      if (p.phone) {
        w.phone = p.phone;
        w.fields.add('phone');
      }
      w.visitId = v.id;
      writes.set(p.residentId!, w);
    }
    for (const t of own) {
      advance(t, v, ctx);
      moved.add(t);
    }
  }
  await writeBack(tx, ctx, writes);
  // Only targets a visit moved are written back and recounted (a batch of conflicts changes nothing).
  const changed = [...moved];
  await saveTargets(tx, changed);
  await recount(tx, [...new Set(changed.map((t) => t.campaign_id))], {
    units: [...new Set(changed.map((t) => t.unit_id))],
    groups: changed.some((t) => t.group_id === null) ? [] : [...new Set(changed.map((t) => t.group_id!))],
  });
  return conflicts;
}

type Write = { vneidLevel?: string; on?: string; phone?: string; fields: Set<string>; visitId: string };

/**
 * Why a visit cannot be applied as it stands, if it cannot: the first of a changed household, a changed person,
 * another member's household.
 */
function conflictOf(
  v: VisitInput,
  own: Target[],
  ctx: VisitContext,
  personChanged: (p: VisitPerson) => boolean,
): Conflict | null {
  if (own[0] && own[0].version !== v.baseVersion) return 'HOUSEHOLD_CHANGED';
  if (v.people.some((p) => p.version !== undefined && personChanged(p))) return 'PERSON_CHANGED';
  const assigned = own.find((t) => t.assigned_member_id !== null)?.assigned_member_id ?? null;
  if (assigned !== null && !ctx.manages && !ctx.memberIds.includes(assigned)) return 'NOT_ASSIGNED';
  return null;
}

/** One target moved on by a visit: ticks add up, done stays done, and only a later visit replaces the last outcome. */
function advance(t: Target, v: VisitInput, ctx: VisitContext) {
  const item =
    v.people.find((p) => p.residentId !== null && p.residentId === t.resident_id) ??
    v.people.find((p) => p.residentId === null);
  const outcome = item?.outcome ?? v.outcome;
  t.checks = [...new Set([...t.checks, ...(item?.checks ?? [])])];
  const activated = ctx.kind === 'VNEID_L2' && item?.vneidLevel === 'L2';
  const done = DONE_OUTCOMES.has(outcome) || activated || ctx.checklist.every((k) => t.checks.includes(k));
  if (done && !t.done_at) t.done_at = v.visitedAt;
  if (!t.last_visit_at || v.visitedAt >= t.last_visit_at) {
    t.last_outcome = activated && !DONE_OUTCOMES.has(outcome) ? 'VNEID_L2_ACTIVATED' : outcome;
    t.best_time = outcome === 'NOT_HOME' ? v.bestTime : null;
    t.last_visit_at = v.visitedAt;
  }
}

/**
 * The people a batch changes, locked, with whether the caller's own earlier visit made the last change to them: a
 * device's second visit to a person it updated before still carries the version it downloaded, and is not a conflict.
 */
async function lockPersons(tx: Tx, userId: number, ids: number[]) {
  if (!ids.length) return new Map<number, { version: number; mine: boolean }>();
  const rows = await queryRows<{ id: number; version: number; mine: boolean }>(
    tx,
    sql`
    select r.id, r.version,
      exists (
        select 1 from campaign_visits v
        where v.household_id = r.household_id and v.recorded_by = ${userId}
          and v.received_at = r.updated_at and v.status in ('APPLIED', 'RESOLVED')) as mine
    from residents r
    where ${inArray(sql`r.id`, [...new Set(ids)])}
    order by r.id for update`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

const stale = (now: { version: number; mine: boolean } | undefined, seen: number) =>
  !now || (now.version !== seen && !now.mine);

/** The registry write-back: one statement for the batch, one audit entry per person (field names, not values). */
async function writeBack(tx: Tx, ctx: VisitContext, writes: Map<number, Write>) {
  if (!writes.size) return;
  const rows = [...writes].map(([id, w]) => ({
    id,
    level: w.vneidLevel ?? null,
    on: w.on ?? null,
    ...encryptContact(ctx.cipher, undefined, w.phone),
  }));
  await tx.execute(sql`
    update residents r
    set vneid_level = coalesce(x.level, r.vneid_level),
      vneid_checked_on = case when x.level is null then r.vneid_checked_on else x.on end,
      phone_enc = coalesce(x."phoneEnc", r.phone_enc), phone_bidx = coalesce(x."phoneBidx", r.phone_bidx),
      version = r.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id int, level text, "on" date, "phoneEnc" text, "phoneBidx" text)
    where r.id = x.id`);
  await insertAudits(
    tx,
    ctx.actor,
    [...writes].map(([id, w]) => ({
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      details: { fields: [...w.fields], via: 'campaign.visit', visitId: w.visitId },
    })),
  );
}

async function saveTargets(tx: Tx, rows: Target[]) {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((t) => ({
      c: t.campaign_id,
      h: t.household_id,
      r: t.resident_id ?? 0,
      checks: t.checks,
      done: t.done_at,
      at: t.last_visit_at,
      outcome: t.last_outcome,
      best: t.best_time,
    })),
  );
  await tx.execute(sql`
    update campaign_targets t
    set checks = x.checks, done_at = x.done, last_visit_at = x.at, last_outcome = x.outcome, best_time = x.best
    from jsonb_to_recordset(${json}::jsonb)
      as x(c int, h int, r int, checks text[], done timestamptz, at timestamptz, outcome text, best text)
    where t.campaign_id = x.c and t.household_id = x.h and coalesce(t.resident_id, 0) = x.r`);
}
