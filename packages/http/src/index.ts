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
export { requestLog } from './request-log';
export { secretMatches } from './secret';
export { readJson, validate, validBody, validQuery } from './validate';
