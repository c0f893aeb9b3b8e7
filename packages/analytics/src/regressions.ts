import type { Database } from '@mana/db';
import type { RegressionAlert } from './alerts';
import { type FamilySummary, findRegressions } from './find-regressions';
import { estimateOnset } from './onset';
import { loadRegressionData, type RegressionData } from './series-data';
import { DEFAULT_THRESHOLDS, type RegressionThresholds } from './thresholds';
import type { AnalysisWindow } from './windows';

/** Every test that was run, for transparency in reports, and the alerts that came of it. */
export interface RegressionAnalysis {
  window: AnalysisWindow;
  thresholds: RegressionThresholds;
  /** Most significant first, each with its onset. */
  alerts: RegressionAlert[];
  family: FamilySummary;
  /** Distinct modules and tools with at least one test that could reach significance. */
  tested: { modules: number; tools: number };
}

/**
 * Finds regressions between the baseline and the recent window of `window`: failure
 * rates and failed checks per tool and module (Fisher's exact test), new error
 * signatures per tool (exact conditional test), latency per tool and ratings per module
 * (Mann–Whitney U). All tests of one analysis form one family under Tarone's step-down
 * at `thresholds.alpha`; an alert also needs its minimum effect, and carries the
 * estimated onset of the change. Pass `data` when it is already loaded.
 */
export async function detectRegressions(
  db: Database,
  window: AnalysisWindow,
  thresholds: RegressionThresholds = DEFAULT_THRESHOLDS,
  data?: RegressionData,
): Promise<RegressionAnalysis> {
  const findings = findRegressions(data ?? (await loadRegressionData(db, window)), thresholds);
  const alerts: RegressionAlert[] = [];
  for (const alert of findings.alerts) {
    alerts.push({ ...alert, onset: await estimateOnset(db, alert, window) });
  }
  return { window, thresholds, alerts, family: findings.family, tested: findings.tested };
}
