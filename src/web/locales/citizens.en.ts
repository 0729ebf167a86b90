import type { citizensVi } from './citizens.vi.js';

/** Citizens' own accounts, in English, key for key. */
export const citizensEn: typeof citizensVi = {
  account: 'My account',
  signIn: 'Sign in',
  signUp: 'Open an account',
  signOut: 'Sign out',
  phone: 'Phone number',
  password: 'Password',
  newPassword: 'Password (at least 10 characters)',
  sendCode: 'Send a code by SMS',
  codeSent: 'A 6-digit code was sent to {{phone}}',
  code: 'Code (6 digits)',
  create: 'Open the account',
  myDossiers: 'My dossiers',
  noDossiers: 'No dossiers yet',
  submittingAs: 'Submitting as: {{name}}',
  or: 'or',
  hint: 'With an account you do not retype your details each time, and you see all your dossiers.',
};
