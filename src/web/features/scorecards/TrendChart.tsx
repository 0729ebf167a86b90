import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.js';
import { QueryState } from '../../components/Status.js';
import { formatNumber } from '../../lib/format.js';
import { type Indicator, nameOf, type TrendPoint, useTrend } from './dashboard-api.js';

/** A value as drawn: a PERCENT in per cent to one decimal (0.835 → 83.5), others as they are. */
const drawn = (indicator: Indicator, v: number | null) =>
  v === null ? null : indicator.measure === 'PERCENT' ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100;

/**
 * An indicator's twelve months up to the period: its value as a line, its target as a second (dashed) line, and the
 * counts behind each month in the chart's table.
 */
export function TrendLines({ indicator, points }: { indicator: Indicator; points: TrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const percent = indicator.measure === 'PERCENT';
  const format = (v: number) => `${formatNumber(v)}${percent ? '%' : ''}`;
  const withTargets = points.some((p) => p.target !== null);
  return (
    <Chart
      testId={`scorecard-trend-${indicator.code}`}
      title={nameOf(indicator, i18n.language)}
      unit="month"
      at={points.map((p) => p.period)}
      height={180}
      {...(percent ? { yMax: 100 } : {})}
      series={[
        {
          key: 'value',
          label: t('scorecardDash.trendValue'),
          kind: 'line',
          values: points.map((p) => drawn(indicator, p.value)),
          format,
        },
        ...(withTargets
          ? [
              {
                key: 'target',
                label: t('scorecardDash.trendTarget'),
                kind: 'line' as const,
                values: points.map((p) => drawn(indicator, p.target)),
                format,
              },
            ]
          : []),
        ...(indicator.measure === 'COUNT'
          ? []
          : [
              {
                key: 'numerator',
                label: t('scorecardDash.trendNumerator'),
                kind: 'table' as const,
                values: points.map((p) => p.numerator),
              },
              {
                key: 'denominator',
                label: t('scorecardDash.trendDenominator'),
                kind: 'table' as const,
                values: points.map((p) => p.denominator),
              },
            ]),
      ]}
    />
  );
}

/** The trend of one indicator of one unit, fetched when it is first shown. */
export function TrendChart({ unit, indicator, period }: { unit: number; indicator: Indicator; period: string }) {
  const trend = useTrend(unit, indicator.id, period);
  if (!trend.data) return <QueryState isLoading={trend.isLoading} error={trend.error} />;
  return <TrendLines indicator={trend.data.indicator} points={trend.data.points} />;
}
