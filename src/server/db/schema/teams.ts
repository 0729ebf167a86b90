import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { users } from './users.js';

/**
 * A Community Digital Technology Team (DOMAIN.md §5): one per residential group by decision of the commune chair, plus
 * a commune-level team. Members are people, not necessarily staff accounts: a volunteer with a phone; `user_id` links
 * one who also signs in (the DIGITAL_TEAM role) to the field app.
 */
export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** The commune chair's decision that set it up (number and date as written, e.g. "125/QĐ-UBND ngày 02/3/2025"). */
    decisionRef: text('decision_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_unit_idx').on(t.unitId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    fullName: text('full_name').notNull(),
    role: text('role').notNull().default('MEMBER'),
    phoneEnc: text('phone_enc'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    userId: integer('user_id').references(() => users.id),
    joinedOn: date('joined_on').notNull().default(sql`current_date`),
    leftOn: date('left_on'),
    /** When the member finished the digital-skills training (null: not yet, or not known). Counted by TEAM_TRAINED. */
    trainedOn: date('trained_on'),
    /** Who took the member off the team (with `left_on`): the past members' list says so. */
    removedBy: integer('removed_by').references(() => users.id),
    /**
     * The unit the member works in (an alley or the team's own unit; null means the team's unit): where a login made
     * for them is scoped.
     */
    unitId: integer('unit_id').references(() => units.id),
    /** Bumped by every edit, so an edit made from a stale row is refused. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('team_members_team_idx').on(t.teamId),
    check('team_members_role_check', sql`${t.role} in ('HEAD', 'DEPUTY', 'MEMBER')`),
  ],
);

/** Who helps at the one-stop counter when: a team member on a shift of a day. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    shift: text('shift').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => teamMembers.id),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('duty_shifts_key').on(t.unitId, t.day, t.shift, t.memberId),
    check('duty_shifts_shift_check', sql`${t.shift} in ('MORNING', 'AFTERNOON', 'EVENING')`),
  ],
);

/** A place where the team helps people (a grocery store in the evening, the cultural house), shown to citizens. */
export const supportPoints = pgTable(
  'support_points',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    /** Opening hours as people say them ("18:00–21:00, thứ Hai đến thứ Sáu"). */
    hours: text('hours').notNull(),
    services: text('services'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_points_unit_idx').on(t.unitId)],
);
