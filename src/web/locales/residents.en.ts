import type { residentsVi } from './residents.vi.js';

/** Residents: the people in the registry, in English, key for key. */
export const residentsEn: typeof residentsVi = {
  title: 'Residents',
  fullName: 'Full name',
  birthDate: 'Date of birth',
  gender: 'Gender',
  personalId: 'Personal ID',
  phone: 'Phone',
  unit: 'Group',
  address: 'Address',
  smartphone: 'Smartphone',
  tags: 'Tags',
  count: '{{count}} people',
  includeFormer: 'Include people who moved away',
  memberships: 'Residence history',
  sensitive: 'Sensitive information',
  ethnicity: 'Ethnicity',
  health: 'Health',
  household: 'Household',
  since: 'From {{date}}',
  until: 'to {{date}}',
  now: 'to now',
  checkedOn: 'checked on {{date}}',
  openHousehold: 'Open household',
  updateVneid: 'Update VNeID',
};
