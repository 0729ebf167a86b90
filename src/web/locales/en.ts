import { campaignsEn } from './campaigns.en.js';
import { fieldEn } from './field.en.js';
import { teamsEn } from './teams.en.js';
import { channelsEn } from './channels.en.js';
import type { Messages } from './vi.js';
import { onestopEn } from './onestop.en.js';

/** English: complete, key for key (the type makes a missing key a build error). */
export const en: Messages = {
  app: { name: 'Ketnoi', tagline: 'Household and resident registry of the commune' },
  nav: { home: 'Home', residents: 'Residents', households: 'Households', units: 'Units', import: 'Import a list', users: 'Accounts', audit: 'Audit log', account: 'My account', logout: 'Sign out', logoutEverywhere: 'Sign out everywhere', menu: 'Menu' },
  lang: { label: 'Language', vi: 'Tiếng Việt', en: 'English' },
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', busy: 'Signing in…' },
  common: { search: 'Search', loading: 'Loading…', none: 'Nothing found', save: 'Save', cancel: 'Cancel', back: 'Back', next: 'Next page', prev: 'Previous page', page: 'Page {{page}}', yes: 'Yes', no: 'No', unknown: 'Unknown', export: 'Export', exportXlsx: 'Export Excel', exportCsv: 'Export CSV', all: 'All', close: 'Close', create: 'Create', edit: 'Edit', saved: 'Saved', retry: 'Try again' },
  home: { greeting: 'Hello, {{name}}', searchHint: 'Type a name (accents optional), an ID number, a phone number or an address', yourUnits: 'Your units', quick: 'Common tasks' },
  search: { placeholder: 'e.g. nguyen van an, 0912345678, ngo 3', label: 'Find a person or household' },
  gender: { MALE: 'Male', FEMALE: 'Female' },
  vneid: { NONE: 'None', L1: 'Level 1', L2: 'Level 2', label: 'Electronic ID (VNeID)' },
  householdKind: { FAMILY: 'Family', BOARDING_HOUSE: 'Boarding house', COLLECTIVE: 'Collective' },
  relation: { HEAD: 'Head', SPOUSE: 'Spouse', CHILD: 'Child', PARENT: 'Parent', SIBLING: 'Sibling', GRANDCHILD: 'Grandchild', TENANT: 'Tenant', OTHER: 'Other' },
  residence: { PERMANENT: 'Permanent', TEMPORARY: 'Temporary', TEMPORARY_ABSENT: 'Temporarily absent' },
  role: { SYSTEM_ADMIN: 'System administrator', PROVINCE_OFFICER: 'Province officer', COMMUNE_LEADER: 'Commune leader', ONESTOP_OFFICER: 'One-stop officer', GROUP_HEAD: 'Village / group head', DIGITAL_TEAM: 'Community digital team' },
  unitKind: { NATION: 'Nation', PROVINCE: 'Province', CITY: 'City', COMMUNE: 'Commune', WARD: 'Ward', SPECIAL_ZONE: 'Special zone', THON: 'Village (thôn)', AP: 'Hamlet (ấp)', BAN: 'Village (bản)', BUON: 'Village (buôn)', SOC: 'Village (sóc)', TO_DAN_PHO: 'Residential group', KHU_PHO: 'Quarter (khu phố)', KHOM: 'Quarter (khóm)', ZONE: 'Alley / zone' },
  residents: {
    title: 'Residents', fullName: 'Full name', birthDate: 'Date of birth', gender: 'Gender', personalId: 'Personal ID', phone: 'Phone', unit: 'Group', address: 'Address', smartphone: 'Smartphone', tags: 'Tags',
    count: '{{count}} people', includeFormer: 'Include people who moved away', memberships: 'Residence history', sensitive: 'Sensitive information', ethnicity: 'Ethnicity', health: 'Health', household: 'Household', since: 'From {{date}}', until: 'to {{date}}', now: 'to now', checkedOn: 'checked on {{date}}', openHousehold: 'Open household', updateVneid: 'Update VNeID',
  },
  households: { title: 'Households', head: 'Head', members: 'Members', memberCount: '{{count}} people', code: 'No.', kind: 'Kind', current: 'Living here', past: 'Moved out', joined: 'Joined', left: 'Left', relation: 'Relation', residence: 'Residence', boardingOnly: 'Boarding houses only', noHead: 'No head yet' },
  units: { title: 'Administrative units and residential groups', children: 'Units below', closed: 'Closed', addChild: 'Add a unit below', code: 'Code', name: 'Name', kind: 'Kind', rename: 'Rename', close: 'Close', closeReason: 'Reason for closing', households: 'Households in this unit', residents: 'Residents in this unit' },
  import: {
    title: 'Import households and residents', step1: '1. Download the template and fill in the list', step2: '2. Choose the unit and the file (.xlsx or .csv)', step3: '3. Check and import',
    templateXlsx: 'Download Excel template', templateCsv: 'Download CSV template', unit: 'Import into unit', file: 'List file', upload: 'Upload and check', uploading: 'Uploading…',
    checking: 'Checking… {{done}} rows', importing: 'Importing… {{done}}/{{total}} rows', clean: 'The file is clean: {{rows}} rows, {{households}} households. Nothing has been written yet.',
    hasErrors: 'The file has {{count}} errors. Nothing has been written yet. Fix the file and upload it again, or skip the bad rows.',
    row: 'Row', column: 'Column', reason: 'Problem', commit: 'Import into the registry', commitSkipping: 'Skip {{count}} bad rows and import the rest', done: 'Import finished', failed: 'Import failed: {{reason}}',
    summary: 'Created {{householdsCreated}} households and {{residentsCreated}} people; updated {{residentsUpdated}}; moved {{residentsMoved}}; unchanged {{residentsUnchanged}}.', again: 'Import another file', moreErrors: 'Showing the first {{shown}} of {{count}} errors.',
  },
  users: { title: 'Staff accounts', username: 'Username', fullName: 'Name', roles: 'Roles', status: 'Status', active: 'Active', disabled: 'Disabled', locked: 'Locked until {{time}}', disable: 'Disable', enable: 'Enable', resetPassword: 'Reset password', rescope: 'Change role and unit', newPassword: 'New password (at least 10 characters)', create: 'Add account', role: 'Role', unit: 'Unit', password: 'Password' },
  audit: { title: 'Access and change log', at: 'When', who: 'Who', action: 'Action', entity: 'Record', from: 'From', filterAction: 'Filter by action (e.g. resident.read)', dateFrom: 'From date', dateTo: 'To date' },
  account: { title: 'My account', changePassword: 'Change password', current: 'Current password', next: 'New password (at least 10 characters)', changed: 'Password changed. Your other devices were signed out.' },
  onestop: onestopEn,
  channels: channelsEn,
  teams: teamsEn,
  campaigns: campaignsEn,
  field: fieldEn,
  errors: { network: 'Cannot reach the server. Check the connection and try again.', generic: 'Something went wrong' },
};
