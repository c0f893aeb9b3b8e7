import type { Database } from '@mana/db';
import { dataAsOf } from './as-of';
import { alertEvidence } from './evidence';
import { type ModuleTrend, moduleTrends } from './module-trends';
import { listPersonaSummaries, type PersonaSummary } from './persona-overview';
import {
  DEFAULT_THRESHOLDS,
  detectRegressions,
  type RegressionAlert,
  type RegressionThresholds,
} from './regressions';
import { type ToolStats, toolStats } from './tool-stats';
import type { AnalysisWindow } from './windows';

/** An alert with the first pieces of its evidence. */
export type ReportAlert = RegressionAlert & {
  evidence: {
    lowestRatings: { persona: string; rating: number; notes: string | null; at: string }[];
    recentErrors: { persona: string; tool: string; errorMessage: string | null; at: string }[];
  };
};

/** Everything the console's overview and `npm run report` show. */
export interface OperatorReport {
  asOf: string;
  window: { recentDays: number; baselineDays: number };
  thresholds: RegressionThresholds;
  personas: PersonaSummary[];
  modules: ModuleTrend[];
  tools: ToolStats[];
  alerts: ReportAlert[];
  tested: { modules: number; tools: number };
}

/**
 * The operator's Monday-morning view: personas, module rating trends, tool error rates
 * and latencies, and regression alerts with their first evidence. The recent window is
 * the last `sinceDays` days up to the latest data, the baseline the same span before it.
 */
export async function buildReport(
  db: Database,
  options: { now?: Date; sinceDays?: number; thresholds?: RegressionThresholds } = {},
): Promise<OperatorReport> {
  const asOf = await dataAsOf(db, options.now ?? new Date());
  const days = options.sinceDays ?? 7;
  const window: AnalysisWindow = { asOf, recentDays: days, baselineDays: days };
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const [personas, modules, tools, analysis] = await Promise.all([
    listPersonaSummaries(db, asOf),
    moduleTrends(db, window),
    toolStats(db, window),
    detectRegressions(db, window, thresholds),
  ]);
  const alerts: ReportAlert[] = [];
  for (const alert of analysis.alerts) {
    const evidence = await alertEvidence(db, alert, window, 50);
    alerts.push({
      ...alert,
      evidence: {
        lowestRatings: evidence.ratings
          .slice(0, 3)
          .map(({ persona, rating, notes, at }) => ({ persona, rating, notes, at })),
        recentErrors: evidence.actions
          .slice(0, 3)
          .map(({ persona, tool, errorMessage, at }) => ({ persona, tool, errorMessage, at })),
      },
    });
  }
  return {
    asOf: asOf.toISOString(),
    window: { recentDays: days, baselineDays: days },
    thresholds,
    personas,
    modules,
    tools,
    alerts,
    tested: analysis.tested,
  };
}
