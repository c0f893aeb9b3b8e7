export { type ConsoleApp, type ConsoleDeps, createApp, MAX_BODY_BYTES } from './app';
export {
  type Admin,
  type AdminVerifier,
  createAdminVerifier,
  type VerifyResult,
} from './auth/admin-verifier';
export { SESSION_COOKIE } from './auth/session-cookie';
export { type Bar, type BarChartOptions, barChart } from './charts/bar-chart';
export {
  type LineChartOptions,
  type LinePoint,
  type LineSeries,
  lineChart,
} from './charts/line-chart';
export { type SparklineOptions, sparkline } from './charts/sparkline';
export { type ConsoleEnvConfig, parseConsoleEnv } from './env';
export { type RunningConsole, type StartConsoleOptions, startConsole } from './server';
