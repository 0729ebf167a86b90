import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../db/client.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { localParts } from '../modules/calendar/working-days.js';
import { ensureCategories } from '../modules/feedback/feedback.settings.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { buildCommune } from './commune.js';
import type { Random } from './names.js';

/**
 * The five smaller communes next to the first one, so the province's dashboard and ranking compare communes that are
 * really different: `progress` (0–1) drives how far each has come — accounts, phones, households in the channel,
 * dossiers online and on time, answers on time, trained team members. Sizes of real small communes after the 2025
 * merger would be larger; a demo keeps them small so `npm start` stays quick.
 */
export const provinceCommunes = [
  { residents: 900, progress: 0.9 },
  { residents: 750, progress: 0.7 },
  { residents: 600, progress: 0.55 },
  { residents: 450, progress: 0.4 },
  { residents: 300, progress: 0.25 },
] as const;

/** A deterministic share in [0, 1) of a row, from SQL text (the same demo every time, no random stream used). */
const share = (key: SQL, salt: string) => sql`((abs(hashtext((${key})::text || ${salt})) % 10000) / 10000.0)`;

/** A list as one JSON parameter (the sql tag would spread an array into separate ones); `->> i` is 0-based. */
const list = (items: readonly string[]) => sql`${JSON.stringify(items)}::jsonb`;

const applicants = [
  'Nguyễn Văn Hùng',
  'Trần Thị Lan',
  'Phạm Văn Dũng',
  'Lê Thị Hoa',
  'Vũ Đức Thắng',
  'Hoàng Thị Thu',
  'Đỗ Văn Nam',
  'Bùi Thị Hằng',
];

const ticketSamples: [string, string][] = [
  ['Đèn đường ngõ 3 bị hỏng', 'Đèn đường đầu ngõ 3 không sáng đã một tuần, buổi tối đi lại khó khăn.'],
  ['Hỏi thủ tục cấp bản sao trích lục khai sinh', 'Tôi cần bản sao trích lục khai sinh cho con, nộp ở đâu ạ?'],
  ['Rác thải để lâu chưa thu gom', 'Điểm tập kết rác cạnh nhà văn hóa thôn 2 ba ngày chưa được thu gom.'],
  ['Đường bê tông bị lún', 'Đoạn đường bê tông trước nhà số 12 bị lún, trời mưa đọng nước.'],
];

/** Builds the five communes and gives each its history. Returns them with their residents and households. */
export async function seedProvinceCommunes(
  database: Database,
  cipher: PiiCipher,
  rnd: Random,
  province: UnitRow,
  counters: { pid: number; phone: number },
  options: { now?: Date },
): Promise<{ communes: UnitRow[]; households: number; residents: number }> {
  const now = options.now ?? new Date();
  const thisYear = now.getUTCFullYear();
  const out = { communes: [] as UnitRow[], households: 0, residents: 0 };
  for (const [i, plan] of provinceCommunes.entries()) {
    const made = await database.db.transaction(async (tx) => {
      const built = await buildCommune(tx, cipher, rnd, province, i + 1, plan.residents, counters, thisYear);
      await shapeProgress(tx, built.commune, plan.progress, now);
      return built;
    });
    out.communes.push(made.commune);
    out.households += made.households;
    out.residents += made.residents;
  }
  return out;
}

/** How far a commune has come, written over the year buildCommune made: set-based, a statement per table. */
async function shapeProgress(tx: Tx, commune: UnitRow, progress: number, now: Date) {
  const under = `${commune.path}%`;
  // Accounts and phones: a commune behind has fewer of its level-2 accounts checked, and fewer phones on record.
  await tx.execute(sql`
    with drawn as (
      select r.id, r.vneid_level = 'L2' and ${share(sql`r.id`, 'v')} >= ${0.45 + 0.55 * progress} as drop_account,
        ${share(sql`r.id`, 'p')} >= ${0.6 + 0.4 * progress} as drop_phone
      from residents r join units u on u.id = r.unit_id where u.path like ${under})
    update residents r set
      vneid_level = case when d.drop_account then 'NONE' else r.vneid_level end,
      vneid_checked_on = case when d.drop_account then null else r.vneid_checked_on end,
      phone_enc = case when d.drop_phone then null else r.phone_enc end,
      phone_bidx = case when d.drop_phone then null else r.phone_bidx end
    from drawn d where d.id = r.id and (d.drop_account or d.drop_phone)`);
  // Households in their group's channel (the head joined by SMS), joined over the past year.
  await tx.execute(sql`
    with heads as (
      select h.id as household_id, r.id as resident_id, r.phone_enc, r.phone_bidx,
        coalesce(g.id, u.id) as group_id
      from households h join units u on u.id = h.unit_id
        left join units g on g.id = u.parent_id and g.tier = 'COMMUNITY'
        join residents r on r.id = h.head_resident_id
      where u.path like ${under} and r.phone_enc is not null
        and ${share(sql`h.id`, 'c')} < ${0.15 + 0.75 * progress}),
    joined as (
      insert into group_members (group_id, household_id, resident_id, phone_enc, phone_bidx, manage_token_hash,
        joined_at)
      select group_id, household_id, resident_id, phone_enc, phone_bidx, md5('demo' || household_id),
        ${now}::timestamptz - (${share(sql`household_id`, 'j')} * 400) * interval '1 day'
      from heads
      returning id, phone_enc)
    insert into member_channels (member_id, channel, rank, address_enc) select id, 'SMS', 1, phone_enc from joined`);
  const [{ residents }] = (await queryRows<{ residents: number }>(
    tx,
    sql`select count(*)::int as residents from residents r join units u on u.id = r.unit_id where u.path like ${under}`,
  )) as [{ residents: number }];
  await seedDossierYear(tx, commune, residents, progress, now);
  await seedTicketYear(tx, commune, residents, progress, now);
  await seedTeams(tx, commune, progress, now);
}

/**
 * A year of dossiers, a few a working day (by the commune's size), all resolved and returned: online, on time,
 * digitized, paid online and returned electronically more often as the year goes on and the further the commune has
 * come. The stats triggers count them as any dossier.
 */
async function seedDossierYear(tx: Tx, commune: UnitRow, residents: number, progress: number, now: Date) {
  const today = localParts(now).day;
  const perDay = Math.max(1, Math.round(residents / 250));
  await tx.execute(sql`
    with procs as (
      select id, online_level, row_number() over (order by code) - 1 as n, count(*) over () as total
      from procedures where status = 'PUBLISHED'),
    slots as (
      select d::date as day, k, (d::date - (${today}::date - 365)) / 365.0 as t
      from generate_series(${today}::date - 365, ${today}::date - 1, interval '1 day') d,
        generate_series(1, ${perDay}) k
      where extract(isodow from d) < 6),
    drawn as (
      select s.day, s.k, s.t, p.id as procedure_id, p.online_level,
        (s.day + time '07:30' + s.k * interval '25 minutes') at time zone 'Asia/Ho_Chi_Minh' as received_at,
        ${share(sql`s.day::text || s.k`, 'o')} < ${progress * 0.7} * (0.5 + 0.5 * s.t) as online,
        ${share(sql`s.day::text || s.k`, 't')} < ${0.6 + 0.38 * progress} as on_time,
        ${share(sql`s.day::text || s.k`, 'e')} < ${progress * 0.6} * (0.4 + 0.6 * s.t) as e_result,
        ${share(sql`s.day::text || s.k`, 'd')} < ${0.2 + 0.7 * progress} as digitized,
        ${share(sql`s.day::text || s.k`, 'f')} < 0.4 as paid,
        ${share(sql`s.day::text || s.k`, 'q')} < ${progress * 0.8} as paid_online,
        ${share(sql`s.day::text || s.k`, 'r')} as rated
      from slots s join procs p on p.n = abs(hashtext(s.day::text || s.k)) % p.total),
    timed as (
      select *, received_at + case when on_time then interval '3 days' else interval '8 days' end as resolved_at
      from drawn)
    insert into dossiers (code, lookup_token, unit_id, procedure_id, channel, status, applicant_name, search_text,
      return_method, fee_amount, paid_at, paid_online, full_online_eligible, digitized, submitted_at, received_at,
      due_at, resolved_at, returned_at, closed_at, on_time, rating, rated_at, version, created_at, updated_at)
    select ${commune.code} || '-' || to_char(day, 'YYMMDD') || '-' || lpad(k::text, 4, '0'),
      md5(${commune.code} || day || k || 'demo'), ${commune.id}, procedure_id,
      case when online then 'ONLINE' else 'IN_PERSON' end, 'RETURNED',
      ${list(applicants)} ->> (abs(hashtext(day::text || k || 'a')) % ${applicants.length}),
      ${commune.code} || '-' || to_char(day, 'YYMMDD') || '-' || lpad(k::text, 4, '0'),
      case when e_result then 'ONLINE' else 'COUNTER' end, case when paid then 20000 else 0 end,
      case when paid then received_at end, paid and paid_online, online_level = 'FULL', digitized,
      received_at, received_at, received_at + interval '5 days', resolved_at, resolved_at + interval '2 hours',
      resolved_at + interval '2 hours', on_time,
      case when rated < 0.3 then case when rated < 0.3 * ${0.5 + 0.45 * progress} then 'SATISFIED' else 'ACCEPTABLE' end end,
      case when rated < 0.3 then resolved_at + interval '3 hours' end, 1, received_at, resolved_at + interval '2 hours'
    from timed where resolved_at + interval '3 hours' < ${now}::timestamptz`);
  // The daily code counters know the numbers used, so a code is never given twice.
  await tx.execute(sql`
    insert into dossier_counters (unit_id, day, last)
    select ${commune.id}, d::date, ${perDay} from generate_series(${today}::date - 365, ${today}::date - 1, interval '1 day') d
    on conflict (unit_id, day) do update set last = greatest(dossier_counters.last, excluded.last)`);
}

/** Questions and reports over the year, one every two to six working days by the commune's size, answered (on time as the commune can). */
async function seedTicketYear(tx: Tx, commune: UnitRow, residents: number, progress: number, now: Date) {
  const today = localParts(now).day;
  const [category] = await ensureCategories(tx, commune.id);
  const titles = ticketSamples.map((t) => t[0]);
  const bodies = ticketSamples.map((t) => t[1]);
  await tx.execute(sql`
    with slots as (
      select d::date as day, (d::date + time '09:15') at time zone 'Asia/Ho_Chi_Minh' as received_at,
        abs(hashtext(d::text || 's')) % ${ticketSamples.length} as sample,
        ${share(sql`d::date`, 'n')} < ${0.55 + 0.43 * progress} as on_time,
        ${share(sql`d::date`, 'r')} as rated
      from generate_series(${today}::date - 365, ${today}::date - 1, interval '1 day') d
      where extract(isodow from d) < 6 and ${share(sql`d::date`, 'x')} < ${Math.min(0.6, residents / 1500)})
    insert into tickets (code, lookup_token, commune_id, unit_id, category_id, status, channel, title, body,
      search_text, received_at, accept_due_at, accepted_at, due_at, answered_at, closed_at, on_time, answer,
      answer_state, rating, rated_at, created_at, updated_at)
    select 'PAKN.' || to_char(day, 'YYYYMMDD') || '.0001', md5(${commune.code} || day || 'pakn'), ${commune.id},
      ${commune.id}, ${category!.id}, 'CLOSED', 'WEB', ${list(titles)} ->> sample, ${list(bodies)} ->> sample,
      lower(${list(titles)} ->> sample), received_at, received_at + interval '1 day',
      received_at + interval '2 hours', received_at + interval '10 days',
      received_at + case when on_time then interval '6 days' else interval '14 days' end,
      received_at + interval '16 days', on_time,
      'UBND xã đã tiếp nhận và chỉ đạo xử lý; kết quả đã được thông báo tới người gửi.', 'SENT',
      case when rated < 0.4 then case when rated < 0.4 * ${0.45 + 0.5 * progress} then 'SATISFIED' else 'UNSATISFIED' end end,
      case when rated < 0.4 then received_at + interval '15 days' end, received_at, received_at + interval '16 days'
    from slots where received_at + interval '16 days' < ${now}::timestamptz`);
}

/** A team in each group, members who joined over the past two years, trained (or not yet) as the commune managed. */
async function seedTeams(tx: Tx, commune: UnitRow, progress: number, now: Date) {
  const today = localParts(now).day;
  await tx.execute(sql`
    with made as (
      insert into teams (unit_id, name, decision_ref)
      select id, 'Tổ công nghệ số cộng đồng ' || lower(name), 'Quyết định 86/QĐ-UBND ngày 10/3/2025'
      from units where parent_id = ${commune.id} and tier = 'COMMUNITY'
      returning id, unit_id)
    insert into team_members (team_id, full_name, role, skills, joined_on, trained_on)
    select m.id, ${list(applicants)} ->> ((m.id * 3 + k) % ${applicants.length}),
      case when k = 1 then 'HEAD' else 'MEMBER' end, '{VNeID}',
      ${today}::date - 700 + k * 20,
      case when ${share(sql`m.id || '.' || k`, 't')} < ${0.2 + 0.75 * progress}
        then ${today}::date - (${share(sql`m.id || '.' || k`, 'w')} * 600)::int end
    from made m, generate_series(1, 5) k`);
}
