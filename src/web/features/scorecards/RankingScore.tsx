import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatNumber } from '../../lib/format.js';
import { formatValue, nameOf, useScore } from './dashboard-api.js';

/** A unit's score on a set: its points per pillar, then per indicator (an item missing its evidence scores nought). */
export function RankingScore({ unit, period, set }: { unit: number; period: string; set: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const score = useScore(unit, period, set);
  const d = score.data;
  if (!d) return <QueryState isLoading={score.isLoading} error={score.error} />;
  const points = (p: number, max: number) =>
    t('scorecardDash.ranking.scoreOf', { points: formatNumber(p, lang), max: formatNumber(max, lang) });
  return (
    <div data-testid="scorecard-score">
      <h4>{t('scorecardDash.ranking.pillars')}</h4>
      <ul className="pillars">
        {d.pillars.map((p) => (
          <li key={p.pillarVi}>
            {lang === 'vi' ? p.pillarVi : p.pillarEn}: <strong>{points(p.points, p.maxPoints)}</strong>
          </li>
        ))}
      </ul>
      <h4>{t('scorecardDash.ranking.items')}</h4>
      <ul className="pillars">
        {d.items.map((item) => (
          <li key={item.indicator.id}>
            {nameOf(item.indicator, lang)} ({formatValue(item.indicator.measure, item.value, lang)}):{' '}
            {points(item.points, item.maxPoints)}
            {!item.evidenceOk && <em> — {t('scorecardDash.ranking.evidenceMissing')}</em>}
          </li>
        ))}
      </ul>
    </div>
  );
}
