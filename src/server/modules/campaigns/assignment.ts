import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { campaignTargets, units } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { memberCanSignIn, memberWhoSignsIn } from '../teams/teams.service.js';
import type { MyHousehold } from './campaigns.schemas.js';
import { getCampaign, holdersOf } from './campaigns.service.js';

/** A target nobody works: never given out, or given to a member who has since left the team. */
const unworked = sql`(t.assigned_member_id is null or exists (
  select 1 from team_members gone where gone.id = t.assigned_member_id and gone.left_on is not null))`;

/**
 * Hands the unassigned households of a campaign (in the caller's units) to the members of their group's team who can
 * sign in, the least loaded first, so members end within one household of each other (a member without a login's
 * share goes to the team's head); a group without a team of its own is left
 * for the commune's team. Households of a member who has left the team are handed out again the same way. A
 * household's targets all go to the same member.
 */
export async function assignAutomatically(
  database: Database,
  scope: Scope,
  id: number,
  actor: Actor,
): Promise<{ assigned: number }> {
  // A group head works the commune's campaign in their group: the households and members below are scoped.
  const c = await getCampaign(database.db, scope, id, { covering: true });
  return database.db.transaction(async (tx) => {
    const holders = await holdersOf(tx, c.id);
    const inCampaign = inArray(sql`t.campaign_id`, holders);
    const [r] = await queryRows<{ assigned: number }>(
      tx,
      sql`
      with open_households as (
        select t.household_id, coalesce(t.group_id, 0) as group_id, min(u.path) as path
        from campaign_targets t
        join units u on u.id = t.unit_id
        where ${inCampaign} and t.removed_on is null and ${unworked} and ${pathInScope(sql`u.path`, scope)}
        group by t.household_id, coalesce(t.group_id, 0)),
      load as (
        select assigned_member_id as member_id, count(distinct household_id) as n
        from campaign_targets t
        where ${inCampaign} and t.removed_on is null and t.assigned_member_id is not null
        group by assigned_member_id),
      -- Each group's team members (the commune's team stands in for a group without one), least loaded first. A
      -- member who cannot sign in has no field app: their share goes to the team's head if the head can, else it
      -- stays unassigned, with the group head.
      members as (
        select g.id as group_id,
          case when ${memberCanSignIn(sql`m`)} then m.id else head.id end as member_id,
          row_number() over (partition by g.id order by coalesce(l.n, 0), m.id) - 1 as idx,
          count(*) over (partition by g.id) as size
        from units g
        join lateral (
          select tm.id from teams tm
          where tm.unit_id = g.id or tm.unit_id = g.parent_id
          order by (tm.unit_id = g.id) desc limit 1) team on true
        join team_members m on m.team_id = team.id and m.left_on is null
        left join lateral (
          select h.id from team_members h
          where h.team_id = team.id and h.left_on is null and h.role = 'HEAD' and ${memberCanSignIn(sql`h`)}
          order by h.id limit 1) head on true
        left join load l on l.member_id = m.id
        where g.id in (select group_id from open_households)),
      numbered as (
        select household_id, group_id, row_number() over (partition by group_id order by path, household_id) - 1 as k
        from open_households),
      chosen as (
        select nb.household_id, m.member_id
        from numbered nb
        join members m on m.group_id = nb.group_id and m.idx = nb.k % m.size
        where m.member_id is not null),
      updated as (
        update campaign_targets t set assigned_member_id = ch.member_id
        from chosen ch
        where ${inCampaign} and t.household_id = ch.household_id and t.removed_on is null and ${unworked}
        returning t.household_id)
      select count(distinct household_id)::int as assigned from updated`,
    );
    await insertAudit(tx, actor, {
      action: 'campaign.assign',
      entityType: 'campaign',
      entityId: c.id,
      details: { households: r!.assigned },
    });
    return r!;
  });
}

/**
 * Gives a household to another member of a team in the caller's units who can sign in (audited, with who had it
 * before): a member without a login could never open it in the field app.
 */
export async function reassign(
  database: Database,
  scope: Scope,
  id: number,
  householdId: number,
  memberId: number,
  actor: Actor,
): Promise<void> {
  // A group head works the commune's campaign in their group: the households and members below are scoped.
  const c = await getCampaign(database.db, scope, id, { covering: true });
  await database.db.transaction(async (tx) => {
    await memberWhoSignsIn(tx, scope, memberId);
    const holders = await holdersOf(tx, c.id);
    const before = await tx
      .select({ memberId: campaignTargets.assignedMemberId })
      .from(campaignTargets)
      .innerJoin(units, eq(units.id, campaignTargets.unitId))
      .where(
        and(
          inArray(campaignTargets.campaignId, holders),
          eq(campaignTargets.householdId, householdId),
          isNull(campaignTargets.removedOn),
          pathInScope(units.path, scope),
        ),
      )
      .limit(1);
    if (!before.length)
      throw notFound({ vi: 'Hộ này không thuộc chiến dịch', en: 'This household is not in the campaign' });
    await tx
      .update(campaignTargets)
      .set({ assignedMemberId: memberId })
      .where(
        and(
          inArray(campaignTargets.campaignId, holders),
          eq(campaignTargets.householdId, householdId),
          isNull(campaignTargets.removedOn),
        ),
      );
    await insertAudit(tx, actor, {
      action: 'campaign.reassign',
      entityType: 'household',
      entityId: householdId,
      details: { campaignId: c.id, from: before[0]!.memberId, to: memberId },
    });
  });
}

/** Joins a target (`t`) to its member (`m`) when that is a current member whose account is `userId`. */
export const assignedTo = (userId: number) =>
  sql`join team_members m on m.id = t.assigned_member_id and m.user_id = ${userId} and m.left_on is null`;

/**
 * A team member's own worklist: the households assigned to them (the member linked to the signed-in account), with
 * the people to see and how far each is. Nobody else's households, whatever the account's unit; the campaign itself
 * must be one the caller may see.
 */
export async function myHouseholds(
  db: Tx,
  scope: Scope,
  id: number,
  userId: number,
): Promise<{ items: MyHousehold[] }> {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const items = await queryRows<MyHousehold>(
    db,
    sql`
    select t.household_id as "householdId", h.address, u.name as "unitName",
      count(*)::int as people, count(t.done_at)::int as done,
      max(t.last_outcome) as "lastOutcome", max(t.best_time) as "bestTime"
    from campaign_targets t ${assignedTo(userId)}
    join households h on h.id = t.household_id
    join units u on u.id = t.unit_id
    where ${inArray(sql`t.campaign_id`, holders)} and t.removed_on is null
    group by t.household_id, h.address, u.name, u.path
    order by u.path, h.address collate vi_num`,
  );
  return { items };
}
