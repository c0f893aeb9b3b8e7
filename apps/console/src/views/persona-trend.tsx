import type { PersonaDailyCalls, PersonaTrend } from '@mana/analytics';
import { type LineSeries, lineChart } from '../charts/line-chart';
import { moduleHref } from './format';

/** A share as a percentage, or a gap when nothing was counted. */
function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/**
 * The top of the rate chart's axis: the largest daily rate rounded up to a step of 10 %
 * (at least 10 %, at most 100 %), so a rate of a few percent is not a flat line at 0.
 */
export function rateTop(series: readonly LineSeries[]): number {
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y ?? 0)));
  return Math.min(100, Math.max(10, Math.ceil(max / 10) * 10));
}

/** One line per module: the persona's daily mean rating of it. */
export function ratingSeries(trend: PersonaTrend, since: string): LineSeries[] {
  const byModule = new Map<string, LineSeries['points'][number][]>();
  for (const r of trend.ratings) {
    const points = byModule.get(r.module) ?? [];
    points.push({ x: r.day, y: r.mean, count: r.count });
    byModule.set(r.module, points);
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, points]) => ({ name: module, points, href: moduleHref(module, since) }));
}

/**
 * The daily rates of the persona's calls: failures among calls that reached the app
 * (counts: calls), failed checks among checked calls, refused inputs among all calls.
 */
export function rateSeries(calls: readonly PersonaDailyCalls[]): LineSeries[] {
  return [
    {
      name: 'failed calls (% of calls)',
      points: calls.map((d) => ({ x: d.day, y: percent(d.failures, d.reached), count: d.calls })),
    },
    {
      name: 'failed checks (% of checked calls)',
      points: calls.map((d) => ({ x: d.day, y: percent(d.checkFailed, d.checked) })),
    },
    {
      name: 'refused inputs (% of calls)',
      points: calls.map((d) => ({ x: d.day, y: percent(d.invalidInput, d.calls) })),
    },
  ];
}

/**
 * A persona's trend as two charts: its daily mean rating per module, and the daily share
 * of its calls that failed, failed their check or were refused (calls per day under it).
 */
export function PersonaTrendCharts(props: {
  trend: PersonaTrend;
  days: readonly string[];
  since: string;
}) {
  const totals = props.trend.calls.reduce(
    (t, d) => ({
      calls: t.calls + d.calls,
      failures: t.failures + d.failures,
      checkFailed: t.checkFailed + d.checkFailed,
    }),
    { calls: 0, failures: 0, checkFailed: 0 },
  );
  const rates = rateSeries(props.trend.calls);
  const top = rateTop(rates);
  return (
    <div class="grid2" data-testid="persona-trend">
      <section class="card">
        <h3>Ratings per module</h3>
        {lineChart({
          id: 'persona-ratings',
          title: 'This persona’s daily mean rating per module',
          categories: props.days,
          series: ratingSeries(props.trend, props.since),
          yLabel: 'mean rating (1–5)',
          width: 640,
          height: 260,
          emptyText: 'No ratings in this window',
          testId: 'chart-persona-ratings',
        })}
      </section>
      <section class="card">
        <h3>Failed calls and checks per day</h3>
        <p class="muted" data-testid="persona-call-totals">
          {totals.calls} calls, {totals.failures} failed, {totals.checkFailed} failed their check
        </p>
        {lineChart({
          id: 'persona-rates',
          title: 'This persona’s daily share of failed calls, failed checks and refused inputs',
          categories: props.days,
          series: rates,
          yDomain: [0, top],
          yTicks: [0, top / 4, top / 2, (3 * top) / 4, top],
          yLabel: '% of calls',
          formatY: (v) => `${Number(v.toFixed(1))}%`,
          width: 640,
          height: 260,
          showCounts: true,
          countUnit: 'call',
          emptyText: 'No calls in this window',
          testId: 'chart-persona-rates',
        })}
      </section>
    </div>
  );
}
