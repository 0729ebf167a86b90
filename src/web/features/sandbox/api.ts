import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.js';

export type SandboxChannel = 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';

export type SandboxOverview = {
  running: boolean;
  channels: Record<SandboxChannel, boolean>;
  rules: { refusedSuffix: string; unreachableSuffix: string; noSuchMailbox: string };
  mailboxes: { mailbox: string; count: number; last: string; channels: SandboxChannel[] }[];
};

export type SandboxMessage = {
  id: number;
  at: string;
  channel: SandboxChannel;
  mailbox: string;
  to: string;
  title: string;
  text: string;
  link: string | null;
  status: 'accepted' | 'refused' | 'undeliverable';
  reason: string | null;
};

/**
 * Whether the sandbox runs and which mailboxes received something (`enabled`: only for roles that may read it). The
 * outbox page polls (`every` ms): messages arrive as the delivery worker sends them.
 */
export const useSandbox = (enabled = true, every: number | false = false) =>
  useQuery({
    queryKey: ['sandbox'],
    queryFn: () => api<SandboxOverview>('/api/sandbox'),
    enabled,
    refetchInterval: every,
  });

export const useSandboxMessages = (mailbox: string) =>
  useQuery({
    refetchInterval: 5_000,
    queryKey: ['sandbox', 'messages', mailbox],
    queryFn: () =>
      api<{ mailbox: string; items: SandboxMessage[] }>(`/api/sandbox/messages?mailbox=${encodeURIComponent(mailbox)}`),
    enabled: mailbox !== '',
  });

/** A demo resident writes to the Zalo OA (the sandbox posts the signed webhook event): the OA's replies go to `mailbox`. */
export const useSendToOa = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone: string; text: string }) =>
      api<{ sent: boolean; followerId: string; mailbox: string }>('/api/sandbox/zalo-messages', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sandbox'] }),
  });
};
