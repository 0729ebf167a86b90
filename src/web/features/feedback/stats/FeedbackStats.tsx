import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FeedbackRanking as Ranking,
  FeedbackStats as Stats,
} from '../../../../server/modules/feedback/feedback.stats.schemas.js';
import { Chart } from '../../../components/Chart.js';
import { QueryState } from '../../../components/Status.js';
import { api } from '../../../lib/api.js';
import { formatDate, formatNumber, vietnamDay } from '../../../lib/format.js';
import { percent } from '../../indicators/parts.js';
import { useMe } from '../../auth/useMe.js';

type StatsData = import('zod').infer<typeof Stats>;
type RankingData = import('zod').infer<typeof Ranking>;
type Rate = { value: number | null; numerator: number; denominator: number };
type RankBy = RankingData['by'];

/** A rate over the two counts it divides. */
function RateCell({ r }: { r: Rate }) {
  const { i18n } = useTranslation();
  return (
    <span>
      <strong>{percent(r, i18n.language)}</strong>{' '}
      <small className="muted">
        {formatNumber(r.numerator)} / {formatNumber(r.denominator)}
      </small>
    </span>
  );
}

const hoursOf = (h: number | null) => (h === null ? '—' : formatNumber(h));

/**
 * The measures of a unit's questions and reports over a period (received, answered on time, overdue, time to answer,
 * satisfaction; each rate with its numerator and denominator), by month, quarter or year and by unit, and for
 * province staff the ranking of their communes on a chosen measure.
 */
export function FeedbackStats() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const roles = (me?.roles ?? []).filter((r) =>
    ['SYSTEM_ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_LEADER', 'ONESTOP_OFFICER', 'GROUP_HEAD'].includes(r.role),
  );
  const [unit, setUnit] = useState<number | undefined>(roles[0]?.unitId);
  const [period, setPeriod] = useState('last12');
  const [groupBy, setGroupBy] = useState<'month' | 'quarter' | 'year'>('month');
  const [rankBy, setRankBy] = useState<RankBy>('onTimeRate');
  const today = vietnamDay();
  const thisYear = Number(today.slice(0, 4));
  const from = period === 'last12' ? vietnamDay(-365) : `${period}-01-01`;
  const to = period === 'last12' ? today : `${period}-12-31`;
  const stats = useQuery({
    queryKey: ['feedback-stats', unit, from, to, groupBy],
    queryFn: () => api<StatsData>(`/api/feedback/stats?unit=${unit}&from=${from}&to=${to}&groupBy=${groupBy}`),
    enabled: unit !== undefined,
  });
  // The ranking is for province staff: the communes under the province they work for.
  const province = (me?.roles ?? []).find((r) => r.role === 'PROVINCE_OFFICER' || r.role === 'SYSTEM_ADMIN');
  const ranking = useQuery({
    queryKey: ['feedback-ranking', province?.unitId, from, to, rankBy],
    queryFn: () =>
      api<RankingData>(`/api/feedback/ranking?provinceId=${province!.unitId}&from=${from}&to=${to}&by=${rankBy}`),
    enabled: province !== undefined,
  });
  const data = stats.data;
  const totals = data?.totals;
  return (
    <section>
      <h1>{t('feedbackStats.title')}</h1>
      <div className="filters">
        <label>
          {t('feedbackStats.unit')}
          <select value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
            {roles.map((u) => (
              <option key={`${u.role}-${u.unitId}`} value={u.unitId}>
                {u.unitName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedbackStats.periodLabel')}
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="last12">{t('feedbackStats.last12')}</option>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={String(y)}>
                {t('feedbackStats.year')} {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedbackStats.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}>
            <option value="month">{t('feedbackStats.month')}</option>
            <option value="quarter">{t('feedbackStats.quarter')}</option>
            <option value="year">{t('feedbackStats.yearly')}</option>
          </select>
        </label>
      </div>
      <p className="muted">{t('feedbackStats.period', { from: formatDate(from), to: formatDate(to) })}</p>
      <QueryState isLoading={stats.isLoading} error={stats.error} />
      {data && totals && (
        <>
          <ul className="stats rates" data-testid="feedback-rates">
            <li>
              <span>{t('feedbackStats.onTimeRate')}</span>
              <RateCell r={totals.onTimeRate} />
              <small className="muted">
                {t('feedbackStats.ofWhat', {
                  numerator: t('feedbackStats.answeredOnTime'),
                  denominator: t('feedbackStats.answered'),
                })}
              </small>
            </li>
            <li>
              <span>{t('feedbackStats.satisfactionRate')}</span>
              <RateCell r={totals.satisfactionRate} />
              <small className="muted">
                {t('feedbackStats.ofWhat', {
                  numerator: t('feedbackStats.satisfied'),
                  denominator: t('feedbackStats.rated'),
                })}
              </small>
            </li>
            <li>
              <span>{t('feedbackStats.avgAnswerHours')}</span>
              <strong>
                {totals.avgAnswerHours === null
                  ? '—'
                  : t('feedbackStats.hours', { value: hoursOf(totals.avgAnswerHours) })}
              </strong>
            </li>
          </ul>
          <ul className="stats" data-testid="feedback-totals">
            {(
              [
                'received',
                'answered',
                'answeredOnTime',
                'answeredLate',
                'answeredExtended',
                'rejected',
                'rated',
                'satisfied',
                'openNow',
                'overdueNow',
              ] as const
            ).map((k) => (
              <li key={k} data-measure={k}>
                <strong>{formatNumber(totals[k])}</strong>
                <span>{t(`feedbackStats.${k}`)}</span>
              </li>
            ))}
          </ul>
          {groupBy === 'month' && (
            <Chart
              testId="feedback-months"
              title={t('feedbackStats.chart')}
              unit="month"
              at={data.periods.map((p) => p.period)}
              series={[
                {
                  key: 'received',
                  label: t('feedbackStats.received'),
                  kind: 'bar',
                  values: data.periods.map((p) => p.received),
                },
                {
                  key: 'answered',
                  label: t('feedbackStats.answered'),
                  kind: 'line',
                  values: data.periods.map((p) => p.answered),
                },
                {
                  key: 'onTime',
                  label: t('feedbackStats.answeredOnTime'),
                  kind: 'table',
                  values: data.periods.map((p) => p.answeredOnTime),
                },
              ]}
            />
          )}
          <h2>{t('feedbackStats.byPeriod')}</h2>
          <div className="scroll">
            <table className="table" data-testid="feedback-periods">
              <thead>
                <tr>
                  <th>{t(`feedbackStats.${groupBy === 'year' ? 'yearly' : groupBy}`)}</th>
                  <th>{t('feedbackStats.received')}</th>
                  <th>{t('feedbackStats.answered')}</th>
                  <th>{t('feedbackStats.onTimeRate')}</th>
                  <th>{t('feedbackStats.satisfactionRate')}</th>
                  <th>{t('feedbackStats.avgAnswerHours')}</th>
                </tr>
              </thead>
              <tbody>
                {data.periods.map((p) => (
                  <tr key={p.period}>
                    <td>{groupBy === 'month' ? `${p.period.slice(5, 7)}/${p.period.slice(0, 4)}` : p.period}</td>
                    <td>{formatNumber(p.received)}</td>
                    <td>{formatNumber(p.answered)}</td>
                    <td>
                      <RateCell r={p.onTimeRate} />
                    </td>
                    <td>
                      <RateCell r={p.satisfactionRate} />
                    </td>
                    <td>{hoursOf(p.avgAnswerHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('feedbackStats.units')}</h2>
          <div className="scroll">
            <table className="table" data-testid="feedback-units">
              <thead>
                <tr>
                  <th>{t('feedbackStats.unit')}</th>
                  <th>{t('feedbackStats.received')}</th>
                  <th>{t('feedbackStats.onTimeRate')}</th>
                  <th>{t('feedbackStats.satisfactionRate')}</th>
                  <th>{t('feedbackStats.openNow')}</th>
                  <th>{t('feedbackStats.overdueNow')}</th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.unitId}>
                    <td>{u.own ? t('feedbackStats.ownUnit', { name: u.name }) : u.name}</td>
                    <td>{formatNumber(u.received)}</td>
                    <td>
                      <RateCell r={u.onTimeRate} />
                    </td>
                    <td>
                      <RateCell r={u.satisfactionRate} />
                    </td>
                    <td>{formatNumber(u.openNow)}</td>
                    <td>{formatNumber(u.overdueNow)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {province && (
        <section aria-labelledby="feedback-ranking">
          <h2 id="feedback-ranking">{t('feedbackStats.ranking')}</h2>
          <label>
            {t('feedbackStats.rankBy')}
            <select value={rankBy} onChange={(e) => setRankBy(e.target.value as RankBy)}>
              {(['onTimeRate', 'satisfactionRate', 'avgAnswerHours', 'overdueNow', 'received'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`feedbackStats.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <QueryState isLoading={ranking.isLoading} error={ranking.error} />
          {ranking.data && (
            <div className="scroll">
              <table className="table" data-testid="feedback-ranking">
                <thead>
                  <tr>
                    <th>{t('feedbackStats.rank')}</th>
                    <th>{t('feedbackStats.commune')}</th>
                    <th>{t('feedbackStats.received')}</th>
                    <th>{t('feedbackStats.onTimeRate')}</th>
                    <th>{t('feedbackStats.satisfactionRate')}</th>
                    <th>{t('feedbackStats.avgAnswerHours')}</th>
                    <th>{t('feedbackStats.overdueNow')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranking.data.items.map((c) => (
                    <tr key={c.unitId}>
                      <td>{c.rank ?? <span className="muted">{t('feedbackStats.unranked')}</span>}</td>
                      <td>{c.name}</td>
                      <td>{formatNumber(c.received)}</td>
                      <td title={percent(c.onTimeRate, i18n.language)}>
                        <RateCell r={c.onTimeRate} />
                      </td>
                      <td>
                        <RateCell r={c.satisfactionRate} />
                      </td>
                      <td>{hoursOf(c.avgAnswerHours)}</td>
                      <td>{formatNumber(c.overdueNow)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <p className="muted">{t('feedbackStats.definitions')}</p>
    </section>
  );
}
