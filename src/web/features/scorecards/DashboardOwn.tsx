import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';
import {
  type Cell,
  changeAsShown,
  changeSense,
  type Dashboard,
  formatChange,
  formatValue,
  type Indicator,
  nameOf,
  unitWordOf,
} from './dashboard-api.js';
import { LightLabel, monthLabel } from './DashboardParts.js';
import { TrendChart } from './TrendChart.js';

/** "▲ +3,2 điểm % (tốt lên)": the arrow, the signed change and whether it is good news, all in text. */
export function ChangeText({ indicator, change }: { indicator: Indicator; change: number | null }) {
  const { t, i18n } = useTranslation();
  // Judged on the change as written: one too small to show ("±0") is neither up nor down.
  const shown = change === null ? null : changeAsShown(indicator.measure, change);
  const sense = changeSense(indicator.direction, shown);
  const arrow = shown === null || shown === 0 ? '' : shown > 0 ? '▲ ' : '▼ ';
  return (
    <span className={`change change-${sense}`} data-sense={sense}>
      {arrow}
      {formatChange(indicator.measure, change, i18n.language)}
      {change !== null && ` (${t(`scorecardDash.${sense}`)})`}
    </span>
  );
}

/** One indicator of the unit: value, target, light, counts, change; its trend drawn once opened. */
function OwnIndicator({
  indicator,
  cell,
  unit,
  period,
  previous,
}: {
  indicator: Indicator;
  cell: Cell;
  unit: number;
  period: string;
  previous: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const word = unitWordOf(indicator, lang);
  return (
    <li className="own-indicator" data-indicator={indicator.code} data-light={cell.light}>
      <h3>{nameOf(indicator, lang)}</h3>
      <p className="own-value">
        <strong>{formatValue(indicator.measure, cell.value, lang, word)}</strong> <LightLabel light={cell.light} />
      </p>
      <dl className="own-facts">
        <dt>{t('scorecardDash.target')}</dt>
        <dd>
          {cell.target === null ? t('scorecardDash.noTarget') : formatValue(indicator.measure, cell.target, lang, word)}
          {cell.targetInherited && ` ${t('scorecardDash.targetInherited')}`}
        </dd>
        {indicator.measure !== 'COUNT' && cell.numerator !== null && cell.denominator !== null && (
          <>
            <dt>{t('scorecardDash.counts')}</dt>
            <dd>
              {t('scorecardDash.fraction', {
                numerator: formatNumber(cell.numerator, lang),
                denominator: formatNumber(cell.denominator, lang),
              })}
              {word && indicator.measure === 'PERCENT' && ` ${word}`}
            </dd>
          </>
        )}
        {cell.value !== null && cell.target !== null && (
          <>
            <dt>{t('scorecardDash.gapLabel')}</dt>
            <dd data-testid="gap">{formatChange(indicator.measure, cell.value - cell.target, lang)}</dd>
          </>
        )}
        {cell.behindSince && (
          <>
            <dt>{t('scorecardDash.behindSinceLabel')}</dt>
            <dd data-testid="behind-since">{monthLabel(cell.behindSince)}</dd>
          </>
        )}
        <dt>{t('scorecardDash.change')}</dt>
        <dd>
          <ChangeText indicator={indicator} change={cell.change} />{' '}
          <small className="muted">({monthLabel(previous)})</small>
        </dd>
      </dl>
      <p className="muted own-source">
        {indicator.kind === 'ENTERED' ? t('scorecardDash.entered') : t('scorecardDash.computed')}
        {(lang === 'vi' ? indicator.formulaVi : indicator.formulaEn) &&
          ` · ${t('scorecardDash.formula', { formula: lang === 'vi' ? indicator.formulaVi : indicator.formulaEn })}`}
      </p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('scorecardDash.showTrend')}</summary>
        {open && <TrendChart unit={unit} indicator={indicator} period={period} />}
      </details>
    </li>
  );
}

/** The unit's own indicators against their targets. */
export function DashboardOwn({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  // Indicators with nothing counted yet are named in one line, so the ones with figures are not lost among them.
  const hasData = (i: Indicator) => (data.total.cells[i.id]?.value ?? null) !== null;
  const shown = data.indicators.filter(hasData);
  const empty = data.indicators.filter((i) => !hasData(i));
  return (
    <section aria-labelledby="scorecard-own">
      <h2 id="scorecard-own">{t('scorecardDash.own', { name: data.unit.name })}</h2>
      <p className="muted">{t('scorecardDash.ownHint')}</p>
      <ul className="own-indicators" data-testid="scorecard-own">
        {shown.map((i) => (
          <OwnIndicator
            key={i.id}
            indicator={i}
            cell={data.total.cells[i.id]!}
            unit={data.unit.id}
            period={data.period}
            previous={data.previousPeriod}
          />
        ))}
      </ul>
      {empty.length > 0 && (
        <details className="own-empty" data-testid="scorecard-no-data">
          <summary>{t('scorecardDash.noData', { count: empty.length })}</summary>
          <ul>
            {empty.map((i) => (
              <li key={i.id} data-indicator={i.code}>
                {nameOf(i, i18n.language)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** "What moved": the unit's largest changes since the month before. */
export function DashboardMoved({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const byId = new Map(data.indicators.map((i) => [i.id, i]));
  const moved = data.moved.filter((m) => byId.has(m.indicatorId));
  return (
    <section aria-labelledby="scorecard-moved">
      <h2 id="scorecard-moved">{t('scorecardDash.moved')}</h2>
      {moved.length === 0 ? (
        <p className="muted">{t('scorecardDash.nothingMoved')}</p>
      ) : (
        <ul className="moved" data-testid="scorecard-moved">
          {moved.map((m) => {
            const indicator = byId.get(m.indicatorId)!;
            return (
              <li key={m.indicatorId} data-indicator={indicator.code}>
                <span>{nameOf(indicator, i18n.language)}</span> <ChangeText indicator={indicator} change={m.change} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
