export {
  baseEnvSchema,
  EnvError,
  envPort,
  MIN_SECRET_LENGTH,
  NODE_ENVS,
  type NodeEnv,
  parseEnv,
  productionSecretIssues,
  requiredInProduction,
  SECRET_VARIABLES,
} from './env';
export {
  ApiError,
  COMMON_ERROR_CODES,
  createErrorHandler,
  defineErrorCodes,
  type ErrorCodeSpec,
  errorBody,
  errorSummary,
  type FieldIssue,
  fieldIssues,
  notFoundHandler,
  validationError,
} from './errors';
export { type Listening, listen } from './listen';
export { createLogger, LOG_LEVELS, type LogLevel, silentLogger } from './logger';
export {
  bearerToken,
  createTokenVerifier,
  type TokenKeySource,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifiedTokenCacheOptions,
} from './middleware/bearer-token';
export { type DeclaredBodyLimitOptions, declaredBodyLimit } from './middleware/body-limit';
export { isJsonRequest, jsonOnly } from './middleware/json-only';
export {
  hasServiceKey,
  type ServiceKeyAuthOptions,
  serviceKeyAuth,
} from './middleware/service-key';
export { storableBody } from './middleware/storable-body';
export { requestLog } from './request-log';
export { secretMatches } from './secret';
export { startTracing, type Tracing, type TracingOptions } from './tracing/start-tracing';
export { readJson, validate, validBody, validQuery } from './validate';
