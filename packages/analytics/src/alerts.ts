import type { ActionOutcome } from '@mana/contracts';

/**
 * What an alert says broke:
 * - `failure_rate`: more calls of a tool (or module) fail (app error, timeout, transport);
 * - `new_signature`: a tool answers with an error message class it never gave before;
 * - `latency`: a tool answers slower;
 * - `check_failures`: more answers of a tool (or module) prove wrong when a persona looks again;
 * - `rating_drop`: personas rate a module lower.
 */
export const ALERT_KINDS = [
  'failure_rate',
  'new_signature',
  'latency',
  'check_failures',
  'rating_drop',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The calls counted as failures: the app failed, timed out or could not be reached. */
export const FAILURE_OUTCOMES = [
  'app_error',
  'timeout',
  'transport',
] as const satisfies readonly ActionOutcome[];

/** The calls whose latency counts: those that answered (right or, as a check found, wrong). */
export const ANSWERED_OUTCOMES = ['ok', 'check_failed'] as const satisfies readonly ActionOutcome[];

/** The statistical test behind an alert. */
export type AlertTest = 'fisher-exact' | 'conditional-binomial' | 'mann-whitney-u';

/** When the change most likely began: one change-point estimate over both windows. */
export interface Onset {
  /** Timestamp of the first event of the new regime (ISO). */
  at: string;
  method: 'bernoulli-scan' | 'mean-shift-scan' | 'first-occurrence';
  /** Rate, mean rating or median latency (ms) before and after it (null for a first occurrence). */
  before: number | null;
  after: number | null;
  /** False when the change began inside the baseline window (it was already under way). */
  inRecentWindow: boolean;
}

/** What every alert carries. */
export interface AlertBase {
  /** `<kind>:<tool or module>`, and `:<signature hash>` for a new signature. */
  id: string;
  kind: AlertKind;
  scope: 'tool' | 'module';
  module: string;
  /** The tool, for a tool-level alert; null for a module-level one. */
  tool: string | null;
  test: AlertTest;
  /**
   * The test's statistic: Fisher's is the recent window's count of failures given the
   * margins, the signature test's the occurrences, Mann–Whitney's U of the recent sample.
   */
  statistic: { name: string; value: number };
  /** Mann–Whitney's normal z (also shown when p is exact); null for the other tests. */
  z: number | null;
  /** One-sided p-value, uncorrected. */
  p: number;
  /** The smallest p-value this test could have reached with these margins (Tarone). */
  pMin: number;
  /** α/K at the step of Tarone's step-down that rejected it: p ≤ level. */
  level: number;
  /** The one line an operator reads. */
  summary: string;
  /** Baseline and recent numbers in words, for lists and the CLI. */
  numbers: { baseline: string; recent: string };
  onset: Onset | null;
}

/** Calls that reached the app (not refused as invalid input) and how many failed. */
export interface FailureWindow {
  reached: number;
  failures: number;
  rate: number;
  /** Refused inputs, shown apart and never mixed into the rate. */
  invalidInput: number;
  invalidInputRate: number;
}

/** More calls fail. */
export interface FailureRateAlert extends AlertBase {
  kind: 'failure_rate';
  baseline: FailureWindow;
  recent: FailureWindow;
}

/** Calls with a verdict (looked at again) and how many proved wrong. */
export interface CheckWindow {
  checked: number;
  failed: number;
  rate: number;
}

/** More answers prove wrong. */
export interface CheckFailuresAlert extends AlertBase {
  kind: 'check_failures';
  baseline: CheckWindow;
  recent: CheckWindow;
}

/** An error class the baseline never showed. */
export interface NewSignatureAlert extends AlertBase {
  kind: 'new_signature';
  tool: string;
  signature: string;
  /** One message of the class, as the app wrote it. */
  example: string;
  /** The outcome kinds it came with (`invalid_input` for a tightened validation). */
  outcomes: ActionOutcome[];
  baseline: { calls: number; occurrences: number };
  recent: { calls: number; occurrences: number };
}

/** Latency of answered calls in one window. */
export interface LatencyWindow {
  calls: number;
  p50Ms: number;
  p95Ms: number;
}

/** A tool answers slower. */
export interface LatencyAlert extends AlertBase {
  kind: 'latency';
  tool: string;
  baseline: LatencyWindow;
  recent: LatencyWindow;
}

/** Personas rate a module lower. */
export interface RatingDropAlert extends AlertBase {
  kind: 'rating_drop';
  scope: 'module';
  baseline: { count: number; mean: number };
  recent: { count: number; mean: number };
}

/** A regression worth an operator's attention, with the numbers behind it. */
export type RegressionAlert =
  | FailureRateAlert
  | CheckFailuresAlert
  | NewSignatureAlert
  | LatencyAlert
  | RatingDropAlert;

/** An alert before the family decided on it: no level and no onset yet. */
export type AlertDraft = RegressionAlert extends infer A
  ? A extends RegressionAlert
    ? Omit<A, 'level' | 'onset'>
    : never
  : never;

/** One hypothesis of the family: its test, whether its effect is large enough, its alert. */
export interface Hypothesis {
  p: number;
  pMin: number;
  /** The minimum effect (rate rise, rating drop, latency) holds; checked after significance. */
  effectOk: boolean;
  draft: AlertDraft;
}
