import type { ToolStats } from '@mana/analytics';
import { barChart } from '../charts/bar-chart';
import { Empty } from './components';
import { fmtMs, fmtPct } from './format';

/** Bar colour of an error rate: ≥ 20 % bad, ≥ 5 % warning. */
export function errorTone(rate: number | null): 'ok' | 'warn' | 'bad' {
  if (rate === null) return 'ok';
  return rate >= 0.2 ? 'bad' : rate >= 0.05 ? 'warn' : 'ok';
}

/** A module's tools: a bar chart of recent error rates and a table with calls and latency. */
export function ToolSection(props: { tools: readonly ToolStats[] }) {
  if (props.tools.length === 0)
    return <Empty>No calls of this module's tools in this window.</Empty>;
  const rates = props.tools.map((t) => t.recent.errorRate ?? 0);
  return (
    <>
      <section class="card">
        {barChart({
          id: 'tool-errors',
          title: 'Error rate per tool in the recent window',
          bars: props.tools.map((t) => ({
            label: t.tool,
            value: t.recent.errorRate ?? 0,
            valueLabel: t.recent.calls > 0 ? fmtPct(t.recent.errorRate) : 'no calls',
            detail: `${t.recent.errors} of ${t.recent.calls} calls failed`,
            tone: errorTone(t.recent.errorRate),
          })),
          max: Math.max(0.1, ...rates),
          testId: 'chart-tool-errors',
        })}
      </section>
      <table data-testid="tool-table">
        <thead>
          <tr>
            <th>Tool</th>
            <th class="num">Calls</th>
            <th class="num">Errors</th>
            <th class="num">Error rate</th>
            <th class="num">Before</th>
            <th class="num">p50</th>
            <th class="num">p95</th>
            <th class="num">p95 before</th>
          </tr>
        </thead>
        <tbody>
          {props.tools.map((t) => (
            <tr data-testid="tool-row" data-tool={t.tool}>
              <td>
                <code>{t.tool}</code>
              </td>
              <td class="num">{String(t.recent.calls)}</td>
              <td class={`num ${t.recent.errors > 0 ? 'down' : ''}`}>{String(t.recent.errors)}</td>
              <td class="num">{fmtPct(t.recent.errorRate)}</td>
              <td class="num muted">{fmtPct(t.baseline.errorRate)}</td>
              <td class="num">{fmtMs(t.recent.latencyP50Ms)}</td>
              <td class="num">{fmtMs(t.recent.latencyP95Ms)}</td>
              <td class="num muted">{fmtMs(t.baseline.latencyP95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
