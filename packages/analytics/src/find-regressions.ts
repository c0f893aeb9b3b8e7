import { ALERT_KINDS, type AlertKind, type Hypothesis, type RegressionAlert } from './alerts';
import { taroneStepDown } from './family-wise';
import { latencyHypotheses } from './latency-detector';
import { checkFailureHypotheses, failureRateHypotheses } from './rate-detectors';
import { ratingDropHypotheses } from './rating-detector';
import type { RegressionData } from './series-data';
import { newSignatureHypotheses } from './signature-detector';
import type { RegressionThresholds } from './thresholds';

/** How one kind of test fared in the family. */
export interface KindTally {
  /** Hypotheses of this kind (every tool, module or signature seen). */
  hypotheses: number;
  /** Of those, the ones that could pass α/K at the first step (Tarone-eligible). */
  eligible: number;
  /** Rejected by the step-down. */
  significant: number;
  /** Significant and with the minimum effect: alerts. */
  alerts: number;
}

/** The family of one report: its size before and after Tarone, and its level. */
export interface FamilySummary {
  alpha: number;
  /** Every test of the report. */
  hypotheses: number;
  /** Tarone's K: the divisor of α at the first step. */
  k: number;
  /** Tests that could reach α/K at all; only these dilute α. */
  eligible: number;
  /** α/K: the level a single test had to pass at the first step (and power is planned at). */
  level: number;
  byKind: Record<AlertKind, KindTally>;
}

/** What the family decided: alerts (onset still unknown) and the family's numbers. */
export interface Findings {
  alerts: RegressionAlert[];
  family: FamilySummary;
  /** Distinct modules and tools with at least one Tarone-eligible test. */
  tested: { modules: number; tools: number };
}

/** Every hypothesis of one report, from every detector. */
export function allHypotheses(
  data: RegressionData,
  thresholds: RegressionThresholds,
): Hypothesis[] {
  const modules = new Map(
    data.series.filter((s) => s.tool !== null).map((s) => [s.tool as string, s.module]),
  );
  return [
    ...failureRateHypotheses(data.series, thresholds),
    ...checkFailureHypotheses(data.series, thresholds),
    ...newSignatureHypotheses(data.signatures, data.series, thresholds),
    ...latencyHypotheses(data.latencies, modules, thresholds),
    ...ratingDropHypotheses(data.ratings, thresholds),
  ];
}

/**
 * Runs every detector on the loaded data and decides them as one family: Tarone's
 * step-down at `thresholds.alpha`, then the minimum effect of each kind. Pure, so each
 * detector can be tested on synthetic counts. Alerts come most significant first.
 */
export function findRegressions(data: RegressionData, thresholds: RegressionThresholds): Findings {
  const hypotheses = allHypotheses(data, thresholds);
  const decision = taroneStepDown(hypotheses, thresholds.alpha);
  const level = thresholds.alpha / decision.k;
  const byKind = Object.fromEntries(
    ALERT_KINDS.map((k) => [k, { hypotheses: 0, eligible: 0, significant: 0, alerts: 0 }]),
  ) as Record<AlertKind, KindTally>;
  const alerts: RegressionAlert[] = [];
  const modules = new Set<string>();
  const tools = new Set<string>();
  hypotheses.forEach((h, i) => {
    const tally = byKind[h.draft.kind];
    tally.hypotheses++;
    if (h.pMin <= level) {
      tally.eligible++;
      if (h.draft.tool === null) modules.add(h.draft.module);
      else tools.add(h.draft.tool);
    }
    if (!decision.rejected[i]) return;
    tally.significant++;
    if (!h.effectOk) return;
    tally.alerts++;
    alerts.push({ ...h.draft, level: decision.level[i] as number, onset: null } as RegressionAlert);
  });
  alerts.sort((a, b) => a.p - b.p || a.id.localeCompare(b.id));
  return {
    alerts,
    family: {
      alpha: thresholds.alpha,
      hypotheses: hypotheses.length,
      k: decision.k,
      eligible: decision.eligible,
      level,
      byKind,
    },
    tested: { modules: modules.size, tools: tools.size },
  };
}
