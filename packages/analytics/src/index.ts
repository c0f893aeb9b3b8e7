export { dataAsOf } from './as-of';
export {
  type ActionEvidence,
  type AlertEvidence,
  alertEvidence,
  type RatingEvidence,
} from './evidence';
export {
  type FailedCall,
  latestFailedCalls,
  latestModuleNotes,
  type ModuleNote,
  moduleExists,
} from './module-activity';
export { type DailyRating, type ModuleTrend, moduleTrends } from './module-trends';
export {
  type ModuleRating,
  type PersonaDetail,
  type PersonaProfile,
  personaDetail,
  personaModuleRatings,
  personaProfile,
} from './persona-detail';
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
export { tickDetail } from './tick-detail';
export { personaTimeline, type TickEntry, type TimelineTick, tickHistory } from './tick-history';
export { type ToolStats, type ToolWindowStats, toolStats } from './tool-stats';
export { type AnalysisWindow, defaultWindow, parseSpan, windowBounds } from './windows';
