import { normalizePhone } from '../../../shared/phone.js';
import { mailboxOf, SANDBOX_RULES, sandboxFollowerId } from './sandbox.rules.js';
import type { SandboxRunning } from './sandbox.store.js';

/** What the sandbox stands in for, its failing numbers, and every mailbox that received something. */
export function sandboxOverview(sandbox: SandboxRunning | undefined) {
  const off = { ZALO: false, ZNS: false, SMS: false, EMAIL: false, PUSH: false };
  return {
    running: !!sandbox,
    channels: sandbox?.channels ?? off,
    rules: { ...SANDBOX_RULES },
    mailboxes: sandbox?.store.mailboxes() ?? [],
  };
}

/**
 * One phone's (or email address's) messages in the order they came, on every channel. A phone may be typed as
 * people write it (0912…); pending delivery reports are delivered first, so what the page shows is settled.
 */
export async function sandboxMessages(sandbox: SandboxRunning | undefined, mailbox: string) {
  await sandbox?.flushReports();
  const key = mailbox.includes('@') ? mailbox.toLowerCase() : (normalizePhone(mailbox) ?? mailbox);
  return {
    mailbox: key,
    items: (sandbox?.store.messagesOf(key) ?? []).map(({ reference: _reference, ...m }) => m),
  };
}

/**
 * A demo resident writes to the OA: the message goes through the app's own verified webhook, becomes a question (or
 * joins their open one), and the OA's replies land in the outbox under their phone.
 */
export async function sandboxZaloMessage(sandbox: SandboxRunning | undefined, phone: string, text: string) {
  const reply = (await sandbox?.zaloUserSends?.(phone, text)) ?? { sent: false, followerId: sandboxFollowerId(phone) };
  return { ...reply, mailbox: mailboxOf('ZALO', reply.followerId) };
}
