import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullLabel, type TimeUnit, toPosition } from './chart-scale.js';

/** What the table needs of a series (Chart's ChartSeries has these and more). */
type Column = { key: string; label: string; values: (number | null)[] };

type Props = {
  id: string;
  title: string;
  unit: TimeUnit;
  at: string[];
  series: Column[];
  renderAt?: ((i: number) => ReactNode) | undefined;
  format: (s: Column, v: number | null) => string;
  timeHeader: string;
  testId?: string | undefined;
};

/**
 * The chart's numbers as a table, behind a "Xem bảng số liệu" button: the same values the chart draws (and the counts
 * behind them), for a screen reader, for copying into a report, and on paper, where it is always printed (charts.css).
 * It stays in the page when closed (`hidden`), so print shows it without anyone pressing the button.
 */
export function ChartTable(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="chart-toggle"
        aria-expanded={open}
        aria-controls={props.id}
        onClick={() => setOpen(!open)}
      >
        {open ? t('chart.hideTable') : t('chart.showTable')}
      </button>
      <div className="chart-data scroll" id={props.id} hidden={!open}>
        <table className="table" data-testid={props.testId && `${props.testId}-table`}>
          <caption>{t('chart.tableOf', { title: props.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{props.timeHeader}</th>
              {props.series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.at.map((a, i) => (
              <tr key={a} data-at={a}>
                <th scope="row">
                  {props.renderAt ? props.renderAt(i) : fullLabel(toPosition(a, props.unit), props.unit)}
                </th>
                {props.series.map((s) => (
                  <td key={s.key} data-series={s.key} data-value={s.values[i] ?? ''}>
                    {props.format(s, s.values[i] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
