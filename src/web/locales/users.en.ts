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
  contact: {
    title: 'Email and phone',
    email: 'Email',
    phone: 'Phone',
    none: 'No email or phone yet',
    hint: 'Reminders (feedback due soon or overdue) are sent by email; without an email, by text message.',
    hintManager: 'A box left empty keeps what is on file.',
    clear_email: 'Remove the email on file',
    clear_phone: 'Remove the phone on file',
  },
};
