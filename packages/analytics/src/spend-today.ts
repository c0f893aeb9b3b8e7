import { type ClaimBudget, utcDayStart } from '@mana/contracts';
import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';

/** Today's spend of the personas, against the runner's daily budget when it is known. */
export interface SpendToday {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Ticks started today. */
  ticks: number;
  /** Their cost, USD. */
  costUsd: number;
  /** Their tokens: input (cache reads and writes included) plus output. */
  tokens: number;
  /** Of the input, read from and written to the prompt cache. */
  cacheReadTokens: number;
  cacheWriteTokens: number;
  budget: ClaimBudget;
  /** `costUsd` reached `budget.dailyCostUsd`: the runners start no persona-days today. */
  costCapReached: boolean;
  /** Personas whose ticks of today reached `budget.personaDailyTokens`. */
  personasAtTokenBudget: number;
}

/**
 * What the ticks started in `now`'s UTC day cost, as the runners' budgets count it (the
 * identity service applies the same rule to every claim): for the console's notice.
 */
export async function spendToday(
  db: Database,
  now: Date,
  budget: ClaimBudget = {},
): Promise<SpendToday> {
  const start = utcDayStart(now);
  const end = new Date(start.getTime() + 24 * 60 * 60 * 1000);
  const tokenBudget = budget.personaDailyTokens ?? null;
  const [row] = await selectRows<Record<string, number | string | null>>(
    db,
    sql`with per_persona as (
          select persona_id, count(*) as ticks, sum(coalesce(cost_usd, 0)) as cost,
                 sum(coalesce(input_tokens, 0)::bigint + coalesce(output_tokens, 0)) as tokens,
                 sum(coalesce(cache_read_tokens, 0)::bigint) as cache_read,
                 sum(coalesce(cache_write_tokens, 0)::bigint) as cache_write
          from auth.persona_ticks
          where started_at >= ${start.toISOString()}::timestamptz
            and started_at < ${end.toISOString()}::timestamptz
          group by persona_id
        )
        select coalesce(sum(ticks), 0)::int as ticks, coalesce(sum(cost), 0)::float8 as cost,
               coalesce(sum(tokens), 0)::float8 as tokens,
               coalesce(sum(cache_read), 0)::float8 as cache_read,
               coalesce(sum(cache_write), 0)::float8 as cache_write,
               (count(*) filter (where ${tokenBudget}::bigint is not null and tokens >= ${tokenBudget}::bigint))::int as at_budget
        from per_persona`,
  );
  const costUsd = Number(row?.cost ?? 0);
  return {
    day: start.toISOString().slice(0, 10),
    ticks: Number(row?.ticks ?? 0),
    costUsd,
    tokens: Number(row?.tokens ?? 0),
    cacheReadTokens: Number(row?.cache_read ?? 0),
    cacheWriteTokens: Number(row?.cache_write ?? 0),
    budget,
    costCapReached: budget.dailyCostUsd !== undefined && costUsd >= budget.dailyCostUsd,
    personasAtTokenBudget: Number(row?.at_budget ?? 0),
  };
}
