import type { ActionOutcome } from '@mana/contracts';
import { type Database, selectRows } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';
import { type AnalysisWindow, windowBounds } from './windows';

/** How one tool (or module) fared in one window: every count the detectors use. */
export interface WindowCounts {
  calls: number;
  /** Distinct personas that called it. */
  personas: number;
  /** Every error of any kind (`result = 'error'`), as the tool tables always showed. */
  errors: number;
  /** Refused inputs: the persona's mistake, usually; never part of the failure rate. */
  invalidInput: number;
  /** Calls that reached the app's logic (all but `invalid_input`). */
  reached: number;
  /** App errors, timeouts and transport failures (among `reached`). */
  failures: number;
  /** Calls with a verdict: a persona looked again. */
  checked: number;
  checkFailed: number;
  /** Latency percentiles of the calls that answered (ok or check_failed). */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

/** One persona's share of a series' calls. */
export interface PersonaCalls {
  personaId: string;
  persona: string;
  baseline: number;
  recent: number;
}

/** A tool or a module in both windows. */
export interface SeriesCounts {
  scope: 'tool' | 'module';
  module: string;
  tool: string | null;
  baseline: WindowCounts;
  recent: WindowCounts;
  callsByPersona: PersonaCalls[];
}

/** One (tool, error signature) over both windows. */
export interface SignatureCounts {
  tool: string;
  module: string;
  signature: string;
  example: string;
  outcomes: ActionOutcome[];
  baseline: number;
  recent: number;
}

/** Values of one series per window (latencies of a tool, ratings of a module). */
export interface WindowValues {
  baseline: number[];
  recent: number[];
}

/** Everything the detectors and the coverage table read, in five aggregate queries. */
export interface RegressionData {
  series: SeriesCounts[];
  signatures: SignatureCounts[];
  /** Latencies (ms) of answered calls, per tool. */
  latencies: Map<string, WindowValues>;
  /** Ratings (1–5) per module, the `__parse` marker left out. */
  ratings: Map<string, WindowValues>;
}

/** The zero counts of a window without calls. */
export const NO_CALLS: WindowCounts = {
  calls: 0,
  personas: 0,
  errors: 0,
  invalidInput: 0,
  reached: 0,
  failures: 0,
  checked: 0,
  checkFailed: 0,
  latencyP50Ms: null,
  latencyP95Ms: null,
};

/** The actions of both windows, with a `recent` flag: the CTE every query starts from. */
function windowed(window: AnalysisWindow): SQL {
  const { start, split, end } = windowBounds(window);
  return sql`with a as (
    select tool_name, module, persona_id, outcome, result, check_status, latency_ms,
           error_message, error_signature, created_at > ${split}::timestamptz as recent
    from auth.persona_actions
    where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
  )`;
}

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
const key = (module: string, tool: string | null) => (tool === null ? `m:${module}` : `t:${tool}`);

/**
 * Loads the counts per tool and per module (one grouping-sets query), calls per
 * persona, error signatures, latencies and ratings of both windows of `window`.
 */
export async function loadRegressionData(
  db: Database,
  window: AnalysisWindow,
): Promise<RegressionData> {
  const { start, split, end } = windowBounds(window);
  const answered = sql`outcome in ('ok', 'check_failed')`;
  const [counts, personas, signatures, latencies, ratings] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`${windowed(window)}
      select module, tool_name as tool, grouping(tool_name)::int as module_level, recent,
             count(*)::int as calls, count(distinct persona_id)::int as personas,
             count(*) filter (where result = 'error')::int as errors,
             count(*) filter (where outcome = 'invalid_input')::int as invalid_input,
             count(*) filter (where outcome in ('app_error', 'timeout', 'transport'))::int as failures,
             count(*) filter (where check_status is not null)::int as checked,
             count(*) filter (where check_status = 'failed')::int as check_failed,
             percentile_cont(0.5) within group (order by latency_ms) filter (where ${answered})::float8 as p50,
             percentile_cont(0.95) within group (order by latency_ms) filter (where ${answered})::float8 as p95
      from a
      group by grouping sets ((module, tool_name, recent), (module, recent))`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`${windowed(window)}
      select a.module, a.tool_name as tool, grouping(a.tool_name)::int as module_level,
             a.persona_id, u.email as persona,
             count(*) filter (where not a.recent)::int as baseline,
             count(*) filter (where a.recent)::int as recent
      from a join auth.users u on u.id = a.persona_id
      group by grouping sets ((a.module, a.tool_name, a.persona_id, u.email), (a.module, a.persona_id, u.email))
      order by recent desc, baseline desc, persona`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`${windowed(window)}, s as (
        select tool_name, module, outcome, error_message, recent,
               coalesce(error_signature, auth.error_signature(error_message)) as signature
        from a where error_message is not null
      )
      select tool_name as tool, module, signature, min(error_message) as example,
             string_agg(distinct outcome, ',' order by outcome) as outcomes,
             count(*) filter (where not recent)::int as baseline,
             count(*) filter (where recent)::int as recent
      from s group by tool_name, module, signature
      order by tool_name, signature`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`${windowed(window)}
      select tool_name as tool, recent, array_agg(latency_ms order by latency_ms) as vals
      from a where ${answered} and latency_ms is not null
      group by tool_name, recent`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select module, created_at > ${split}::timestamptz as recent,
                 array_agg(rating::int order by created_at) as vals
          from auth.persona_feedback
          where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
            and module not like '\\_\\_%'
          group by module, recent`,
    ),
  ]);

  const series = new Map<string, SeriesCounts>();
  for (const r of counts) {
    const module = String(r.module);
    const tool = num(r.module_level) === 1 ? null : String(r.tool);
    const entry = series.get(key(module, tool)) ?? {
      scope: tool === null ? ('module' as const) : ('tool' as const),
      module,
      tool,
      baseline: NO_CALLS,
      recent: NO_CALLS,
      callsByPersona: [],
    };
    const calls = num(r.calls);
    const invalidInput = num(r.invalid_input);
    const stats: WindowCounts = {
      calls,
      personas: num(r.personas),
      errors: num(r.errors),
      invalidInput,
      reached: calls - invalidInput,
      failures: num(r.failures),
      checked: num(r.checked),
      checkFailed: num(r.check_failed),
      latencyP50Ms: numOrNull(r.p50),
      latencyP95Ms: numOrNull(r.p95),
    };
    if (r.recent === true || r.recent === 't') entry.recent = stats;
    else entry.baseline = stats;
    series.set(key(module, tool), entry);
  }
  for (const r of personas) {
    const tool = num(r.module_level) === 1 ? null : String(r.tool);
    series.get(key(String(r.module), tool))?.callsByPersona.push({
      personaId: String(r.persona_id),
      persona: String(r.persona),
      baseline: num(r.baseline),
      recent: num(r.recent),
    });
  }
  return {
    series: [...series.values()].sort(
      (a, b) =>
        a.module.localeCompare(b.module) ||
        (a.tool === null ? -1 : b.tool === null ? 1 : a.tool.localeCompare(b.tool)),
    ),
    signatures: signatures.map((r) => ({
      tool: String(r.tool),
      module: String(r.module),
      signature: String(r.signature),
      example: String(r.example),
      outcomes: String(r.outcomes).split(',') as ActionOutcome[],
      baseline: num(r.baseline),
      recent: num(r.recent),
    })),
    latencies: byWindow(latencies, 'tool'),
    ratings: byWindow(ratings, 'module'),
  };
}

function byWindow(rows: Record<string, unknown>[], field: string): Map<string, WindowValues> {
  const out = new Map<string, WindowValues>();
  for (const r of rows) {
    const name = String(r[field]);
    const entry = out.get(name) ?? { baseline: [], recent: [] };
    const values = (r.vals as unknown[]).map(Number);
    if (r.recent === true || r.recent === 't') entry.recent = values;
    else entry.baseline = values;
    out.set(name, entry);
  }
  return out;
}
