import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { type AnalysisWindow, windowBounds } from './windows';

/** One day of one module's ratings. */
export interface DailyRating {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  mean: number;
  count: number;
}

/** A module's ratings over time and its two windows. */
export interface ModuleTrend {
  module: string;
  daily: DailyRating[];
  recent: { count: number; mean: number | null };
  baseline: { count: number; mean: number | null };
  /** Recent mean minus baseline mean (negative = worse), when both exist. */
  change: number | null;
}

interface Row extends Record<string, unknown> {
  module: string;
  day: string;
  mean: number;
  count: number;
}

/**
 * Daily mean rating per module over both windows (the `__parse` marker is left out), with
 * the mean of each window. Modules are ordered by name.
 */
export async function moduleTrends(db: Database, window: AnalysisWindow): Promise<ModuleTrend[]> {
  const { start, split, end } = windowBounds(window);
  const rows = await selectRows<Row>(
    db,
    sql`select module, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
               avg(rating)::float8 as mean, count(*)::int as count
        from auth.persona_feedback
        where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
          and module not like '\\_\\_%'
        group by module, day
        order by module, day`,
  );
  const byModule = new Map<string, DailyRating[]>();
  for (const r of rows) {
    const list = byModule.get(r.module) ?? [];
    list.push({ day: r.day, mean: Number(r.mean), count: Number(r.count) });
    byModule.set(r.module, list);
  }
  // Window means need exact timestamps, not days: one more small aggregate.
  const windows = await selectRows<{
    module: string;
    recent: boolean;
    mean: number;
    count: number;
  }>(
    db,
    sql`select module, created_at > ${split}::timestamptz as recent, avg(rating)::float8 as mean, count(*)::int as count
        from auth.persona_feedback
        where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
          and module not like '\\_\\_%'
        group by module, recent`,
  );
  return [...byModule.entries()].map(([module, daily]) => {
    const pick = (recent: boolean) => {
      const w = windows.find((x) => x.module === module && x.recent === recent);
      return { count: w ? Number(w.count) : 0, mean: w ? Number(w.mean) : null };
    };
    const recent = pick(true);
    const baseline = pick(false);
    return {
      module,
      daily,
      recent,
      baseline,
      change: recent.mean !== null && baseline.mean !== null ? recent.mean - baseline.mean : null,
    };
  });
}
