export { stackBanner } from './banner';
export {
  DRILL_START,
  type DrillOptions,
  type DrillProgress,
  type DrillResult,
  type DrillRun,
  runDrill,
} from './drill/drill';
export type { KindOutcome, RunEvaluation } from './drill/drill-evaluate';
export { formatDrill } from './drill/drill-format';
export {
  DEFAULT_DRILL,
  DRILL_KIND_NAMES,
  type DrillKind,
  type DrillKindName,
  drillFaults,
  pickKinds,
} from './drill/drill-kinds';
export { parseStackEnv, type StackEnv } from './env';
export { formatReport, sparkline } from './report-format';
export {
  type SimulateOptions,
  type SimulationProgress,
  type SimulationSummary,
  simulate,
} from './simulate';
export {
  assertWorkersDatabase,
  simulateWithWorkers,
  WorkersNeedPostgresError,
  type WorkersSimulateOptions,
} from './simulate-workers';
export { runSmoke, type SmokeOptions, type SmokeReport } from './smoke';
export { type RunningStack, type StackOptions, type StackRunnerOptions, startStack } from './stack';
export { type LoadedTarget, type LoadTargetOptions, loadTarget } from './target/load-target';
export { TargetError } from './target/target-error';
export { targetToolProblems } from './target/target-problems';
export { verifyTarget } from './target/verify-target';
export { tickLine } from './tick-line';
export { VirtualTime } from './virtual-time';
