import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  answerStates,
  type Deadline,
  type TicketSeverity,
  ticketChannels,
  ticketEventKinds,
  ticketRatings,
  ticketSeverities,
  ticketStatuses,
} from '../../../shared/feedback.js';
import { citizenLanguages } from '../../../shared/languages.js';
import { citizens } from './citizens.js';
import { bytea, inList } from './columns.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * A commune's feedback settings (one row per commune; a commune without a row uses the shipped defaults in
 * src/shared/feedback.ts): deadlines per severity, the acceptance window, reopening, leader approval, limits.
 */
export const feedbackSettings = pgTable('feedback_settings', {
  communeId: integer('commune_id')
    .primaryKey()
    .references(() => units.id),
  acceptWithin: jsonb('accept_within').$type<Deadline>().notNull(),
  deadlines: jsonb('deadlines').$type<Record<TicketSeverity, Deadline>>().notNull(),
  reopenDays: integer('reopen_days').notNull(),
  approvalRequired: boolean('approval_required').notNull().default(false),
  dueSoonHours: integer('due_soon_hours').notNull(),
  perPhonePerDay: integer('per_phone_per_day').notNull(),
  perAddressPerDay: integer('per_address_per_day').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id),
  /** Bumped by every save, so a save made from a stale screen is refused (a commune without a row reads as 0). */
  version: integer('version').notNull().default(1),
});

/**
 * A commune's categories. Each routes new tickets to a unit (the commune itself or one of its groups), optionally to a
 * role held there or to one person (the ticket is then ASSIGNED at once). `code` is the Open311 service_code.
 */
export const feedbackCategories = pgTable(
  'feedback_categories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** Names in ja/zh as the commune entered them (`{ ja: { name } }`); missing ones show Vietnamese. */
    translations: jsonb('translations')
      .$type<Partial<Record<'ja' | 'zh', { name: string }>>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    descriptionVi: text('description_vi'),
    routeUnitId: integer('route_unit_id').references(() => units.id),
    routeRole: text('route_role'),
    routeUserId: integer('route_user_id').references(() => users.id),
    defaultSeverity: text('default_severity').notNull().default('NORMAL'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_categories_code_key').on(t.communeId, t.code),
    check('feedback_categories_severity_check', sql`${t.defaultSeverity} in (${inList(ticketSeverities)})`),
  ],
);

/**
 * A question or report (phiếu phản ánh, kiến nghị). It belongs to the commune it was sent to (`commune_id`, fixed)
 * and sits with one unit at a time (`unit_id`: the commune or a group, moved by a transfer); staff see it while that
 * unit is in their scope. The sender's phone is encrypted with a blind index; the status link carries `lookup_token`.
 * What the public sees is separate (`public_*`): written or checked by the answering officer, never the raw text.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    lookupToken: text('lookup_token').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => feedbackCategories.id),
    severity: text('severity').notNull().default('NORMAL'),
    status: text('status').notNull().default('RECEIVED'),
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where it is: a residential group or alley, an address in words, and/or a map point (WGS 84). */
    locationUnitId: integer('location_unit_id').references(() => units.id),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** The sender allows the question (masked) and its answer on the public "Hỏi đáp" page. */
    publishable: boolean('publishable').notNull().default(false),
    senderName: text('sender_name'),
    senderPhoneEnc: text('sender_phone_enc'),
    senderPhoneBidx: text('sender_phone_bidx'),
    senderEmail: text('sender_email'),
    /** The Zalo follower who wrote to the OA (encrypted with a blind index, as a channel address). */
    senderZaloEnc: text('sender_zalo_enc'),
    senderZaloBidx: text('sender_zalo_bidx'),
    citizenId: integer('citizen_id').references(() => citizens.id),
    language: text('language').notNull().default('vi'),
    /** Folded code, title and body: what the staff search box matches. */
    searchText: text('search_text').notNull().default(''),
    assigneeId: integer('assignee_id').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** When it must be accepted (or refused) by. */
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** A leader-approved extension: the new date the citizen was told. */
    extendedDueAt: timestamp('extended_due_at', { withTimezone: true }),
    extensionRequestedUntil: timestamp('extension_requested_until', { withTimezone: true }),
    extensionReason: text('extension_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Frozen at the (first) answer: answered by the due date in force (extension included). */
    onTime: boolean('on_time'),
    /**
     * Working minutes from receipt to the first answer (workingMinutesBetween, frozen there like `on_time`); a row
     * answered by hand or loaded in bulk gets it from `feedback_working_minutes()` in the stats trigger's migration.
     */
    answerWorkingMinutes: integer('answer_working_minutes'),
    /** When it was refused (set by the database when the status becomes REJECTED): the day the measures count it. */
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    answer: text('answer'),
    answerState: text('answer_state'),
    answeredBy: integer('answered_by').references(() => users.id),
    /** Links from the answer to a procedure (code) or a guide (URL). */
    answerLinks: jsonb('answer_links').$type<{ label: string; href: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** Shown on "Hỏi đáp" only when an officer published it: the masked question and answer as previewed. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicTitle: text('public_title'),
    publicBody: text('public_body'),
    publicAnswer: text('public_answer'),
    /** Folded public title, body and answer: what the public search matches (accents ignored). */
    publicSearch: text('public_search'),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** A duplicate merged into another ticket: it follows that ticket's answer. */
    mergedIntoId: integer('merged_into_id'),
    /** Marked as abuse or spam: hidden from every list but kept. */
    abuseAt: timestamp('abuse_at', { withTimezone: true }),
    /** The Open311 client that posted it. */
    apiClientId: integer('api_client_id'),
    idempotencyKey: text('idempotency_key'),
    idempotencyScope: text('idempotency_scope'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_code_key').on(t.communeId, t.code),
    uniqueIndex('tickets_lookup_token_key').on(t.lookupToken),
    uniqueIndex('tickets_idempotency_key')
      .on(t.communeId, t.idempotencyScope, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('tickets_unit_status_due_idx').on(t.unitId, t.status, t.dueAt),
    index('tickets_commune_received_idx').on(t.communeId, t.receivedAt),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    index('tickets_commune_published_idx').on(t.communeId, t.publishedAt).where(sql`${t.publishedAt} is not null`),
    index('tickets_phone_idx').on(t.senderPhoneBidx),
    index('tickets_zalo_idx').on(t.senderZaloBidx),
    index('tickets_merged_idx').on(t.mergedIntoId),
    /** The open work by unit and deadline in force: the officers' queue and the overdue-now counts read only these. */
    index('tickets_open_due_idx')
      .on(t.unitId, sql`coalesce(${t.extendedDueAt}, ${t.dueAt})`, t.id)
      .where(
        sql`${t.status} not in ('REJECTED', 'ANSWERED', 'CLOSED') and ${t.mergedIntoId} is null and ${t.abuseAt} is null`,
      ),
    check('tickets_status_check', sql`${t.status} in (${inList(ticketStatuses)})`),
    check('tickets_severity_check', sql`${t.severity} in (${inList(ticketSeverities)})`),
    check('tickets_channel_check', sql`${t.channel} in (${inList(ticketChannels)})`),
    check('tickets_language_check', sql`${t.language} in (${inList(citizenLanguages)})`),
    check('tickets_answer_state_check', sql`${t.answerState} is null or ${t.answerState} in (${inList(answerStates)})`),
    check('tickets_rating_check', sql`${t.rating} is null or ${t.rating} in (${inList(ticketRatings)})`),
    check('tickets_lat_check', sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check('tickets_lng_check', sql`${t.lng} is null or (${t.lng} between -180 and 180)`),
  ],
);

/**
 * Feedback measures per unit and local day (Vietnam time), kept by the `tickets_stats_*` triggers (migration
 * 0043_feedback-stats): each count on its own event's day (received, first-answer day, refusal, rating), merged
 * duplicates and abuse left out, and the sum and number of the answers' working minutes. `rebuild_feedback_daily_stats()`
 * recomputes it from the tickets.
 */
export const feedbackDailyStats = pgTable(
  'feedback_daily_stats',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    answeredOnTime: integer('answered_on_time').notNull().default(0),
    answeredExtended: integer('answered_extended').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    /** The answers of the day with a known working time, and the sum of their working minutes. */
    timedAnswers: integer('timed_answers').notNull().default(0),
    answerMinutes: bigint('answer_minutes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'feedback_daily_stats_pkey', columns: [t.communeId, t.unitId, t.day] })],
);

/**
 * A ticket's journal: every status change, note, message and decision, in order. `public` rows show on the citizen's
 * status page (a status change, the answer, the citizen's own messages); notes never do.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: integer('actor_id').references(() => users.id),
    /** STAFF, CITIZEN or SYSTEM. */
    actorKind: text('actor_kind').notNull().default('STAFF'),
    body: text('body'),
    public: boolean('public').notNull().default(false),
    fromUnitId: integer('from_unit_id').references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.at),
    check('ticket_events_kind_check', sql`${t.kind} in (${inList(ticketEventKinds)})`),
    check('ticket_events_actor_check', sql`${t.actorKind} in ('STAFF', 'CITIZEN', 'SYSTEM')`),
  ],
);

/**
 * A ticket's photos and files: sniffed, size-bounded, JPEG location data stripped unless the sender chose to share
 * it. `public` only once an officer allows it on "Hỏi đáp".
 */
export const ticketFiles = pgTable(
  'ticket_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    eventId: integer('event_id').references(() => ticketEvents.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    public: boolean('public').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_files_ticket_idx').on(t.ticketId)],
);

/** Answers officers reuse, per commune. */
export const feedbackTemplates = pgTable(
  'feedback_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    categoryId: integer('category_id').references(() => feedbackCategories.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_templates_commune_idx').on(t.communeId)],
);

/**
 * An Open311 client application, issued an `api_key` by a commune: the key is shown once, stored as its SHA-256.
 * POSTed requests are filed under the issuing commune; a revoked key is refused.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    contact: text('contact'),
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, to recognise it in the list. */
    keyPrefix: text('key_prefix').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_clients_key_key').on(t.keyHash), index('open311_clients_commune_idx').on(t.communeId)],
);

/** Per commune and day: the last ticket number given (gap-free PAKN.yyyymmdd.nnnn codes). */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => units.id),
    day: text('day').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [uniqueIndex('ticket_sequences_key').on(t.communeId, t.day)],
);
