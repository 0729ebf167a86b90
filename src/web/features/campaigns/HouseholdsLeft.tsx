import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { unitQuery } from './api.js';
import { ReminderConfirm } from './ReminderConfirm.js';

type Left = {
  householdId: number;
  address: string;
  unitName: string;
  people: string[];
  lastOutcome: string | null;
  bestTime: string | null;
  lastVisitAt: string | null;
  member: string | null;
};

/** The households left under a unit, with the call letters to print and a reminder to send. */
export function HouseholdsLeft({ id, unitId, canRemind }: { id: number; unitId?: number; canRemind: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const left = useQuery({
    queryKey: ['campaign-left', id, unitId, page],
    queryFn: () =>
      api<{ items: Left[]; hasMore: boolean }>(
        `/api/campaigns/${id}/left?page=${page}&limit=50${unitId ? `&unitId=${unitId}` : ''}`,
      ),
  }).data;
  const { notice, run } = useNotice();
  // The reminder is previewed (audience, channels, cost, the guard) and confirmed before it goes.
  const [confirming, setConfirming] = useState(false);
  if (!left) return null;
  return (
    <section data-testid="campaign-left">
      <h2>{t('campaigns.left')}</h2>
      <p className="actions">
        <a
          className="button"
          href={`/api/campaigns/${id}/letters.pdf${unitQuery(unitId)}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('campaigns.letters')}
        </a>
        {canRemind && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('campaigns.remind')}
          </button>
        )}
      </p>
      {confirming && (
        <ReminderConfirm
          id={id}
          unitId={unitId}
          onCancel={() => setConfirming(false)}
          onDone={(households) => {
            setConfirming(false);
            void run(async () => t('campaigns.reminded', { count: households }));
          }}
        />
      )}
      <NoticeLine notice={notice} />
      <ul className="cards">
        {left.items.map((h) => (
          <li key={h.householdId} className="card">
            <strong>{h.address}</strong> <span className="muted">{h.unitName}</span>
            <div>{h.people.join(', ')}</div>
            <div className="muted">
              {h.lastOutcome ? t(`campaigns.field.outcomes.${h.lastOutcome}`) : t('campaigns.notVisited')}
              {h.bestTime ? ` · ${t('campaigns.field.bestTimeWas', { time: h.bestTime })}` : ''}
              {h.lastVisitAt ? ` · ${formatDateTime(h.lastVisitAt)}` : ''}
              {h.member ? ` · ${h.member}` : ''}
            </div>
          </li>
        ))}
      </ul>
      <p className="pager">
        <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
          ‹
        </button>
        <button type="button" disabled={!left.hasMore} onClick={() => setPage(page + 1)}>
          ›
        </button>
      </p>
    </section>
  );
}
