import type { BlindSpot, OperatorReport, ReportAlert } from '@mana/analytics';
import type { ConsistencyRun } from '@mana/contracts';
import { formatConsistency } from './consistency-figures';

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
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const oneLine = (s: string | null, max = 100) => (s ?? '').replace(/\s+/g, ' ').slice(0, max);

/** Evidence rows per alert in the text; `--json` has more, the console all. */
const EVIDENCE_LINES = 3;

const KIND_LABEL: Record<ReportAlert['kind'], string> = {
  failure_rate: 'failure rate',
  new_signature: 'new error',
  latency: 'latency',
  check_failures: 'failed checks',
  rating_drop: 'rating drop',
};

const TEST_LABEL: Record<ReportAlert['test'], string> = {
  'fisher-exact': "Fisher's exact",
  'conditional-binomial': 'conditional binomial',
  'mann-whitney-u': 'Mann–Whitney U',
};

function onsetText(a: ReportAlert): string {
  const o = a.onset;
  if (!o) return 'onset unknown';
  const where = o.inRecentWindow ? '' : ' (already under way in the baseline)';
  if (o.method === 'first-occurrence') return `first seen ${when(o.at)}`;
  const unit =
    a.kind === 'latency'
      ? (v: number) => `${v} ms`
      : a.kind === 'rating_drop'
        ? (v: number) => v.toFixed(2)
        : (v: number) => `${(v * 100).toFixed(1)} %`;
  const change =
    o.before !== null && o.after !== null ? `: ${unit(o.before)} → ${unit(o.after)}` : '';
  return `since about ${when(o.at)}${where}${change}`;
}

/** One alert: the line an operator reads, how it was decided, and its first evidence. */
export function formatAlert(a: ReportAlert): string[] {
  const lines = [
    `  ! ${a.summary}`,
    `      ${KIND_LABEL[a.kind]} · ${TEST_LABEL[a.test]}, ${a.statistic.name} = ${a.statistic.value}${a.z === null ? '' : `, z = ${a.z.toFixed(2)}`}, p = ${a.p.toExponential(1)} ≤ ${a.level.toExponential(1)} · ${onsetText(a)}`,
    `      before: ${a.numbers.baseline}; recent: ${a.numbers.recent}`,
  ];
  if (a.kind === 'rating_drop') {
    for (const r of a.evidence.ratings.slice(0, EVIDENCE_LINES)) {
      lines.push(
        `      ${r.rating}★ ${when(r.at)} ${r.persona} (${r.tickId}): ${oneLine(r.notes)}`,
      );
    }
    return lines;
  }
  const calls = a.evidence.calls.slice(0, EVIDENCE_LINES);
  for (const c of calls) {
    const what =
      a.kind === 'latency'
        ? `${c.latencyMs} ms`
        : a.kind === 'check_failures'
          ? `expected ${oneLine(c.checkExpected, 60)}, saw ${oneLine(c.checkSeen, 60)}`
          : `${c.outcome}: ${oneLine(c.errorMessage)}`;
    lines.push(`      ✗ ${when(c.at)} ${c.tool} ${c.persona} (${c.tickId}#${c.seq}): ${what}`);
  }
  if (a.evidence.total > calls.length) {
    lines.push(`      … ${a.evidence.total - calls.length} more in the recent window`);
  }
  return lines;
}

/** The report as terminal text: alerts by module, blind spots, then modules, tools and personas. */
export function formatReport(report: OperatorReport): string[] {
  const lines: string[] = [];
  const { recentDays, baselineDays } = report.window;
  const th = report.thresholds;
  const f = report.family;
  lines.push(
    `Mana Personas report as of ${report.asOf} — last ${recentDays} days against the ${baselineDays} days before`,
    '',
  );
  const family = `${f.hypotheses} tests, ${f.eligible} could reach significance (Tarone K = ${f.k}, α/K = ${f.level.toExponential(1)})`;
  if (report.alerts.length === 0) {
    lines.push(`Alerts: none (${family})`);
  } else {
    lines.push(`Alerts (${report.alerts.length}; ${family}):`);
    const modules = [...new Set(report.alerts.map((a) => a.module))];
    for (const module of modules) {
      lines.push(`  ${module}`);
      for (const alert of report.alerts.filter((a) => a.module === module)) {
        lines.push(...formatAlert(alert));
      }
    }
  }
  lines.push(
    '',
    `  (α = ${th.alpha} family-wise, Tarone step-down over every test; alerts need failures or failed checks up ≥ ${th.minFailureRateRise * 100} points, latency up ≥ ${th.minLatencyIncreaseMs} ms and ×${th.minLatencyRatio} (p50 or p95), or ratings down ≥ ${th.minRatingDrop})`,
    '',
  );
  lines.push(...formatBlindSpots(report));
  lines.push(
    '',
    'Modules (daily mean rating, oldest → newest):',
    `  ${'module'.padEnd(10)} ${'trend'.padEnd(2 * Math.max(7, recentDays))} before  recent  change  ratings  detects drop`,
  );
  for (const m of report.modules) {
    const cov = report.coverage.modules.find((c) => c.module === m.module);
    const drop = cov?.detectable.ratingDrop;
    lines.push(
      `  ${m.module.padEnd(10)} ${sparkline(m.daily.map((d) => d.mean)).padEnd(2 * Math.max(7, recentDays))} ${num(m.baseline.mean).padStart(6)}  ${num(m.recent.mean).padStart(6)}  ${(m.change === null ? '  –' : `${m.change >= 0 ? '+' : ''}${m.change.toFixed(2)}`).padStart(6)}  ${`${m.baseline.count}→${m.recent.count}`.padEnd(7)}  ${drop === null || drop === undefined ? '   –' : `≥ ${drop.toFixed(2)}`}`,
    );
  }
  lines.push(
    '',
    'Tools (recent window; refused = invalid input, apart from failures; "detects" = smallest change seen at 80 % power):',
    `  ${'tool'.padEnd(28)} calls refused failed  rate    before  checks  p50 ms  p95 ms  detects: fail  slower  checks`,
  );
  const tools = [...report.coverage.tools].sort(
    (a, b) =>
      b.recent.failures / Math.max(1, b.recent.reached) -
        a.recent.failures / Math.max(1, a.recent.reached) || b.recent.calls - a.recent.calls,
  );
  for (const t of tools) {
    const r = t.recent;
    const b = t.baseline;
    const d = t.detectable;
    lines.push(
      `  ${(t.tool ?? '').padEnd(28)} ${String(r.calls).padStart(5)} ${String(r.invalidInput).padStart(7)} ${String(r.failures).padStart(6)} ${pct(r.reached ? r.failures / r.reached : null)} ${pct(b.reached ? b.failures / b.reached : null)} ${`${r.checkFailed}/${r.checked}`.padStart(7)}  ${ms(r.latencyP50Ms)}   ${ms(r.latencyP95Ms)}  ${pct(d.failureRate?.detectable ?? null).padStart(13)}  ${(d.latencyRatio === null ? '–' : `×${d.latencyRatio.toFixed(1)}`).padStart(6)}  ${pct(d.checkFailureRate?.detectable ?? null)}`,
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
  if (report.consistency) lines.push('', ...formatConsistencyRun(report.consistency));
  return lines;
}

/**
 * The latest stored `simulate --repeat k`: when it ran and what it lived, then its
 * figures per persona and module as `simulate` printed them, flags included.
 */
export function formatConsistencyRun(run: ConsistencyRun): string[] {
  const [, ...table] = formatConsistency({ tries: run.k, rows: run.rows, overall: run.overall });
  return [
    `Consistency (run #${run.id}, ${when(run.finishedAt)} UTC): ${run.k} tries of ${run.days} days with the ${run.brain} brain, seed ${run.seed}; ${run.personaCount} personas, ${run.personaDays} persona-days a try, simulated ${when(run.simulatedFrom)} → ${when(run.simulatedTo)}${run.faults ? `, faults ${run.faults}` : ''}`,
    ...table.map((line) => `  ${line}`),
  ];
}

const BLIND_LABEL: Record<BlindSpot['kind'], (th: OperatorReport['thresholds']) => string> = {
  failures: (th) => `${th.blindSpotFailureRate * 100} % failures`,
  latency: (th) => `×${th.blindSpotLatencyRatio} latency`,
  silent_write: () => 'silent writes',
  ratings: (th) => `${th.blindSpotRatingDrop}-star drop`,
};

/**
 * The blind spots, one block per kind: the tools or modules that could not have shown
 * it, with their samples (recent/baseline) and about how many a window would. Reasons
 * shared by most (no checks at all) are said once.
 */
export function formatBlindSpots(report: OperatorReport): string[] {
  const th = report.thresholds;
  const spots = report.coverage.blindSpots;
  if (spots.length === 0) {
    return [
      `Blind spots: none (every tool could see ${th.blindSpotFailureRate * 100} % failures, a ×${th.blindSpotLatencyRatio} latency and every check failing; every module a ${th.blindSpotRatingDrop}-star drop)`,
    ];
  }
  const lines = [
    `Blind spots: regressions this report could not have seen (${report.coverage.power * 100} % power at α/K; name recent/baseline samples → needed a window):`,
  ];
  for (const kind of ['failures', 'latency', 'silent_write', 'ratings'] as const) {
    const ofKind = spots.filter((b) => b.kind === kind);
    if (ofKind.length === 0) continue;
    const unchecked = ofKind.filter((b) => b.reason.startsWith('no call was checked'));
    const rest = ofKind.filter((b) => !unchecked.includes(b));
    const items = rest.map(
      (b) =>
        `${b.tool ?? b.module} ${b.samples.recent}/${b.samples.baseline}${b.needed ? `→${b.needed}` : ''}${b.reason.startsWith('already failing') ? ' (already failing)' : ''}`,
    );
    if (unchecked.length > 0) items.push(`${unchecked.length} never checked`);
    const label = `  ${BLIND_LABEL[kind](th)} (${ofKind.length}):`.padEnd(26);
    lines.push(...wrap(label, items, 100));
  }
  lines.push('  (each with its reason in --json: coverage.blindSpots)');
  return lines;
}

function wrap(label: string, items: readonly string[], width: number): string[] {
  const out: string[] = [];
  let line = label;
  for (const item of items) {
    const next = `${line}${line.trim().endsWith(':') ? ' ' : ', '}${item}`;
    if (next.length > width && line !== label) {
      out.push(`${line},`);
      line = `${' '.repeat(label.length)} ${item}`;
    } else {
      line = next;
    }
  }
  out.push(line);
  return out;
}
