import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { finishedTicketStatuses, type TicketStatus } from '../../../shared/feedback.js';
import type { Tx } from '../../db/client.js';
import { feedbackCategories, open311Clients, tickets, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';

/** An issued key as the console lists it: never the key, only its first characters. */
export const clientColumns = {
  id: open311Clients.id,
  communeId: open311Clients.communeId,
  name: open311Clients.name,
  contact: open311Clients.contact,
  keyPrefix: open311Clients.keyPrefix,
  createdAt: open311Clients.createdAt,
  lastUsedAt: open311Clients.lastUsedAt,
  revokedAt: open311Clients.revokedAt,
};
export type ClientRow = {
  id: number;
  communeId: number;
  name: string;
  contact: string | null;
  keyPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listClients(tx: Tx, communeId: number, scope: Scope): Promise<ClientRow[]> {
  return tx
    .select(clientColumns)
    .from(open311Clients)
    .where(and(eq(open311Clients.communeId, communeId), unitInScope(open311Clients.communeId, scope)))
    .orderBy(asc(open311Clients.revokedAt), desc(open311Clients.createdAt), desc(open311Clients.id));
}

export async function insertClient(
  tx: Tx,
  values: { communeId: number; name: string; contact: string | null; keyHash: string; keyPrefix: string; by: number },
): Promise<ClientRow> {
  const [row] = await tx
    .insert(open311Clients)
    .values({ ...values, createdBy: values.by })
    .returning(clientColumns);
  return row!;
}

/** Revokes a key of a commune in scope (once: a revoked key stays revoked at its first date). */
export async function revokeClient(tx: Tx, id: number, scope: Scope): Promise<ClientRow | undefined> {
  const [row] = await tx
    .update(open311Clients)
    .set({ revokedAt: sql`coalesce(${open311Clients.revokedAt}, now())` })
    .where(and(eq(open311Clients.id, id), unitInScope(open311Clients.communeId, scope)))
    .returning(clientColumns);
  return row;
}

export async function findClientByKeyHash(tx: Tx, keyHash: string) {
  const [row] = await tx
    .select({
      id: open311Clients.id,
      communeId: open311Clients.communeId,
      name: open311Clients.name,
      revokedAt: open311Clients.revokedAt,
    })
    .from(open311Clients)
    .where(eq(open311Clients.keyHash, keyHash));
  return row;
}

export async function touchClient(tx: Tx, id: number) {
  await tx.update(open311Clients).set({ lastUsedAt: sql`now()` }).where(eq(open311Clients.id, id));
}

/** A commune (by its code) as an Open311 jurisdiction. */
export async function findCommune(tx: Tx, code: string) {
  const [row] = await tx
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.code, code), eq(units.tier, 'COMMUNE'), isNull(units.closedAt)));
  return row;
}

/** A commune in the caller's scope (where keys are issued); undefined when it is not one or not theirs. */
export async function findCommuneInScope(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.id, id), eq(units.tier, 'COMMUNE'), unitInScope(units.id, scope)));
  return row;
}

/** Tickets one phone opened in a commune since an instant (the per-phone daily limit). */
export async function countByPhoneSince(tx: Tx, communeId: number, phoneBidx: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(eq(tickets.communeId, communeId), eq(tickets.senderPhoneBidx, phoneBidx), gte(tickets.receivedAt, since)),
    );
  return row?.n ?? 0;
}

/**
 * What the GET side may show of a ticket: only what an officer published on "Hỏi đáp" (the masked body and answer),
 * its category, the unit handling it and its dates. No sender, no address, no map point, no photo.
 */
const publishedColumns = {
  id: tickets.id,
  code: tickets.code,
  status: tickets.status,
  serviceCode: feedbackCategories.code,
  serviceName: feedbackCategories.nameVi,
  agency: units.name,
  publicBody: tickets.publicBody,
  publicAnswer: tickets.publicAnswer,
  receivedAt: tickets.receivedAt,
  updatedAt: tickets.updatedAt,
  answeredAt: tickets.answeredAt,
  closedAt: tickets.closedAt,
  dueAt: tickets.dueAt,
  extendedDueAt: tickets.extendedDueAt,
};
export type PublishedRequest = {
  id: number;
  code: string;
  status: TicketStatus;
  serviceCode: string;
  serviceName: string;
  agency: string;
  publicBody: string | null;
  publicAnswer: string | null;
  receivedAt: Date;
  updatedAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
  dueAt: Date;
  extendedDueAt: Date | null;
};

export type RequestFilter = {
  communeId: number;
  /** Ticket codes: when given, the only filter (the spec's rule for service_request_id). */
  codes?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
};

/** Published, not hidden as abuse, in one commune: newest first. */
export async function listPublishedRequests(tx: Tx, filter: RequestFilter): Promise<PublishedRequest[]> {
  const where: (SQL | undefined)[] = [
    eq(tickets.communeId, filter.communeId),
    isNotNull(tickets.publishedAt),
    isNull(tickets.abuseAt),
  ];
  if (filter.codes) where.push(inArray(tickets.code, filter.codes));
  else {
    if (filter.serviceCodes?.length) where.push(inArray(feedbackCategories.code, filter.serviceCodes));
    if (filter.from) where.push(gte(tickets.receivedAt, filter.from));
    if (filter.to) where.push(lt(tickets.receivedAt, filter.to));
    if (filter.status === 'closed') where.push(inArray(tickets.status, [...finishedTicketStatuses]));
    if (filter.status === 'open')
      where.push(
        sql`${tickets.status} not in (${sql.join(
          [...finishedTicketStatuses].map((s) => sql`${s}`),
          sql`, `,
        )})`,
      );
  }
  const rows = await tx
    .select(publishedColumns)
    .from(tickets)
    .innerJoin(feedbackCategories, eq(feedbackCategories.id, tickets.categoryId))
    .innerJoin(units, eq(units.id, tickets.unitId))
    .where(and(...where))
    .orderBy(desc(tickets.receivedAt), desc(tickets.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows as PublishedRequest[];
}

/** A ticket of a commune by id, for the token lookup: its code and status only. */
export async function findTicketCode(tx: Tx, communeId: number, id: number) {
  const [row] = await tx
    .select({ code: tickets.code, status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.id, id), eq(tickets.communeId, communeId)));
  return row as { code: string; status: TicketStatus } | undefined;
}
