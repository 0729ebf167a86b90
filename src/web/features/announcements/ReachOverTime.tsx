import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Point = { at: string; reached: number; read: number; acknowledged: number };

/**
 * Households reached, read and acknowledged over time: a line each, drawn as SVG (no chart library for three lines).
 */
export function ReachOverTime({ id }: { id: number }) {
  const { t } = useTranslation();
  const timeline = useQuery({
    queryKey: ['reach-timeline', id],
    queryFn: () => api<Point[]>(`/api/announcements/${id}/reach/timeline`),
    refetchInterval: 60_000,
  });
  const data = timeline.data ?? [];
  if (data.length === 0) return null;
  // The line starts at nought an hour before the first households were reached.
  const points: Point[] = [
    { at: new Date(Date.parse(data[0]!.at) - 3600_000).toISOString(), reached: 0, read: 0, acknowledged: 0 },
    ...data,
  ];
  const max = Math.max(1, ...points.map((p) => p.reached));
  const x = (i: number) => (i / (points.length - 1)) * 300;
  const y = (v: number) => 100 - (v / max) * 100;
  const series = [
    ['reached', '#b91c1c'],
    ['read', '#2563eb'],
    ['acknowledged', '#15803d'],
  ] as const;
  return (
    <figure data-testid="reach-chart" style={{ margin: 0 }}>
      <figcaption>{t('announcements.extra.overTime')}</figcaption>
      <svg viewBox="-5 -5 310 110" width="100%" height="140" role="img" aria-label={t('announcements.extra.overTime')}>
        <line x1="0" y1="100" x2="300" y2="100" stroke="#9ca3af" strokeWidth="1" />
        {series.map(([k, color]) => (
          <g key={k}>
            <polyline
              points={points.map((p, i) => `${x(i)},${y(p[k])}`).join(' ')}
              fill="none"
              stroke={color}
              strokeWidth="2"
            />
            {points.map((p, i) => (
              <circle key={p.at} cx={x(i)} cy={y(p[k])} r="2.5" fill={color} />
            ))}
          </g>
        ))}
      </svg>
      <p className="muted">
        {formatDateTime(points[1]!.at)} → {formatDateTime(points.at(-1)!.at)}
      </p>
      <p className="muted">
        <span style={{ color: '#b91c1c' }}>■</span> {t('announcements.reached')} {points.at(-1)!.reached} ·{' '}
        <span style={{ color: '#2563eb' }}>■</span> {t('announcements.read')} {points.at(-1)!.read} ·{' '}
        <span style={{ color: '#15803d' }}>■</span> {t('announcements.acknowledged')} {points.at(-1)!.acknowledged}
      </p>
    </figure>
  );
}
