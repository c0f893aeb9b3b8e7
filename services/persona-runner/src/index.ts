export { createApp, type RunnerApp, type RunnerAppDeps } from './app';
export { type BrainSettings, createBrain } from './brains/create-brain';
export {
  createLlmBrain,
  LlmBrainError,
  type LlmBrainOptions,
  parseModelSpec,
} from './brains/llm/index';
export type {
  Brain,
  DayContext,
  GatewayAccess,
  ModuleExperience,
  ToolCall,
  Usage,
} from './brains/types';
export {
  connectGateway,
  type GatewaySession,
  type GatewayTool,
  gatewayHeaders,
  openMcpSession,
} from './clients/gateway';
export { IdentityClient } from './clients/identity';
export { InternalApiClient } from './clients/internal-api';
export { type BrainChoice, type LlmSettings, parseRunnerEnv, type RunnerEnv } from './env';
export { createRunnerMetrics, type RunnerMetrics } from './metrics';
export { PARSE_FAILURE_MODULE, type ParsedRating, parseRatings } from './ratings/parse-ratings';
export { PersonaRunner, type PersonaRunnerOptions, type TickSkip } from './runner';
export {
  type RunningPersonaRunner,
  type StartPersonaRunnerOptions,
  startPersonaRunner,
} from './server';
export type { PersonaAuthenticator, TargetSignIn } from './target/persona-authenticator';
export {
  createRunnerTarget,
  type RunnerTarget,
  type RunnerTargetOptions,
  type TargetConnection,
} from './target/runner-target';
export {
  bearerAuthenticator,
  noAuthenticator,
  type OAuth2Settings,
  oauth2Authenticator,
} from './target/target-authenticators';
export { startRunnerTracing } from './telemetry/start-runner-tracing';
export { modulesOf } from './tick/modules-of';
export type { TickResult } from './tick/run-tick';
