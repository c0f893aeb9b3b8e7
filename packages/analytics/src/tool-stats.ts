import type { Database } from '@mana/db';
import { loadRegressionData, type RegressionData, type WindowCounts } from './series-data';
import type { AnalysisWindow } from './windows';

/** How a tool fared in one window. */
export interface ToolWindowStats extends WindowCounts {
  /** Every error of any kind over all calls (invalid input included). */
  errorRate: number | null;
  /** Failures (app error, timeout, transport) over the calls that reached the app. */
  failureRate: number | null;
}

/** A tool's calls, errors and latency, recent against baseline. */
export interface ToolStats {
  tool: string;
  module: string;
  recent: ToolWindowStats;
  baseline: ToolWindowStats;
}

function withRates(w: WindowCounts): ToolWindowStats {
  return {
    ...w,
    errorRate: w.calls > 0 ? w.errors / w.calls : null,
    failureRate: w.reached > 0 ? w.failures / w.reached : null,
  };
}

/** The tool rows of already loaded data, by module and tool. */
export function toolStatsOf(data: RegressionData): ToolStats[] {
  return data.series
    .filter((s) => s.tool !== null)
    .map((s) => ({
      tool: s.tool as string,
      module: s.module,
      recent: withRates(s.recent),
      baseline: withRates(s.baseline),
    }));
}

/**
 * Calls, errors (all kinds, and failures apart from refused inputs), checks and latency
 * p50/p95 of answered calls per tool in both windows, by module and tool.
 */
export async function toolStats(db: Database, window: AnalysisWindow): Promise<ToolStats[]> {
  return toolStatsOf(await loadRegressionData(db, window));
}
