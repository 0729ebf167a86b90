import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { Role } from '../../../shared/enums.js';
import { inList } from './columns.js';
import { units } from './units.js';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('vi'),
    /** Where reminders reach the person (feedback due dates): a work email, and a phone encrypted with its blind index. */
    email: text('email'),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    /** Optimistic lock for edits of the account (409 on a stale one). */
    version: integer('version').notNull().default(1),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_phone_bidx_idx').on(t.phoneBidx),
  ],
);

/** A role held on a unit; it covers the unit's subtree. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_assignments_user_role_unit_key').on(t.userId, t.role, t.unitId),
    check('role_assignments_role_check', sql`${t.role} in (${inList(Object.values(Role))})`),
  ],
);

/**
 * Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256, so a database leak
 * yields no usable session. Deleting a user's rows is "log out everywhere".
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts per client address (an IPv6 address by its /64) in the current window, across usernames: the
 * per-address cap. An attempt is counted before its password is checked and given back when it succeeds, so parallel
 * guesses cannot overshoot; rows whose window ended are reset by the next attempt and pruned by later ones.
 */
export const loginAddressAttempts = pgTable(
  'login_address_attempts',
  {
    address: text('address').primaryKey(),
    failures: integer('failures').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_address_attempts_window_idx').on(t.windowStartedAt)],
);
