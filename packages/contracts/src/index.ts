export {
  ACTION_RESULTS,
  type ActionResult,
  type ActionRow,
  actionId,
  actionRowSchema,
  type BatchAnswer,
  batchAnswerSchema,
  MAX_ACTIONS_PER_BATCH,
  MAX_MESSAGE_LENGTH,
  ROW_MARKER_MODULES,
  rowModuleSchema,
} from './actions';
export {
  type PersonaAccount,
  personaAccountSchema,
  personaUpsertSchema,
  SHARED_SPACE_TYPES,
  type SharedSpace,
  SPACE_TYPES,
  type SpaceType,
  sharedSpaceSchema,
  sharedSpaceTypeSchema,
  spaceMemberSchema,
  upsertAnswerSchema,
} from './admin';
export {
  type BudgetState,
  budgetSettingSchema,
  budgetStateSchema,
  type ClaimBudget,
  claimBudgetSchema,
  utcDayStart,
} from './budget';
export {
  type CheckedCall,
  type CheckVerdict,
  checkRequest,
  judgeCheck,
  readPath,
  resolveCheckValue,
  sameJsonValue,
} from './check-evaluation';
export {
  type ClaimAnswer,
  type ClaimRequest,
  type ClaimsAnswer,
  type ClaimsRequest,
  claimAnswerSchema,
  claimRequestSchema,
  claimsAnswerSchema,
  claimsRequestSchema,
  MAX_CLAIM_LIMIT,
  MAX_LEASE_SECONDS,
  MIN_LEASE_SECONDS,
  runnerIdSchema,
} from './claims';
export {
  CONSISTENCY_FLAGS,
  type ConsistencyFigures,
  type ConsistencyOverall,
  type ConsistencyRow,
  type ConsistencyRun,
  type ConsistencyRunInput,
  type ConsistencyRunSummary,
  consistencyFiguresRowSchema,
  consistencyFiguresSchema,
  consistencyFlags,
  consistencyRowSchema,
  consistencyRunSchema,
} from './consistency';
export {
  INCIDENT_STATUSES,
  type IncidentStatus,
  type IncidentStatusEvent,
  type IncidentStatusRequest,
  incidentStatusEventSchema,
  incidentStatusRequestSchema,
  MAX_CONSOLE_NOTE,
  type ReleaseMarker,
  type ReleaseMarkerRequest,
  releaseMarkerRequestSchema,
  releaseMarkerSchema,
  releaseNameSchema,
} from './console';
export {
  type CoverageAnswer,
  coverageAnswerSchema,
  coverageQuerySchema,
  MAX_COVERAGE_DAYS,
  toolUsageSchema,
} from './coverage';
export { type DayAnswer, type DayBody, dayAnswerSchema, dayBodySchema } from './days';
export {
  DEAD_LETTER_KINDS,
  type DeadLetter,
  type DeadLetterKind,
  deadLetterSchema,
  deadLettersAnswerSchema,
  MAX_DEAD_LETTER_PAYLOAD,
  type StoredDeadLetter,
  storedDeadLetterSchema,
} from './dead-letters';
export {
  DEV_AUTH_SECRET,
  DEV_PERSONA_SEED_SECRET,
  DEV_SECRETS,
  DEV_SERVICE_KEY,
} from './dev-defaults';
export {
  type DueAnswer,
  type DuePersona,
  dueAnswerSchema,
  duePersonaSchema,
  FAILURE_BACKOFF_MINUTES,
  MAX_DUE_LIMIT,
} from './due';
export {
  type FeedbackRow,
  feedbackId,
  feedbackRowSchema,
  MAX_FEEDBACK_PER_BATCH,
} from './feedback';
export { HEADER_DISPLAY_NAMES, HEADERS } from './headers';
export {
  type LoginAnswer,
  loginAnswerSchema,
  loginRequestSchema,
  mySpacesAnswerSchema,
  type SpaceSummary,
  spaceSummarySchema,
} from './identity';
export { hashToolInput } from './input-hash';
export {
  ACTION_OUTCOMES,
  type ActionOutcome,
  type CallCheck,
  CHECK_STATUSES,
  type CheckStatus,
  callCheckSchema,
  ERROR_KINDS,
  type ErrorKind,
  MAX_CHECK_TEXT,
  outcomeOf,
} from './outcomes';
export {
  isValidTimeZone,
  moduleNameSchema,
  PERSONA_LOCALES,
  type PersonaLocale,
  type PersonaProfile,
  type PersonaTraits,
  personaProfileSchema,
  TICK_CADENCES,
  type TickCadence,
  traitsSchema,
} from './persona-profile';
export { takePidLock } from './pid-lock';
export { REDACTED, redactSecrets } from './redact';
export {
  findUnstorable,
  INT32_MAX,
  INT32_MIN,
  MAX_INSTANT,
  MIN_INSTANT,
  NUL_MESSAGE,
  SURROGATE_MESSAGE,
  storableText,
  storedInstant,
  storedInt,
  storedJson,
  storedText,
} from './stored-values';
export {
  moduleOfTool,
  type SecretSource,
  secretSourceSchema,
  type TargetAuth,
  type TargetFile,
  type TargetServer,
  type ToolModules,
  targetAuthSchema,
  targetFileSchema,
  targetServerSchema,
  toolModulesSchema,
} from './target';
export {
  personaTickId,
  runTickId,
  TICK_STATUSES,
  type TickRecord,
  type TickStatus,
  tickAnswerSchema,
  tickIdSchema,
  tickRecordSchema,
} from './ticks';
export {
  type AccessClaims,
  type AccessTokenPayload,
  accessTokenClaimsSchema,
  MCP_SCOPE,
  readAccessClaims,
  TOKEN_ALGORITHMS,
  TOKEN_AUDIENCE,
  tokenLifetimeSchema,
  USER_KINDS,
  type UserKind,
} from './token';
export {
  ERROR_KIND_META_KEY,
  TOOL_CHECKS_META_KEY,
  type ToolCheck,
  type ToolChecks,
  toolCheckSchema,
  toolChecksSchema,
} from './tool-checks';
export { TRACE_ATTRIBUTES, TRACE_NAMES } from './trace-attributes';
export {
  MAX_TRANSCRIPT_DAY_CHARS,
  MAX_TRANSCRIPT_ENTRIES,
  MAX_TRANSCRIPT_ENTRY_CHARS,
  TRANSCRIPT_PHASES,
  TRANSCRIPT_ROLES,
  type Transcript,
  type TranscriptEntry,
  type TranscriptPhase,
  type TranscriptRole,
  transcriptEntrySchema,
  transcriptSchema,
} from './transcript';
