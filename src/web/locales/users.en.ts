import type { usersVi } from './users.vi.js';

/** Staff accounts, their roles and units, in English, key for key. */
export const usersEn: typeof usersVi = {
  title: 'Staff accounts',
  username: 'Username',
  fullName: 'Name',
  roles: 'Roles',
  status: 'Status',
  active: 'Active',
  disabled: 'Disabled',
  locked: 'Locked until {{time}}',
  disable: 'Disable',
  enable: 'Enable',
  resetPassword: 'Reset password',
  rescope: 'Change role and unit',
  newPassword: 'New password (at least 10 characters)',
  create: 'Add account',
  role: 'Role',
  unit: 'Unit',
  password: 'Password',
};
