import { linearScale, px } from './scale';

/** One bar of a {@link barChart}. */
export interface Bar {
  label: string;
  value: number;
  /** Printed after the bar; default the value with two decimals. */
  valueLabel?: string;
  /** Extra words for the tooltip, e.g. "3 of 40 calls". */
  detail?: string;
  /** Makes the label a link. */
  href?: string;
  /** Colour class: `ok` (default), `warn` or `bad`. */
  tone?: 'ok' | 'warn' | 'bad';
}

/** What {@link barChart} draws. */
export interface BarChartOptions {
  id: string;
  title: string;
  bars: readonly Bar[];
  /** The value of a full-width bar; default the largest value (or 1 when all are 0). */
  max?: number;
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
  emptyText?: string;
  testId?: string;
}

const MAX_LABEL_CHARS = 26;

/**
 * A horizontal bar chart: one row per bar with its label on the left, the bar, and its
 * value on the right. Long labels are shortened with an ellipsis (the full label is in
 * the tooltip). Values below zero draw as empty bars; no bars draws a message.
 */
export function barChart(options: BarChartOptions) {
  const width = options.width ?? 1080;
  const labelWidth = options.labelWidth ?? 190;
  const rowHeight = options.rowHeight ?? 26;
  const valueWidth = 90;
  const max = options.max ?? Math.max(0, ...options.bars.map((b) => b.value));
  const scale = linearScale([0, max > 0 ? max : 1], [0, width - labelWidth - valueWidth]);
  const height = Math.max(1, options.bars.length) * rowHeight + 8;
  const titleId = `${options.id}-title`;
  return (
    <svg
      class="chart bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={titleId}
      data-testid={options.testId}
    >
      <title id={titleId}>{options.title}</title>
      {options.bars.length === 0 ? (
        <text class="empty" x={width / 2} y={rowHeight / 2 + 8} text-anchor="middle">
          {options.emptyText ?? 'No data in this window'}
        </text>
      ) : null}
      {options.bars.map((bar, i) => {
        const top = 4 + i * rowHeight;
        const barWidth = Math.max(0, scale(Math.max(0, Math.min(bar.value, max > 0 ? max : 1))));
        const valueLabel = bar.valueLabel ?? bar.value.toFixed(2);
        const label = (
          <text class="bar-label" x={labelWidth - 10} y={top + rowHeight / 2 + 4} text-anchor="end">
            {shorten(bar.label)}
          </text>
        );
        return (
          <g class={`bar-row tone-${bar.tone ?? 'ok'}`} data-label={bar.label}>
            <title>{`${bar.label}: ${valueLabel}${bar.detail ? ` (${bar.detail})` : ''}`}</title>
            {bar.href ? <a href={bar.href}>{label}</a> : label}
            <rect
              class="track"
              x={labelWidth}
              y={top + 4}
              width={px(width - labelWidth - valueWidth)}
              height={rowHeight - 8}
            />
            <rect
              class="bar"
              x={labelWidth}
              y={top + 4}
              width={px(barWidth)}
              height={rowHeight - 8}
            />
            <text class="bar-value" x={px(labelWidth + barWidth + 6)} y={top + rowHeight / 2 + 4}>
              {valueLabel}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function shorten(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}
