import { useLocation, useSearch } from 'wouter';
import { monthOf, PERIOD_PATTERN } from '../../shared/scorecards.js';
import { DashboardPage } from '../features/scorecards/DashboardPage.js';
import { RankingPage } from '../features/scorecards/RankingPage.js';

/** URL ⇄ a scorecard page's unit, month and ranking basis: each drill-down step is a page the back button returns to. */
function useScorecardParams() {
  const search = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const id = (key: string) => {
    const n = Number(search.get(key));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const asked = search.get('period') ?? '';
  const period = PERIOD_PATTERN.test(asked) && asked.length === 7 ? asked : monthOf(new Date());
  const go = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    navigate(`${location}?${next.toString()}`);
  };
  return { unit: id('unit'), indicator: id('indicator'), set: id('set'), period, go };
}

export function ScorecardsDashboardRoute() {
  const { unit, period, go } = useScorecardParams();
  return <DashboardPage unit={unit} period={period} onGo={go} />;
}

export function ScorecardsRankingRoute() {
  const { unit, period, indicator, set, go } = useScorecardParams();
  return (
    <RankingPage
      unit={unit}
      period={period}
      by={{ ...(indicator !== undefined ? { indicator } : {}), ...(set !== undefined ? { set } : {}) }}
      onGo={go}
    />
  );
}
