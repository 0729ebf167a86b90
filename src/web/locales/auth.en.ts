import type { authVi } from './auth.vi.js';

/** Signing in and one's own account, in English, key for key. */
export const authEn: typeof authVi = {
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', busy: 'Signing in…' },
  account: {
    title: 'My account',
    changePassword: 'Change password',
    current: 'Current password',
    next: 'New password (at least 10 characters)',
    changed: 'Password changed. Your other devices were signed out.',
  },
};
