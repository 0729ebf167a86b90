import '../../styles/scorecards.css';
import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../../components/ExportLinks.js';
import { QueryState } from '../../components/Status.js';
import { formatNumber } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import {
  type Indicator,
  nameOf,
  type RankBy,
  type Ranking,
  type RankingRow,
  rankingQuery,
  useCatalog,
  useRanking,
} from './dashboard-api.js';
import { ChangeText } from './DashboardOwn.js';
import { MonthPicker, roleUnits, UnitPicker } from './DashboardParts.js';
import { RankingScore } from './RankingScore.js';
import { ReportsPanel } from './ReportsPanel.js';
import { formatValue } from './dashboard-api.js';

type Go = (changes: { unit?: number; period?: string; indicator?: number; set?: number }) => void;

/** "▲2", "▼1", "–" with its meaning for a screen reader: a rank's change is read as text, never as colour. */
function RankChange({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  const n = row.rankChange;
  if (n === null || n === 0) return <span data-rank-change="0">–</span>;
  // A smaller rank number is a better place: rankChange > 0 means the unit went up that many places.
  const up = n > 0;
  return (
    <span className={up ? 'change-better' : 'change-worse'} data-rank-change={n}>
      <span aria-hidden="true">
        {up ? '▲' : '▼'}
        {Math.abs(n)}
      </span>
      <span className="visually-hidden">
        {t(up ? 'scorecardDash.ranking.up' : 'scorecardDash.ranking.down', { n: Math.abs(n) })}
      </span>
    </span>
  );
}

/** A unit's name opening its points per pillar, fetched only once opened (a province has dozens of communes). */
function ScoreDetails({ name, unit, period, set }: { name: string; unit: number; period: string; set: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{name}</summary>
      {open && <RankingScore unit={unit} period={period} set={set} />}
    </details>
  );
}

/**
 * `openable`: the ranked units are the person's own (or below them), so a name opens its points or its dashboard. A
 * commune reading the province's published ranking sees names and values only (the server refuses the rest).
 */
function RankingTable({
  data,
  period,
  indicator,
  openable,
}: {
  data: Ranking;
  period: string;
  indicator?: Indicator;
  openable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = data.by.set;
  const shown = (r: RankingRow) =>
    set
      ? t('scorecardDash.ranking.scoreOf', {
          points: r.value === null ? '—' : formatNumber(r.value, lang),
          max: formatNumber(set.maxTotal, lang),
        })
      : formatValue(indicator?.measure ?? 'COUNT', r.value, lang);
  if (data.rows.length === 0) return <p className="muted">{t('scorecardDash.ranking.empty')}</p>;
  return (
    <div className="scroll">
      <table className="table ranking-table" data-testid="scorecard-ranking">
        <thead>
          <tr>
            <th scope="col">{t('scorecardDash.ranking.rank')}</th>
            <th scope="col">{t('scorecardDash.ranking.unit')}</th>
            <th scope="col">{set ? t('scorecardDash.ranking.score') : t('scorecardDash.value')}</th>
            <th scope="col">{t('scorecardDash.ranking.rankChange')}</th>
            {indicator && <th scope="col">{t('scorecardDash.ranking.valueChange')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.unit.id} data-unit={r.unit.code}>
              <td className="rank">{r.rank ?? '—'}</td>
              <td>
                {!openable ? (
                  r.unit.name
                ) : set ? (
                  <ScoreDetails name={r.unit.name} unit={r.unit.id} period={period} set={set.id} />
                ) : (
                  <Link href={`/scorecards?unit=${r.unit.id}&period=${period}`}>{r.unit.name}</Link>
                )}
              </td>
              <td className="num">{shown(r)}</td>
              <td className="num">
                <RankChange row={r} />
              </td>
              {indicator && (
                <td>
                  <ChangeText indicator={indicator} change={r.change} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/scorecards/ranking`: a unit's children ranked on an indicator or on a scored set's points, with each one's change
 * of rank since last month, a set's points per pillar under each unit, the printable emulation board (bảng thi đua)
 * and the monthly reports. A commune also sees the province's ranking of communes once the province published it.
 */
export function RankingPage({
  unit,
  period,
  by,
  onGo,
}: {
  unit: number | undefined;
  period: string;
  by: RankBy;
  onGo: Go;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe().data;
  const mine = roleUnits(me);
  const chosen = unit ?? mine[0]?.id;
  // The catalog is the province's whichever unit is ranked: ask for it by the person's own unit, since a commune
  // user may read the province's published ranking but not the province itself (asking by it answered 404 and the
  // scope picker vanished with the catalog, leaving them stuck).
  const catalog = useCatalog(mine[0]?.id ?? chosen);
  const province = catalog.data?.province;
  // The province's published ranking is for a commune's own people (the server's rankingAccess): a group head only
  // ranks within their group, so is not offered a choice the server refuses.
  const atCommune = (me?.roles ?? []).some((r) => r.role === 'COMMUNE_LEADER' || r.role === 'ONESTOP_OFFICER');
  const units =
    province && atCommune && !mine.some((u) => u.id === province.id)
      ? [...mine, { id: province.id, name: t('scorecardDash.ranking.province', { name: province.name }) }]
      : mine;
  const sets = (catalog.data?.sets ?? []).filter((s) => s.active);
  const indicators = (catalog.data?.indicators ?? []).filter((i) => i.active);
  // Nothing chosen yet: the first scored set, or else the first indicator.
  const effective: RankBy =
    by.indicator !== undefined || by.set !== undefined
      ? by
      : sets[0]
        ? { set: sets[0].id }
        : indicators[0]
          ? { indicator: indicators[0].id }
          : {};
  const ranking = useRanking(chosen, period, effective);
  const indicator = indicators.find((i) => i.id === effective.indicator);
  const pick = (value: string) => {
    const [kind, id] = value.split(':');
    onGo(kind === 's' ? { set: Number(id), indicator: undefined } : { indicator: Number(id), set: undefined });
  };
  const byValue =
    effective.set !== undefined
      ? `s:${effective.set}`
      : effective.indicator !== undefined
        ? `i:${effective.indicator}`
        : '';
  return (
    <section className="scorecards">
      <h1>{t('scorecardDash.ranking.title')}</h1>
      <div className="filters">
        <UnitPicker
          units={units}
          value={chosen}
          onChange={(u) => onGo({ unit: u })}
          label={t('scorecardDash.ranking.scope')}
        />
        <MonthPicker value={period} onChange={(p) => onGo({ period: p })} />
        <label>
          {t('scorecardDash.ranking.by')}
          <select value={byValue} onChange={(e) => pick(e.target.value)} data-testid="scorecard-by">
            {sets.length > 0 && (
              <optgroup label={t('scorecardDash.ranking.sets')}>
                {sets.map((s) => (
                  <option key={s.id} value={`s:${s.id}`}>
                    {nameOf(s, lang)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('scorecardDash.ranking.indicators')}>
              {indicators.map((i) => (
                <option key={i.id} value={`i:${i.id}`}>
                  {nameOf(i, lang)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>
      <QueryState isLoading={catalog.isLoading || ranking.isLoading} error={catalog.error ?? ranking.error} />
      {ranking.data && chosen !== undefined && (
        <>
          <p className="muted">
            {ranking.data.published ? t('scorecardDash.ranking.published') : t('scorecardDash.ranking.notPublished')}{' '}
            {t('scorecardDash.ranking.tieRule', {
              rule: lang === 'vi' ? ranking.data.tieRule.vi : ranking.data.tieRule.en,
            })}
          </p>
          <RankingTable
            data={ranking.data}
            period={period}
            openable={!(province && chosen === province.id && !mine.some((u) => u.id === province.id))}
            {...(indicator ? { indicator } : {})}
          />
          <ExportLinks path="/api/scorecards/ranking/export" query={rankingQuery(chosen, period, effective)} />
          {effective.set !== undefined ? (
            <p className="actions">
              <a
                href={`/api/scorecards/board.pdf?${rankingQuery(chosen, period, { set: effective.set })}`}
                target="_blank"
                rel="noreferrer"
                data-testid="scorecard-board"
              >
                {t('scorecardDash.ranking.printBoard')}
              </a>
              <small className="muted">{t('scorecardDash.ranking.boardHint')}</small>
            </p>
          ) : (
            <p className="muted">{t('scorecardDash.ranking.boardNeedsSet')}</p>
          )}
        </>
      )}
      {chosen !== undefined && mine.some((u) => u.id === chosen) && (
        <ReportsPanel unit={chosen} period={period} canCreate={can(me, 'scorecard.read')} />
      )}
    </section>
  );
}
