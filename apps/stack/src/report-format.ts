import type { OperatorReport } from '@mana/analytics';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A rating sparkline: one block per day, 1 star = lowest block, 5 stars = highest. */
export function sparkline(values: readonly number[]): string {
  return values
    .map((v) => BLOCKS[Math.max(0, Math.min(7, Math.round(((v - 1) / 4) * 7)))])
    .join('');
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '  –  ' : x.toFixed(digits));
const ms = (x: number | null) => (x === null ? '    –' : `${String(x).padStart(5)}`);

/** The report as terminal text: alerts first, then modules, tools and personas. */
export function formatReport(report: OperatorReport): string[] {
  const lines: string[] = [];
  const { recentDays, baselineDays } = report.window;
  lines.push(
    `Mana Personas report as of ${report.asOf} — last ${recentDays} days against the ${baselineDays} days before`,
  );
  lines.push('');
  if (report.alerts.length === 0) {
    lines.push(
      `Alerts: none (tested ${report.tested.modules} modules and ${report.tested.tools} tools)`,
    );
  } else {
    lines.push(
      `Alerts (${report.alerts.length}; tested ${report.tested.modules} modules and ${report.tested.tools} tools):`,
    );
    for (const alert of report.alerts) {
      const test = alert.kind === 'rating_drop' ? 'Mann–Whitney U' : 'two-proportion z';
      lines.push(
        `  ! ${alert.summary}   [${test}, z = ${alert.z.toFixed(2)}, p = ${alert.p.toExponential(1)}]`,
      );
      for (const r of alert.evidence.lowestRatings) {
        lines.push(
          `      ${r.rating}★ ${r.persona}: ${(r.notes ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
        );
      }
      for (const e of alert.evidence.recentErrors) {
        lines.push(
          `      ✗ ${e.tool} (${e.persona}): ${(e.errorMessage ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
        );
      }
    }
  }
  lines.push(
    '',
    `  (α = ${report.thresholds.alpha} family-wise with Holm; a module needs ≥ ${report.thresholds.minRatings} ratings per window and a drop ≥ ${report.thresholds.minRatingDrop}; a tool ≥ ${report.thresholds.minCalls} calls and a rise ≥ ${report.thresholds.minErrorRateRise * 100} points)`,
    '',
    'Modules (daily mean rating, oldest → newest):',
    `  ${'module'.padEnd(10)} ${'trend'.padEnd(2 * Math.max(7, recentDays))} before  recent  change  ratings`,
  );
  for (const m of report.modules) {
    lines.push(
      `  ${m.module.padEnd(10)} ${sparkline(m.daily.map((d) => d.mean)).padEnd(2 * Math.max(7, recentDays))} ${num(m.baseline.mean).padStart(6)}  ${num(m.recent.mean).padStart(6)}  ${(m.change === null ? '  –' : `${m.change >= 0 ? '+' : ''}${m.change.toFixed(2)}`).padStart(6)}  ${m.baseline.count}→${m.recent.count}`,
    );
  }
  lines.push(
    '',
    'Tools (recent window):',
    `  ${'tool'.padEnd(28)} calls  errors  rate    before   p50 ms  p95 ms`,
  );
  const tools = [...report.tools].sort(
    (a, b) =>
      (b.recent.errorRate ?? 0) - (a.recent.errorRate ?? 0) || b.recent.calls - a.recent.calls,
  );
  for (const t of tools) {
    lines.push(
      `  ${t.tool.padEnd(28)} ${String(t.recent.calls).padStart(5)}  ${String(t.recent.errors).padStart(6)}  ${pct(t.recent.errorRate)}  ${pct(t.baseline.errorRate)}  ${ms(t.recent.latencyP50Ms)}   ${ms(t.recent.latencyP95Ms)}`,
    );
  }
  lines.push(
    '',
    'Personas (7 days):',
    `  ${'persona'.padEnd(28)} ${'last tick'.padEnd(22)} actions  errors  rating`,
  );
  for (const p of report.personas) {
    const last = p.lastTick
      ? `${p.lastTick.status} ${p.lastTick.startedAt.slice(5, 16).replace('T', ' ')}`
      : 'never';
    lines.push(
      `  ${p.email.padEnd(28)} ${last.padEnd(22)} ${String(p.actions7d).padStart(7)}  ${String(p.errors7d).padStart(6)}  ${num(p.avgRating)}`,
    );
  }
  return lines;
}
