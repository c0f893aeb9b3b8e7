/** Error codes of the database package, with what they mean. */
export const DATABASE_ERROR_CODES = {
  UNSUPPORTED_DATABASE_URL: 'The database URL names no supported engine',
  MIGRATION_FAILED: 'Applying the committed migrations failed',
  DATABASE_LOCKED: 'The embedded database is in use by another process',
} as const;

export type DatabaseErrorCode = keyof typeof DATABASE_ERROR_CODES;

/** The one error type this package throws; `cause` keeps the driver's error. */
export class DatabaseError extends Error {
  readonly code: DatabaseErrorCode;

  constructor(code: DatabaseErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DATABASE_ERROR_CODES[code], options);
    this.name = 'DatabaseError';
    this.code = code;
  }
}
