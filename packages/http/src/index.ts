export {
  baseEnvSchema,
  EnvError,
  envPort,
  NODE_ENVS,
  type NodeEnv,
  parseEnv,
  requiredInProduction,
} from './env';
export {
  ApiError,
  COMMON_ERROR_CODES,
  createErrorHandler,
  defineErrorCodes,
  type ErrorCodeSpec,
  errorBody,
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
} from './middleware/bearer-token';
export {
  hasServiceKey,
  type ServiceKeyAuthOptions,
  serviceKeyAuth,
} from './middleware/service-key';
export { requestLog } from './request-log';
export { secretMatches } from './secret';
export { readJson, validate, validBody, validQuery } from './validate';
