import { bandPosition, linearScale, linePath, px, runs } from './scale';

/** What {@link sparkline} draws. */
export interface SparklineOptions {
  /** Values in order (one per day); `null` is a gap. */
  values: readonly (number | null)[];
  /** The accessible title, e.g. "journal: daily mean rating". */
  title: string;
  /** Default `[1, 5]`, the rating scale. */
  domain?: readonly [number, number];
  width?: number;
  height?: number;
  color?: string;
  testId?: string;
}

/**
 * A word-sized trend line for a table cell: no axes, gaps where values are missing, a dot
 * on the latest value. A single value is a dot; no values is a dashed baseline whose
 * title says so.
 */
export function sparkline(options: SparklineOptions) {
  const width = options.width ?? 120;
  const height = options.height ?? 28;
  const [min, max] = options.domain ?? [1, 5];
  const color = options.color ?? '#4e79a7';
  const n = options.values.length;
  const x = (i: number) => bandPosition(i, n, 3, width - 3);
  const y = linearScale([min, max], [height - 3, 3]);
  const clamped = options.values.map((v) =>
    v === null || !Number.isFinite(v) ? null : Math.min(max, Math.max(min, v)),
  );
  const segments = runs(clamped);
  const present = segments.flat();
  const last = present[present.length - 1];
  const title = present.length === 0 ? `${options.title}: no data` : options.title;
  return (
    <svg
      class="chart sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={title}
      data-testid={options.testId}
    >
      <title>{title}</title>
      {present.length === 0 ? (
        <line class="empty-line" x1={3} x2={width - 3} y1={height / 2} y2={height / 2} />
      ) : null}
      {segments.length > 1 ? (
        <path
          class="gap"
          d={linePath(present.map((p) => ({ x: x(p.i), y: y(p.v) })))}
          stroke={color}
        />
      ) : null}
      {segments
        .filter((s) => s.length > 1)
        .map((s) => (
          <path
            class="line"
            d={linePath(s.map((p) => ({ x: x(p.i), y: y(p.v) })))}
            stroke={color}
          />
        ))}
      {last ? <circle cx={px(x(last.i))} cy={px(y(last.v))} r={2.5} fill={color} /> : null}
    </svg>
  );
}
