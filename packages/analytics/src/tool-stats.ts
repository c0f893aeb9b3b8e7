import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { type AnalysisWindow, windowBounds } from './windows';

/** How a tool fared in one window. */
export interface ToolWindowStats {
  calls: number;
  errors: number;
  errorRate: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

/** A tool's calls, errors and latency, recent against baseline. */
export interface ToolStats {
  tool: string;
  module: string;
  recent: ToolWindowStats;
  baseline: ToolWindowStats;
}

interface Row extends Record<string, unknown> {
  tool: string;
  module: string;
  recent: boolean;
  calls: number;
  errors: number;
  p50: number | null;
  p95: number | null;
}

const EMPTY: ToolWindowStats = {
  calls: 0,
  errors: 0,
  errorRate: null,
  latencyP50Ms: null,
  latencyP95Ms: null,
};

/** Calls, errors, error rate and latency p50/p95 per tool in both windows, by module and tool. */
export async function toolStats(db: Database, window: AnalysisWindow): Promise<ToolStats[]> {
  const { start, split, end } = windowBounds(window);
  const rows = await selectRows<Row>(
    db,
    sql`select tool_name as tool, module, created_at > ${split}::timestamptz as recent,
               count(*)::int as calls,
               count(*) filter (where result = 'error')::int as errors,
               percentile_cont(0.5) within group (order by latency_ms)::float8 as p50,
               percentile_cont(0.95) within group (order by latency_ms)::float8 as p95
        from auth.persona_actions
        where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
        group by tool_name, module, recent`,
  );
  const tools = new Map<string, ToolStats>();
  for (const r of rows) {
    const entry = tools.get(r.tool) ?? {
      tool: r.tool,
      module: r.module,
      recent: EMPTY,
      baseline: EMPTY,
    };
    const stats: ToolWindowStats = {
      calls: Number(r.calls),
      errors: Number(r.errors),
      errorRate: Number(r.calls) > 0 ? Number(r.errors) / Number(r.calls) : null,
      latencyP50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
      latencyP95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
    };
    if (r.recent) entry.recent = stats;
    else entry.baseline = stats;
    tools.set(r.tool, entry);
  }
  return [...tools.values()].sort(
    (a, b) => a.module.localeCompare(b.module) || a.tool.localeCompare(b.tool),
  );
}
