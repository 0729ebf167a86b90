import type { Role } from './enums.js';

/**
 * What each role may do. A role is held on a unit and covers that unit's whole subtree; the server enforces the
 * scope in the query layer (src/server/db/scope.ts), this table only says which actions a role grants at all.
 * The web app reads the same table to decide which buttons to show.
 */
export const Permission = {
  UNIT_READ: 'unit.read',
  UNIT_MANAGE: 'unit.manage',
  HOUSEHOLD_READ: 'household.read',
  HOUSEHOLD_WRITE: 'household.write',
  RESIDENT_READ: 'resident.read',
  RESIDENT_WRITE: 'resident.write',
  /** Ethnicity and health notes: sensitive personal data under Decree 13/2023 and Law 91/2025. */
  RESIDENT_READ_SENSITIVE: 'resident.readSensitive',
  /**
   * See a person's full ID number and phone (audited each time). Without it, as in the field app, they show masked:
   * the digital team works from names and the last digits.
   */
  RESIDENT_UNMASK: 'resident.unmask',
  REGISTRY_IMPORT: 'registry.import',
  REGISTRY_EXPORT: 'registry.export',
  USER_MANAGE: 'user.manage',
  AUDIT_READ: 'audit.read',
  /** Edit, version and publish the procedure catalog; edit the working-day calendar. */
  PROCEDURE_MANAGE: 'procedure.manage',
  CALENDAR_MANAGE: 'calendar.manage',
  /** Submit a dossier at the counter on a citizen's behalf (officers and digital-team members on duty). */
  DOSSIER_SUBMIT: 'dossier.submit',
  DOSSIER_READ: 'dossier.read',
  /** The one-stop officer's actions: receive, refuse, request papers or fees, assign, return, stop. */
  DOSSIER_PROCESS: 'dossier.process',
  /** The leader's actions: approve, send back, resolve. */
  DOSSIER_APPROVE: 'dossier.approve',
  /** Write announcements and target households (group heads inside their group). */
  ANNOUNCEMENT_WRITE: 'announcement.write',
  /**
   * Send a campaign reminder to households reminded less than the guard's interval ago (default 24 h): a leader's
   * call, audited with its reason.
   */
  REMINDER_OVERRIDE: 'reminder.override',
  /** Provider limits of the delivery channels: instance-wide, so the system administrator's. */
  CHANNEL_MANAGE: 'channel.manage',
  /** Set up digital-technology teams, their members, the counter's duty roster and support points. */
  TEAM_MANAGE: 'team.manage',
  /** Start and refresh door-to-door campaigns (province, commune, or a group head for their group). */
  CAMPAIGN_MANAGE: 'campaign.manage',
  /** Work a campaign door to door: download one's households, record visits, write allowed fields back. */
  CAMPAIGN_VISIT: 'campaign.visit',
  /** See the questions and reports (PAKN) of one's units, with the sender's contact. */
  FEEDBACK_READ: 'feedback.read',
  /** Work them: accept, refuse, assign, transfer, note, draft and send answers, record one for a caller. */
  FEEDBACK_PROCESS: 'feedback.process',
  /** The leader's part: approve answers (where required) and extensions, publish on "Hỏi đáp", mark abuse. */
  FEEDBACK_APPROVE: 'feedback.approve',
  /** Categories and their routing, deadlines, answer templates, Open311 client keys. */
  FEEDBACK_MANAGE: 'feedback.manage',
  /** Scorecards: indicators, targets, rankings and dashboards of one's units (a group head: their group). */
  SCORECARD_READ: 'scorecard.read',
  /** Enter a unit's values with evidence and send them to the province; keep the unit's ICT inventory. */
  SCORECARD_ENTER: 'scorecard.enter',
  /** The province's part: approve or return entered values. */
  SCORECARD_APPROVE: 'scorecard.approve',
  /** Set targets (a commune only tightens what the province set). */
  SCORECARD_TARGET: 'scorecard.target',
  /** Choose the indicators on the commune's public page. */
  SCORECARD_PUBLISH: 'scorecard.publish',
  /** The province's catalog: its own indicators and scored sets, traffic-light margins, monthly snapshots. */
  SCORECARD_MANAGE: 'scorecard.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
const everything = Object.values(Permission);

export const rolePermissions = {
  SYSTEM_ADMIN: everything,
  PROVINCE_OFFICER: [
    P.UNIT_READ,
    P.HOUSEHOLD_READ,
    P.RESIDENT_READ,
    P.REGISTRY_EXPORT,
    P.AUDIT_READ,
    P.PROCEDURE_MANAGE,
    P.CALENDAR_MANAGE,
    P.DOSSIER_READ,
    P.CAMPAIGN_MANAGE,
    P.FEEDBACK_READ,
    P.SCORECARD_READ,
    P.SCORECARD_APPROVE,
    P.SCORECARD_TARGET,
    P.SCORECARD_MANAGE,
  ],
  COMMUNE_LEADER: [
    P.UNIT_READ,
    P.UNIT_MANAGE,
    P.HOUSEHOLD_READ,
    P.HOUSEHOLD_WRITE,
    P.RESIDENT_READ,
    P.RESIDENT_WRITE,
    P.RESIDENT_UNMASK,
    P.RESIDENT_READ_SENSITIVE,
    P.REGISTRY_IMPORT,
    P.REGISTRY_EXPORT,
    P.USER_MANAGE,
    P.AUDIT_READ,
    P.DOSSIER_SUBMIT,
    P.DOSSIER_READ,
    P.DOSSIER_PROCESS,
    P.DOSSIER_APPROVE,
    P.ANNOUNCEMENT_WRITE,
    P.REMINDER_OVERRIDE,
    P.TEAM_MANAGE,
    P.CAMPAIGN_MANAGE,
    P.CAMPAIGN_VISIT,
    P.FEEDBACK_READ,
    P.FEEDBACK_PROCESS,
    P.FEEDBACK_APPROVE,
    P.FEEDBACK_MANAGE,
    P.SCORECARD_READ,
    P.SCORECARD_ENTER,
    P.SCORECARD_TARGET,
    P.SCORECARD_PUBLISH,
  ],
  ONESTOP_OFFICER: [
    P.UNIT_READ,
    P.HOUSEHOLD_READ,
    P.HOUSEHOLD_WRITE,
    P.RESIDENT_READ,
    P.RESIDENT_WRITE,
    P.RESIDENT_UNMASK,
    P.RESIDENT_READ_SENSITIVE,
    P.REGISTRY_IMPORT,
    P.REGISTRY_EXPORT,
    P.DOSSIER_SUBMIT,
    P.DOSSIER_READ,
    P.DOSSIER_PROCESS,
    P.FEEDBACK_READ,
    P.FEEDBACK_PROCESS,
    P.SCORECARD_READ,
    P.SCORECARD_ENTER,
  ],
  GROUP_HEAD: [
    P.UNIT_READ,
    P.HOUSEHOLD_READ,
    P.HOUSEHOLD_WRITE,
    P.RESIDENT_READ,
    P.RESIDENT_WRITE,
    P.RESIDENT_UNMASK,
    P.REGISTRY_IMPORT,
    P.REGISTRY_EXPORT,
    P.ANNOUNCEMENT_WRITE,
    P.TEAM_MANAGE,
    P.CAMPAIGN_MANAGE,
    P.CAMPAIGN_VISIT,
    P.FEEDBACK_READ,
    P.FEEDBACK_PROCESS,
    P.SCORECARD_READ,
  ],
  DIGITAL_TEAM: [P.UNIT_READ, P.HOUSEHOLD_READ, P.RESIDENT_READ, P.DOSSIER_SUBMIT, P.CAMPAIGN_VISIT],
} as const satisfies Record<Role, readonly Permission[]>;

/**
 * Roles ranked for delegation: an account manager may grant only roles ranked below the highest role it holds on
 * that unit's ancestors, so a commune leader can appoint group heads but not another province officer.
 */
export const roleRank: Record<Role, number> = {
  SYSTEM_ADMIN: 100,
  PROVINCE_OFFICER: 80,
  COMMUNE_LEADER: 60,
  ONESTOP_OFFICER: 40,
  GROUP_HEAD: 30,
  DIGITAL_TEAM: 20,
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}
