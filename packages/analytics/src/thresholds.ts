/** When a difference counts as a regression, and what coverage is measured against. */
export interface RegressionThresholds {
  /** Family-wise significance level over every test of one report (Tarone step-down). */
  alpha: number;
  /** Smallest rise of a failure rate (0..1) worth an alert. */
  minFailureRateRise: number;
  /** Smallest rise of the failed-check rate (0..1) worth an alert. */
  minCheckFailureRise: number;
  /** Smallest latency increase (ms, of p50 or p95) worth an alert… */
  minLatencyIncreaseMs: number;
  /** …together with this ratio (recent / baseline, of the same percentile). */
  minLatencyRatio: number;
  /** Smallest drop of the mean rating worth an alert. */
  minRatingDrop: number;
  /** Power the coverage table plans with (and the rating test's minimum sample). */
  power: number;
  /** Blind spot: a tool that could not detect its failures reaching this rate. */
  blindSpotFailureRate: number;
  /** Blind spot: a tool that could not detect its latency growing by this factor. */
  blindSpotLatencyRatio: number;
  /** Blind spot: a module that could not detect its mean rating falling by this much. */
  blindSpotRatingDrop: number;
}

/**
 * The documented defaults (README, "Regression alerts"): α = 0.05 family-wise; alerts
 * need a failure or failed-check rate up ≥ 5 points, a latency up ≥ 50 ms and ×1.5 (of
 * p50 or p95), or a mean rating down ≥ 0.5 stars; coverage plans for 80 % power, and a
 * tool is a blind spot when it could not detect 30 % failures, a ×4 latency or every
 * check failing, a module when it could not detect a drop of 1 star.
 */
export const DEFAULT_THRESHOLDS: RegressionThresholds = {
  alpha: 0.05,
  minFailureRateRise: 0.05,
  minCheckFailureRise: 0.05,
  minLatencyIncreaseMs: 50,
  minLatencyRatio: 1.5,
  minRatingDrop: 0.5,
  power: 0.8,
  blindSpotFailureRate: 0.3,
  blindSpotLatencyRatio: 4,
  blindSpotRatingDrop: 1,
};
