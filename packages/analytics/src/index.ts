export { dataAsOf } from './as-of';
export {
  type ActionEvidence,
  type AlertEvidence,
  alertEvidence,
  type RatingEvidence,
} from './evidence';
export { type DailyRating, type ModuleTrend, moduleTrends } from './module-trends';
export { listPersonaSummaries, type PersonaSummary } from './persona-overview';
export {
  DEFAULT_THRESHOLDS,
  detectRegressions,
  type RegressionAlert,
  type RegressionAnalysis,
  type RegressionThresholds,
} from './regressions';
export { buildReport, type OperatorReport, type ReportAlert } from './report';
export {
  holmSignificant,
  mannWhitneyLower,
  mean,
  normalCdf,
  proportionHigher,
  quantile,
  type TestResult,
} from './statistics';
export { personaTimeline, type TickEntry, type TimelineTick, tickHistory } from './tick-history';
export { type ToolStats, type ToolWindowStats, toolStats } from './tool-stats';
export { type ToolUsage, toolUsage } from './tool-usage';
export { type AnalysisWindow, defaultWindow, parseSpan, windowBounds } from './windows';
