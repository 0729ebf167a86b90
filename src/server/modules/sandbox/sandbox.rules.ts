import { createECDH, createHmac } from 'node:crypto';

/**
 * The sandbox's conventions, so failures can be shown on purpose and every address files under a phone:
 * - a phone number ending in 000 does not exist: the SMS gateway refuses it (400) and ZNS answers "no Zalo account";
 * - a phone number ending in 999 is out of reach: the gateway accepts it, then reports it undeliverable;
 * - an email to khong-ton-tai@… has no mailbox: the mail server refuses it (550);
 * - a Zalo follower id is `zl` + the phone's digits (84…), a push endpoint `/push/` + the same digits.
 */
export const SANDBOX_RULES = {
  refusedSuffix: '000',
  unreachableSuffix: '999',
  noSuchMailbox: 'khong-ton-tai',
} as const;

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

export const isRefusedNumber = (phone: string) => digitsOf(phone).endsWith(SANDBOX_RULES.refusedSuffix);
export const isUnreachableNumber = (phone: string) => digitsOf(phone).endsWith(SANDBOX_RULES.unreachableSuffix);

/** The Zalo follower id the sandbox gives the person with this phone. */
export const sandboxFollowerId = (phone: string) => `zl${digitsOf(phone)}`;

/** The mailbox (a phone, +84…) a sandbox address belongs to; an email address is its own mailbox. */
export function mailboxOf(channel: string, address: string): string {
  if (channel === 'EMAIL') return address.toLowerCase();
  if (channel === 'ZALO' && /^zl\d{9,15}$/.test(address)) return `+${address.slice(2)}`;
  if (channel === 'PUSH') {
    const digits = /\/push\/(\d{9,15})$/.exec(address)?.[1];
    return digits ? `+${digits}` : address;
  }
  if (channel === 'ZNS' && /^\d{9,15}$/.test(address)) return `+${address}`;
  return address;
}

/**
 * The push subscription of a phone's "browser": its P-256 key pair and auth secret are derived from the phone, so
 * the sandbox can decrypt what was sent to it at any time without keeping keys (nothing here is secret: a sandbox).
 */
export function sandboxPushKeys(phone: string) {
  const digits = digitsOf(phone);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(createHmac('sha256', 'ketnoi-sandbox-push').update(`key:${digits}`).digest());
  const auth = createHmac('sha256', 'ketnoi-sandbox-push').update(`auth:${digits}`).digest().subarray(0, 16);
  return { digits, ecdh, auth: auth.toString('base64url') };
}

/** The subscription JSON a member channel stores, as `pushManager.subscribe()` would return it. */
export function sandboxPushSubscription(base: string, phone: string) {
  const { digits, ecdh, auth } = sandboxPushKeys(phone);
  return { endpoint: `${base}/push/${digits}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } };
}

/** The last link in a message's text (SMS and Zalo messages end with the read link). */
export function lastLink(text: string): string | null {
  return text.match(/https?:\/\/[^\s<>"]+/g)?.at(-1) ?? null;
}
