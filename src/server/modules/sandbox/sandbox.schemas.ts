import { z } from 'zod';
import { SANDBOX_CHANNELS } from './sandbox.store.js';

export const SandboxChannel = z.enum(SANDBOX_CHANNELS);

export const Mailbox = z.object({
  mailbox: z.string(),
  count: z.number().int(),
  last: z.string(),
  channels: z.array(SandboxChannel),
});

/** What the sandbox stands in for and the numbers that fail on purpose, with every mailbox that received anything. */
export const SandboxOverview = z.object({
  /** False outside `npm start` (production, tests): nothing below is in use. */
  running: z.boolean(),
  channels: z.record(SandboxChannel, z.boolean()),
  rules: z.object({ refusedSuffix: z.string(), unreachableSuffix: z.string(), noSuchMailbox: z.string() }),
  mailboxes: z.array(Mailbox),
});
export type SandboxOverview = z.infer<typeof SandboxOverview>;

export const SandboxMessage = z.object({
  id: z.number().int(),
  at: z.string(),
  channel: SandboxChannel,
  mailbox: z.string(),
  to: z.string(),
  title: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  status: z.enum(['accepted', 'refused', 'undeliverable']),
  reason: z.string().nullable(),
});

export const MessagesQuery = z.object({
  /** A phone (+84…, 0…) or an email address. */
  mailbox: z.string().trim().min(3).max(200),
});

export const MessagesReply = z.object({ mailbox: z.string(), items: z.array(SandboxMessage) });
