import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.js';
import { fullLabel, toPosition } from '../../components/chart-scale.js';
import { formatNumber } from '../../lib/format.js';
import { listUrl, rateDefinitions, rateKeys, type RateKey, type Row, type Scope } from './parts.js';

export type Month = Row & { month: string };

/** The last day of a month given as YYYY-MM. */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** A rate as the percentage drawn and written, to one decimal (0.8333 → 83.3). */
const percentOf = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/**
 * Dossiers received per month, those filed online at the foot of each bar; each month in the table opens the list
 * of that month's dossiers (the first and last months of a period may be partial).
 */
export function MonthlyReceived({ months, scope }: { months: Month[]; scope: Scope }) {
  const { t } = useTranslation();
  return (
    <Chart
      testId="indicator-months"
      title={t('indicators.byMonth')}
      unit="month"
      at={months.map((m) => m.month)}
      stacked
      series={[
        { key: 'online', label: t('dossiers.channel.ONLINE'), kind: 'bar', values: months.map((m) => m.online) },
        { key: 'other', label: t('indicators.other'), kind: 'bar', values: months.map((m) => m.received - m.online) },
        { key: 'received', label: t('indicators.received'), kind: 'table', values: months.map((m) => m.received) },
      ]}
      renderAt={(i) => {
        const month = months[i]!.month;
        return (
          <Link
            href={listUrl('received', {
              ...scope,
              from: [scope.from, `${month}-01`].sort()[1]!,
              to: [scope.to, monthEnd(month)].sort()[0]!,
            })}
          >
            {fullLabel(toPosition(month, 'month'), 'month')}
          </Link>
        );
      }}
    />
  );
}

/** One rate month by month, in per cent, with the two counts it divides beside it in the table. */
function RateTrend({ k, months }: { k: RateKey; months: Month[] }) {
  const { t } = useTranslation();
  const { numerator, denominator } = rateDefinitions[k];
  return (
    <Chart
      testId={`trend-${k}`}
      title={t(`indicators.${k}`)}
      unit="month"
      at={months.map((m) => m.month)}
      yMax={100}
      height={170}
      series={[
        {
          key: 'rate',
          label: t(`indicators.${k}`),
          kind: 'line',
          values: months.map((m) => percentOf(m[k].value)),
          format: (v) => `${formatNumber(v)}%`,
        },
        {
          key: 'numerator',
          label: t(`indicators.count.${numerator}`),
          kind: 'table',
          values: months.map((m) => m[k].numerator),
        },
        {
          key: 'denominator',
          label: t(`indicators.count.${denominator}`),
          kind: 'table',
          values: months.map((m) => m[k].denominator),
        },
      ]}
    />
  );
}

/** Every rate's trend over the period's months, side by side on a wide screen, one under another on a phone. */
export function RateTrends({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="indicator-trends">
      <h2 id="indicator-trends">{t('indicators.trends')}</h2>
      <p className="muted">{t('indicators.trendsHint')}</p>
      <div className="trends" data-testid="indicator-trends">
        {rateKeys.map((k) => (
          <RateTrend key={k} k={k} months={months} />
        ))}
      </div>
    </section>
  );
}
