import { createHash, timingSafeEqual } from 'node:crypto';
import { open311Status, TicketStatus } from '../../../shared/feedback.js';
import type { Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { localParts } from '../calendar/working-days.js';
import { createTicket } from '../feedback/feedback.intake.js';
import { ensureCategories, loadFeedbackSettings } from '../feedback/feedback.settings.js';
import { Open311Error, type Row } from './open311.format.js';
import * as repo from './open311.repo.js';
import { type PostRequestInput, type RequestsQuery, WINDOW_DAYS } from './open311.schemas.js';

/** The spec's address for the GeoReport v2 specification, as discovery names it. */
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's behaviour last changed (discovery's changeset): bump it with a change clients should notice. */
export const CHANGESET = '2026-12-07T00:00:00+07:00';
const DAY_MS = 86_400_000;

/** Vietnam keeps +07:00 all year: the spec wants a timezone on every date, and the commune's own is the clearest. */
export function localIso(date: Date | null | undefined): string | null {
  if (!date) return null;
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/** A jurisdiction_id is the commune's five-digit code; a missing or unknown one is refused before anything else. */
export async function getJurisdiction(tx: Tx, jurisdictionId: string | undefined) {
  if (!jurisdictionId) {
    throw new Open311Error(
      400,
      'jurisdiction_id: required — this endpoint serves many communes; send the commune code (e.g. 00001)',
    );
  }
  const commune = await repo.findCommune(tx, jurisdictionId);
  if (!commune) throw new Open311Error(404, `jurisdiction_id: no commune or ward has code ${jurisdictionId}`);
  return commune;
}

/** Discovery: where the endpoint is, which formats it speaks, and who to ask for a key. */
export function discovery(publicUrl: string) {
  const endpoint = {
    specification: SPECIFICATION,
    url: `${publicUrl}/open311/v2`,
    changeset: CHANGESET,
    type: 'production',
    formats: ['text/xml', 'application/json'],
  };
  const contact = `${publicUrl} — Ủy ban nhân dân xã, phường (the commune People's Committee) whose code is the jurisdiction_id`;
  const keyService =
    'An api_key is issued by the commune: ask its People\'s Committee (its "Phản ánh, kiến nghị" settings)';
  return {
    json: { changeset: CHANGESET, contact, key_service: keyService, endpoints: [endpoint] },
    xml: {
      changeset: CHANGESET,
      contact,
      key_service: keyService,
      endpoints: { endpoint: [{ ...endpoint, formats: { format: endpoint.formats } }] },
    },
  };
}

/** The commune's active categories as Open311 services: no attributes (metadata false), answered in real time. */
export async function listServices(tx: Tx, communeId: number): Promise<Row[]> {
  const categories = await ensureCategories(tx, communeId);
  return categories
    .filter((c) => c.active)
    .map((c) => ({
      service_code: c.code,
      service_name: c.nameVi,
      description: c.descriptionVi ?? c.nameEn,
      metadata: false,
      type: 'realtime',
      keywords: c.nameEn,
      group: 'Phản ánh, kiến nghị',
    }));
}

/** A service's definition: it has no attributes (metadata=false), so an empty list; an unknown code is 404. */
export async function getServiceDefinition(tx: Tx, communeId: number, code: string) {
  const services = await listServices(tx, communeId);
  if (!services.some((s) => s.service_code === code)) {
    throw new Open311Error(404, `service_code: no service ${code} in this jurisdiction`);
  }
  return { json: { service_code: code, attributes: [] }, xml: { service_code: code, attributes: '' } };
}

function request(r: repo.PublishedRequest): Row {
  const status = open311Status(r.status);
  return {
    service_request_id: r.code,
    status,
    status_notes: r.publicAnswer,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.publicBody,
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: localIso(r.receivedAt),
    // The spec: for a closed request, the time it was closed (the answer, or the closing after it).
    updated_datetime: localIso(status === 'closed' ? (r.closedAt ?? r.answeredAt ?? r.updatedAt) : r.updatedAt),
    expected_datetime: localIso(r.extendedDueAt ?? r.dueAt),
    // Where and who stay with the commune: the published text is what the officer checked and masked.
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/**
 * The spec's search: `service_request_id` (a comma list) overrides every other filter; otherwise a window of at
 * most 90 days on requested_datetime (the last 90 by default), service codes, status, and the `page`/`page_size`
 * extension. Only published tickets are ever listed.
 */
export async function listRequests(tx: Tx, communeId: number, query: RequestsQuery, now: Date) {
  const limit = query.page_size;
  const offset = (query.page - 1) * limit;
  if (query.service_request_id) {
    const codes = [...new Set(query.service_request_id.split(',').map((c) => c.trim()))].filter(Boolean);
    const rows = await repo.listPublishedRequests(tx, { communeId, codes: codes.slice(0, 100), limit, offset });
    return rows.map(request);
  }
  const start = query.start_date ? new Date(query.start_date) : undefined;
  const end = query.end_date ? new Date(query.end_date) : undefined;
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
  if (from > to) throw new Open311Error(400, 'start_date: must not be after end_date');
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS) {
    throw new Open311Error(400, `start_date, end_date: the range may not span more than ${WINDOW_DAYS} days`);
  }
  const serviceCodes = query.service_code
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const rows = await repo.listPublishedRequests(tx, {
    communeId,
    serviceCodes,
    from,
    // end_date is inclusive: a request at that very instant is in.
    to: new Date(to.getTime() + 1),
    status: query.status,
    limit,
    offset,
  });
  return rows.map(request);
}

/** One published request by its id (the ticket code); 404 while it is not published. */
export async function getRequest(tx: Tx, communeId: number, code: string) {
  const [row] = await repo.listPublishedRequests(tx, { communeId, codes: [code], limit: 1, offset: 0 });
  if (!row) throw new Open311Error(404, `service_request_id: no published request ${code} in this jurisdiction`);
  return [request(row)];
}

/**
 * The token answered to a POST while the ticket waits to be accepted: the ticket's id and a keyed MAC of it, so it
 * needs no column and tells nothing but that one ticket's code. It is not the citizen's status link (which opens
 * rating, reopening and messages): a client app never holds that.
 */
export function tokenOf(deps: Pick<AppDeps, 'cipher'>, ticketId: number): string {
  return `${ticketId}-${deps.cipher.blindIndex(`open311-token:${ticketId}`, 'link')}`;
}

function ticketOfToken(deps: Pick<AppDeps, 'cipher'>, token: string): number | undefined {
  const match = /^(\d{1,10})-([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const id = Number(match[1]);
  const expected = Buffer.from(tokenOf(deps, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

/**
 * A token's request: its service_request_id (the ticket code) once the commune has acted on the ticket (accepted,
 * assigned, transferred, answered or refused), and only the token while it still waits to be accepted.
 */
export async function lookupToken(tx: Tx, deps: Pick<AppDeps, 'cipher'>, communeId: number, token: string) {
  const id = ticketOfToken(deps, token);
  const ticket = id === undefined ? undefined : await repo.findTicketCode(tx, communeId, id);
  if (!ticket) throw new Open311Error(404, 'token: unknown in this jurisdiction');
  return [
    {
      service_request_id: ticket.status === TicketStatus.RECEIVED ? null : ticket.code,
      token,
    },
  ];
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The client app behind an api_key, which must be live and issued by this commune (403 otherwise, as the spec says). */
export async function authenticateClient(tx: Tx, communeId: number, apiKey: string | undefined) {
  if (!apiKey) throw new Open311Error(403, 'api_key: required to post a service request');
  const client = await repo.findClientByKeyHash(tx, hashApiKey(apiKey));
  if (!client || client.communeId !== communeId)
    throw new Open311Error(403, 'api_key: not valid for this jurisdiction');
  if (client.revokedAt) throw new Open311Error(403, 'api_key: this key was revoked by the commune');
  return client;
}

/** The start of today in Vietnam: the per-phone daily limit counts from there. */
const startOfLocalDay = (now: Date) => new Date(`${localParts(now).day}T00:00:00+07:00`);

/**
 * Files a POSTed service request as a ticket (channel OPEN311, the client recorded) through createTicket, audited,
 * and answers with the ticket code when it is already accepted (its category routes to a person) or else a token.
 * A media_url is kept as a link in the body and never fetched.
 */
export async function postRequest(
  deps: Pick<AppDeps, 'cipher' | 'database' | 'jobs'>,
  input: PostRequestInput & { communeId: number },
  actor: Actor,
  now: Date,
) {
  const created = await deps.database.db.transaction(async (tx) => {
    const client = await authenticateClient(tx, input.communeId, input.api_key);
    const categories = await ensureCategories(tx, input.communeId);
    const category = categories.find((c) => c.code === input.service_code && c.active);
    if (!category) throw new Open311Error(404, `service_code: no service ${input.service_code} in this jurisdiction`);
    if (input.phone) {
      const settings = await loadFeedbackSettings(tx, input.communeId);
      const today = await repo.countByPhoneSince(
        tx,
        input.communeId,
        deps.cipher.blindIndex(input.phone, 'phone'),
        startOfLocalDay(now),
      );
      if (today >= settings.perPhonePerDay) {
        throw new Open311Error(429, `phone: at most ${settings.perPhonePerDay} requests a day from one phone`);
      }
    }
    const description = input.description ?? '';
    const firstLine = description.split('\n')[0]!.trim();
    const title = firstLine ? (firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine) : category.nameVi;
    const body = input.media_url
      ? `${description}\n\nẢnh, tệp (Open311 media_url): ${input.media_url}`.trim()
      : description;
    // Vietnamese names run family name first: "Nguyễn" (last_name) "Văn An" (first_name) → "Nguyễn Văn An".
    const senderName = [input.last_name, input.first_name].filter(Boolean).join(' ') || null;
    const ticket = await createTicket(tx, deps, {
      communeId: input.communeId,
      categoryId: category.id,
      channel: 'OPEN311',
      title,
      body,
      address: input.address_string ?? null,
      lat: input.lat ?? null,
      lng: input.long ?? null,
      publishable: input.publishable ?? false,
      senderName,
      senderPhone: input.phone ?? null,
      senderEmail: input.email ?? null,
      apiClientId: client.id,
      receivedAt: now,
    });
    await repo.touchClient(tx, client.id);
    await insertAudit(tx, actor, {
      action: 'feedback.open311.create',
      entityType: 'ticket',
      entityId: ticket.id,
      details: { clientId: client.id, serviceCode: category.code, code: ticket.code },
    });
    return ticket;
  });
  // Told after the commit, so the worker finds the ticket: SMS or email with the code (feedback.notify, ZALO's worker).
  if (input.phone || input.email) await deps.jobs.send('feedback.notify', { ticketId: created.id, kind: 'RECEIVED' });
  const accepted = created.status !== TicketStatus.RECEIVED;
  return [
    {
      ...(accepted ? { service_request_id: created.code } : { token: tokenOf(deps, created.id) }),
      service_notice: `Đã nhận phản ánh; hạn trả lời ${localIso(created.dueAt)}`,
      account_id: null,
    },
  ];
}
