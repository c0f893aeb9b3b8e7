export {
  createDatabase,
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  DEFAULT_PGLITE_DIR,
  openPglite,
  redactUrl,
  schema,
} from './database';
export { DATABASE_ERROR_CODES, DatabaseError, type DatabaseErrorCode } from './errors';
export { toIso } from './iso';
export { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
export { selectRows } from './rows';

export {
  accounts,
  appSchema,
  authSchema,
  consistencyRows,
  consistencyRuns,
  incidentStatusEvents,
  invitations,
  jwks,
  members,
  oauthAccessTokens,
  oauthClientAssertions,
  oauthClientResources,
  oauthClients,
  oauthConsents,
  oauthRefreshTokens,
  oauthResources,
  organizations,
  personaActions,
  personaDeadLetters,
  personaFeedback,
  personas,
  personaTicks,
  personaTranscripts,
  rateLimits,
  releaseMarkers,
  sessions,
  userKind,
  users,
  verifications,
} from './schema/index';
