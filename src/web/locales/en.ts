import { authEn } from './auth.en.js';
import { residentsEn } from './residents.en.js';
import { householdsEn } from './households.en.js';
import { unitsEn } from './units.en.js';
import { importsEn } from './imports.en.js';
import { usersEn } from './users.en.js';
import { auditEn } from './audit.en.js';
import { proceduresEn } from './procedures.en.js';
import { calendarEn } from './calendar.en.js';
import { dossiersEn } from './dossiers.en.js';
import { paymentsEn } from './payments.en.js';
import { counterEn } from './counter.en.js';
import { citizensEn } from './citizens.en.js';
import { indicatorsEn } from './indicators.en.js';
import { announcementsEn } from './announcements.en.js';
import { teamsEn } from './teams.en.js';
import { sandboxEn } from './sandbox.en.js';
import { campaignsEn } from './campaigns.en.js';
import { documentsEn } from './documents.en.js';
import type { Messages } from './vi.js';

/** English: complete, key for key (the type makes a missing key a build error). */
export const en: Messages = {
  app: { name: 'Ketnoi', tagline: 'Household and resident registry of the commune' },
  nav: {
    home: 'Home',
    residents: 'Residents',
    households: 'Households',
    units: 'Units',
    import: 'Import a list',
    users: 'Accounts',
    audit: 'Audit log',
    account: 'My account',
    logout: 'Sign out',
    logoutEverywhere: 'Sign out everywhere',
    menu: 'Menu',
    announcements: 'Announcements',
    appointments: 'Appointments',
    admin: 'Procedures and calendar',
    indicators: 'One-stop indicators',
    dossiers: 'One-stop dossiers',
    counter: 'Counter submission',
    procedures: 'Procedures',
    lookup: 'Track a dossier',
  },
  lang: { label: 'Language', vi: 'Tiếng Việt', en: 'English' },
  common: {
    search: 'Search',
    loading: 'Loading…',
    noAccess: 'You do not have access to this page. Ask an administrator if you need it.',
    none: 'Nothing found',
    save: 'Save',
    cancel: 'Cancel',
    back: 'Back',
    next: 'Next page',
    prev: 'Previous page',
    page: 'Page {{page}}',
    yes: 'Yes',
    no: 'No',
    unknown: 'Unknown',
    export: 'Export',
    exportXlsx: 'Export Excel',
    exportCsv: 'Export CSV',
    all: 'All',
    close: 'Close',
    create: 'Create',
    edit: 'Edit',
    saved: 'Saved',
    retry: 'Try again',
  },
  home: {
    greeting: 'Hello, {{name}}',
    searchHint: 'Type a name (accents optional), an ID number, a phone number or an address',
    yourUnits: 'Your units',
    quick: 'Common tasks',
  },
  search: { placeholder: 'e.g. nguyen van an, 0912345678, ngo 3', label: 'Find a person or household' },
  gender: { MALE: 'Male', FEMALE: 'Female' },
  vneid: { NONE: 'None', L1: 'Level 1', L2: 'Level 2', label: 'Electronic ID (VNeID)' },
  householdKind: { FAMILY: 'Family', BOARDING_HOUSE: 'Boarding house', COLLECTIVE: 'Collective' },
  relation: {
    HEAD: 'Head',
    SPOUSE: 'Spouse',
    CHILD: 'Child',
    PARENT: 'Parent',
    SIBLING: 'Sibling',
    GRANDCHILD: 'Grandchild',
    TENANT: 'Tenant',
    OTHER: 'Other',
  },
  residence: { PERMANENT: 'Permanent', TEMPORARY: 'Temporary', TEMPORARY_ABSENT: 'Temporarily absent' },
  role: {
    SYSTEM_ADMIN: 'System administrator',
    PROVINCE_OFFICER: 'Province officer',
    COMMUNE_LEADER: 'Commune leader',
    ONESTOP_OFFICER: 'One-stop officer',
    GROUP_HEAD: 'Village / group head',
    DIGITAL_TEAM: 'Community digital team',
  },
  unitKind: {
    NATION: 'Nation',
    PROVINCE: 'Province',
    CITY: 'City',
    COMMUNE: 'Commune',
    WARD: 'Ward',
    SPECIAL_ZONE: 'Special zone',
    THON: 'Village (thôn)',
    AP: 'Hamlet (ấp)',
    BAN: 'Village (bản)',
    BUON: 'Village (buôn)',
    SOC: 'Village (sóc)',
    TO_DAN_PHO: 'Residential group',
    KHU_PHO: 'Quarter (khu phố)',
    KHOM: 'Quarter (khóm)',
    ZONE: 'Alley / zone',
  },
  chart: {
    showTable: 'Show the numbers',
    hideTable: 'Hide the numbers',
    tableOf: 'Numbers: {{title}}',
    when: { hour: 'Hour', day: 'Day', month: 'Month' },
  },
  errors: { network: 'Cannot reach the server. Check the connection and try again.', generic: 'Something went wrong' },
  auth: authEn,
  residents: residentsEn,
  households: householdsEn,
  units: unitsEn,
  imports: importsEn,
  users: usersEn,
  audit: auditEn,
  procedures: proceduresEn,
  calendar: calendarEn,
  dossiers: dossiersEn,
  payments: paymentsEn,
  counter: counterEn,
  citizens: citizensEn,
  indicators: indicatorsEn,
  announcements: announcementsEn,
  teams: teamsEn,
  sandbox: sandboxEn,
  campaigns: campaignsEn,
  documents: documentsEn,
};
