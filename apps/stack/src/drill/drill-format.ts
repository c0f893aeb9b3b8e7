import type { DrillResult } from './drill';

/**
 * The drill as a table: one row per injected regression and seed — the tool, whether an
 * alert named it, by which detector, its onset estimate against the true onset, days to
 * detection, and the tool's calls around the onset — then false alerts and the score.
 */
export function formatDrill(result: DrillResult): string[] {
  const header = ['kind', 'tool', 'seed', 'flagged', 'by', 'onset est.', 'days', 'calls b/a'];
  const rows: string[][] = [];
  for (const run of result.runs.filter((r) => !r.clean)) {
    for (const k of run.kinds) {
      rows.push([
        k.kind,
        k.tool,
        String(run.seed),
        k.flagged === 'tool' ? 'yes' : k.flagged === 'module' ? 'module only' : 'NO',
        k.detectors.join('+') || '-',
        k.onsetErrorHours === null
          ? '-'
          : `${k.onsetErrorHours >= 0 ? '+' : ''}${k.onsetErrorHours} h`,
        k.daysToDetection === null ? '-' : String(k.daysToDetection),
        `${k.calls.before}/${k.calls.after}`,
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    `drill: ${result.spec || '(clean runs only)'}`,
    `onset: day ${result.onsetDay} of ${result.days}; an alert counts within ${result.windowDays} days of it`,
    '',
  ];
  if (rows.length > 0) out.push(line(header), ...rows.map(line), '');
  for (const run of result.runs) {
    const label = `${run.clean ? 'clean' : 'drill'} run, seed ${run.seed}`;
    const extra = [
      `${run.falseAlerts.length} false alert${run.falseAlerts.length === 1 ? '' : 's'}`,
      ...(run.clean
        ? []
        : [`${run.collateral.length} collateral (other tools of an injected module)`]),
      `${run.toolCalls} tool calls`,
      `${(run.durationMs / 1000).toFixed(0)} s`,
    ];
    out.push(`${label}: ${extra.join(', ')}`);
    for (const a of [...run.falseAlerts]) out.push(`  false: ${a.summary}`);
    for (const a of run.collateral) out.push(`  collateral: ${a.summary}`);
  }
  const { score } = result;
  const share = score.injected > 0 ? Math.round((score.flagged / score.injected) * 100) : 100;
  out.push(
    '',
    `score: ${score.flagged}/${score.injected} regressions flagged on the right tool (${share} %), ${score.falseAlerts} false alert${score.falseAlerts === 1 ? '' : 's'}`,
    `cost: about ${score.callsPerWeek} tool calls per simulated week; took ${(result.durationMs / 1000).toFixed(0)} s`,
  );
  return out;
}
