import type { ModuleTrend } from '@mana/analytics';
import { seriesColor } from '../charts/palette';
import { sparkline } from '../charts/sparkline';
import { Empty, Rating } from './components';
import { fmtChange, moduleHref } from './format';

/** The daily means of a trend laid over the given days (`null` where it has none). */
export function dailyValues(trend: ModuleTrend, days: readonly string[]): (number | null)[] {
  const byDay = new Map(trend.daily.map((d) => [d.day, d.mean]));
  return days.map((d) => byDay.get(d) ?? null);
}

/**
 * One row per module: recent and baseline mean rating with their counts, the change
 * (red when worse), and a sparkline of the daily means over both windows.
 */
export function ModuleTable(props: {
  modules: readonly ModuleTrend[];
  days: readonly string[];
  since: string;
}) {
  if (props.modules.length === 0) return <Empty>No module was rated in this window.</Empty>;
  return (
    <table data-testid="module-table">
      <thead>
        <tr>
          <th>Module</th>
          <th class="num">Recent mean</th>
          <th class="num">Baseline mean</th>
          <th class="num">Change</th>
          <th>Daily mean (baseline → recent)</th>
        </tr>
      </thead>
      <tbody>
        {props.modules.map((m, i) => (
          <tr data-testid="module-row" data-module={m.module}>
            <td>
              <a href={moduleHref(m.module, props.since)}>{m.module}</a>
            </td>
            <td class="num">
              <Rating value={m.recent.mean} /> <span class="muted">({m.recent.count})</span>
            </td>
            <td class="num">
              <Rating value={m.baseline.mean} /> <span class="muted">({m.baseline.count})</span>
            </td>
            <td class={`num ${m.change !== null && m.change < 0 ? 'down' : m.change ? 'up' : ''}`}>
              {fmtChange(m.change)}
            </td>
            <td>
              {sparkline({
                values: dailyValues(m, props.days),
                title: `${m.module}: daily mean rating`,
                color: seriesColor(i),
                testId: 'sparkline',
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
