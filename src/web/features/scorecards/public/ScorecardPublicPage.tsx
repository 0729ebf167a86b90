import '../../../styles/scorecard-public.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/Status.js';
import { api } from '../../../lib/api.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';
import type { Light, Measure } from '../../../../shared/scorecards.js';

/** `GET /api/public/communes/:code/scorecard`: what a commune chose to publish, for its last frozen month. */
export type PublicScorecard = {
  commune: { code: string; name: string };
  period: string | null;
  items: {
    code: string;
    nameVi: string;
    nameEn: string;
    measure: Measure;
    unitVi: string;
    unitEn: string;
    value: number | null;
    target: number | null;
    light: Light;
    trend: { period: string; value: number | null }[];
  }[];
};

export const publicScorecardQuery = (code: string) => ({
  queryKey: ['public-scorecard', code],
  queryFn: () => api<PublicScorecard>(`/api/public/communes/${encodeURIComponent(code)}/scorecard`),
  staleTime: 5 * 60_000,
});

const monthLabel = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

function show(measure: Measure, v: number | null, lang: string, word: string) {
  if (v === null) return '—';
  if (measure === 'PERCENT') return formatPercent(v, lang);
  const n = formatNumber(Math.round(v * 10) / 10, lang);
  return measure === 'AVERAGE' && word ? `${n} ${word}` : n;
}

/**
 * Twelve months as a small line (for the eye only) over a table of the same numbers (for everyone): a citizen's page
 * stays light on 3G, so it does not load the console's chart component and its scales.
 */
function Sparkline({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const w = 120;
  const h = 32;
  const step = w / Math.max(1, values.length - 1);
  const y = (v: number) => (hi === lo ? h / 2 : h - 2 - ((v - lo) / (hi - lo)) * (h - 4));
  const points = values.flatMap((v, i) => (v === null ? [] : [`${(i * step).toFixed(1)},${y(v).toFixed(1)}`]));
  return (
    <svg className="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * `/c/<commune code>/chi-so`: the commune's digital-transformation indicators that its leader chose to publish, as
 * frozen at the end of the last month: each value against its target, in words as well as colour, and its twelve
 * months. Drawn by the server like the other /c/ pages.
 */
export function ScorecardPublicPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(publicScorecardQuery(code));
  const d = q.data;
  if (!d) return <QueryState isLoading={q.isLoading} error={q.error} />;
  return (
    <section className="public-scorecard">
      <h1>{t('scorecardPublic.title', { commune: d.commune.name })}</h1>
      <p className="muted">
        {d.period ? t('scorecardPublic.asOf', { month: monthLabel(d.period) }) : t('scorecardPublic.noPeriod')}
      </p>
      <p>
        <Link href={`/c/${code}`}>{t('scorecardPublic.back')}</Link>
      </p>
      {d.items.length === 0 && <p className="muted">{t('scorecardPublic.none')}</p>}
      {d.items.map((item) => {
        const word = lang === 'vi' ? item.unitVi : item.unitEn;
        return (
          <article key={item.code} className="card" data-testid="public-indicator" data-light={item.light}>
            <h2>{lang === 'vi' ? item.nameVi : item.nameEn}</h2>
            <p>
              <strong className="big">{show(item.measure, item.value, lang, word)}</strong>{' '}
              <span className={`plight plight-${item.light}`}>{t(`scorecardPublic.light.${item.light}`)}</span>
            </p>
            <p className="muted">
              {item.target === null
                ? t('scorecardPublic.noTarget')
                : t('scorecardPublic.target', { target: show(item.measure, item.target, lang, word) })}
            </p>
            {item.trend.length > 0 && (
              <details>
                <summary>
                  <Sparkline values={item.trend.map((p) => p.value)} /> {t('scorecardPublic.trend')}
                </summary>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('scorecardPublic.month')}</th>
                      <th scope="col">{t('scorecardPublic.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.trend.map((p) => (
                      <tr key={p.period}>
                        <td>{monthLabel(p.period)}</td>
                        <td>{show(item.measure, p.value, lang, word)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
