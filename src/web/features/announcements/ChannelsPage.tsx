import type { FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/useMe.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import type { DeliveryReason } from '../../../shared/deliveries.js';

type ChannelState = {
  channel: 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';
  configured: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  lastErrorReason: DeliveryReason | null;
  usedToday: number;
  perDay: number;
  perMinute: number;
  priceVnd: number;
  priceIsDefault: boolean;
};

/** Each provider's state: configured or not, last success, last error (time and message), today's use and limit. */
export function ChannelsPage() {
  const { t, i18n } = useTranslation();
  const manage = can(useMe().data, 'channel.manage');
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
              <dd>{c.lastErrorAt ? <LastError state={c} at={c.lastErrorAt} /> : t('announcements.channels.never')}</dd>
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
            {manage && <LimitsForm state={c} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The last error in the reader's language (its reason code), then the provider's own words — often English, from a
 * gateway — as a detail line for whoever calls the provider. Errors stored before reasons were kept show the words only.
 */
function LastError({ state, at }: { state: ChannelState; at: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={`channel-${state.channel}-error`}>
      {formatDateTime(at)}
      {state.lastErrorReason && <> · {t(`announcements.deliveries.reason_.${state.lastErrorReason}`)}</>}
      {state.lastError && (
        <small className="muted" style={{ display: 'block', overflowWrap: 'anywhere' }}>
          {state.lastErrorReason
            ? t('announcements.channels.providerSaid', { text: state.lastError })
            : state.lastError}
        </small>
      )}
    </span>
  );
}

/** The provider's contract, for those who manage channels: messages a minute and a day, the price of one message. */
function LimitsForm({ state }: { state: ChannelState }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { notice, run } = useNotice();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const price = String(d.get('price') ?? '').trim();
    void run(async () => {
      await api(`/api/channels/limits/${state.channel}`, {
        method: 'PUT',
        body: {
          perMinute: Number(d.get('perMinute')),
          perDay: Number(d.get('perDay')),
          priceVnd: price ? Number(price) : null,
        },
      });
      await client.invalidateQueries({ queryKey: ['channel-states'] });
      return t('announcements.channels.saved');
    });
  };
  return (
    <details>
      <summary>{t('announcements.channels.edit')}</summary>
      <form onSubmit={save}>
        <label>
          {t('announcements.channels.perMinute')}
          <input name="perMinute" type="number" min={0} required defaultValue={state.perMinute} />
        </label>
        <label>
          {t('announcements.channels.perDay')}
          <input name="perDay" type="number" min={0} required defaultValue={state.perDay} />
        </label>
        <label>
          {t('announcements.channels.priceInput')}
          <input
            name="price"
            type="number"
            min={0}
            max={100000}
            defaultValue={state.priceIsDefault ? '' : state.priceVnd}
          />
        </label>
        <NoticeLine notice={notice} />
        <button type="submit">{t('announcements.channels.save')}</button>
      </form>
    </details>
  );
}
