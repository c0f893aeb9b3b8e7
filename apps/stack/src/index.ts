export { stackBanner } from './banner';
export { parseStackEnv, type StackEnv } from './env';
export { formatReport, sparkline } from './report-format';
export {
  type SimulateOptions,
  type SimulationProgress,
  type SimulationSummary,
  simulate,
} from './simulate';
export { runSmoke, type SmokeOptions, type SmokeReport } from './smoke';
export { type RunningStack, type StackOptions, type StackRunnerOptions, startStack } from './stack';
export { tickLine } from './tick-line';
export { VirtualTime } from './virtual-time';
