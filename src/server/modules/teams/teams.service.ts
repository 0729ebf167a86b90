import { and, asc, between, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { dutyShifts, supportPoints, teamMembers, teams, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound, unlessTaken } from '../../lib/errors.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { audited } from '../audit/audit.repo.js';
import { findCommuneByCode, getUnitPath } from '../units/units.service.js';
import { mayGrant } from '../users/users.policy.js';
import type {
  AddDutyShiftInput,
  AddMemberInput,
  CreateTeamInput,
  DutyQuery,
  DutyShift,
  MemberRole,
  Shift,
  SupportPointInput,
  Team,
} from './teams.schemas.js';

/** A team in the caller's scope (404 otherwise: another group's team does not exist for them). */
export async function teamInScope(db: Tx, scope: Scope, id: number) {
  const [t] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), unitInScope(teams.unitId, scope)));
  if (!t) throw notFound({ vi: 'Không tìm thấy tổ công nghệ số', en: 'Team not found' });
  return t;
}

/** A current member of a team in the caller's units (404 otherwise): who can be put on duty or given households. */
export async function activeMember(db: Tx, scope: Scope, memberId: number): Promise<{ id: number }> {
  const [m] = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.id, memberId), isNull(teamMembers.leftOn), unitInScope(teams.unitId, scope)));
  if (!m) throw notFound({ vi: 'Không tìm thấy thành viên tổ công nghệ số này', en: 'No such team member' });
  return m;
}

/**
 * A current member in the caller's units who can sign in (404 when not a member there, 409 without a login): the only
 * members households can be handed to, since the field app needs an account.
 */
export async function memberWhoSignsIn(db: Tx, scope: Scope, memberId: number): Promise<{ id: number }> {
  const m = await activeMember(db, scope, memberId);
  const [ok] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${memberCanSignIn(sql`m`)} as ok from team_members m where m.id = ${m.id}`,
  );
  if (!ok?.ok)
    throw conflict({
      vi: 'Thành viên này chưa có tài khoản đăng nhập nên không nhận được hộ; hãy cấp tài khoản trước',
      en: 'This member has no login, so cannot be given households; give them one first',
    });
  return m;
}

/** A support point as the API shows it. */
export const pointOf = (p: typeof supportPoints.$inferSelect) => ({
  id: p.id,
  unitId: p.unitId,
  name: p.name,
  address: p.address,
  hours: p.hours,
  services: p.services,
});

/** Heads first, then deputies, then members. */
const ROLE_ORDER: Record<MemberRole, number> = { HEAD: 0, DEPUTY: 1, MEMBER: 2 };

/** Is the member's linked account one that can sign in now (there, not disabled, still holding a role)? */
export const memberCanSignIn = (member: SQL) => sql`exists (
  select 1 from users su join role_assignments sra on sra.user_id = su.id
  where su.id = ${member}.user_id and su.disabled_at is null)`;

type MemberRow = {
  id: number;
  teamId: number;
  fullName: string;
  role: MemberRole;
  skills: string[];
  hasPhone: boolean;
  userId: number | null;
  username: string | null;
  canSignIn: boolean;
  unitId: number | null;
  unitName: string | null;
  joinedOn: string;
  leftOn: string | null;
  version: number;
  removedBy: string | null;
};

/** The teams in the caller's units, by unit, each with its current members (heads first) and those who left. */
export async function listTeams(db: Tx, scope: Scope, auth: AuthContext): Promise<{ items: Team[] }> {
  const rows = await db
    .select({ t: teams, unitName: units.name, unitPath: units.path })
    .from(teams)
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(unitInScope(teams.unitId, scope))
    .orderBy(asc(units.path), asc(teams.id));
  const members = rows.length
    ? await queryRows<MemberRow>(
        db,
        sql`
        select m.id, m.team_id as "teamId", m.full_name as "fullName", m.role, m.skills,
          m.phone_enc is not null as "hasPhone", m.user_id as "userId", u.username,
          ${memberCanSignIn(sql`m`)} as "canSignIn", m.unit_id as "unitId", mu.name as "unitName",
          m.joined_on::text as "joinedOn", m.left_on::text as "leftOn", m.version, rb.full_name as "removedBy"
        from team_members m
        left join users u on u.id = m.user_id
        left join units mu on mu.id = m.unit_id
        left join users rb on rb.id = m.removed_by
        where ${inArray(
          sql`m.team_id`,
          rows.map((x) => x.t.id),
        )}
        order by m.left_on desc nulls first, m.id`,
      )
    : [];
  return {
    items: rows.map(({ t, unitName, unitPath }) => {
      const own = members.filter((m) => m.teamId === t.id);
      return {
        id: t.id,
        unitId: t.unitId,
        unitName,
        name: t.name,
        decisionRef: t.decisionRef,
        mayGiveLogins: mayGrant(auth, 'DIGITAL_TEAM', unitPath),
        members: own
          .filter((m) => m.leftOn === null)
          .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
          .map(({ teamId: _t, leftOn: _l, removedBy: _r, ...m }) => m),
        pastMembers: own
          .filter((m) => m.leftOn !== null)
          .map((m) => ({
            id: m.id,
            fullName: m.fullName,
            role: m.role,
            joinedOn: m.joinedOn,
            leftOn: m.leftOn!,
            removedBy: m.removedBy,
          })),
      };
    }),
  };
}

/** Sets up a team for a unit in the caller's scope (audited). */
export async function createTeam(db: Db, scope: Scope, input: CreateTeamInput, actor: Actor): Promise<{ id: number }> {
  await getUnitPath(db, input.unitId, scope);
  const [t] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .insert(teams)
        .values({ ...input, decisionRef: input.decisionRef ?? null })
        .returning({ id: teams.id }),
    (made) => ({ action: 'team.create', entityType: 'team', entityId: made[0]!.id }),
  );
  return t!;
}

/**
 * A member's sign-in account must be one of the team's own units (a role on the team's unit or below it, not
 * disabled): a team manager cannot attach, and so hand households to, an account elsewhere. Unknown and outside
 * accounts get the same 404.
 */
export async function accountInTeamUnits(db: Tx, teamUnitId: number, userId: number) {
  const [found] = await queryRows<{ id: number }>(
    db,
    sql`
    select u.id from users u
    where u.id = ${userId} and u.disabled_at is null and exists (
      select 1 from role_assignments ra join units ru on ru.id = ra.unit_id
      where ra.user_id = u.id and ru.path like (select path from units where id = ${teamUnitId}) || '%')`,
  );
  if (!found)
    throw notFound({
      vi: 'Không tìm thấy tài khoản này trong đơn vị của tổ',
      en: "No such account in the team's units",
    });
}

/** Adds a member to a team in the caller's scope, the phone encrypted (audited on the team). */
export async function addMember(
  db: Db,
  scope: Scope,
  teamId: number,
  input: AddMemberInput,
  actor: Actor,
  cipher: PiiCipher,
): Promise<{ id: number }> {
  const t = await teamInScope(db, scope, teamId);
  if (input.userId !== undefined) await accountInTeamUnits(db, t.unitId, input.userId);
  const [m] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .insert(teamMembers)
        .values({
          teamId: t.id,
          fullName: input.fullName,
          role: input.role,
          phoneEnc: input.phone ? cipher.encrypt(input.phone) : null,
          skills: input.skills,
          userId: input.userId ?? null,
        })
        .returning({ id: teamMembers.id }),
    (made) => ({
      action: 'team.member.add',
      entityType: 'team',
      entityId: t.id,
      details: { memberId: made[0]!.id },
    }),
  );
  return m!;
}

/** The counter's duty roster of a unit in the caller's scope, day by day between two dates. */
export async function listDutyShifts(db: Tx, scope: Scope, query: DutyQuery): Promise<{ items: DutyShift[] }> {
  await getUnitPath(db, query.unitId, scope);
  const rows = await db
    .select({ d: dutyShifts, memberName: teamMembers.fullName })
    .from(dutyShifts)
    .innerJoin(teamMembers, eq(teamMembers.id, dutyShifts.memberId))
    .where(and(eq(dutyShifts.unitId, query.unitId), between(dutyShifts.day, query.from, query.to)))
    .orderBy(asc(dutyShifts.day), asc(dutyShifts.shift));
  return {
    items: rows.map(({ d, memberName }) => ({
      id: d.id,
      unitId: d.unitId,
      day: d.day,
      shift: d.shift as Shift,
      memberId: d.memberId,
      memberName,
      note: d.note,
    })),
  };
}

/** Puts a current team member on a counter shift (audited); the same person twice on one shift is a conflict. */
export async function addDutyShift(
  db: Db,
  scope: Scope,
  input: AddDutyShiftInput,
  actor: Actor,
): Promise<{ id: number }> {
  await getUnitPath(db, input.unitId, scope);
  await activeMember(db, scope, input.memberId);
  const [d] = await unlessTaken(
    audited(
      db,
      actor,
      (tx) =>
        tx
          .insert(dutyShifts)
          .values({ ...input, note: input.note ?? null })
          .returning({ id: dutyShifts.id }),
      (made) => ({ action: 'duty.add', entityType: 'duty', entityId: made[0]!.id }),
    ),
    () => conflict({ vi: 'Người này đã có trong ca trực đó', en: 'This person is already on that shift' }),
  );
  return d!;
}

/** The open support points in the caller's units. */
export async function listSupportPoints(db: Tx, scope: Scope) {
  const rows = await db
    .select()
    .from(supportPoints)
    .where(and(unitInScope(supportPoints.unitId, scope), isNull(supportPoints.closedAt)))
    .orderBy(asc(supportPoints.id));
  return { items: rows.map(pointOf) };
}

/** Opens a support point in a unit in the caller's scope (audited). */
export async function createSupportPoint(db: Db, scope: Scope, input: SupportPointInput, actor: Actor) {
  await getUnitPath(db, input.unitId, scope);
  const [p] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .insert(supportPoints)
        .values({ ...input, services: input.services ?? null })
        .returning(),
    (made) => ({ action: 'support-point.create', entityType: 'support-point', entityId: made[0]!.id }),
  );
  return pointOf(p!);
}

/** The open support points anywhere in a commune (by its code), for its public page. */
export async function listPublicSupportPoints(db: Tx, communeCode: string) {
  const commune = await findCommuneByCode(db, communeCode);
  const rows = await db
    .select({ p: supportPoints, unitName: units.name })
    .from(supportPoints)
    .innerJoin(units, eq(units.id, supportPoints.unitId))
    .where(and(sql`${units.path} like ${`${commune.path}%`}`, isNull(supportPoints.closedAt)))
    .orderBy(asc(units.path), asc(supportPoints.id));
  return { items: rows.map(({ p, unitName }) => ({ ...pointOf(p), unitName })) };
}
