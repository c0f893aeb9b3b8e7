import { chartLegend, TOGGLE_SLOTS } from './chart-legend';
import { COUNT_STRIP, countStrip } from './count-strip';
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
  /** An alerting series: drawn bold, and every series not highlighted is muted. */
  highlight?: boolean;
}

/** A vertical marker at a category, e.g. an alert's estimated onset. */
export interface ChartMarker {
  x: string;
  label: string;
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
  /** Values resting on fewer observations are drawn hollow and their segments dashed. */
  minCount?: number;
  /** Vertical markers (the estimated onset); markers outside the categories are left out. */
  markers?: readonly ChartMarker[];
  /** What a point's count counts, singular; default `rating`. */
  countUnit?: string;
}

const MARGIN = { top: 14, right: 18, bottom: 26, left: 44 };

/**
 * A multi-series line chart as inline SVG: y axis with grid lines (the 1–5 rating scale
 * by default), x axis of categories (days), one line per series with a marker per value.
 * Missing values break a line; a dashed faint connector bridges the gap so the trend
 * stays readable. A single value is a lone marker. No data at all draws the axes and a
 * message. Every marker carries a `<title>` with its exact value and count. When a series
 * is highlighted (alerting) the others are muted; a value on fewer than `minCount`
 * observations is a hollow point joined by dashes; `markers` draw a dashed vertical line
 * (the onset). The legend under the SVG toggles series (see {@link chartLegend}).
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
  const anyHighlight = series.some((s) => s.highlight);
  const minCount = options.minCount ?? 0;
  const unit = options.countUnit ?? 'rating';
  const small = (c: number | null) => c !== null && c < minCount;
  const seriesClass = (s: { highlight?: boolean }, k: number) =>
    [
      'series',
      k < TOGGLE_SLOTS ? `lc-s${k}` : '',
      anyHighlight ? (s.highlight ? 'highlight' : 'muted') : '',
    ]
      .filter(Boolean)
      .join(' ');

  const stripTop = bottom + MARGIN.bottom;
  const height = stripTop + (options.showCounts ? COUNT_STRIP : 0) + 4;
  const markers = (options.markers ?? []).flatMap((m) => {
    const i = index.get(m.x);
    return i === undefined ? [] : [{ ...m, at: px(x(i)) }];
  });
  const smallNote =
    minCount > 1 && series.some((s) => s.counts.some(small))
      ? `Hollow points: fewer than ${minCount} ${unit}s that day`
      : null;
  const titleId = `${options.id}-title`;

  const svg = (
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
      {markers.map((m) => (
        <g class="marker" data-marker={m.x}>
          <line x1={m.at} x2={m.at} y1={top} y2={bottom} />
          <text x={m.at + 4} y={top + 10}>
            {m.label}
          </text>
        </g>
      ))}
      {series.map((s, k) => (
        <g class={seriesClass(s, k)} data-series={s.name}>
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
            .flatMap((r) => segments(r, (i) => small(s.counts[i] ?? null)))
            .map((seg) => (
              <path
                class={seg.small ? 'line small' : 'line'}
                d={linePath(seg.points.map((p) => ({ x: x(p.i), y: y(p.v) })))}
                stroke={s.color}
              />
            ))}
          {s.runs.flat().map((p) => (
            <circle
              class={small(s.counts[p.i] ?? null) ? 'point small' : 'point'}
              cx={px(x(p.i))}
              cy={px(y(p.v))}
              r={3.2}
              fill={small(s.counts[p.i] ?? null) ? '#fff' : s.color}
              stroke={s.color}
            >
              <title>
                {`${s.name} · ${categories[p.i]}: ${formatY(p.v)}${countText(s.counts[p.i], unit)}`}
              </title>
            </circle>
          ))}
        </g>
      ))}
      {options.showCounts && series[0]
        ? countStrip(series[0].counts, x, stripTop, categories, unit)
        : null}
    </svg>
  );
  const legend = series.map((s) => ({
    name: s.name,
    color: s.color,
    href: s.href,
    highlight: anyHighlight && s.highlight === true,
    muted: anyHighlight && s.highlight !== true,
  }));
  return (
    <figure class="line-chart-figure">
      {svg}
      {series.length > 0 || smallNote ? chartLegend(options.id, legend, smallNote) : null}
    </figure>
  );
}

/**
 * Splits a run into segments between neighbouring values: a segment touching a small
 * sample is `small` (drawn dashed), consecutive segments of one kind are merged.
 */
export function segments(
  run: readonly { i: number; v: number }[],
  isSmall: (i: number) => boolean,
): { small: boolean; points: { i: number; v: number }[] }[] {
  const out: { small: boolean; points: { i: number; v: number }[] }[] = [];
  for (let n = 1; n < run.length; n++) {
    const a = run[n - 1] as { i: number; v: number };
    const b = run[n] as { i: number; v: number };
    const kind = isSmall(a.i) || isSmall(b.i);
    const last = out.at(-1);
    if (last && last.small === kind) last.points.push(b);
    else out.push({ small: kind, points: [a, b] });
  }
  return out;
}

function countText(count: number | null | undefined, unit: string): string {
  if (count === null || count === undefined) return '';
  return ` (${count} ${unit}${count === 1 ? '' : 's'})`;
}

function integerTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min); t <= Math.floor(max); t++) ticks.push(t);
  return ticks.length >= 2 ? ticks : [min, max];
}
