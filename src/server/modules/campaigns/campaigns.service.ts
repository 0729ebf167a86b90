import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { campaigns, units } from '../../db/schema/index.js';
import { pathAlongScope, pathInScope, pathWithin, type Scope } from '../../db/scope.js';
import { notFound, validation } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { Audience, matchedPeople } from '../announcements/audience.js';
import { insertAudit } from '../audit/audit.repo.js';
import { listChildUnits } from '../units/units.repo.js';
import { getOpenUnit, getUnitPath } from '../units/units.service.js';
import type {
  Campaign,
  CampaignFilters,
  CampaignKind,
  CampaignLevel,
  CampaignStatus,
  CampaignTemplate,
  ChecklistItem,
  CreateCampaignInput,
} from './campaigns.schemas.js';

/**
 * The templates a campaign starts from. Targets (100 %, 14+) are the seeds' and DOMAIN.md §4's; they are marked
 * unconfirmed there, so each is only the starting value of a field the officer can change.
 */
export const CAMPAIGN_TEMPLATES: Record<
  CampaignKind,
  {
    name: string;
    level: CampaignLevel;
    filters: CampaignFilters;
    checklist: ChecklistItem[];
    targetRate: number;
    guide: string;
  }
> = {
  VNEID_L2: {
    name: 'Định danh điện tử mức 2 cho người từ 14 tuổi',
    level: 'PERSON',
    filters: { ageMin: 14, vneidLevels: ['NONE', 'L1'] },
    checklist: [{ key: 'vneid_l2', label: 'Đã kích hoạt tài khoản định danh mức 2' }],
    targetRate: 100,
    guide: [
      'Mang thẻ căn cước (hoặc CCCD gắn chip) đến công an xã, phường để đăng ký tài khoản định danh điện tử mức 2.',
      'Công an sẽ chụp ảnh chân dung, lấy vân tay và gửi mã kích hoạt qua tin nhắn.',
      'Cài ứng dụng VNeID trên điện thoại, đăng nhập bằng số định danh và mã kích hoạt, rồi đặt mật khẩu và mã khóa.',
      'Tổ công nghệ số cộng đồng hỗ trợ cài đặt, kích hoạt tại nhà hoặc tại các điểm hỗ trợ.',
    ].join('\n'),
  },
  DIGITIZE: {
    name: 'Số hóa hồ sơ, giấy tờ của hộ',
    level: 'HOUSEHOLD',
    filters: {},
    checklist: [{ key: 'records_digitized', label: 'Đã số hóa giấy tờ của hộ' }],
    targetRate: 100,
    guide: [
      'Chuẩn bị các giấy tờ của hộ (giấy khai sinh, đăng ký kết hôn, sổ đỏ…).',
      'Tổ công nghệ số sẽ giúp chụp, lưu vào kho dữ liệu cá nhân trên Cổng dịch vụ công hoặc VNeID.',
    ].join('\n'),
  },
  ONLINE_PAYMENT: {
    name: 'Hộ gia đình thanh toán trực tuyến',
    level: 'HOUSEHOLD',
    filters: {},
    checklist: [{ key: 'pays_online', label: 'Đã thanh toán điện, nước qua ứng dụng' }],
    targetRate: 80,
    guide: [
      'Cài ứng dụng ngân hàng hoặc ví điện tử trên điện thoại.',
      'Thêm hóa đơn điện, nước theo mã khách hàng trên hóa đơn giấy, rồi thanh toán hằng tháng trên ứng dụng.',
    ].join('\n'),
  },
  SKILLS: {
    name: 'Bình dân học vụ số',
    level: 'PERSON',
    filters: { ageMin: 15 },
    checklist: [{ key: 'basic_skills', label: 'Đã học kỹ năng số cơ bản' }],
    targetRate: 100,
    guide: [
      'Đăng ký học miễn phí trên nền tảng binhdanhocvuso.gov.vn.',
      'Tổ công nghệ số hướng dẫn học tại nhà văn hóa thôn, tổ dân phố.',
    ].join('\n'),
  },
  CUSTOM: {
    name: 'Chiến dịch',
    level: 'HOUSEHOLD',
    filters: {},
    checklist: [{ key: 'done', label: 'Đã hoàn thành' }],
    targetRate: 100,
    guide: '',
  },
};

type Row = typeof campaigns.$inferSelect;

/** The templates as the API lists them, each with its kind. */
export function listTemplates(): { items: CampaignTemplate[] } {
  return {
    items: Object.entries(CAMPAIGN_TEMPLATES).map(([kind, t]) => ({
      kind: kind as CampaignKind,
      ...t,
      filters: t.filters as Record<string, unknown>,
    })),
  };
}

/** The audience shape the registry query takes, from a campaign's unit and filters. */
const audienceOf = (unitId: number, f: CampaignFilters) => Audience.parse({ unitIds: [unitId], ...f, genders: [] });

/**
 * Brings `campaign_unit_counts` up to date for campaigns (all their units, or only `units` — what a batch of visits
 * touched, found through their groups' index).
 */
export async function recount(
  tx: Tx,
  campaignIds: number[],
  touched?: { units: number[]; groups: number[] },
): Promise<void> {
  if (!campaignIds.length || (touched && !touched.units.length)) return;
  const inUnits = touched ? sql`and ${inArray(sql`unit_id`, touched.units)}` : sql``;
  const inGroups = touched?.groups.length ? sql`and ${inArray(sql`group_id`, touched.groups)}` : sql``;
  await tx.execute(sql`delete from campaign_unit_counts where ${inArray(sql`campaign_id`, campaignIds)} ${inUnits}`);
  await tx.execute(sql`
    insert into campaign_unit_counts (campaign_id, unit_id, targets, done)
    select campaign_id, unit_id, count(*)::int, count(done_at)::int
    from campaign_targets
    where ${inArray(sql`campaign_id`, campaignIds)} and removed_on is null ${inGroups} ${inUnits}
    group by campaign_id, unit_id`);
}

/**
 * Adds the people (or households) who match and are not targets yet, and lets go of open targets who no longer match
 * (moved away, now level 2 through another path, died); done targets stay done. Run at creation and on refresh.
 */
async function refreshIn(tx: Tx, scope: Scope, c: Row): Promise<{ added: number; removed: number }> {
  const people = await matchedPeople(tx, scope, audienceOf(c.unitId, c.filters as CampaignFilters));
  const who = c.level === 'PERSON' ? sql`resident_id` : sql`null::int`;
  const [r] = await queryRows<{ added: number; removed: number }>(
    tx,
    sql`
    with people as (${people}),
    matching as (
      select distinct on (household_id, coalesce(${who}, 0)) household_id, ${who} as resident_id, unit_id, group_id
      from people),
    added as (
      insert into campaign_targets (campaign_id, household_id, resident_id, unit_id, group_id)
      select ${c.id}, household_id, resident_id, unit_id, group_id from matching
      on conflict (campaign_id, household_id, coalesce(resident_id, 0)) do update
        set removed_on = null, unit_id = excluded.unit_id, group_id = excluded.group_id
        where campaign_targets.removed_on is not null
      returning 1),
    removed as (
      update campaign_targets t set removed_on = current_date
      where t.campaign_id = ${c.id} and t.removed_on is null and t.done_at is null
        and not exists (
          select 1 from matching m
          where m.household_id = t.household_id and coalesce(m.resident_id, 0) = coalesce(t.resident_id, 0))
      returning 1)
    select (select count(*) from added)::int as added, (select count(*) from removed)::int as removed`,
  );
  await tx.update(campaigns).set({ refreshedAt: sql`now()` }).where(eq(campaigns.id, c.id));
  await recount(tx, [c.id]);
  return r!;
}

/**
 * Starts a campaign from a template: for a commune or group, its targets are snapshotted now; for a province it fans
 * out, one campaign per commune under it (each with its own targets), grouped under the province's.
 */
export async function createCampaign(
  database: Database,
  scope: Scope,
  input: CreateCampaignInput,
  userId: number,
  actor: Actor,
): Promise<{ id: number; communes: number; targets: number }> {
  const template = CAMPAIGN_TEMPLATES[input.kind];
  const unit = await getOpenUnit(database.db, input.unitId, scope);
  if (unit.tier === 'NATION')
    throw validation([
      {
        field: 'unitId',
        code: 'UNIT',
        message: {
          vi: 'Hãy chọn tỉnh, xã hoặc thôn, tổ dân phố',
          en: 'Choose a province, commune or residential group',
        },
      },
    ]);
  const values = {
    kind: input.kind,
    name: input.name ?? template.name,
    level: input.level ?? template.level,
    filters: { ...template.filters, ...(input.filters ?? {}) },
    checklist: input.checklist ?? template.checklist,
    targetRate: input.targetRate ?? template.targetRate,
    guide: input.guide ?? template.guide,
    startsOn: input.startsOn,
    deadline: input.deadline,
    createdBy: userId,
  };
  return database.db.transaction(async (tx) => {
    const [parent] = await tx
      .insert(campaigns)
      .values({ ...values, unitId: unit.id })
      .returning();
    let targets = 0;
    let communes = 0;
    if (unit.tier === 'PROVINCE') {
      for (const { unit: commune } of await listChildUnits(tx, unit.id, scope, false)) {
        const [child] = await tx
          .insert(campaigns)
          .values({ ...values, unitId: commune.id, parentId: parent!.id })
          .returning();
        targets += (await refreshIn(tx, scope, child!)).added;
        communes += 1;
      }
    } else {
      targets = (await refreshIn(tx, scope, parent!)).added;
      communes = 1;
    }
    await insertAudit(tx, actor, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: parent!.id,
      details: { kind: input.kind, communes, targets },
    });
    return { id: parent!.id, communes, targets };
  });
}

/**
 * A campaign the caller may see: one filed in their units, or — to follow it — one that covers them (a group head
 * follows the commune's campaign in their group). Changing it (`covering: false`) needs it filed in their units.
 */
export async function getCampaign(
  db: Tx,
  scope: Scope,
  id: number,
  { covering = false } = {},
): Promise<Row & { unitPath: string }> {
  const [c] = await db
    .select({ c: campaigns, unitPath: units.path })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(and(eq(campaigns.id, id), covering ? campaignVisible(scope) : pathInScope(units.path, scope)));
  if (!c) throw notFound({ vi: 'Không tìm thấy chiến dịch', en: 'Campaign not found' });
  return { ...c.c, unitPath: c.unitPath };
}

/** In the caller's units, or over them (the campaign's unit is an ancestor of one of theirs); `units` is joined. */
export const campaignVisible = (scope: Scope) => pathAlongScope(units.path, scope);

/** A campaign as the API shows it. */
const campaignOf = (c: Row): Campaign => ({
  id: c.id,
  unitId: c.unitId,
  parentId: c.parentId,
  kind: c.kind as CampaignKind,
  name: c.name,
  level: c.level as CampaignLevel,
  targetRate: c.targetRate,
  startsOn: c.startsOn,
  deadline: c.deadline,
  status: c.status as CampaignStatus,
  checklist: c.checklist,
});

/** The campaigns the caller may see (in their units and over them), the nearest deadline first, at most 200. */
export async function listCampaigns(db: Tx, scope: Scope): Promise<{ items: Campaign[] }> {
  const rows = await db
    .select({ c: campaigns })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(campaignVisible(scope))
    .orderBy(asc(campaigns.deadline), asc(campaigns.id))
    .limit(200);
  return { items: rows.map(({ c }) => campaignOf(c)) };
}

/** The campaigns holding a campaign's targets: itself, or a province campaign's communes. */
export async function holdersOf(db: Tx, id: number): Promise<number[]> {
  const children = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.parentId, id));
  return children.length ? children.map((x) => x.id) : [id];
}

/**
 * The campaigns holding targets under a unit path: for a province campaign, only the parts of the communes on that
 * path (a group's list reads one commune's part, not the province's).
 */
export async function holdersUnder(db: Tx, id: number, underPath: string): Promise<number[]> {
  const rows = await db
    .select({ id: campaigns.id, path: units.path })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(or(eq(campaigns.id, id), eq(campaigns.parentId, id)));
  const parts = rows.length > 1 ? rows.filter((r) => r.id !== id) : rows;
  const ids = parts.filter((r) => r.path.startsWith(underPath) || underPath.startsWith(r.path)).map((r) => r.id);
  return ids.length ? ids : [id];
}

/**
 * The unit a campaign view is under: the one asked for (in the caller's units), else the campaign's own when it is
 * in them, else the caller's own unit (a group head following the commune's campaign sees their group).
 */
export async function viewPathOf(db: Tx, scope: Scope, c: { unitPath: string }, unitId?: number): Promise<string> {
  if (unitId) return getUnitPath(db, unitId, scope);
  return pathWithin(c.unitPath, scope) ? c.unitPath : scope.prefixes[0]!;
}

/** Brings the targets up to date with the registry (new residents join, movers leave). */
export async function refreshCampaign(database: Database, scope: Scope, id: number, actor: Actor) {
  const c = await getCampaign(database.db, scope, id);
  return database.db.transaction(async (tx) => {
    const ids = await holdersOf(tx, c.id);
    const rows = await tx.select().from(campaigns).where(inArray(campaigns.id, ids));
    const total = { added: 0, removed: 0 };
    for (const row of rows) {
      const r = await refreshIn(tx, scope, row);
      total.added += r.added;
      total.removed += r.removed;
    }
    await insertAudit(tx, actor, { action: 'campaign.refresh', entityType: 'campaign', entityId: id, details: total });
    return total;
  });
}

/**
 * Progress under a unit, one row per child unit (province → communes → groups → alleys): targets, done, rate, and the
 * target rate. A child is named by the next step of the target's unit path below `unitId`.
 */
export async function progressOf(db: Tx, scope: Scope, id: number, unitId?: number) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const underPath = await viewPathOf(db, scope, c, unitId);
  const depth = underPath.split('/').filter(Boolean).length;
  const ids = await holdersUnder(db, c.id, underPath);
  // From the per-unit counts kept with every change: a few thousand rows for a province, not its million targets.
  const rows = await queryRows<{ unitId: number | null; name: string | null; targets: number; done: number }>(
    db,
    sql`
    select nullif(split_part(u.path, '/', ${depth + 2}), '')::int as "unitId", child.name,
      sum(k.targets)::int as targets, sum(k.done)::int as done
    from campaign_unit_counts k
    join units u on u.id = k.unit_id
    left join units child on child.id = nullif(split_part(u.path, '/', ${depth + 2}), '')::int
    where ${inArray(sql`k.campaign_id`, ids)} and u.path like ${`${underPath}%`}
    group by 1, 2 having sum(k.targets) > 0
    order by child.name collate vi_num`,
  );
  const rate = (done: number, targets: number) => (targets ? Math.round((done / targets) * 1000) / 10 : 0);
  const targets = rows.reduce((n, r) => n + r.targets, 0);
  const done = rows.reduce((n, r) => n + r.done, 0);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    level: c.level,
    targetRate: c.targetRate,
    startsOn: c.startsOn,
    deadline: c.deadline,
    total: { targets, done, rate: rate(done, targets) },
    // Rows with no unit below are the unit's own households (a household filed directly under a group, not an alley).
    units: rows.map((r) => ({
      unitId: r.unitId,
      name: r.name ?? '',
      targets: r.targets,
      done: r.done,
      rate: rate(r.done, r.targets),
    })),
  };
}
