import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../../lib/api.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useMe } from '../../auth/useMe.js';
import { allPacks } from './store.js';
import { download } from './sync.js';
import { useField } from './useField.js';
import { useOnline } from './useOnline.js';

/** `/field`: the campaigns a member works, to take into the field or open from the device. */
export function FieldHome() {
  const { t } = useTranslation();
  const online = useOnline();
  const me = useMe().data;
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<{ items: { id: number; name: string; deadline: string; status: string }[] }>('/api/campaigns'),
    enabled: online,
  });
  const packs = useField(allPacks, []);
  const [message, setMessage] = useState<string | null>(null);
  const have = new Map((packs ?? []).map((p) => [p.campaignId, p]));
  const campaigns = [
    ...(list.data?.items ?? [])
      .filter((c) => c.status === 'ACTIVE')
      .map((c) => ({ id: c.id, name: c.name, deadline: c.deadline })),
    ...(packs ?? [])
      .filter((p) => !list.data?.items.some((c) => c.id === p.campaignId))
      .map((p) => ({ id: p.campaignId, name: p.campaign.name, deadline: p.campaign.deadline })),
  ];
  const take = async (id: number) => {
    setMessage(null);
    if (!me) return;
    try {
      await download(id, me.user.id);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <section>
      <p className="muted">{t('campaigns.field.intro')}</p>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <ul className="cards" data-testid="field-campaigns">
        {campaigns.map((c) => {
          const pack = have.get(c.id);
          return (
            <li key={c.id} className="card">
              <strong>{c.name}</strong>
              <div className="muted">{t('campaigns.field.deadline', { date: formatDate(c.deadline) })}</div>
              <p className="actions">
                {pack && (
                  <Link href={`/field/${c.id}`} className="button primary">
                    {t('campaigns.field.open', { count: pack.households.length })}
                  </Link>
                )}
                {online && me && (
                  <button type="button" onClick={() => void take(c.id)}>
                    {pack ? t('campaigns.field.refresh') : t('campaigns.field.download')}
                  </button>
                )}
              </p>
              {pack && (
                <div className="muted">
                  {t('campaigns.field.downloadedAt', { at: formatDateTime(pack.downloadedAt) })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!campaigns.length && (
        <p className="muted">{online ? t('campaigns.field.none') : t('campaigns.field.noneOffline')}</p>
      )}
    </section>
  );
}
