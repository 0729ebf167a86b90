import { and, eq, sql } from 'drizzle-orm';
import { formatPhone } from '../../../shared/phone.js';
import { queryRows, type Tx } from '../../db/client.js';
import { groupJoinRequests } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { ChosenChannel, ConfirmJoinInput, JoinRequest } from './groups.schemas.js';
import { bindMember } from './joining.service.js';
import type { Channel } from './senders.js';

/**
 * Requests to join a group's channel that the phone alone could not settle, as the group head (or the commune) sees
 * them in the console: who asked — the phone they proved, the note they wrote — and the households of the group where
 * that phone is on record. Confirming binds the phone to the household they pick; refusing ends it. Both are audited,
 * and so is reading the list, which shows phone numbers.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** Most requests listed at once: a group's backlog, not a province's. */
const LIST_MAX = 200;

const requestNotFound = () => notFound({ vi: 'Không tìm thấy yêu cầu tham gia', en: 'Join request not found' });

/** The requests waiting in the caller's groups, oldest first, each with the households its phone is on record in. */
export async function listJoinRequests(deps: Deps, scope: Scope, actor: Actor): Promise<JoinRequest[]> {
  const db = deps.database.db;
  const rows = await queryRows<{
    id: number;
    groupId: number;
    groupName: string;
    phoneEnc: string;
    noteEnc: string | null;
    channelsEnc: string;
    createdAt: Date;
  }>(
    db,
    sql`
    select jr.id, jr.group_id as "groupId", g.name as "groupName", jr.phone_enc as "phoneEnc",
      jr.note_enc as "noteEnc", jr.channels_enc as "channelsEnc", jr.created_at as "createdAt"
    from group_join_requests jr
      join units g on g.id = jr.group_id
    where jr.status = 'PENDING' and ${pathInScope(sql`g.path`, scope)}
    order by jr.created_at, jr.id
    limit ${LIST_MAX}`,
  );
  if (!rows.length) return [];
  const candidates = await queryRows<{ requestId: number; householdId: number; address: string; headName: string }>(
    db,
    sql`
    select distinct jr.id as "requestId", h.id as "householdId", h.address, hr.full_name as "headName"
    from group_join_requests jr
      join units g on g.id = jr.group_id
      join residents r on r.phone_bidx = jr.phone_bidx
      join household_members m on m.resident_id = r.id and m.left_on is null
      join households h on h.id = m.household_id and h.dissolved_on is null
      join units u on u.id = h.unit_id and u.path like g.path || '%'
      left join residents hr on hr.id = h.head_resident_id
    where jr.id in (${sql.join(
      rows.map((r) => sql`${r.id}`),
      sql`, `,
    )}) and ${pathInScope(sql`u.path`, scope)}
    order by h.id`,
  );
  await insertAudit(db, actor, {
    action: 'group.join-requests.read',
    entityType: 'group',
    details: { requests: rows.length, groups: [...new Set(rows.map((r) => r.groupId))] },
  });
  return rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    groupName: r.groupName,
    phone: formatPhone(deps.cipher.decrypt(r.phoneEnc)),
    note: r.noteEnc ? deps.cipher.decrypt(r.noteEnc) : null,
    channels: (JSON.parse(deps.cipher.decrypt(r.channelsEnc)) as ChosenChannel[]).map((c) => c.channel as Channel),
    createdAt: new Date(r.createdAt).toISOString(),
    candidates: candidates
      .filter((c) => c.requestId === r.id)
      .map(({ householdId, address, headName }) => ({ householdId, address, headName })),
  }));
}

/** A request in one of the caller's groups, locked; 409 once it is decided. */
async function pendingRequest(tx: Tx, scope: Scope, id: number) {
  const [r] = await queryRows<typeof groupJoinRequests.$inferSelect & { groupPath: string }>(
    tx,
    sql`
    select jr.id, jr.group_id as "groupId", jr.phone_enc as "phoneEnc", jr.phone_bidx as "phoneBidx",
      jr.language, jr.channels_enc as "channelsEnc", jr.token_hash as "tokenHash", jr.status, g.path as "groupPath"
    from group_join_requests jr
      join units g on g.id = jr.group_id
    where jr.id = ${id} and ${pathInScope(sql`g.path`, scope)}
    for update of jr`,
  );
  if (!r) throw requestNotFound();
  if (r.status !== 'PENDING')
    throw conflict({ vi: 'Yêu cầu này đã được xử lý', en: 'This request was already decided' });
  return r;
}

/**
 * Confirms a request into the household the caller recognised (one of the group's, in their units): the phone becomes
 * that household's member with the channels it chose, and the device's token opens its page.
 */
export async function confirmJoinRequest(
  deps: Deps,
  scope: Scope,
  id: number,
  input: ConfirmJoinInput,
  actor: Actor,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const r = await pendingRequest(tx, scope, id);
    const [household] = await queryRows<{ id: number; residentId: number | null }>(
      tx,
      sql`
      select h.id, (
        select min(m.resident_id) from household_members m join residents p on p.id = m.resident_id
        where m.household_id = h.id and m.left_on is null and p.phone_bidx = ${r.phoneBidx})::int as "residentId"
      from households h
        join units u on u.id = h.unit_id
      where h.id = ${input.householdId} and h.dissolved_on is null and u.path like ${`${r.groupPath}%`}
        and ${pathInScope(sql`u.path`, scope)}`,
    );
    if (!household) throw notFound({ vi: 'Không tìm thấy hộ này trong tổ', en: 'No such household in this group' });
    const { memberId } = await bindMember(tx, deps, {
      groupId: r.groupId,
      householdId: household.id,
      residentId: household.residentId,
      phone: deps.cipher.decrypt(r.phoneEnc),
      language: r.language as 'vi' | 'en',
      tokenHash: r.tokenHash,
      channels: JSON.parse(deps.cipher.decrypt(r.channelsEnc)) as ChosenChannel[],
    });
    await tx
      .update(groupJoinRequests)
      .set({
        status: 'CONFIRMED',
        householdId: household.id,
        memberId,
        decidedBy: actor.userId,
        decidedAt: sql`now()`,
      })
      .where(eq(groupJoinRequests.id, r.id));
    await insertAudit(tx, actor, {
      action: 'group.join.confirm',
      entityType: 'household',
      entityId: household.id,
      details: { groupId: r.groupId, request: r.id },
    });
  });
}

/** Refuses a request: nothing is joined, and the person's page says so. */
export async function refuseJoinRequest(deps: Deps, scope: Scope, id: number, actor: Actor): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const r = await pendingRequest(tx, scope, id);
    await tx
      .update(groupJoinRequests)
      .set({ status: 'REFUSED', decidedBy: actor.userId, decidedAt: sql`now()` })
      .where(and(eq(groupJoinRequests.id, r.id), eq(groupJoinRequests.status, 'PENDING')));
    await insertAudit(tx, actor, {
      action: 'group.join.refuse',
      entityType: 'group',
      entityId: r.groupId,
      details: { request: r.id },
    });
  });
}

/** The request a device's token belongs to while it is waiting or was refused (undefined otherwise). */
export async function undecidedRequestOf(db: Tx, tokenHash: string) {
  const [r] = await db
    .select({
      groupId: groupJoinRequests.groupId,
      status: groupJoinRequests.status,
      language: groupJoinRequests.language,
    })
    .from(groupJoinRequests)
    .where(and(eq(groupJoinRequests.tokenHash, tokenHash), sql`${groupJoinRequests.status} in ('PENDING', 'REFUSED')`));
  return r as { groupId: number; status: 'PENDING' | 'REFUSED'; language: string } | undefined;
}
