import { Fragment, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeliveryReason, DeliveryState } from '../../../shared/deliveries.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Channel = 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';
type Overview = {
  part: boolean;
  channels: {
    channel: Channel;
    configured: boolean;
    queued: number;
    sent: number;
    delivered: number;
    failed: number;
    reasons: { reason: DeliveryReason; state: 'queued' | 'failed'; count: number }[];
  }[];
  chains: { channels: Channel[]; outcome: 'delivered' | 'pending' | 'failed'; recipients: number }[];
  retryable: number;
};
type Step = { channel: Channel; state: DeliveryState; reason: DeliveryReason | null };
type Message = Step & {
  id: number;
  householdId: number | null;
  address: string | null;
  groupName: string | null;
  recipient: string | null;
  step: number;
  at: string;
  chain: Step[];
  retryable: boolean;
};
type Filter = { state?: DeliveryState; channel?: Channel; reason?: DeliveryReason };
const STATES = ['queued', 'sent', 'delivered', 'failed'] as const;

/**
 * Every message of an announcement (the caller's part of it): per channel how many wait, go, arrived or failed and
 * why, the way each recipient's message took (Zalo → SMS), the recipients behind a count, and a retry of the failed.
 */
export function DeliveryPanel({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter | null>(null);
  const { notice, run } = useNotice();
  const overview = useQuery({
    queryKey: ['deliveries', id],
    queryFn: () => api<Overview>(`/api/announcements/${id}/deliveries`),
    refetchInterval: 30_000,
  });
  const o = overview.data;
  if (!o) return <QueryState isLoading={overview.isLoading} error={overview.error} />;
  const channelName = (c: Channel) => t(`announcements.channel_.${c}`);
  const retry = (body: { deliveryIds?: number[] }) =>
    run(async () => {
      const r = await api<{ retried: number }>(`/api/announcements/${id}/deliveries/retry`, { method: 'POST', body });
      await client.invalidateQueries({ queryKey: ['deliveries', id] });
      await client.invalidateQueries({ queryKey: ['delivery-list', id] });
      return t('announcements.deliveries.retried', { count: r.retried });
    });
  return (
    <section data-testid="deliveries">
      <h2>{t('announcements.deliveries.title')}</h2>
      <div className="scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('announcements.deliveries.channel')}</th>
              {STATES.map((s) => (
                <th key={s}>{t(`announcements.deliveries.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.channels.map((c) => (
              <Fragment key={c.channel}>
                <tr data-testid={`delivery-${c.channel}`}>
                  <td>
                    {channelName(c.channel)}{' '}
                    {!c.configured && <span className="badge late">{t('announcements.deliveries.notConfigured')}</span>}
                  </td>
                  {STATES.map((s) => (
                    <td key={s}>
                      {c[s] > 0 ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setFilter({ channel: c.channel, state: s })}
                        >
                          {c[s]}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                  ))}
                </tr>
                {c.reasons.length > 0 && (
                  <tr data-testid={`delivery-${c.channel}-reasons`}>
                    <td colSpan={5}>
                      {c.reasons.map((r) => (
                        <div
                          key={`${r.state}-${r.reason}`}
                          className={r.state === 'failed' ? 'reason failed' : 'reason'}
                        >
                          <button
                            type="button"
                            className="link"
                            onClick={() => setFilter({ channel: c.channel, reason: r.reason })}
                          >
                            {t('announcements.deliveries.reasonLine', {
                              state: t(`announcements.deliveries.state_.${r.state}`),
                              reason: t(`announcements.deliveries.reason_.${r.reason}`),
                              count: r.count,
                            })}
                          </button>
                        </div>
                      ))}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {o.chains.length > 0 && (
        <>
          <h3>{t('announcements.deliveries.chains')}</h3>
          <ul data-testid="delivery-chains">
            {o.chains.map((c) => (
              <li key={`${c.channels.join('>')}-${c.outcome}`}>
                {t('announcements.deliveries.chainLine', {
                  path: c.channels.map(channelName).join(' → '),
                  count: c.recipients,
                })}{' '}
                <span className={c.outcome === 'failed' ? 'reason failed' : 'muted'}>
                  ({t(`announcements.deliveries.outcome_.${c.outcome}`)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="actions">
        {o.retryable > 0 && (
          <button type="button" className="primary" onClick={() => void retry({})}>
            {t('announcements.deliveries.retryAll', { count: o.retryable })}
          </button>
        )}
        <button type="button" onClick={() => setFilter(filter ? null : {})}>
          {t('announcements.deliveries.showList')}
        </button>
      </p>
      <NoticeLine notice={notice} />
      {filter && <DeliveryList id={id} filter={filter} onRetry={(ids) => void retry({ deliveryIds: ids })} />}
    </section>
  );
}

/** The messages behind a count, 25 at a time, each with the way its recipient's messages took. */
function DeliveryList({ id, filter, onRetry }: { id: number; filter: Filter; onRetry: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), ...filter } as Record<string, string>).toString();
  const list = useQuery({
    queryKey: ['delivery-list', id, query],
    queryFn: () => api<{ items: Message[]; hasMore: boolean }>(`/api/announcements/${id}/deliveries/messages?${query}`),
  });
  const step = (s: Step) =>
    `${t(`announcements.channel_.${s.channel}`)}: ${t(`announcements.deliveries.state_.${s.state}`)}${
      s.reason ? ` (${t(`announcements.deliveries.reason_.${s.reason}`)})` : ''
    }`;
  if (!list.data) return <QueryState isLoading={list.isLoading} error={list.error} />;
  return (
    <section data-testid="delivery-list">
      <h3>{t('announcements.deliveries.list')}</h3>
      {list.data.items.length === 0 && <p className="muted">{t('announcements.deliveries.none')}</p>}
      <ul className="cards">
        {list.data.items.map((m) => (
          <li key={m.id} className="card">
            <strong>{m.recipient ?? m.address ?? '—'}</strong>
            {m.address && m.recipient ? <span className="muted"> · {m.address}</span> : null}
            {m.groupName ? <span className="muted"> · {m.groupName}</span> : null}
            <div>{m.chain.map(step).join(' → ')}</div>
            <div className="muted">{formatDateTime(m.at)}</div>
            {m.state === 'failed' &&
              (m.retryable ? (
                <button type="button" onClick={() => onRetry([m.id])}>
                  {t('announcements.deliveries.retryOne')}
                </button>
              ) : (
                m.step === m.chain.length - 1 && (
                  <span className="muted">{t('announcements.deliveries.permanent')}</span>
                )
              ))}
          </li>
        ))}
      </ul>
      {list.data.hasMore && (
        <button type="button" onClick={() => setPage(page + 1)}>
          {t('announcements.deliveries.more')}
        </button>
      )}
    </section>
  );
}
