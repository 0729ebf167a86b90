import type { sandboxVi } from './sandbox.vi.js';

/** The sandbox outbox (what each demo phone received), English, key for key. */
export const sandboxEn: typeof sandboxVi = {
  title: 'Sandbox outbox',
  banner: 'Sandbox outbox — nothing is really sent',
  explain:
    'The server is running stand-in providers (Zalo, ZNS, SMS, email, web push). Messages only reach this outbox, never anyone’s phone. Pick a phone number to see what it received, open the link in a message as a resident would, and acknowledge.',
  rules:
    'To try failures: phone numbers ending in {{refused}} are refused by the network; ending in {{unreachable}} are out of reach (reported after sending); email to {{mailbox}}@… has no mailbox.',
  notRunning: 'The sandbox outbox exists only in the demo (npm start), never on a real server.',
  stands: 'Standing in for',
  mailbox: 'Phone number or email',
  pick: '— Choose —',
  count_one: '{{count}} message',
  count_other: '{{count}} messages',
  refresh: 'Refresh',
  empty: 'Nothing has arrived here yet.',
  noMailboxes: 'No message has gone through the sandbox yet.',
  open: 'Open the link in the message',
  to: 'Sent to',
  channel: {
    ZALO: 'Zalo (OA)',
    ZNS: 'Zalo ZNS',
    SMS: 'Text message',
    EMAIL: 'Email',
    PUSH: 'Push notification',
  },
  status: {
    accepted: 'Received',
    refused: 'Refused',
    undeliverable: 'Not delivered',
  },
};
