import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import {
  type Cell,
  type Dashboard,
  formatChange,
  formatValue,
  type Indicator,
  nameOf,
  unitWordOf,
} from './dashboard-api.js';
import { LightLabel, monthLabel } from './DashboardParts.js';

/** One cell: the value in bold, the light in words under it; the target and the counts in its title. */
function HeatCell({
  indicator,
  cell,
  coverage,
}: {
  indicator: Indicator;
  cell: Cell | undefined;
  /** On the total row of an entered indicator: how many of the rows reported a value (a sum of 1 of 6 communes). */
  coverage?: { reported: number; of: number };
}) {
  const { t, i18n } = useTranslation();
  if (!cell)
    return (
      <td className="heat-cell" data-light="NO_DATA">
        —
      </td>
    );
  const lang = i18n.language;
  const value = formatValue(indicator.measure, cell.value, lang, unitWordOf(indicator, lang));
  const target = cell.target === null ? t('scorecardDash.noTarget') : formatValue(indicator.measure, cell.target, lang);
  const counts =
    cell.numerator !== null && cell.denominator !== null
      ? ` (${t('scorecardDash.fraction', { numerator: cell.numerator, denominator: cell.denominator })})`
      : '';
  return (
    <td
      className={`heat-cell light-bg-${cell.light}`}
      data-light={cell.light}
      data-indicator={indicator.code}
      title={`${nameOf(indicator, lang)}: ${value}${counts} · ${t('scorecardDash.target')} ${target}`}
    >
      <strong>{value}</strong>
      <LightLabel light={cell.light} />
      {cell.light !== 'MET' && cell.value !== null && cell.target !== null && (
        <small className="behind-since" data-testid="gap">
          {t('scorecardDash.gap', { gap: formatChange(indicator.measure, cell.value - cell.target, lang) })}
        </small>
      )}
      {coverage && coverage.reported < coverage.of && (
        <small className="behind-since" data-testid="coverage">
          {t('scorecardDash.coverage', coverage)}
        </small>
      )}
      {cell.behindSince && (
        <small className="behind-since">
          {t('scorecardDash.behindSince', { month: monthLabel(cell.behindSince) })}
        </small>
      )}
    </td>
  );
}

/**
 * The heat table: one row per child unit, one column per indicator, the parent's total at the foot. The first column
 * stays put while the rest scrolls sideways (a phone shows a unit's name and two or three indicators at a time); each
 * unit's name opens its own dashboard.
 */
export function DashboardHeat({ data, hrefOf }: { data: Dashboard; hrefOf: (unit: number) => string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Only the indicators the rows can have: a commune's groups have no dossiers, feedback or staff of their own, and a
  // column of "— Chưa có số liệu" in every row says nothing (the commune's own values stay in its cards below).
  const columns = data.indicators.filter((i) => data.rows.some((r) => (i.levels as string[]).includes(r.unit.tier)));
  return (
    <section className="heat-scroll" aria-label={t('scorecardDash.heatLabel')}>
      <table className="heat" data-testid="scorecard-heat">
        <thead>
          <tr>
            <th scope="col" className="heat-unit">
              {t('scorecardDash.unit')}
            </th>
            {columns.map((i) => (
              <th key={i.id} scope="col" data-indicator={i.code} title={lang === 'vi' ? i.formulaVi : i.formulaEn}>
                {nameOf(i, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.unit.id} data-unit={row.unit.code}>
              <th scope="row" className="heat-unit">
                <Link href={hrefOf(row.unit.id)} title={t('scorecardDash.openUnit', { name: row.unit.name })}>
                  {row.unit.name}
                </Link>
              </th>
              {columns.map((i) => (
                <HeatCell key={i.id} indicator={i} cell={row.cells[i.id]} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="heat-total" data-unit={data.total.unit.code}>
            <th scope="row" className="heat-unit">
              {t('scorecardDash.total', { name: data.total.unit.name })}
            </th>
            {columns.map((i) => (
              <HeatCell
                key={i.id}
                indicator={i}
                cell={data.total.cells[i.id]}
                coverage={
                  i.kind === 'ENTERED'
                    ? {
                        reported: data.rows.filter((r) => (r.cells[i.id]?.value ?? null) !== null).length,
                        of: data.rows.length,
                      }
                    : undefined
                }
              />
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
