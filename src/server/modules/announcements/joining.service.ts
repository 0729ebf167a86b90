import type { CitizenLanguage } from '../../../shared/languages.js';
import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import { groupJoinRequests, groupMembers, memberChannels } from '../../db/schema/index.js';
import { validation } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { useCode, wrongCode } from '../citizens/citizens.service.js';
import type { ChosenChannel, JoinInput } from './groups.schemas.js';
import { publicGroup } from './groups.service.js';

/**
 * Joining a household to its group's channel. The phone is proven by a one-time code; it binds to a household at once
 * only when the registry has it for a current member of exactly one household in the group. Otherwise — on record
 * nowhere in the group, or in several households — the request waits for the group head, who picks the household
 * and confirms it or refuses (join-requests.service.ts). An ID number is never asked for: anyone can type one. Until
 * the household is known, every answer is the same ("sent to the group head", 202), so nobody learns whether a phone
 * or a person is in the group, or where they live.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

// Link codes a follower types into Zalo: no 0/O or 1/I to misread on a phone.
const LINK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const linkCode = () => Array.from({ length: 8 }, () => LINK_ALPHABET[randomInt(LINK_ALPHABET.length)]).join('');

/** The channels as chosen, each once, in order; an email needs its address, push its browser subscription. */
export function checkChannels(deps: Deps, chosen: ChosenChannel[]): ChosenChannel[] {
  const seen = new Set<string>();
  const channels = chosen.filter((c) => !seen.has(c.channel) && seen.add(c.channel));
  channels.forEach((c, i) => {
    if (c.channel === 'EMAIL' && !c.email)
      throw validation([
        {
          field: `channels.${i}.email`,
          code: 'REQUIRED',
          message: { vi: 'Hãy nhập địa chỉ email', en: 'Enter an email address' },
        },
      ]);
    if (c.channel === 'PUSH' && !c.subscription)
      throw validation([
        {
          field: `channels.${i}.subscription`,
          code: 'REQUIRED',
          message: { vi: 'Trình duyệt chưa cho phép nhận thông báo', en: 'The browser has not allowed notifications' },
        },
      ]);
    // Browsers' push services are all https; plain http is let through only for a local test push service.
    if (c.channel === 'PUSH' && deps.config.production && !c.subscription!.endpoint.startsWith('https://'))
      throw validation([
        {
          field: `channels.${i}.subscription`,
          code: 'PUSH_ENDPOINT',
          message: {
            vi: 'Địa chỉ nhận thông báo của trình duyệt không hợp lệ',
            en: 'The browser push endpoint is not valid',
          },
        },
      ]);
  });
  return channels.map((c) => ({
    channel: c.channel,
    ...(c.email ? { email: c.email } : {}),
    ...(c.subscription ? { subscription: { endpoint: c.subscription.endpoint, keys: c.subscription.keys } } : {}),
  }));
}

/** The rows of a member's channels (checked by `checkChannels`), in order; Zalo waits for its link code. */
function channelRows(deps: Deps, memberId: number, phone: string, channels: ChosenChannel[]) {
  return channels.map((c, i) => {
    const base = { memberId, channel: c.channel, rank: i + 1 };
    switch (c.channel) {
      case 'ZALO':
        return { ...base, linkCode: linkCode(), active: false };
      case 'EMAIL':
        return { ...base, addressEnc: deps.cipher.encrypt(c.email!) };
      case 'PUSH':
        return {
          ...base,
          addressEnc: deps.cipher.encrypt(JSON.stringify(c.subscription)),
          addressBidx: deps.cipher.blindIndex(c.subscription!.endpoint, 'push'),
        };
      default:
        return { ...base, addressEnc: deps.cipher.encrypt(phone) };
    }
  });
}

/**
 * The households of the group (its path) where a current member has this phone on record: two at most, which is
 * enough to know whether it decides.
 */
async function householdsWithPhone(tx: Tx, groupPath: string, phoneBidx: string) {
  return queryRows<{ household_id: number; resident_id: number; address: string }>(
    tx,
    sql`
    select h.id as household_id, min(r.id)::int as resident_id, h.address
    from residents r
      join household_members m on m.resident_id = r.id and m.left_on is null
      join households h on h.id = m.household_id and h.dissolved_on is null
      join units u on u.id = h.unit_id
    where r.phone_bidx = ${phoneBidx} and u.path like ${`${groupPath}%`}
    group by h.id, h.address
    limit 2`,
  );
}

export type NewMember = {
  groupId: number;
  householdId: number;
  residentId: number | null;
  phone: string;
  language: CitizenLanguage;
  tokenHash: string;
  channels: ChosenChannel[];
};

/**
 * Makes the phone a member of the household's channel, with its channels in order. Joining again with the same
 * phone for the same household (a new phone, a new browser) replaces that member's channels and token.
 */
export async function bindMember(tx: Tx, deps: Deps, m: NewMember) {
  const phoneBidx = deps.cipher.blindIndex(m.phone, 'phone');
  const [existing] = await tx
    .select({ id: groupMembers.id })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.householdId, m.householdId),
        eq(groupMembers.phoneBidx, phoneBidx),
        isNull(groupMembers.leftAt),
      ),
    )
    .for('update');
  let memberId: number;
  if (existing) {
    memberId = existing.id;
    await tx
      .update(groupMembers)
      .set({ language: m.language, manageTokenHash: m.tokenHash, groupId: m.groupId })
      .where(eq(groupMembers.id, memberId));
    await tx
      .delete(memberChannels)
      .where(
        and(
          eq(memberChannels.memberId, memberId),
          sql`not exists (select 1 from deliveries d where d.member_channel_id = ${memberChannels.id})`,
        ),
      );
    await tx
      .update(memberChannels)
      .set({ active: false, rank: sql`${memberChannels.rank} + 1000` })
      .where(eq(memberChannels.memberId, memberId));
  } else {
    const [made] = await tx
      .insert(groupMembers)
      .values({
        groupId: m.groupId,
        householdId: m.householdId,
        residentId: m.residentId,
        phoneEnc: deps.cipher.encrypt(m.phone),
        phoneBidx,
        language: m.language,
        manageTokenHash: m.tokenHash,
      })
      .returning({ id: groupMembers.id });
    memberId = made!.id;
  }
  const rows = channelRows(deps, memberId, m.phone, m.channels);
  const made = rows.length ? await tx.insert(memberChannels).values(rows).returning() : [];
  return { memberId, zaloLinkCode: made.find((c) => c.channel === 'ZALO')?.linkCode ?? null };
}

/** A waiting request for this phone in this group is replaced by the newer one (one per phone and group). */
async function requestToJoin(
  tx: Tx,
  deps: Deps,
  r: { groupId: number; phone: string; phoneBidx: string; input: JoinInput; channels: ChosenChannel[]; token: string },
) {
  const values = {
    phoneEnc: deps.cipher.encrypt(r.phone),
    language: r.input.language,
    channelsEnc: deps.cipher.encrypt(JSON.stringify(r.channels)),
    noteEnc: r.input.note ? deps.cipher.encrypt(r.input.note) : null,
    tokenHash: sha256(r.token),
    createdAt: sql`now()`,
  };
  const [waiting] = await tx
    .update(groupJoinRequests)
    .set(values)
    .where(
      and(
        eq(groupJoinRequests.groupId, r.groupId),
        eq(groupJoinRequests.phoneBidx, r.phoneBidx),
        eq(groupJoinRequests.status, 'PENDING'),
      ),
    )
    .returning({ id: groupJoinRequests.id });
  if (waiting) return waiting.id;
  const [made] = await tx
    .insert(groupJoinRequests)
    .values({ groupId: r.groupId, phoneBidx: r.phoneBidx, ...values })
    .returning({ id: groupJoinRequests.id });
  return made!.id;
}

export type JoinOutcome =
  | {
      status: 'JOINED';
      memberId: number;
      groupName: string;
      address: string;
      manageToken: string;
      zaloLinkCode: string | null;
      zaloOaId: string | null;
    }
  | { status: 'PENDING'; groupName: string; manageToken: string };

/**
 * Joins once the phone's code checks out: bound at once when the phone is on record for a current member of exactly
 * one household in the group; otherwise a request for the group head, answered the same way whatever the registry
 * holds. Either way the device keeps the token: it opens the member's page, which says "waiting" until the group
 * head confirms.
 */
export async function joinGroup(deps: Deps, groupId: number, input: JoinInput, actor: Actor): Promise<JoinOutcome> {
  const channels = checkChannels(deps, input.channels);
  const phoneBidx = deps.cipher.blindIndex(input.phone, 'phone');
  const token = randomBytes(24).toString('base64url');
  const result = await deps.database.db.transaction(async (tx) => {
    const group = await publicGroup(tx, groupId);
    if (!(await useCode(tx, phoneBidx, input.code, 'JOIN'))) return null;
    const found = await householdsWithPhone(tx, group.path, phoneBidx);
    if (found.length !== 1) {
      const requestId = await requestToJoin(tx, deps, {
        groupId,
        phone: input.phone,
        phoneBidx,
        input,
        channels,
        token,
      });
      // What the registry holds is not written here either: the group head sees it when deciding.
      await insertAudit(tx, actor, {
        action: 'group.join.request',
        entityType: 'group',
        entityId: groupId,
        details: { request: requestId },
      });
      return { status: 'PENDING' as const, groupName: group.name };
    }
    const household = found[0]!;
    const bound = await bindMember(tx, deps, {
      groupId,
      householdId: household.household_id,
      residentId: household.resident_id,
      phone: input.phone,
      language: input.language,
      tokenHash: sha256(token),
      channels,
    });
    // A request this phone left waiting in the group is settled by joining itself.
    await tx
      .update(groupJoinRequests)
      .set({ status: 'WITHDRAWN', decidedAt: sql`now()` })
      .where(
        and(
          eq(groupJoinRequests.groupId, groupId),
          eq(groupJoinRequests.phoneBidx, phoneBidx),
          eq(groupJoinRequests.status, 'PENDING'),
        ),
      );
    await insertAudit(tx, actor, {
      action: 'group.join',
      entityType: 'household',
      entityId: household.household_id,
      details: { groupId, channels: channels.map((c) => c.channel) },
    });
    return { status: 'JOINED' as const, groupName: group.name, address: household.address, ...bound };
  });
  if (!result) throw wrongCode();
  if (result.status === 'PENDING') return { ...result, manageToken: token };
  return { ...result, manageToken: token, zaloOaId: deps.config.zalo.oaId ?? null };
}
