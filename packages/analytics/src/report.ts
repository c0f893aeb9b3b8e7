import type { ConsistencyRun } from '@mana/contracts';
import type { Database } from '@mana/db';
import type { RegressionAlert } from './alerts';
import { dataAsOf } from './as-of';
import { latestConsistencyRun } from './consistency-runs';
import { type Coverage, coverage } from './coverage';
import { type ActionEvidence, alertEvidence, type RatingEvidence } from './evidence';
import type { FamilySummary } from './find-regressions';
import { type ModuleTrend, moduleTrends } from './module-trends';
import { listPersonaSummaries, type PersonaSummary } from './persona-overview';
import { detectRegressions } from './regressions';
import { loadRegressionData } from './series-data';
import { DEFAULT_THRESHOLDS, type RegressionThresholds } from './thresholds';
import { type ToolStats, toolStatsOf } from './tool-stats';
import type { AnalysisWindow } from './windows';

/** An alert with the first page of its evidence (the alert page has the rest). */
export type ReportAlert = RegressionAlert & {
  evidence: {
    /** How many rows the alert's evidence has in all. */
    total: number;
    /** The first calls behind it (failed, with the signature, slowest, or failed checks). */
    calls: ActionEvidence[];
    /** The module's lowest recent ratings, with notes. */
    ratings: RatingEvidence[];
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
  /** The family of tests: its size, Tarone's K and the level. */
  family: FamilySummary;
  /** Per tool and module: counts, calls per persona, detection power; and the blind spots. */
  coverage: Coverage;
  /** The latest stored `simulate --repeat k` with its figures, or null when none ran. */
  consistency: ConsistencyRun | null;
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  now?: Date;
  sinceDays?: number;
  thresholds?: RegressionThresholds;
  /** The app's write tools; silent-write blind spots are listed for these only (default: every tool). */
  writeTools?: ReadonlySet<string>;
  /** Evidence rows per alert in the report (default 5 calls, 3 ratings). */
  evidenceCalls?: number;
  evidenceRatings?: number;
}

/**
 * The operator's Monday-morning view: personas, module rating trends, tool stats,
 * regression alerts with their first evidence and onset, coverage with detection power,
 * and the blind spots. The recent window is the last `sinceDays` days up to the latest
 * data, the baseline the same span before it.
 */
export async function buildReport(
  db: Database,
  options: ReportOptions = {},
): Promise<OperatorReport> {
  const asOf = await dataAsOf(db, options.now ?? new Date());
  const days = options.sinceDays ?? 7;
  const window: AnalysisWindow = { asOf, recentDays: days, baselineDays: days };
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const data = await loadRegressionData(db, window);
  const [personas, modules, analysis, consistency] = await Promise.all([
    listPersonaSummaries(db, asOf),
    moduleTrends(db, window),
    detectRegressions(db, window, thresholds, data),
    latestConsistencyRun(db),
  ]);
  const calls = options.evidenceCalls ?? 5;
  const ratings = options.evidenceRatings ?? 3;
  const alerts: ReportAlert[] = [];
  for (const alert of analysis.alerts) {
    const evidence = await alertEvidence(db, alert, window, { limit: Math.max(calls, ratings) });
    alerts.push({
      ...alert,
      evidence: {
        total: evidence.total,
        calls: evidence.actions.slice(0, calls),
        ratings: evidence.ratings.slice(0, ratings),
      },
    });
  }
  return {
    asOf: asOf.toISOString(),
    window: { recentDays: days, baselineDays: days },
    thresholds,
    personas,
    modules,
    tools: toolStatsOf(data),
    alerts,
    tested: analysis.tested,
    family: analysis.family,
    coverage: coverage(data, analysis.family.level, thresholds, {
      ...(options.writeTools ? { writeTools: options.writeTools } : {}),
    }),
    consistency,
  };
}
