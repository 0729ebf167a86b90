import type { FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDate, vietnamDay } from '../../lib/format.js';
import { useUnits } from '../units/api.js';

type Kind = 'VNEID_L2' | 'DIGITIZE' | 'ONLINE_PAYMENT' | 'SKILLS' | 'CUSTOM';
type Template = { kind: Kind; name: string; targetRate: number };
type Campaign = {
  id: number;
  parentId: number | null;
  kind: Kind;
  name: string;
  targetRate: number;
  startsOn: string;
  deadline: string;
};

/** `/campaigns`: start a door-to-door campaign from a template, and the campaigns under way. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const templates = useQuery({
    queryKey: ['campaign-templates'],
    queryFn: () => api<{ items: Template[] }>('/api/campaign-templates'),
  });
  const list = useQuery({ queryKey: ['campaigns'], queryFn: () => api<{ items: Campaign[] }>('/api/campaigns') });
  const root = useUnits().data?.[0];
  const children = useUnits(root && root.tier !== 'ZONE' ? root.id : undefined).data ?? [];
  const { notice, run } = useNotice();
  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    return run(async () => {
      const r = await api<{ targets: number; communes: number }>('/api/campaigns', {
        method: 'POST',
        body: {
          kind: d.get('kind'),
          unitId: Number(d.get('unitId')),
          startsOn: d.get('startsOn'),
          deadline: d.get('deadline'),
          ...(d.get('targetRate') ? { targetRate: Number(d.get('targetRate')) } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      return t('campaigns.started', { targets: r.targets, communes: r.communes });
    });
  };
  return (
    <section>
      <h1>{t('campaigns.title')}</h1>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <ul className="cards" data-testid="campaigns">
        {list.data?.items.map((c) => (
          <li key={c.id} className="card">
            <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
            <div className="muted">
              {formatDate(c.startsOn)} → {formatDate(c.deadline)} · {t('campaigns.target', { rate: c.targetRate })}
            </div>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={(e) => void start(e)} data-testid="campaign-form">
        <h2>{t('campaigns.new')}</h2>
        <label>
          {t('campaigns.template')}
          <select name="kind">
            {templates.data?.items.map((x) => (
              <option key={x.kind} value={x.kind}>
                {t(`campaigns.kinds.${x.kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('campaigns.unit')}
          <select name="unitId">
            {[...(root ? [root] : []), ...children.filter((u) => !u.closedAt)].map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <label>
            {t('campaigns.startsOn')}
            <input name="startsOn" type="date" required defaultValue={vietnamDay()} />
          </label>
          <label>
            {t('campaigns.deadline')}
            <input name="deadline" type="date" required />
          </label>
          <label>
            {t('campaigns.targetRate')}
            <input name="targetRate" type="number" min={1} max={100} placeholder="100" />
          </label>
        </div>
        <NoticeLine notice={notice} />
        <button type="submit" className="primary" disabled={!root}>
          {t('campaigns.start')}
        </button>
      </form>
    </section>
  );
}
