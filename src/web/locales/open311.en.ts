import type { open311Vi } from './open311.vi.js';

/** Open311 API keys issued to outside apps, in English, key for key. */
export const open311En: typeof open311Vi = {
  title: 'Connected apps (Open311)',
  intro:
    'Outside apps (report maps, smart-city apps) send questions and reports to the commune through Open311 GeoReport v2. Each app needs an API key issued by the commune.',
  endpoint: 'Endpoint',
  jurisdiction: 'Commune code (jurisdiction_id)',
  empty: 'No key issued yet.',
  name: 'App name',
  contact: 'Contact (email, phone)',
  key: 'Key',
  issuedAt: 'Issued',
  lastUsed: 'Last used',
  never: 'Never',
  status: 'Status',
  active: 'Active',
  revokedOn: 'Revoked on {{date}}',
  issue: 'Issue a new key',
  revoke: 'Revoke',
  confirmRevoke: 'Revoke the key of "{{name}}"? The app will no longer be able to send reports. This cannot be undone.',
  issuedTitle: 'API key for "{{name}}"',
  issuedOnce:
    'Copy this key and give it to the app now. It is shown only once; if it is lost, revoke it and issue a new one.',
  copy: 'Copy',
  copied: 'Copied',
  done: 'I have saved the key',
};
