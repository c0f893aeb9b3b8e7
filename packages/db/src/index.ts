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
  ACTION_RESULTS,
  type ActionResult,
  accounts,
  appSchema,
  authSchema,
  invitations,
  jwks,
  members,
  organizations,
  PERSONA_LOCALES,
  type PersonaLocale,
  type PersonaTraits,
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
  SPACE_TYPES,
  type SpaceType,
  sessions,
  TICK_CADENCES,
  TICK_STATUSES,
  type TickCadence,
  type TickStatus,
  userKind,
  users,
  verifications,
} from './schema/index';
