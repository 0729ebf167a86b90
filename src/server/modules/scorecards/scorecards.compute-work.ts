import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type ComputeContext, inProvince, upsertComputed } from './scorecards.compute-rollup.js';

const units = (ctx: ComputeContext) => sql`select id from units where ${inProvince(ctx, sql`path`)}`;

/**
 * The one-stop family, the month's counts up to the as-of day from `dossier_daily_stats` (kept by the dossiers'
 * trigger with the indicators module's definitions: a dossier withdrawn before an officer received it was never
 * received, one withdrawn after counts as received and never as resolved): DOSSIER_ONLINE online / received,
 * DOSSIER_FULL_ONLINE online of fully-online procedures / received of them, DOSSIER_ON_TIME on time / resolved,
 * DOSSIER_PAID_ONLINE paid online / paid, DOSSIER_DIGITIZED digitized / received. The stats keep no count of
 * electronic results, so DOSSIER_E_RESULT counts the month's resolved dossiers whose result goes back online
 * (`return_method = 'ONLINE'`: the result sent electronically, not handed over at the counter or posted) over all
 * resolved ones, from the dossiers themselves, with the same Vietnam-day bounds.
 */
export async function computeDossiers(tx: Tx, ctx: ComputeContext): Promise<number> {
  return upsertComputed(
    tx,
    ctx,
    [
      'DOSSIER_ONLINE',
      'DOSSIER_FULL_ONLINE',
      'DOSSIER_ON_TIME',
      'DOSSIER_PAID_ONLINE',
      'DOSSIER_DIGITIZED',
      'DOSSIER_E_RESULT',
    ],
    sql`with month as (
      select unit_id, sum(received) as received, sum(online) as online, sum(full_online_base) as full_base,
        sum(full_online) as full_online, sum(digitized) as digitized, sum(resolved) as resolved, sum(on_time) as on_time,
        sum(paid) as paid, sum(paid_online) as paid_online
      from dossier_daily_stats
      where day between ${ctx.from}::date and ${ctx.asOf}::date and unit_id in (${units(ctx)})
      group by unit_id
    ),
    e_results as (
      select unit_id, count(*) as n from dossiers
      where resolved_at >= ${ctx.start} and resolved_at < ${ctx.end} and return_method = 'ONLINE'
        and unit_id in (${units(ctx)})
      group by unit_id
    )
    select unit_id, 'DOSSIER_ONLINE' as source, online as num, received as den from month
    union all select unit_id, 'DOSSIER_FULL_ONLINE', full_online, full_base from month
    union all select unit_id, 'DOSSIER_ON_TIME', on_time, resolved from month
    union all select unit_id, 'DOSSIER_PAID_ONLINE', paid_online, paid from month
    union all select unit_id, 'DOSSIER_DIGITIZED', digitized, received from month
    union all select m.unit_id, 'DOSSIER_E_RESULT', coalesce(e.n, 0), m.resolved
      from month m left join e_results e on e.unit_id = m.unit_id
    union all select e.unit_id, 'DOSSIER_E_RESULT', e.n, 0
      from e_results e where not exists (select 1 from month m where m.unit_id = e.unit_id)`,
  );
}

/**
 * Questions and reports, the month's counts up to the as-of day from `feedback_daily_stats` (merged duplicates and
 * abuse already left out by its triggers): FEEDBACK_ON_TIME answered on time / answered (an answer within a deadline
 * that was extended is not on time), FEEDBACK_SATISFIED satisfied ratings / ratings.
 */
export async function computeFeedback(tx: Tx, ctx: ComputeContext): Promise<number> {
  return upsertComputed(
    tx,
    ctx,
    ['FEEDBACK_ON_TIME', 'FEEDBACK_SATISFIED'],
    sql`with month as (
      select unit_id, sum(answered) as answered, sum(answered_on_time) as on_time, sum(rated) as rated,
        sum(satisfied) as satisfied
      from feedback_daily_stats
      where day between ${ctx.from}::date and ${ctx.asOf}::date and commune_id in (${units(ctx)})
      group by unit_id
    )
    select unit_id, 'FEEDBACK_ON_TIME' as source, on_time as num, answered as den from month
    union all select unit_id, 'FEEDBACK_SATISFIED', satisfied, rated from month`,
  );
}

/**
 * CAMPAIGN_COMPLETION: of the households assigned in campaigns running during the month (started by the as-of day,
 * deadline not before the month began), those whose every target was done by the day's end; a target added after
 * the day or removed by it (the person moved away) is not one. Counted per campaign and household, at the
 * household's unit. TEAM_TRAINED / TEAM_ACTIVE: the team members on a team on the day (joined by it, not left), at
 * the unit they work in (or their team's), trained by the day / with a visit recorded (by them or under their login)
 * in the 30 days to the day's end.
 */
export async function computeCampaignsAndTeams(tx: Tx, ctx: ComputeContext): Promise<number> {
  const windowStart = new Date(ctx.end.getTime() - 30 * 86_400_000);
  return upsertComputed(
    tx,
    ctx,
    ['CAMPAIGN_COMPLETION', 'TEAM_TRAINED', 'TEAM_ACTIVE'],
    sql`with assigned as (
      select t.unit_id, bool_and(t.done_at is not null and t.done_at < ${ctx.end}) as done
      from campaign_targets t
      join campaigns c on c.id = t.campaign_id
      where c.starts_on <= ${ctx.asOf}::date and c.deadline >= ${ctx.from}::date
        and t.added_on <= ${ctx.asOf}::date and (t.removed_on is null or t.removed_on > ${ctx.asOf}::date)
        and t.unit_id in (${units(ctx)})
      group by t.campaign_id, t.household_id, t.unit_id
    ),
    visits as (
      select member_id, recorded_by from campaign_visits
      where visited_at >= ${windowStart} and visited_at < ${ctx.end} and status <> 'DISMISSED'
    ),
    members as (
      select coalesce(m.unit_id, t.unit_id) as unit_id, m.trained_on <= ${ctx.asOf}::date as trained,
        (m.id in (select member_id from visits where member_id is not null)
          or (m.user_id is not null and m.user_id in (select recorded_by from visits))) as active
      from team_members m
      join teams t on t.id = m.team_id
      where m.joined_on <= ${ctx.asOf}::date and (m.left_on is null or m.left_on > ${ctx.asOf}::date)
        and t.unit_id in (${units(ctx)})
    )
    select unit_id, 'CAMPAIGN_COMPLETION' as source, count(*) filter (where done) as num, count(*) as den
      from assigned group by unit_id
    union all select unit_id, 'TEAM_TRAINED', count(*) filter (where trained), count(*) from members group by unit_id
    union all select unit_id, 'TEAM_ACTIVE', count(*) filter (where active), count(*) from members group by unit_id`,
  );
}

export async function computeWork(tx: Tx, ctx: ComputeContext): Promise<number> {
  return (
    (await computeDossiers(tx, ctx)) + (await computeFeedback(tx, ctx)) + (await computeCampaignsAndTeams(tx, ctx))
  );
}
