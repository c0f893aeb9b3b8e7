import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';

/** One persona tick as the history shows it. */
export interface TickEntry {
  id: string;
  personaId: string;
  persona: string;
  status: string;
  brain: string | null;
  model: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  actionsCount: number;
  errors: number;
  error: string | null;
  costUsd: number | null;
  /** The model's tokens (cache reads and writes included in input); null for a brain without a model or a tick before they were recorded. */
  inputTokens: number | null;
  outputTokens: number | null;
  /** Of the input, read from the prompt cache. */
  cacheReadTokens: number | null;
  /** Of the input, written to the prompt cache. */
  cacheWriteTokens: number | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  persona_id: string;
  persona: string;
  status: string;
  brain: string | null;
  model: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
  actions_count: number;
  errors: number;
  error: string | null;
  cost_usd: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cache_read_tokens: number | null;
  cache_write_tokens: number | null;
}

/** Which ticks {@link tickHistory} lists; every field given must hold. */
export interface TickFilter {
  limit?: number;
  failedOnly?: boolean;
  personaId?: string;
  /** A persona's id or email. */
  persona?: string;
  brain?: string;
  model?: string;
  status?: string;
  /** Started at or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
}

/** Persona ticks, newest first, narrowed by `options` (see {@link TickFilter}). */
export async function tickHistory(db: Database, options: TickFilter = {}): Promise<TickEntry[]> {
  const o = options;
  const rows = await selectRows<Row>(
    db,
    sql`select t.id, t.persona_id, u.email as persona, t.status, t.brain, t.model, t.started_at, t.finished_at,
               t.actions_count, t.error, t.cost_usd,
               t.input_tokens, t.output_tokens, t.cache_read_tokens, t.cache_write_tokens,
               (select count(*) from auth.persona_actions a where a.tick_id = t.id and a.result = 'error')::int as errors
        from auth.persona_ticks t join auth.users u on u.id = t.persona_id
        where true
          ${o.failedOnly ? sql`and t.status in ('failed', 'timeout', 'abandoned')` : sql``}
          ${o.personaId ? sql`and t.persona_id = ${o.personaId}` : sql``}
          ${o.persona ? sql`and (t.persona_id = ${o.persona} or u.email = ${o.persona})` : sql``}
          ${o.brain ? sql`and t.brain = ${o.brain}` : sql``}
          ${o.model ? sql`and t.model = ${o.model}` : sql``}
          ${o.status ? sql`and t.status = ${o.status}` : sql``}
          ${o.from ? sql`and t.started_at >= ${o.from.toISOString()}::timestamptz` : sql``}
          ${o.to ? sql`and t.started_at < ${o.to.toISOString()}::timestamptz` : sql``}
        order by t.started_at desc, t.id
        limit ${o.limit ?? 100}`,
  );
  return rows.map((r) => {
    const startedAt = toIso(r.started_at) as string;
    const finishedAt = toIso(r.finished_at);
    return {
      id: r.id,
      personaId: r.persona_id,
      persona: r.persona,
      status: r.status,
      brain: r.brain,
      model: r.model,
      startedAt,
      finishedAt,
      durationMs: finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : null,
      actionsCount: Number(r.actions_count),
      errors: Number(r.errors),
      error: r.error,
      costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
      inputTokens: count(r.input_tokens),
      outputTokens: count(r.output_tokens),
      cacheReadTokens: count(r.cache_read_tokens),
      cacheWriteTokens: count(r.cache_write_tokens),
    };
  });
}

function count(n: number | string | null): number | null {
  return n === null ? null : Number(n);
}

/** A tick with everything that happened in it. */
export interface TimelineTick extends TickEntry {
  spaceId: string | null;
  actions: {
    seq: number;
    tool: string;
    module: string;
    result: string;
    errorMessage: string | null;
    latencyMs: number | null;
  }[];
  ratings: { module: string; rating: number; notes: string | null }[];
}

/** A persona's latest ticks, each with its actions in order and its ratings. */
export async function personaTimeline(
  db: Database,
  personaId: string,
  limit = 20,
): Promise<TimelineTick[]> {
  const ticks = await tickHistory(db, { personaId, limit });
  if (ticks.length === 0) return [];
  const ids = sql.join(
    ticks.map((t) => sql`${t.id}`),
    sql`, `,
  );
  const actions = await selectRows<{
    tick_id: string;
    seq: number;
    tool: string;
    module: string;
    result: string;
    error_message: string | null;
    latency_ms: number | null;
  }>(
    db,
    sql`select tick_id, seq, tool_name as tool, module, result, error_message, latency_ms
        from auth.persona_actions where tick_id in (${ids}) order by tick_id, seq`,
  );
  const ratings = await selectRows<{
    tick_id: string;
    module: string;
    rating: number;
    notes: string | null;
  }>(
    db,
    sql`select tick_id, module, rating::int as rating, notes from auth.persona_feedback
        where tick_id in (${ids}) order by tick_id, module`,
  );
  const spaces = await selectRows<{ id: string; space_id: string | null }>(
    db,
    sql`select id, space_id from auth.persona_ticks where id in (${ids})`,
  );
  return ticks.map((t) => ({
    ...t,
    spaceId: spaces.find((s) => s.id === t.id)?.space_id ?? null,
    actions: actions
      .filter((a) => a.tick_id === t.id)
      .map((a) => ({
        seq: Number(a.seq),
        tool: a.tool,
        module: a.module,
        result: a.result,
        errorMessage: a.error_message,
        latencyMs: a.latency_ms === null ? null : Number(a.latency_ms),
      })),
    ratings: ratings
      .filter((r) => r.tick_id === t.id)
      .map((r) => ({ module: r.module, rating: Number(r.rating), notes: r.notes })),
  }));
}
