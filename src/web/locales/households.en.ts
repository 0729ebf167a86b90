import type { householdsVi } from './households.vi.js';

/** Households, their heads and members, in English, key for key. */
export const householdsEn: typeof householdsVi = {
  title: 'Households',
  head: 'Head',
  members: 'Members',
  memberCount: '{{count}} people',
  code: 'No.',
  kind: 'Kind',
  current: 'Living here',
  past: 'Moved out',
  joined: 'Joined',
  left: 'Left',
  relation: 'Relation',
  residence: 'Residence',
  noHead: 'No head yet',
};
