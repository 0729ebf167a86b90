import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the sandbox providers were given, as each "phone" (or mailbox) would show it. Kept in memory and, for
 * `npm start`, in DATA_DIR/sandbox-outbox.json so the outbox survives a restart. It imports nothing of the app: the
 * app's dependencies name it (deps.ts) without an import circle.
 */
export const SANDBOX_CHANNELS = ['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'] as const;
export type SandboxChannel = (typeof SANDBOX_CHANNELS)[number];

export type SandboxMessage = {
  id: number;
  at: string;
  channel: SandboxChannel;
  /** The phone (+84…) or email address this message is filed under: a Zalo follower or push endpoint maps to its phone. */
  mailbox: string;
  /** The address as the provider was given it (follower id, 84… for ZNS, the push endpoint). */
  to: string;
  title: string;
  text: string;
  /** The signed read link the message carries. */
  link: string | null;
  /** accepted: on the phone; refused: the provider said no at once; undeliverable: accepted, then reported failed. */
  status: 'accepted' | 'refused' | 'undeliverable';
  reason: string | null;
  reference: string | null;
};

/** The newest messages kept: a demo that runs for weeks does not grow the file without end. */
const KEEP = 2000;

export type SandboxStore = ReturnType<typeof createSandboxStore>;

export function createSandboxStore(file?: string) {
  let messages: SandboxMessage[] = [];
  if (file && existsSync(file)) {
    try {
      messages = JSON.parse(readFileSync(file, 'utf8')) as SandboxMessage[];
    } catch {
      messages = []; // a damaged demo file is started afresh rather than stopping the app
    }
  }
  let nextId = (messages.at(-1)?.id ?? 0) + 1;
  const save = () => {
    if (!file) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written whole and renamed, so a crash mid-write never leaves half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(messages), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } catch {
      // Kept in memory: a demo outbox that cannot be written must not stop a provider answering.
    }
  };
  return {
    add(message: Omit<SandboxMessage, 'id' | 'at'>): SandboxMessage {
      const kept = { id: nextId++, at: new Date().toISOString(), ...message };
      messages.push(kept);
      if (messages.length > KEEP) messages = messages.slice(-KEEP);
      save();
      return kept;
    },
    /** A message the provider reported undeliverable after accepting it. */
    markUndeliverable(id: number, reason: string) {
      const m = messages.find((x) => x.id === id);
      if (!m) return;
      m.status = 'undeliverable';
      m.reason = reason;
      save();
    },
    /** Every mailbox with its count and newest message time, newest first. */
    mailboxes() {
      const by = new Map<string, { mailbox: string; count: number; last: string; channels: Set<SandboxChannel> }>();
      for (const m of messages) {
        const box = by.get(m.mailbox) ?? { mailbox: m.mailbox, count: 0, last: m.at, channels: new Set() };
        box.count += 1;
        box.last = m.at;
        box.channels.add(m.channel);
        by.set(m.mailbox, box);
      }
      return [...by.values()]
        .sort((a, b) => b.last.localeCompare(a.last) || a.mailbox.localeCompare(b.mailbox))
        .map((b) => ({ ...b, channels: SANDBOX_CHANNELS.filter((c) => b.channels.has(c)) }));
    },
    /** One mailbox's messages in the order they arrived. */
    messagesOf(mailbox: string): SandboxMessage[] {
      return messages.filter((m) => m.mailbox === mailbox);
    },
    all(): readonly SandboxMessage[] {
      return messages;
    },
  };
}

/**
 * The running sandbox as the app's modules see it (AppDeps.sandbox): its outbox, which channels it stands in for
 * (a channel the environment configured for real is left alone), and a way to deliver pending delivery reports now.
 */
export type SandboxRunning = {
  store: SandboxStore;
  channels: Record<SandboxChannel, boolean>;
  flushReports(): Promise<void>;
  /**
   * The person with this phone writes to the Zalo OA (as the follower `zl` + digits): the signed webhook event goes
   * through the app's route at once. False when the sandbox does not stand in for Zalo.
   */
  zaloUserSends?(phone: string, text: string): Promise<{ sent: boolean; followerId: string }>;
};
