import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Conflict = {
  id: string;
  address: string;
  unitName: string;
  recordedBy: string | null;
  visitedAt: string;
  outcome: string;
  note: string | null;
  conflict: string;
};

/** Visits made against a changed household or person: the group head applies or dismisses each. */
export function Conflicts({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['campaign-conflicts', id],
    queryFn: () => api<{ items: Conflict[] }>(`/api/campaigns/${id}/conflicts`),
  }).data;
  const { notice, run } = useNotice();
  if (!list?.items.length) return null;
  const outcome = (o: string) => t(`campaigns.field.outcomes.${o}`);
  const decide = (visitId: string, action: 'APPLY' | 'DISMISS') =>
    run(async () => {
      await api(`/api/campaigns/${id}/visits/${visitId}/resolve`, { method: 'POST', body: { action } });
      await client.invalidateQueries({ queryKey: ['campaign-conflicts', id] });
      await client.invalidateQueries({ queryKey: ['campaign-progress', id] });
    });
  return (
    <section data-testid="campaign-conflicts">
      <h2>{t('campaigns.conflicts')}</h2>
      <NoticeLine notice={notice} />
      <ul className="cards">
        {list.items.map((c) => (
          <li key={c.id} className="card">
            <strong>{c.address}</strong> · {outcome(c.outcome)} · {formatDateTime(c.visitedAt)} · {c.recordedBy}
            <div className="muted">
              {t(`campaigns.conflictReasons.${c.conflict}`)}
              {c.note ? ` · ${c.note}` : ''}
            </div>
            <p className="actions">
              <button type="button" className="primary" onClick={() => void decide(c.id, 'APPLY')}>
                {t('campaigns.apply')}
              </button>
              <button type="button" onClick={() => void decide(c.id, 'DISMISS')}>
                {t('campaigns.dismiss')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
