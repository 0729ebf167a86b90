import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { Chart } from '../../components/Chart.js';
import { formatNumber } from '../../lib/format.js';
import { unitQuery } from './api.js';

type History = {
  targets: number;
  goal: number;
  done: number;
  startsOn: string;
  deadline: string;
  daysLeft: number;
  paceNeeded: number | null;
  paceSoFar: number;
  days: { day: string; done: number; total: number; left: number }[];
};

/**
 * The burndown: what is left to the goal, day by day, against a straight line from the start to the deadline; its
 * table has each day's visits done and the running total too.
 */
export function Burndown({ id, unitId }: { id: number; unitId?: number }) {
  const { t } = useTranslation();
  const h = useQuery({
    queryKey: ['campaign-history', id, unitId],
    queryFn: () => api<History>(`/api/campaigns/${id}/history${unitQuery(unitId)}`),
  }).data;
  if (!h) return null;
  return (
    <section data-testid="campaign-burndown">
      <h2>{t('campaigns.burndown')}</h2>
      <Chart
        testId="burndown-chart"
        title={t('campaigns.burndownLabel', { left: Math.max(h.goal - h.done, 0), goal: h.goal })}
        unit="day"
        at={h.days.map((d) => d.day)}
        // The axis runs to the deadline, so what is left to do shows against the days left to do it.
        domain={[h.startsOn, h.deadline]}
        guide={{ label: t('campaigns.chart.plan'), from: [h.startsOn, h.goal], to: [h.deadline, 0] }}
        series={[
          { key: 'left', label: t('campaigns.chart.left'), kind: 'area', values: h.days.map((d) => d.left) },
          { key: 'done', label: t('campaigns.chart.doneThatDay'), kind: 'table', values: h.days.map((d) => d.done) },
          { key: 'total', label: t('campaigns.chart.doneSoFar'), kind: 'table', values: h.days.map((d) => d.total) },
        ]}
      />
      <p>
        {t('campaigns.goal', { done: h.done, goal: h.goal, targets: h.targets })} ·{' '}
        {h.paceNeeded === null
          ? t('campaigns.overdue')
          : t('campaigns.pace', { needed: h.paceNeeded, soFar: formatNumber(h.paceSoFar), days: h.daysLeft })}
      </p>
    </section>
  );
}
