import { randomUUID } from 'node:crypto';
import type { Database } from '@mana/db';

/** The part of an embedded PGlite client a {@link PgliteStatement} uses. */
interface PgliteClient {
  waitReady: Promise<void>;
  exec(sql: string, options?: { rowMode?: 'array' }): Promise<{ rows: unknown[] }[]>;
}

/** Arguments a statement takes as SQL literals: ids (letters, digits, `-`, `_`). */
const LITERAL_SAFE = /^[A-Za-z0-9_-]{1,200}$/;

/** PostgreSQL's `invalid_sql_statement_name`: the prepared statement does not exist. */
const NO_SUCH_STATEMENT = '26000';

/**
 * One query prepared on the server side of an embedded PGlite, run as
 * `EXECUTE name('arg')`. PGlite parses and plans every `query()` afresh (drizzle's
 * named `prepare` is not a server-side statement there), and drizzle hands PGlite its
 * type parsers with each query, which PGlite merges into a fresh map every time: a
 * small join costs ≈ 0.5 ms of CPU that way and ≈ 0.15 ms as an `EXECUTE` of a
 * `PREPARE`d statement (`npm run bench:stages -w @mana/mcp`).
 */
export interface PgliteStatement {
  /**
   * The rows (as arrays, in select order) for one text argument, or `undefined` when the
   * argument is not {@link LITERAL_SAFE} to inline: the caller then runs its ordinary
   * parametrised query. `EXECUTE` takes no bind parameters, so the argument is a literal.
   */
  run(arg: string): Promise<unknown[][] | undefined>;
}

/**
 * Prepares `sql` (one `$1` text parameter) on `db`'s PGlite client, or returns
 * `undefined` when `db` is not on PGlite: on PostgreSQL, drizzle's named `prepare`
 * already is a server-side prepared statement, one per pooled connection. The statement
 * is prepared on first use under a name of its own (several apps may share a database),
 * and prepared again should it have been dropped (`DEALLOCATE ALL`, `DISCARD ALL`).
 */
export function pgliteStatement(
  db: Database,
  name: string,
  sql: string,
): PgliteStatement | undefined {
  const client = pgliteClientOf(db);
  if (!client) return undefined;
  const statement = `${name}_${randomUUID().replaceAll('-', '')}`;
  let prepared: Promise<unknown> | undefined;
  const prepare = () => {
    prepared ??= client.exec(`PREPARE ${statement}(text) AS ${sql}`).catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  };
  const execute = async (arg: string) => {
    await prepare();
    // exec: the simple query protocol, one message instead of parse, bind, describe, execute.
    const [result] = await client.exec(`EXECUTE ${statement}('${arg}')`, { rowMode: 'array' });
    return (result?.rows ?? []) as unknown[][];
  };
  return {
    async run(arg) {
      if (!LITERAL_SAFE.test(arg)) return undefined;
      try {
        return await execute(arg);
      } catch (error) {
        if ((error as { code?: unknown }).code !== NO_SUCH_STATEMENT) throw error;
        prepared = undefined;
        return execute(arg);
      }
    },
  };
}

/** The PGlite client under a drizzle database, recognised by what only PGlite has. */
function pgliteClientOf(db: Database): PgliteClient | undefined {
  const client = (db as { $client?: unknown }).$client as Partial<PgliteClient> | undefined;
  return client && typeof client.exec === 'function' && client.waitReady instanceof Promise
    ? (client as PgliteClient)
    : undefined;
}
