import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatNumber, formatDate } from '../../lib/format.js';
import { unitQuery } from './api.js';

type History = {
  targets: number;
  goal: number;
  done: number;
  deadline: string;
  daysLeft: number;
  paceNeeded: number | null;
  paceSoFar: number;
  days: { day: string; done: number; total: number; left: number }[];
};

/** The burndown: what is left to the goal, day by day, against a straight line from the start to the deadline. */
export function Burndown({ id, unitId }: { id: number; unitId?: number }) {
  const { t } = useTranslation();
  const h = useQuery({
    queryKey: ['campaign-history', id, unitId],
    queryFn: () => api<History>(`/api/campaigns/${id}/history${unitQuery(unitId)}`),
  }).data;
  if (!h) return null;
  const width = 600;
  const height = 160;
  const pad = 8;
  const span = Math.max(h.days.length - 1 + h.daysLeft, 1);
  const x = (i: number) => pad + (i / span) * (width - 2 * pad);
  const y = (left: number) => height - pad - (h.goal ? (left / h.goal) * (height - 2 * pad) : 0);
  const line = h.days.map((d, i) => `${x(i)},${y(d.left)}`).join(' ');
  return (
    <section data-testid="campaign-burndown">
      <h2>{t('campaigns.burndown')}</h2>
      <svg
        className="burndown"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('campaigns.burndownLabel', { left: Math.max(h.goal - h.done, 0), goal: h.goal })}
      >
        <line x1={x(0)} y1={y(h.goal)} x2={x(span)} y2={y(0)} stroke="#94a3b8" strokeDasharray="6 4" />
        <polyline points={line} fill="none" stroke="#b91c1c" strokeWidth={3} />
      </svg>
      <p>
        {t('campaigns.goal', { done: h.done, goal: h.goal, targets: h.targets })} ·{' '}
        {h.paceNeeded === null
          ? t('campaigns.overdue')
          : t('campaigns.pace', { needed: h.paceNeeded, soFar: formatNumber(h.paceSoFar), days: h.daysLeft })}
      </p>
      <details>
        <summary>{t('campaigns.daily')}</summary>
        <table className="table">
          <tbody>
            {h.days
              .filter((d) => d.done)
              .map((d) => (
                <tr key={d.day}>
                  <td>{formatDate(d.day)}</td>
                  <td>+{d.done}</td>
                  <td>{d.total}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
