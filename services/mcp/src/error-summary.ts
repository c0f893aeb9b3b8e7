/** What the gateway logs about a tool's unexpected failure. */
export interface ErrorSummary {
  /** Class names along the `cause` chain, outermost first. */
  chain: string[];
  /** The PostgreSQL SQLSTATE when the database refused, e.g. `22008`. */
  sqlState?: string;
  /** Where PostgreSQL raised it (its function name), e.g. `DateTimeParseError`. */
  routine?: string;
  /** The constraint, table or column the database named: schema, not user content. */
  constraint?: string;
  table?: string;
  column?: string;
  /** A non-database error's message and stack; a query error carries neither. */
  message?: string;
  stack?: string;
}

/**
 * Summarises an error for the log without SQL or user content. A database error's
 * message holds the failed query and its parameters (what the user typed), so only its
 * class names, SQLSTATE and the schema names PostgreSQL reports are kept; any other
 * error (a bug in a handler) keeps its message and stack, which hold no input.
 *
 * @example
 * logger.error({ err: summariseError(cause) }, 'tool call failed');
 */
export function summariseError(error: unknown): ErrorSummary {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8; ) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  const summary: ErrorSummary = { chain: chain.map(className) };
  const database = chain.filter(isDatabaseError);
  if (database.length === 0) {
    if (error instanceof Error) {
      summary.message = error.message;
      if (error.stack) summary.stack = error.stack;
    }
    return summary;
  }
  // Drizzle wraps the driver's error: the SQLSTATE and schema names sit on the inner one.
  for (const e of database) {
    for (const key of ['routine', 'constraint', 'table', 'column'] as const) {
      const value = field(e, key);
      if (value && !summary[key]) summary[key] = value;
    }
    const code = field(e, 'code');
    if (code && isSqlState(code) && !summary.sqlState) summary.sqlState = code;
  }
  return summary;
}

/** A query error (Drizzle's carries `query`) or a driver error with a SQLSTATE. */
function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = field(error, 'code');
  return 'query' in error || (code !== undefined && isSqlState(code));
}

function isSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code);
}

function field(error: unknown, key: string): string | undefined {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length <= 200 ? value : undefined;
}

function className(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}
