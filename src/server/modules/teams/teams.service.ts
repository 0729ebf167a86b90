import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { dutyShifts, supportPoints, teamMembers, teams, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound, unlessTaken } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { audited } from '../audit/audit.repo.js';
import { findCommuneByCode, getUnitPath } from '../units/units.service.js';
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

/** The teams in the caller's units, by unit, each with its current members (heads first). */
export async function listTeams(db: Tx, scope: Scope): Promise<{ items: Team[] }> {
  const rows = await db
    .select({ t: teams, unitName: units.name })
    .from(teams)
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(unitInScope(teams.unitId, scope))
    .orderBy(asc(units.path), asc(teams.id));
  const members = rows.length
    ? await db
        .select()
        .from(teamMembers)
        .where(
          and(
            inArray(
              teamMembers.teamId,
              rows.map((x) => x.t.id),
            ),
            isNull(teamMembers.leftOn),
          ),
        )
        .orderBy(asc(teamMembers.id))
    : [];
  return {
    items: rows.map(({ t, unitName }) => ({
      id: t.id,
      unitId: t.unitId,
      unitName,
      name: t.name,
      decisionRef: t.decisionRef,
      members: members
        .filter((m) => m.teamId === t.id)
        .sort((a, b) => ROLE_ORDER[a.role as MemberRole] - ROLE_ORDER[b.role as MemberRole])
        .map((m) => ({
          id: m.id,
          fullName: m.fullName,
          role: m.role as MemberRole,
          skills: m.skills,
          hasPhone: m.phoneEnc !== null,
          userId: m.userId,
          joinedOn: m.joinedOn,
        })),
    })),
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
async function accountInTeamUnits(db: Tx, teamUnitId: number, userId: number) {
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

/** A member leaves the team as of today: the row stays, so the team's history keeps them (audited). */
export async function removeMember(db: Db, scope: Scope, teamId: number, memberId: number, actor: Actor) {
  const t = await teamInScope(db, scope, teamId);
  await audited(
    db,
    actor,
    async (tx) => {
      const left = await tx
        .update(teamMembers)
        .set({ leftOn: sql`current_date` })
        .where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, t.id), isNull(teamMembers.leftOn)))
        .returning({ id: teamMembers.id });
      // Thrown inside the transaction, so a miss leaves no audit entry behind.
      if (left.length === 0)
        throw notFound({ vi: 'Không tìm thấy thành viên này trong tổ', en: 'No such member in this team' });
    },
    { action: 'team.member.leave', entityType: 'team', entityId: t.id, details: { memberId } },
  );
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
