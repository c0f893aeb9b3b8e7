/** How many series a legend can toggle (styles.ts writes one CSS rule per index). */
export const TOGGLE_SLOTS = 32;

/** One entry of a {@link chartLegend}. */
export interface LegendEntry {
  name: string;
  color: string;
  href?: string | undefined;
  highlight?: boolean;
  muted?: boolean;
}

/**
 * The legend of a line chart as HTML under the SVG: a checkbox per series that hides or
 * shows its line without script (the chart's figure hides series `k` by CSS `:has()`
 * while checkbox `k` is unchecked; see styles.ts), the name (a link when `href` is
 * given), and a note on what hollow points mean when `smallNote` is given.
 *
 * @example
 * <figure class="line-chart-figure">{svg}{chartLegend('m', entries, null)}</figure>
 */
export function chartLegend(id: string, entries: readonly LegendEntry[], smallNote: string | null) {
  return (
    <div class="chart-legend">
      {entries.map((e, k) => {
        const cls = ['legend-item', e.highlight ? 'highlight' : '', e.muted ? 'muted' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <span class={cls} data-series={e.name}>
            <label title={`Show or hide ${e.name}`}>
              <input
                type="checkbox"
                class={k < TOGGLE_SLOTS ? `lc-t${k}` : undefined}
                checked
                aria-label={`Show ${e.name}`}
                id={`${id}-toggle-${k}`}
              />
              <span class="swatch" style={`background:${e.color}`} />
            </label>
            {e.href ? <a href={e.href}>{e.name}</a> : <span>{e.name}</span>}
          </span>
        );
      })}
      {smallNote ? <span class="legend-note">{smallNote}</span> : null}
    </div>
  );
}
