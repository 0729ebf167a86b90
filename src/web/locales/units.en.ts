import type { unitsVi } from './units.vi.js';

/** The unit tree: communes and wards, residential groups, alleys, in English, key for key. */
export const unitsEn: typeof unitsVi = {
  title: 'Administrative units and residential groups',
  children: 'Units below',
  closed: 'Closed',
  addChild: 'Add a unit below',
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  rename: 'Rename',
  close: 'Close',
  closeReason: 'Reason for closing',
  households: 'Households in this unit',
  residents: 'Residents in this unit',
  move: 'Move under another unit',
  moveTo: 'Pick the new parent in the tree',
  moveButton: 'Move',
  moveConfirm: 'Move {{unit}} (with the units, households and people under it) into {{parent}}.',
};
