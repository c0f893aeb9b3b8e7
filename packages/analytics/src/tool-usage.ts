import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';

/** How often one tool was called in a window. */
export interface ToolUsage {
  calls: number;
}

interface Row extends Record<string, unknown> {
  tool: string;
  calls: number;
}

/**
 * Every tool personas called in `(since, until]`, with its number of calls: planned calls
 * and the reads made to check a write alike, because both exercise the tool. Tools nobody
 * called are absent. The runner weighs its day plans with it, so tools that saw little
 * traffic get more (`GET /api/v1/internal/coverage`).
 *
 * @example
 * await toolUsage(db, { since: new Date(Date.now() - 7 * 86_400_000), until: new Date() });
 * // { 'todo.create': { calls: 41 }, 'todo.list': { calls: 130 }, … }
 */
export async function toolUsage(
  db: Database,
  window: { since: Date; until: Date },
): Promise<Record<string, ToolUsage>> {
  const rows = await selectRows<Row>(
    db,
    sql`select tool_name as tool, count(*)::int as calls
        from auth.persona_actions
        where created_at > ${window.since.toISOString()}::timestamptz
          and created_at <= ${window.until.toISOString()}::timestamptz
        group by tool_name
        order by tool_name`,
  );
  return Object.fromEntries(rows.map((r) => [r.tool, { calls: Number(r.calls) }]));
}
