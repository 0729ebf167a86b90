import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { teamMembers } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { SmsSender } from '../../lib/sms.js';
import { insertAudit } from '../audit/audit.repo.js';
import { deleteSessionsOfUser } from '../auth/auth.repo.js';
import { createUserIn } from '../users/users.service.js';
import { teamInScope } from './teams.service.js';
import type { MemberLogin, MemberLoginInput, UpdateMemberInput } from './teams.schemas.js';

const noMember = () => notFound({ vi: 'Không tìm thấy thành viên này trong tổ', en: 'No such member in this team' });
const stale = () =>
  conflict({
    vi: 'Thành viên vừa được người khác sửa, vui lòng tải lại',
    en: 'Someone else changed this member; reload and try again',
  });

/** A current member of a team, row locked for the change that follows (404 when not there or already gone). */
async function currentMember(tx: Tx, teamId: number, memberId: number) {
  const [m] = await tx
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, teamId), isNull(teamMembers.leftOn)))
    .for('update');
  if (!m) throw noMember();
  return m;
}

/** The unit a member may work in: the team's own unit or one below it (404 otherwise, like any unit out of reach). */
async function unitUnderTeam(tx: Tx, teamUnitId: number, unitId: number): Promise<void> {
  const [u] = await queryRows<{ id: number }>(
    tx,
    sql`select u.id from units u, units t
      where u.id = ${unitId} and t.id = ${teamUnitId} and u.path like t.path || '%' and u.closed_at is null`,
  );
  if (!u) throw notFound({ vi: 'Đơn vị này không thuộc địa bàn của tổ', en: "That unit is not in the team's area" });
}

/**
 * Edits a member from their team row: name, phone, role in the team, the unit they work in. The version read with
 * the row must still be current (409 otherwise); the audit entry names the fields changed, never the phone itself.
 */
export async function updateMember(
  database: Database,
  scope: Scope,
  ids: { teamId: number; memberId: number },
  input: UpdateMemberInput,
  actor: Actor,
  cipher: PiiCipher,
): Promise<{ version: number }> {
  return database.db.transaction(async (tx) => {
    const t = await teamInScope(tx, scope, ids.teamId);
    const m = await currentMember(tx, t.id, ids.memberId);
    if (m.version !== input.version) throw stale();
    if (input.unitId) await unitUnderTeam(tx, t.unitId, input.unitId);
    const { version: _v, phone, ...rest } = input;
    const [row] = await tx
      .update(teamMembers)
      .set({
        ...rest,
        ...(phone !== undefined ? { phoneEnc: phone === null ? null : cipher.encrypt(phone) } : {}),
        version: sql`${teamMembers.version} + 1`,
      })
      .where(eq(teamMembers.id, m.id))
      .returning({ version: teamMembers.version });
    await insertAudit(tx, actor, {
      action: 'team.member.update',
      entityType: 'team',
      entityId: t.id,
      details: { memberId: m.id, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return row!;
  });
}

/**
 * A member leaves the team as of today: the row stays with who took them off, so the team's past members keep them
 * (audited). Households they were given wait for the next assignment. A login made for them loses the team role it
 * was given for this team (DIGITAL_TEAM on the member's unit) unless they are still a member of another team on that
 * unit, and its sessions end, so a person who left cannot keep reading the households; other roles the same person
 * holds elsewhere stay.
 */
export async function removeMember(database: Database, scope: Scope, teamId: number, memberId: number, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const t = await teamInScope(tx, scope, teamId);
    const m = await currentMember(tx, t.id, memberId);
    await tx
      .update(teamMembers)
      .set({ leftOn: sql`current_date`, removedBy: actor.userId, version: sql`${teamMembers.version} + 1` })
      .where(eq(teamMembers.id, m.id));
    const unitId = m.unitId ?? t.unitId;
    const revoked =
      m.userId === null
        ? []
        : await queryRows<{ id: number }>(
            tx,
            sql`delete from role_assignments ra
              where ra.user_id = ${m.userId} and ra.role = 'DIGITAL_TEAM' and ra.unit_id = ${unitId}
                and not exists (
                  select 1 from team_members other join teams ot on ot.id = other.team_id
                  where other.user_id = ${m.userId} and other.left_on is null
                    and coalesce(other.unit_id, ot.unit_id) = ${unitId})
              returning ra.id`,
          );
    if (revoked.length) await deleteSessionsOfUser(tx, m.userId!);
    await insertAudit(tx, actor, {
      action: 'team.member.leave',
      entityType: 'team',
      entityId: t.id,
      details: { memberId, ...(revoked.length ? { userId: m.userId, roleRevoked: 'DIGITAL_TEAM', unitId } : {}) },
    });
    return { roleRevoked: revoked.length > 0 };
  });
}

/** A first password a person can read out or type from an SMS: four groups of letters and digits, no look-alikes. */
function firstPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * Gives a team member a login: a DIGITAL_TEAM account on the member's unit (the team's unit unless set), made by the
 * users module in this transaction with its delegation check (403 for a caller who may not grant it there), linked to
 * the member. The first password is shown once in the answer, or sent by SMS to the member's phone and not shown.
 */
export async function createMemberLogin(
  deps: { database: Database; cipher: PiiCipher; sms: SmsSender },
  auth: AuthContext,
  scope: Scope,
  ids: { teamId: number; memberId: number },
  input: MemberLoginInput,
  actor: Actor,
): Promise<MemberLogin> {
  // The refusals that need no password are checked before hashing one (argon2 is slow on purpose), then again under
  // the row lock.
  await deps.database.db.transaction(async (tx) => {
    const t = await teamInScope(tx, scope, ids.teamId);
    await currentMember(tx, t.id, ids.memberId);
  });
  const password = firstPassword();
  const passwordHash = await hashPassword(password);
  const made = await deps.database.db.transaction(async (tx) => {
    const t = await teamInScope(tx, scope, ids.teamId);
    const m = await currentMember(tx, t.id, ids.memberId);
    if (m.userId !== null)
      throw conflict({ vi: 'Thành viên này đã có tài khoản đăng nhập', en: 'This member already has a login' });
    if (input.handover === 'SMS' && !m.phoneEnc)
      throw conflict({
        vi: 'Thành viên chưa có số điện thoại để nhận tin nhắn; hãy thêm số hoặc chọn hiện mật khẩu',
        en: 'The member has no phone to text; add one or choose to show the password',
      });
    const user = await createUserIn(
      tx,
      auth,
      {
        username: input.username,
        fullName: m.fullName,
        passwordHash,
        roles: [{ role: 'DIGITAL_TEAM', unitId: m.unitId ?? t.unitId }],
        // The member's phone becomes the login's contact, so reminders reach them.
        ...(m.phoneEnc ? { phone: deps.cipher.decrypt(m.phoneEnc) } : {}),
      },
      actor,
      deps.cipher,
    );
    await tx
      .update(teamMembers)
      .set({ userId: user.id, version: sql`${teamMembers.version} + 1` })
      .where(eq(teamMembers.id, m.id));
    await insertAudit(tx, actor, {
      action: 'team.member.login',
      entityType: 'team',
      entityId: t.id,
      details: { memberId: m.id, userId: user.id, handover: input.handover },
    });
    return { user, phone: m.phoneEnc ? deps.cipher.decrypt(m.phoneEnc) : null };
  });
  if (input.handover === 'SMS') {
    // Sent after the commit: a gateway failure leaves the login in place, and a password reset sends a new one.
    await deps.sms.send(
      made.phone!,
      `Tai khoan Ketnoi cua ban: ten dang nhap ${made.user.username}, mat khau ${password}. Hay doi mat khau sau khi dang nhap.`,
      `member-login-${made.user.id}`,
    );
    return { userId: made.user.id, username: made.user.username, password: null, sentTo: made.phone!.slice(-3) };
  }
  return { userId: made.user.id, username: made.user.username, password, sentTo: null };
}
