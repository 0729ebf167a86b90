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
  oa: {
    title: "Write to the commune's Zalo OA",
    explain:
      "Send as a resident writing to the Zalo OA: the message becomes a question (or joins that person's open one). The OA's reply and the officer's answer appear in this phone's mailbox.",
    phone: "Sender's phone",
    text: 'Message',
    send: 'Send to the OA',
    sent: "Sent. The OA's reply appears below.",
    off: 'This server uses a real Zalo OA: test messages cannot be sent from here.',
  },
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
