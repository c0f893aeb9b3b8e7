export {
  ALERT_KINDS,
  type AlertKind,
  type AlertTest,
  type CheckFailuresAlert,
  type CheckWindow,
  type FailureRateAlert,
  type FailureWindow,
  type LatencyAlert,
  type LatencyWindow,
  type NewSignatureAlert,
  type Onset,
  type RatingDropAlert,
  type RegressionAlert,
} from './alerts';
export { dataAsOf } from './as-of';
export type { BlindSpot } from './blind-spots';
export { bernoulliChangePoint, type ChangePoint, meanShiftChangePoint } from './change-point';
export {
  type ComparisonRow,
  comparePeriods,
  type ModulePeriod,
  type Period,
  type PeriodComparison,
  type ToolPeriod,
} from './compare';
export { compareSides } from './compare-sides';
export { newSignatureTest } from './conditional-binomial';
export {
  consistencyRun,
  latestConsistencyRun,
  listConsistencyRuns,
  recordConsistencyRun,
} from './consistency-runs';
export { type Coverage, coverage, type Detectable, type SeriesCoverage } from './coverage';
export { type DeadLetterSummary, personaDeadLetterSummary } from './dead-letters';
export { rankSampleFloor } from './detectable';
export {
  type ActionEvidence,
  type AlertEvidence,
  alertEvidence,
  type EvidencePage,
  type EvidenceTarget,
  type RatingEvidence,
} from './evidence';
export type { EvidenceFilter } from './evidence-filter';
export {
  type EvidenceGroups,
  evidenceGroups,
  type PersonaGroup,
  type SignatureGroup,
} from './evidence-groups';
export { type EvidencePersona, evidencePersonas } from './evidence-personas';
export {
  type FamilyTest,
  holmSignificant,
  type StepDownResult,
  taroneNumber,
  taroneStepDown,
} from './family-wise';
export {
  type FamilySummary,
  type Findings,
  findRegressions,
  type KindTally,
} from './find-regressions';
export { type ExactTestResult, type FisherResult, fisherGreater } from './fisher';
export {
  type IncidentState,
  type IncidentStatusChange,
  incidentStates,
  recordIncidentStatus,
} from './incident-status';
export { groupIncidents, INCIDENT_ONSET_WINDOW_HOURS, type Incident } from './incidents';
export { type Direction, type MannWhitneyResult, mannWhitney } from './mann-whitney';
export {
  type FailedCall,
  latestFailedCalls,
  latestModuleNotes,
  type ModuleNote,
  moduleExists,
} from './module-activity';
export { type DailyRating, type ModuleTrend, moduleTrends } from './module-trends';
export { normalCdf, normalQuantile, normalSf } from './normal';
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
  type ExcerptLine,
  personaRecentTranscripts,
  type RecentTranscript,
} from './persona-transcripts';
export {
  type PersonaDailyCalls,
  type PersonaDailyRating,
  type PersonaTrend,
  personaTrend,
} from './persona-trend';
export {
  MANN_WHITNEY_ARE,
  mannWhitneySampleSize,
  type PowerTarget,
  smallestDetectableRate,
  smallestDetectableShift,
  twoProportionSampleSize,
} from './power';
export { detectRegressions, type RegressionAnalysis } from './regressions';
export { parseCompareSpec, resolvePeriod } from './release-periods';
export { findRelease, listReleases, type ReleaseInput, recordRelease } from './releases';
export { buildReport, type OperatorReport, type ReportAlert, type ReportOptions } from './report';
export {
  loadRegressionData,
  type PersonaCalls,
  type RegressionData,
  type SeriesCounts,
  type SignatureCounts,
  type WindowCounts,
  type WindowValues,
} from './series-data';
export { type SpendToday, spendToday } from './spend-today';
export { mean, quantile, standardDeviation } from './statistics';
export { DEFAULT_THRESHOLDS, type RegressionThresholds } from './thresholds';
export { tickDetail } from './tick-detail';
export {
  personaTimeline,
  type TickEntry,
  type TickFilter,
  type TimelineTick,
  tickHistory,
} from './tick-history';
export { type TickTranscript, tickTranscript } from './tick-transcript';
export { type ToolStats, type ToolWindowStats, toolStats } from './tool-stats';
export { type ToolUsage, toolUsage } from './tool-usage';
export { type AnalysisWindow, defaultWindow, parseSpan, windowBounds } from './windows';
