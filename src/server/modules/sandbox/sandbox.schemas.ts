import { z } from 'zod';
import { Phone } from '../../lib/http.js';
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

/** A demo resident writing to the commune's Zalo OA: their phone (the sandbox's follower id is made from it). */
export const ZaloMessageInput = z.object({
  phone: Phone,
  text: z.string().trim().min(1).max(2000),
});

export const ZaloMessageReply = z.object({
  /** False when the sandbox does not run or does not stand in for Zalo (a real OA is configured). */
  sent: z.boolean(),
  followerId: z.string(),
  /** The outbox mailbox where the OA's replies to this person appear. */
  mailbox: z.string(),
});
