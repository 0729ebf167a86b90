import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { monthOf, previousPeriod } from '../../../shared/scorecards.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useSnapshots } from './catalog-api.js';
import { usePeriodLabel } from './entries-api.js';

/**
 * The province's monthly snapshots: the job freezes each ended month at night; a month can be run by hand (only an
 * ended one), and a frozen month published, after which communes see the province's ranking for it.
 */
export function SnapshotsPanel({ province }: { province: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const snapshots = useSnapshots(province);
  const periodLabel = usePeriodLabel();
  const { notice, run } = useNotice();
  const lastEnded = previousPeriod(monthOf(new Date()));
  const [period, setPeriod] = useState(lastEnded);
  const refresh = () => client.invalidateQueries({ queryKey: ['scorecard-snapshots'] });

  const freeze = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () => {
      const r = await api<{ values: number; alreadyFrozen: boolean }>('/api/scorecards/snapshots', {
        method: 'POST',
        body: { province, period },
      });
      await refresh();
      return r.alreadyFrozen
        ? t('scorecardEntry.snapshots.already', { period: periodLabel(period) })
        : t('scorecardEntry.snapshots.done', {
            period: periodLabel(period),
            values: formatNumber(r.values, i18n.language),
          });
    });
  };

  const publish = (id: number, label: string) =>
    run(async () => {
      await api(`/api/scorecards/snapshots/${id}/publish`, { method: 'POST' });
      await refresh();
      return t('scorecardEntry.snapshots.published', { period: label });
    });

  const items = [...(snapshots.data ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <section data-testid="scorecard-snapshots">
      <h2>{t('scorecardEntry.snapshots.title')}</h2>
      <form className="actions" onSubmit={(e) => void freeze(e)}>
        <label>
          {t('scorecardEntry.month')}
          <input
            type="month"
            value={period}
            max={lastEnded}
            required
            onChange={(e) => e.target.value && setPeriod(e.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('scorecardEntry.snapshots.run')}
        </button>
      </form>
      <NoticeLine notice={notice} />
      <QueryState isLoading={snapshots.isLoading} error={snapshots.error} />
      <ul className="cards">
        {items.map((s) => (
          <li key={s.id} className="card" data-testid={`snapshot-${s.period}`}>
            <strong>{periodLabel(s.period)}</strong>
            <div className="muted">
              {t('scorecardEntry.snapshots.values', { count: s.values, n: formatNumber(s.values, i18n.language) })}
              {s.finishedAt
                ? ` · ${t('scorecardEntry.snapshots.frozenAt', { at: formatDateTime(s.finishedAt) })}`
                : ` · ${t('scorecardEntry.snapshots.running')}`}
            </div>
            {s.publishedAt ? (
              <p className="ok">{t('scorecardEntry.snapshots.publishedAt', { at: formatDateTime(s.publishedAt) })}</p>
            ) : (
              s.finishedAt && (
                <button type="button" onClick={() => void publish(s.id, periodLabel(s.period))}>
                  {t('scorecardEntry.snapshots.publish')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
