import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDate, formatNumber, vietnamDay } from '../../lib/format.js';
import { useMe } from '../auth/useMe.js';
import {
  CountLink,
  countKeys,
  Definitions,
  percent,
  type Rate,
  RateValue,
  rateKeys,
  rateDefinitions,
  type Row,
} from './parts.js';
import { type Month, MonthlyReceived, RateTrends } from './Trends.js';

/** Questions and reports (PAKN): their on-time and satisfaction rates, shown beside the dossiers'. */
type FeedbackRates = {
  received: number;
  answered: number;
  onTimeRate: Rate;
  satisfactionRate: Rate;
  avgAnswerHours: number | null;
  overdueNow: number;
};
type Indicators = {
  totals: Row & { overdueNow: number };
  months: Month[];
  communes: (Row & { unitId: number; code: string; name: string; feedback: FeedbackRates })[];
  feedback: FeedbackRates;
};

/** A rate over its counts, as the feedback columns show it. */
function FeedbackRate({ r }: { r: Rate }) {
  const { i18n } = useTranslation();
  return (
    <span>
      {percent(r, i18n.language)}{' '}
      <small className="muted">
        {formatNumber(r.numerator)} / {formatNumber(r.denominator)}
      </small>
    </span>
  );
}

/**
 * What a commune is judged on, and how its communes compare for the province: each rate with the counts it divides,
 * every count a link to the dossiers it counts, monthly charts of the dossiers and of each rate, a ranking, and how each number is counted.
 */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const units = me?.roles ?? [];
  const [unit, setUnit] = useState<number | undefined>(units[0]?.unitId);
  // The last twelve months up to today by default (what a leader reports on at any time), or a calendar year.
  const [period, setPeriod] = useState('last12');
  const today = vietnamDay();
  const thisYear = Number(today.slice(0, 4));
  const from = period === 'last12' ? vietnamDay(-365) : `${period}-01-01`;
  const to = period === 'last12' ? today : `${period}-12-31`;
  const query = useQuery({
    queryKey: ['indicators', unit, from, to],
    queryFn: () => api<Indicators>(`/api/indicators/onestop?unit=${unit}&from=${from}&to=${to}`),
    enabled: unit !== undefined,
  });
  const data = query.data;
  const scope = { unit: unit ?? 0, from, to };
  return (
    <section>
      <h1>{t('indicators.title')}</h1>
      <div className="filters">
        <label>
          {t('indicators.unit')}
          <select value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
            {units.map((u) => (
              <option key={`${u.role}-${u.unitId}`} value={u.unitId}>
                {u.unitName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('indicators.periodLabel')}
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="last12">{t('indicators.last12')}</option>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={String(y)}>
                {t('indicators.year')} {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('indicators.period', { from: formatDate(from), to: formatDate(to) })}</p>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {data && (
        <>
          <h2>{t('indicators.rates')}</h2>
          <ul className="stats rates" data-testid="indicator-rates">
            {rateKeys.map((r) => (
              <li key={r} data-rate={r}>
                <span>{t(`indicators.${r}`)}</span>
                <RateValue r={data.totals[r]} k={r} scope={scope} />
                <small className="muted">
                  {t('indicators.ofWhat', {
                    numerator: t(`indicators.count.${rateDefinitions[r].numerator}`),
                    denominator: t(`indicators.count.${rateDefinitions[r].denominator}`),
                  })}
                </small>
              </li>
            ))}
          </ul>
          <h2>{t('indicators.feedback.title')}</h2>
          <ul className="stats rates" data-testid="indicator-feedback">
            <li data-rate="feedbackOnTime">
              <span>{t('indicators.feedback.onTimeRate')}</span>
              <strong>{percent(data.feedback.onTimeRate, i18n.language)}</strong>
              <small className="muted">
                {formatNumber(data.feedback.onTimeRate.numerator)} /{' '}
                {formatNumber(data.feedback.onTimeRate.denominator)} {t('indicators.feedback.answered')}
              </small>
            </li>
            <li data-rate="feedbackSatisfaction">
              <span>{t('indicators.feedback.satisfactionRate')}</span>
              <strong>{percent(data.feedback.satisfactionRate, i18n.language)}</strong>
              <small className="muted">
                {formatNumber(data.feedback.satisfactionRate.numerator)} /{' '}
                {formatNumber(data.feedback.satisfactionRate.denominator)} {t('indicators.feedback.rated')}
              </small>
            </li>
            <li>
              <span>{t('indicators.feedback.overdueNow')}</span>
              <strong>{formatNumber(data.feedback.overdueNow)}</strong>
              <small className="muted">
                <Link href="/feedback/stats">{t('indicators.feedback.more')}</Link>
              </small>
            </li>
          </ul>
          <h2>{t('indicators.counts')}</h2>
          <ul className="stats" data-testid="indicator-totals">
            {countKeys.map((k) => (
              <li key={k}>
                <strong>
                  <CountLink value={data.totals[k]} k={k} scope={scope} />
                </strong>
                <span>{t(`indicators.count.${k}`)}</span>
              </li>
            ))}
            <li>
              <strong>
                <Link href={`/dossiers?queue=overdue&unit=${scope.unit}`} data-indicator="overdueNow">
                  {formatNumber(data.totals.overdueNow)}
                </Link>
              </strong>
              <span>{t('indicators.overdueNow')}</span>
            </li>
          </ul>
          <h2>{t('indicators.monthly')}</h2>
          <MonthlyReceived months={data.months} scope={scope} />
          <RateTrends months={data.months} />
          <h2>{t('indicators.communes')}</h2>
          <div className="scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('indicators.unit')}</th>
                  <th>{t('indicators.received')}</th>
                  {rateKeys.map((r) => (
                    <th key={r}>{t(`indicators.${r}`)}</th>
                  ))}
                  <th>{t('indicators.feedback.onTimeRate')}</th>
                  <th>{t('indicators.feedback.satisfactionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.communes]
                  .sort((a, b) => (b.onTimeRate.value ?? -1) - (a.onTimeRate.value ?? -1))
                  .map((c) => {
                    const own = { ...scope, unit: c.unitId };
                    return (
                      <tr key={c.unitId}>
                        <td>{c.name}</td>
                        <td>
                          <CountLink value={c.received} k="received" scope={own} />
                        </td>
                        {rateKeys.map((r) => (
                          <td key={r} title={percent(c[r], i18n.language)}>
                            <RateValue r={c[r]} k={r} scope={own} />
                          </td>
                        ))}
                        <td>
                          <FeedbackRate r={c.feedback.onTimeRate} />
                        </td>
                        <td>
                          <FeedbackRate r={c.feedback.satisfactionRate} />
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`/api/indicators/onestop/export?unit=${unit}&from=${from}&to=${to}&format=xlsx`}>
              {t('common.exportXlsx')}
            </a>
          </p>
          <Definitions />
        </>
      )}
    </section>
  );
}
