import { seriesColor } from './palette';
import { bandPosition, labelIndexes, linearScale, linePath, px, runs, shortDay } from './scale';

/** One point of a series: a category (a day) and its value, absent for a gap. */
export interface LinePoint {
  x: string;
  y: number | null;
  /** How many observations the value rests on (shown in tooltips and the count strip). */
  count?: number;
}

/** One line of a {@link lineChart}. */
export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
  /** Default: the palette colour of the series' index. */
  color?: string;
  /** Makes the legend entry a link. */
  href?: string;
}

/** What {@link lineChart} draws. */
export interface LineChartOptions {
  /** Unique on the page: prefixes the ids the accessible title needs. */
  id: string;
  /** The accessible title (also shown as the SVG's tooltip). */
  title: string;
  /** The x categories in order (days); points whose `x` is not here are ignored. */
  categories: readonly string[];
  series: readonly LineSeries[];
  /** Default `[1, 5]`, the rating scale. */
  yDomain?: readonly [number, number];
  /** Default: every integer of the domain. */
  yTicks?: readonly number[];
  yLabel?: string;
  width?: number;
  height?: number;
  /** A strip under the plot with the first series' counts per category. */
  showCounts?: boolean;
  formatX?: (category: string) => string;
  formatY?: (value: number) => string;
  /** Message drawn when no series has a value. */
  emptyText?: string;
  testId?: string;
}

const MARGIN = { top: 14, right: 18, bottom: 26, left: 44 };
const COUNT_STRIP = 34;
const LEGEND_ROW = 20;

/**
 * A multi-series line chart as inline SVG: y axis with grid lines (the 1–5 rating scale
 * by default), x axis of categories (days), one line per series with a marker per value.
 * Missing values break a line; a dashed faint connector bridges the gap so the trend
 * stays readable. A single value is a lone marker. No data at all draws the axes and a
 * message. Every marker carries a `<title>` with its exact value and count.
 *
 * @example
 * lineChart({ id: 'm', title: 'Mean rating per day', categories: days, series: [{ name: 'todo', points }] })
 */
export function lineChart(options: LineChartOptions) {
  const width = options.width ?? 1080;
  const plotHeight = (options.height ?? 300) - MARGIN.top - MARGIN.bottom;
  const [yMin, yMax] = options.yDomain ?? [1, 5];
  const yTicks = options.yTicks ?? integerTicks(yMin, yMax);
  const formatX = options.formatX ?? shortDay;
  const formatY = options.formatY ?? ((v: number) => v.toFixed(2));
  const categories = options.categories;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = top + plotHeight;
  const x = (i: number) => bandPosition(i, categories.length, left + 8, right - 8);
  const y = linearScale([yMin, yMax], [bottom, top]);
  const index = new Map(categories.map((c, i) => [c, i]));

  const series = options.series.map((s, k) => {
    const values: (number | null)[] = categories.map(() => null);
    const counts: (number | null)[] = categories.map(() => null);
    for (const p of s.points) {
      const i = index.get(p.x);
      if (i === undefined || p.y === null || !Number.isFinite(p.y)) continue;
      values[i] = Math.min(yMax, Math.max(yMin, p.y));
      counts[i] = p.count ?? null;
    }
    return { ...s, color: s.color ?? seriesColor(k), values, counts, runs: runs(values) };
  });
  const empty = series.every((s) => s.runs.length === 0);

  const stripTop = bottom + MARGIN.bottom;
  const legendTop = stripTop + (options.showCounts ? COUNT_STRIP : 0) + 6;
  const legend = legendLayout(
    series.map((s) => s.name),
    width - left,
  );
  const height = legendTop + (series.length > 0 ? legend.rows * LEGEND_ROW : 0) + 4;
  const titleId = `${options.id}-title`;

  return (
    <svg
      class="chart line-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={titleId}
      data-testid={options.testId}
    >
      <title id={titleId}>{options.title}</title>
      <g class="axis y-axis">
        {yTicks.map((t) => (
          <g>
            <line class="grid" x1={left} x2={right} y1={px(y(t))} y2={px(y(t))} />
            <text x={left - 8} y={px(y(t)) + 4} text-anchor="end">
              {Number.isInteger(t) ? String(t) : t.toFixed(1)}
            </text>
          </g>
        ))}
        {options.yLabel ? (
          <text
            class="axis-label"
            transform={`translate(12 ${px((top + bottom) / 2)}) rotate(-90)`}
            text-anchor="middle"
          >
            {options.yLabel}
          </text>
        ) : null}
      </g>
      <g class="axis x-axis">
        <line class="axis-line" x1={left} x2={right} y1={bottom} y2={bottom} />
        {labelIndexes(categories.length, Math.max(2, Math.floor((right - left) / 70))).map((i) => (
          <text x={px(x(i))} y={bottom + 18} text-anchor="middle">
            {formatX(categories[i] as string)}
          </text>
        ))}
      </g>
      {empty ? (
        <text
          class="empty"
          x={px((left + right) / 2)}
          y={px((top + bottom) / 2)}
          text-anchor="middle"
        >
          {options.emptyText ?? 'No data in this window'}
        </text>
      ) : null}
      {series.map((s) => (
        <g class="series" data-series={s.name}>
          <title>{s.name}</title>
          {s.runs.length > 1 ? (
            <path
              class="gap"
              d={linePath(s.runs.flatMap((r) => r.map((p) => ({ x: x(p.i), y: y(p.v) }))))}
              stroke={s.color}
            />
          ) : null}
          {s.runs
            .filter((r) => r.length > 1)
            .map((r) => (
              <path
                class="line"
                d={linePath(r.map((p) => ({ x: x(p.i), y: y(p.v) })))}
                stroke={s.color}
              />
            ))}
          {s.runs.flat().map((p) => (
            <circle class="point" cx={px(x(p.i))} cy={px(y(p.v))} r={3.2} fill={s.color}>
              <title>
                {`${s.name} · ${categories[p.i]}: ${formatY(p.v)}${countText(s.counts[p.i])}`}
              </title>
            </circle>
          ))}
        </g>
      ))}
      {options.showCounts && series[0]
        ? countStrip(series[0].counts, x, stripTop, categories)
        : null}
      <g class="legend">
        {series.map((s, k) => {
          const at = legend.positions[k] ?? { x: 0, row: 0 };
          const lx = left + at.x;
          const ly = legendTop + at.row * LEGEND_ROW + 10;
          const entry = (
            <g class="legend-item">
              <line
                x1={lx}
                x2={lx + 16}
                y1={ly - 4}
                y2={ly - 4}
                stroke={s.color}
                stroke-width={3}
              />
              <text x={lx + 21} y={ly}>
                {s.name}
              </text>
            </g>
          );
          return s.href ? <a href={s.href}>{entry}</a> : entry;
        })}
      </g>
    </svg>
  );
}

function countStrip(
  counts: readonly (number | null)[],
  x: (i: number) => number,
  top: number,
  categories: readonly string[],
) {
  const max = Math.max(1, ...counts.map((c) => c ?? 0));
  const barHeight = linearScale([0, max], [0, COUNT_STRIP - 14]);
  const step = categories.length > 1 ? Math.abs(x(1) - x(0)) : 24;
  const barWidth = Math.max(2, Math.min(18, step * 0.6));
  return (
    <g class="counts">
      {counts.map((c, i) =>
        c ? (
          <g>
            <rect
              x={px(x(i) - barWidth / 2)}
              y={px(top + COUNT_STRIP - 12 - barHeight(c))}
              width={px(barWidth)}
              height={px(barHeight(c))}
            >
              <title>{`${categories[i]}: ${c} rating${c === 1 ? '' : 's'}`}</title>
            </rect>
            {step >= 16 ? (
              <text x={px(x(i))} y={top + COUNT_STRIP - 1} text-anchor="middle">
                {String(c)}
              </text>
            ) : null}
          </g>
        ) : null,
      )}
    </g>
  );
}

function countText(count: number | null | undefined): string {
  if (count === null || count === undefined) return '';
  return ` (${count} rating${count === 1 ? '' : 's'})`;
}

function integerTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min); t <= Math.floor(max); t++) ticks.push(t);
  return ticks.length >= 2 ? ticks : [min, max];
}

/** Places legend entries left to right, wrapping into rows (text width estimated). */
export function legendLayout(names: readonly string[], width: number) {
  const positions: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const w = 30 + Math.min(name.length, 40) * 7;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    positions.push({ x, row });
    x += w;
  }
  return { positions, rows: names.length === 0 ? 0 : row + 1 };
}
