import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';

type ChannelState = {
  channel: 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';
  configured: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  usedToday: number;
  perDay: number;
  perMinute: number;
  priceVnd: number;
  priceIsDefault: boolean;
};

/** Each provider's state: configured or not, last success, last error (time and message), today's use and limit. */
export function ChannelsPage() {
  const { t, i18n } = useTranslation();
  const states = useQuery({
    queryKey: ['channel-states'],
    queryFn: () => api<{ items: ChannelState[] }>('/api/channels'),
    refetchInterval: 30_000,
  });
  if (!states.data) return <QueryState isLoading={states.isLoading} error={states.error} />;
  return (
    <section>
      <h1>{t('announcements.channels.title')}</h1>
      <ul className="cards" data-testid="channels">
        {states.data.items.map((c) => (
          <li key={c.channel} className="card" data-testid={`channel-${c.channel}`}>
            <strong>{t(`announcements.channel_.${c.channel}`)}</strong>{' '}
            <span className={c.configured ? 'badge ok' : 'badge late'}>
              {t(c.configured ? 'announcements.channels.configured' : 'announcements.channels.notConfigured')}
            </span>
            <dl className="facts">
              <dt>{t('announcements.channels.lastSuccess')}</dt>
              <dd>{c.lastSuccessAt ? formatDateTime(c.lastSuccessAt) : t('announcements.channels.never')}</dd>
              <dt>{t('announcements.channels.lastError')}</dt>
              <dd>
                {c.lastErrorAt ? (
                  <>
                    {formatDateTime(c.lastErrorAt)} · <span className="muted">{c.lastError}</span>
                  </>
                ) : (
                  t('announcements.channels.never')
                )}
              </dd>
              <dt>{t('announcements.channels.usedToday')}</dt>
              <dd>
                <meter min={0} max={c.perDay} value={c.usedToday} />{' '}
                {t('announcements.channels.ofLimit', {
                  used: c.usedToday.toLocaleString(i18n.language),
                  limit: c.perDay.toLocaleString(i18n.language),
                })}
              </dd>
              <dt>{t('announcements.channels.price')}</dt>
              <dd>
                {c.priceIsDefault
                  ? t('announcements.channels.priceDefault', { price: formatMoney(c.priceVnd, i18n.language) })
                  : formatMoney(c.priceVnd, i18n.language)}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
