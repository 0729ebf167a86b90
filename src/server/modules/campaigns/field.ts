import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { campaignVisits, teamMembers, type VisitPerson } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { conflict as conflictError, notFound } from '../../lib/errors.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { CampaignKind } from './campaigns.schemas.js';
import { getCampaign, holdersOf } from './campaigns.service.js';
import type {
  FieldUpdate,
  ResolveConflictInput,
  SyncResult,
  SyncVisitsInput,
  VisitConflict,
  VisitUploadInput,
} from './field.schemas.js';
import { applyVisits, lockTargets, type Target, type VisitContext, type VisitInput } from './visits.apply.js';

/** The body's old name, kept for the demo seed (src/server/demo/campaigns.ts), which imports it from here. */

/** Which registry fields a member may correct in the field, by campaign kind. */
export const FIELD_UPDATES: Record<CampaignKind, FieldUpdate[]> = {
  VNEID_L2: ['vneidLevel', 'phone'],
  DIGITIZE: ['phone'],
  ONLINE_PAYMENT: ['phone'],
  SKILLS: ['phone'],
  CUSTOM: ['phone'],
};

const rejected = (id: string, code: string, vi: string, en: string): SyncResult => ({
  id,
  status: 'REJECTED',
  error: { code, vi, en },
});

/**
 * Why a visit is refused outright, if it is (not stored: the device keeps it and shows why): a household outside the
 * caller's units or the campaign, a checklist item not the campaign's, a field update the campaign does not allow, or
 * one for a person who is not one of the household's targets.
 */
function refusalOf(
  v: VisitUploadInput,
  own: Target[] | undefined,
  checklist: string[],
  allowed: Set<string>,
): SyncResult | null {
  if (!own)
    return rejected(
      v.id,
      'NOT_IN_CAMPAIGN',
      'Hộ này không thuộc chiến dịch hoặc ngoài địa bàn của bạn',
      'This household is not in the campaign or not in your area',
    );
  if (v.people.some((p) => p.checks.some((k) => !checklist.includes(k))))
    return rejected(
      v.id,
      'CHECKLIST',
      'Có mục kiểm tra không thuộc chiến dịch',
      "A checklist item is not one of the campaign's",
    );
  const notAllowed = (p: VisitUploadInput['people'][number]) =>
    (p.vneidLevel !== undefined && !allowed.has('vneidLevel')) || (p.phone !== undefined && !allowed.has('phone'));
  if (v.people.some(notAllowed))
    return rejected(
      v.id,
      'FIELD_NOT_ALLOWED',
      'Chiến dịch này không cho sửa thông tin đó',
      'This campaign does not allow changing that field',
    );
  if (v.people.some((p) => p.version !== undefined && !own.some((t) => t.resident_id === p.residentId)))
    return rejected(
      v.id,
      'NOT_A_TARGET',
      'Người này không thuộc danh sách của hộ trong chiến dịch',
      "This person is not one of the household's targets",
    );
  return null;
}

async function contextOf(
  db: Tx,
  scope: Scope,
  id: number,
  userId: number,
  manages: boolean,
  actor: Actor,
  cipher: PiiCipher,
) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const members = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), isNull(teamMembers.leftOn)));
  const ctx: VisitContext = {
    kind: c.kind,
    checklist: c.checklist.map((x) => x.key),
    holders,
    userId,
    memberIds: members.map((m) => m.id),
    manages,
    actor,
    cipher,
  };
  return { c, ctx };
}

/**
 * Stores and applies a batch of visits from a device, each once (by its id): a retried batch answers DUPLICATE for
 * what is already stored, with nothing applied twice; visits are applied in the order they happened whatever order
 * they arrive in. A visit for a household outside the caller's units or the campaign is refused (the device keeps
 * it and shows why); one that conflicts is stored and waits for the group head.
 */
export async function syncVisits(
  database: Database,
  scope: Scope,
  id: number,
  body: SyncVisitsInput,
  userId: number,
  manages: boolean,
  actor: Actor,
  cipher: PiiCipher,
): Promise<{ results: SyncResult[] }> {
  const { c, ctx } = await contextOf(database.db, scope, id, userId, manages, actor, cipher);
  const allowed = new Set<string>(FIELD_UPDATES[c.kind as CampaignKind]);
  const storedIds = async (db: Tx) =>
    new Set(
      (
        await db
          .select({ id: campaignVisits.id })
          .from(campaignVisits)
          .where(
            inArray(
              campaignVisits.id,
              body.visits.map((v) => v.id),
            ),
          )
      ).map((s) => s.id),
    );
  // A batch resent whole (its answer was lost) is answered without taking any lock.
  if ((await storedIds(database.db)).size === new Set(body.visits.map((v) => v.id)).size)
    return { results: body.visits.map((v) => ({ id: v.id, status: 'DUPLICATE' as const })) };
  return database.db.transaction(async (tx) => {
    const targets = await lockTargets(tx, scope, ctx.holders, [...new Set(body.visits.map((v) => v.householdId))]);
    // Read again under the locks: a retry racing its first upload waits above, then finds the visits stored here.
    const stored = await storedIds(tx);
    const results = new Map<string, SyncResult>();
    const fresh: VisitInput[] = [];
    const now = Date.now();
    for (const v of body.visits) {
      if (stored.has(v.id) || results.has(v.id)) {
        results.set(v.id, { id: v.id, status: 'DUPLICATE' });
        continue;
      }
      const refusal = refusalOf(v, targets.get(v.householdId), ctx.checklist, allowed);
      if (refusal) {
        results.set(v.id, refusal);
        continue;
      }
      // A phone's clock running ahead must not put a visit after ones made later.
      fresh.push({
        id: v.id,
        householdId: v.householdId,
        visitedAt: new Date(Math.min(Date.parse(v.visitedAt), now)),
        outcome: v.outcome,
        bestTime: v.bestTime ?? null,
        note: v.note ?? null,
        baseVersion: v.baseVersion,
        people: v.people as VisitPerson[],
      });
      results.set(v.id, { id: v.id, status: 'APPLIED' });
    }
    const conflicts = await applyVisits(tx, ctx, fresh, targets);
    for (const [visitId, reason] of conflicts)
      results.set(visitId, { id: visitId, status: 'CONFLICT', conflict: reason });
    if (fresh.length) {
      const member = ctx.memberIds[0] ?? null;
      await tx.insert(campaignVisits).values(
        fresh.map((v) => ({
          id: v.id,
          campaignId: targets.get(v.householdId)![0]!.campaign_id,
          householdId: v.householdId,
          recordedBy: userId,
          memberId: member,
          visitedAt: v.visitedAt,
          outcome: v.outcome,
          bestTime: v.bestTime,
          note: v.note,
          people: v.people,
          baseVersion: v.baseVersion,
          status: conflicts.has(v.id) ? 'CONFLICT' : 'APPLIED',
          conflict: conflicts.get(v.id) ?? null,
        })),
      );
    }
    const out = body.visits.map((v) => results.get(v.id)!);
    await insertAudit(tx, actor, {
      action: 'campaign.sync',
      entityType: 'campaign',
      entityId: c.id,
      details: {
        applied: fresh.length - conflicts.size,
        conflicts: conflicts.size,
        duplicates: out.filter((r) => r.status === 'DUPLICATE').length,
        rejected: out.filter((r) => r.status === 'REJECTED').length,
      },
    });
    return { results: out };
  });
}

/** Visits waiting for the group head: stored, not applied, with why. */
export async function listConflicts(db: Tx, scope: Scope, id: number): Promise<{ items: VisitConflict[] }> {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const rows = await queryRows<VisitConflict>(
    db,
    sql`
    select v.id, v.household_id as "householdId", h.address, u.name as "unitName",
      coalesce(us.full_name, us.username) as "recordedBy", v.visited_at as "visitedAt",
      v.outcome, v.best_time as "bestTime", v.note, v.conflict, v.base_version as "baseVersion", h.version
    from campaign_visits v
    join households h on h.id = v.household_id
    join units u on u.id = h.unit_id
    left join users us on us.id = v.recorded_by
    where ${inArray(sql`v.campaign_id`, holders)} and v.status = 'CONFLICT' and ${pathInScope(sql`u.path`, scope)}
    order by v.visited_at limit 500`,
  );
  return { items: rows.map((r) => ({ ...r, visitedAt: new Date(r.visitedAt).toISOString() })) };
}

/** The group head's decision on a conflict: apply the visit over what has changed, or dismiss it (kept, audited). */
export async function resolveConflict(
  database: Database,
  scope: Scope,
  id: number,
  visitId: string,
  action: ResolveConflictInput['action'],
  userId: number,
  actor: Actor,
  cipher: PiiCipher,
) {
  const { c, ctx } = await contextOf(database.db, scope, id, userId, true, actor, cipher);
  await database.db.transaction(async (tx) => {
    const [v] = await tx
      .select()
      .from(campaignVisits)
      .where(and(eq(campaignVisits.id, visitId), inArray(campaignVisits.campaignId, ctx.holders)))
      .for('update');
    const targets = v ? await lockTargets(tx, scope, ctx.holders, [v.householdId]) : new Map();
    if (!v || !targets.size) throw notFound({ vi: 'Không tìm thấy lượt thăm này', en: 'Visit not found' });
    if (v.status !== 'CONFLICT')
      throw conflictError({ vi: 'Lượt thăm này đã được xử lý', en: 'This visit has already been dealt with' });
    if (action === 'APPLY') {
      // The head's decision stands over the versions: field updates are written over the person's current record.
      await applyVisits(
        tx,
        ctx,
        [
          {
            id: v.id,
            householdId: v.householdId,
            visitedAt: v.visitedAt,
            outcome: v.outcome,
            bestTime: v.bestTime,
            note: v.note,
            baseVersion: v.baseVersion,
            people: v.people,
          },
        ],
        targets,
        true,
      );
    }
    await tx
      .update(campaignVisits)
      .set({ status: action === 'APPLY' ? 'RESOLVED' : 'DISMISSED', resolvedBy: userId, resolvedAt: sql`now()` })
      .where(eq(campaignVisits.id, v.id));
    await insertAudit(tx, actor, {
      action: `campaign.conflict.${action.toLowerCase()}`,
      entityType: 'household',
      entityId: v.householdId,
      details: { campaignId: c.id, visitId: v.id, conflict: v.conflict },
    });
  });
}
