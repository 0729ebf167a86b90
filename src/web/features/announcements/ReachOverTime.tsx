import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.js';
import { api } from '../../lib/api.js';

type Point = { at: string; reached: number; read: number; acknowledged: number };

/** Households reached, read and acknowledged over time, hour by hour since sending: a line each, with its table. */
export function ReachOverTime({ id }: { id: number }) {
  const { t } = useTranslation();
  const timeline = useQuery({
    queryKey: ['reach-timeline', id],
    queryFn: () => api<Point[]>(`/api/announcements/${id}/reach/timeline`),
    refetchInterval: 60_000,
  });
  const data = timeline.data ?? [];
  if (data.length === 0) return null;
  // The lines start at nought the hour before the first households were reached.
  const points: Point[] = [
    { at: new Date(Date.parse(data[0]!.at) - 3600_000).toISOString(), reached: 0, read: 0, acknowledged: 0 },
    ...data,
  ];
  const line = (key: 'reached' | 'read' | 'acknowledged') => ({
    key,
    label: t(`announcements.${key}`),
    values: points.map((p) => p[key]),
  });
  return (
    <div data-testid="reach-chart">
      <Chart
        testId="reach-over-time"
        title={t('announcements.extra.overTime')}
        unit="hour"
        at={points.map((p) => p.at)}
        series={[line('reached'), line('read'), line('acknowledged')]}
      />
    </div>
  );
}
