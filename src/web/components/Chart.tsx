import { type KeyboardEvent, type PointerEvent, type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';
import { fullLabel, linear, nearestIndex, type TimeUnit, timeTicks, toPosition, valueTicks } from './chart-scale.js';
import { ChartTable } from './ChartTable.js';

/**
 * One series: its name, a value per date (null where there is none, e.g. a rate with nothing to divide), and how it
 * is drawn. A `table` series is a column of the table only (the counts behind a rate, what was done each day).
 */
export type ChartSeries = {
  key: string;
  label: string;
  values: (number | null)[];
  kind?: 'line' | 'area' | 'bar' | 'table';
  format?: (v: number) => string;
};

/** A straight reference line between two dates (a burndown's plan: the goal on the first day, nought at the end). */
export type ChartGuide = { label: string; from: [string, number]; to: [string, number] };

export type ChartProps = {
  title: string;
  unit: TimeUnit;
  /** The dates of the points: YYYY-MM for months, YYYY-MM-DD for days, ISO timestamps for hours. */
  at: string[];
  series: ChartSeries[];
  /** The time axis's extent when it is wider than the points (a burndown runs to its deadline). */
  domain?: [string, string];
  guide?: ChartGuide;
  /** A fixed top of the value axis (100 for a percentage). */
  yMax?: number;
  /** Bars of several series stacked on one another (the parts of a whole), else side by side. */
  stacked?: boolean;
  /** The table's first cell for a row, e.g. a link to the dossiers of that month; the date written out by default. */
  renderAt?: (i: number) => ReactNode;
  testId?: string;
  height?: number;
};

/**
 * Colours on screen; on paper (charts.css) they turn black and greys, so each series also has its own dash and
 * marker: a chart printed in black and white is still read series by series.
 */
export const SERIES_STYLES = [
  { color: '#b91c1c', dash: undefined, marker: 'circle' },
  { color: '#2563eb', dash: '7 4', marker: 'square' },
  { color: '#15803d', dash: '2 3', marker: 'triangle' },
  { color: '#a16207', dash: '10 3 2 3', marker: 'diamond' },
] as const;
type SeriesStyle = (typeof SERIES_STYLES)[number];

const MARGIN = { top: 12, right: 14, bottom: 36, left: 8 };
const FONT = 11;

/** A marker centred on (x, y): a different shape per series, so print and colour-blind readers tell them apart. */
function Marker({ x, y, style, r = 3.5 }: { x: number; y: number; style: SeriesStyle; r?: number }) {
  if (style.marker === 'circle') return <circle cx={x} cy={y} r={r} />;
  if (style.marker === 'square') return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
  if (style.marker === 'triangle')
    return <polygon points={`${x},${y - r - 1} ${x - r - 1},${y + r} ${x + r + 1},${y + r}`} />;
  return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
}

/** The legend's sample of a series, drawn as the chart draws it. */
function Swatch({ n, kind }: { n: number; kind: ChartSeries['kind'] }) {
  const style = SERIES_STYLES[n % SERIES_STYLES.length]!;
  // The same classes as the series, so print turns both to the same grey.
  return (
    <svg width="26" height="12" aria-hidden="true" className="chart-swatch">
      {kind === 'bar' ? (
        <g className={`chart-series s${n}`} fill={style.color}>
          <rect x="6" y="1" width="14" height="10" />
        </g>
      ) : (
        <g className={`chart-series s${n}`} stroke={style.color} fill={style.color}>
          <line x1="1" y1="6" x2="25" y2="6" strokeWidth="2" strokeDasharray={style.dash} />
          <Marker x={13} y={6} style={style} r={3} />
        </g>
      )}
    </svg>
  );
}

/** Splits a series into runs of consecutive values, so a missing month is a gap rather than a line through it. */
function runs(points: { x: number; y: number | null }[]) {
  const out: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push({ x: p.x, y: p.y });
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The one chart of the console: values over time as lines, areas or bars, on a time axis written dd/MM (or MM/yyyy)
 * and a value axis in round steps, with a legend, a tooltip that follows the pointer, a finger or the arrow keys,
 * and under it a "Xem bảng số liệu" table of exactly the numbers drawn. It is drawn at the width of its box (360 px
 * on a phone), and on paper the table is printed open and the colours turn to black and greys.
 */
export function Chart(props: ChartProps) {
  const { t } = useTranslation();
  const { unit, at, series, guide, stacked } = props;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [active, setActive] = useState<number | null>(null);
  const tableId = useId();
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const height = props.height ?? 200;
  const drawn = series.filter((s) => s.kind !== 'table');
  const bars = drawn.filter((s) => s.kind === 'bar');
  const positions = at.map((a) => toPosition(a, unit));
  const fmt = (s: ChartSeries, v: number | null) => (v === null ? '—' : (s.format ?? formatNumber)(v));

  // The value axis: the largest value drawn (bars stacked add up), the guide's ends, or a fixed top.
  const stackTops = stacked ? at.map((_, i) => bars.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)) : [];
  const highest = Math.max(
    0,
    ...stackTops,
    ...(stacked ? drawn.filter((s) => s.kind !== 'bar') : drawn).flatMap((s) => s.values.map((v) => v ?? 0)),
    guide?.from[1] ?? 0,
    guide?.to[1] ?? 0,
  );
  const integer = drawn.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const y = valueTicks(highest, height < 140 ? 3 : 4, { integer, ...(props.yMax ? { fixedMax: props.yMax } : {}) });
  const yLabel = (v: number) => (drawn[0]?.format ?? formatNumber)(v);
  const left = MARGIN.left + Math.max(...y.ticks.map((v) => yLabel(v).length)) * (FONT * 0.62) + 6;

  // The time axis: the points' extent (or the given domain), half a step wider each side when there are bars.
  const ends = props.domain ? props.domain.map((d) => toPosition(d, unit)) : positions;
  const lo = Math.min(...ends, ...positions);
  const hi = Math.max(...ends, ...positions);
  const half = bars.length || lo === hi ? 0.5 : 0;
  const plotRight = width - MARGIN.right;
  const x = linear([lo - half, hi + half], [left, plotRight]);
  const yOf = linear([0, y.max], [height - MARGIN.bottom, MARGIN.top]);
  const labelWidth = unit === 'month' ? 52 : 44;
  const ticks = Number.isFinite(lo) ? timeTicks(lo, hi, unit, Math.floor((plotRight - left) / labelWidth)) : [];
  const slot = (plotRight - left) / Math.max(1, hi - lo + 2 * half);
  const barWidth = Math.max(2, slot * 0.7);

  const pick = (clientX: number) => {
    const rect = box.current?.querySelector('svg')?.getBoundingClientRect();
    if (!rect || positions.length === 0) return;
    const px = ((clientX - rect.left) / rect.width) * width;
    const p = lo - half + ((px - left) / (plotRight - left)) * (hi - lo + 2 * half);
    setActive(nearestIndex(positions, p));
  };
  const onPointer = (e: PointerEvent<SVGSVGElement>) => pick(e.clientX);
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const step = e.key === 'ArrowLeft' ? -1 : 1;
    setActive((i) => Math.min(at.length - 1, Math.max(0, (i ?? (step > 0 ? -1 : at.length)) + step)));
  };

  const last = at.length - 1;
  const summary =
    last >= 0
      ? `${props.title}: ${fullLabel(positions[0]!, unit)} – ${fullLabel(positions[last]!, unit)}; ${drawn
          .map((s) => `${s.label} ${fmt(s, s.values[last] ?? null)}`)
          .join(', ')}`
      : props.title;

  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div className="chart-box" ref={box}>
        <svg
          className="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={summary}
          tabIndex={at.length ? 0 : -1}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={(e) => e.pointerType === 'mouse' && setActive(null)}
          onKeyDown={onKey}
          onBlur={() => setActive(null)}
        >
          <g className="chart-grid" fontSize={FONT}>
            {y.ticks.map((v) => (
              <g key={v}>
                <line x1={left} x2={plotRight} y1={yOf(v)} y2={yOf(v)} />
                <text x={left - 6} y={yOf(v) + FONT * 0.35} textAnchor="end" data-axis="y">
                  {yLabel(v)}
                </text>
              </g>
            ))}
            {ticks.map((tick) => {
              const tx = x(tick.at);
              // A label at either end is written inward, so the last date is not cut by the box's edge.
              const anchor = tx + labelWidth / 2 > width ? 'end' : tx - labelWidth / 2 < 0 ? 'start' : 'middle';
              return (
                <g key={tick.at}>
                  <line x1={tx} x2={tx} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom + 4} />
                  <text x={tx} y={height - MARGIN.bottom + 16} textAnchor={anchor} data-axis="x">
                    {tick.label}
                  </text>
                  {tick.sub && (
                    <text x={tx} y={height - MARGIN.bottom + 29} textAnchor={anchor} data-axis="x">
                      {tick.sub}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          {guide && (
            <line
              className="chart-guide"
              x1={x(toPosition(guide.from[0], unit))}
              y1={yOf(guide.from[1])}
              x2={x(toPosition(guide.to[0], unit))}
              y2={yOf(guide.to[1])}
            />
          )}
          {bars.map((s, b) => {
            const style = SERIES_STYLES[drawn.indexOf(s) % SERIES_STYLES.length]!;
            return (
              <g key={s.key} className={`chart-series s${drawn.indexOf(s)}`} fill={style.color}>
                {s.values.map((v, i) => {
                  if (v === null) return null;
                  const below = stacked ? bars.slice(0, b).reduce((sum, o) => sum + (o.values[i] ?? 0), 0) : 0;
                  const w = stacked ? barWidth : barWidth / bars.length;
                  const bx = x(positions[i]!) - barWidth / 2 + (stacked ? 0 : b * w);
                  return (
                    <rect
                      key={at[i]}
                      x={bx}
                      width={w}
                      y={yOf(below + v)}
                      height={Math.max(0, yOf(below) - yOf(below + v))}
                    />
                  );
                })}
              </g>
            );
          })}
          {drawn.map((s, n) => {
            if (s.kind === 'bar') return null;
            const style = SERIES_STYLES[n % SERIES_STYLES.length]!;
            const parts = runs(s.values.map((v, i) => ({ x: x(positions[i]!), y: v === null ? null : yOf(v) })));
            const base = yOf(0);
            return (
              <g key={s.key} className={`chart-series s${n}`} stroke={style.color} fill={style.color}>
                {parts.map((run) => (
                  <g key={run[0]!.x}>
                    {s.kind === 'area' && (
                      <path
                        className="chart-area"
                        stroke="none"
                        d={`M${run[0]!.x},${base} ${run.map((p) => `L${p.x},${p.y}`).join(' ')} L${run.at(-1)!.x},${base}Z`}
                      />
                    )}
                    <polyline
                      points={run.map((p) => `${p.x},${p.y}`).join(' ')}
                      fill="none"
                      strokeWidth="2.5"
                      strokeDasharray={style.dash}
                    />
                    {(at.length <= 40 || run.length === 1) &&
                      run.map((p) => <Marker key={p.x} x={p.x} y={p.y} style={style} />)}
                  </g>
                ))}
              </g>
            );
          })}
          <line className="chart-axis" x1={left} x2={plotRight} y1={yOf(0)} y2={yOf(0)} />
          {active !== null && positions[active] !== undefined && (
            <line
              className="chart-cursor"
              x1={x(positions[active])}
              x2={x(positions[active])}
              y1={MARGIN.top}
              y2={height - MARGIN.bottom}
            />
          )}
        </svg>
        {active !== null && positions[active] !== undefined && (
          <div
            className="chart-tip"
            role="status"
            style={{
              left: `${(x(positions[active]) / width) * 100}%`,
              transform: `translateX(${x(positions[active]) > width / 2 ? '-105%' : '5%'})`,
            }}
          >
            <strong>{fullLabel(positions[active], unit)}</strong>
            {series.map((s) => (
              <span key={s.key}>
                {s.label}: {fmt(s, s.values[active] ?? null)}
              </span>
            ))}
          </div>
        )}
      </div>
      <ul className="chart-legend">
        {drawn.map((s, n) => (
          <li key={s.key}>
            <Swatch n={n} kind={s.kind} /> {s.label}
          </li>
        ))}
        {guide && (
          <li>
            <svg width="26" height="12" aria-hidden="true" className="chart-swatch">
              <line className="chart-guide" x1="1" y1="6" x2="25" y2="6" />
            </svg>{' '}
            {guide.label}
          </li>
        )}
      </ul>
      <ChartTable
        id={tableId}
        title={props.title}
        unit={unit}
        at={at}
        series={series}
        renderAt={props.renderAt}
        format={fmt}
        timeHeader={t(`chart.when.${unit}`)}
        testId={props.testId}
      />
    </figure>
  );
}
