import { type BudgetState, type ClaimBudget, utcDayStart } from '@mana/contracts';
import { type Database, selectRows } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ticks of `now`'s UTC day, as a condition on `persona_ticks t`. */
function today(now: Date): SQL {
  const start = utcDayStart(now);
  const end = new Date(start.getTime() + DAY_MS);
  return sql`t.started_at >= ${start.toISOString()}::timestamptz and t.started_at < ${end.toISOString()}::timestamptz`;
}

/** Tokens a tick counts against a budget: input (cache reads and writes included) and output. */
const TICK_TOKENS = sql`coalesce(t.input_tokens, 0)::bigint + coalesce(t.output_tokens, 0)`;

/**
 * Today's spend against `budget`: the cost of every tick started in `now`'s UTC day, all
 * personas and runners together, and how many personas reached their token budget. Read
 * from the stored ticks, so it survives restarts and holds across runners. Served by
 * `persona_ticks_started_idx`.
 */
export async function todaysSpend(
  db: Database,
  now: Date,
  budget: ClaimBudget,
): Promise<Omit<BudgetState, 'tokensToday'>> {
  const tokenBudget = budget.personaDailyTokens ?? null;
  const [row] = await selectRows<{ spent: number | string; at_budget: number }>(
    db,
    sql`with spent as (
          select t.persona_id, sum(coalesce(t.cost_usd, 0)) as cost, sum(${TICK_TOKENS}) as tokens
          from auth.persona_ticks t where ${today(now)}
          group by t.persona_id
        )
        select coalesce(sum(cost), 0)::float8 as spent,
               (count(*) filter (where ${tokenBudget}::bigint is not null and tokens >= ${tokenBudget}::bigint))::int as at_budget
        from spent`,
  );
  const spentUsd = Number(row?.spent ?? 0);
  return {
    day: utcDayStart(now).toISOString().slice(0, 10),
    spentUsd,
    costCapReached: budget.dailyCostUsd !== undefined && spentUsd >= budget.dailyCostUsd,
    personasAtTokenBudget: row?.at_budget ?? 0,
  };
}

/**
 * The due query's extra condition for a per-persona token budget: only personas whose
 * ticks of today used fewer than `personaDailyTokens`. Empty without that budget.
 */
export function underTokenBudget(now: Date, budget: ClaimBudget | undefined): SQL {
  if (budget?.personaDailyTokens === undefined) return sql``;
  return sql`and coalesce((
      select sum(${TICK_TOKENS}) from auth.persona_ticks t
      where t.persona_id = p.user_id and ${today(now)}
    ), 0) < ${budget.personaDailyTokens}::bigint`;
}

/** Tokens each of these personas used today (personas without a tick today are absent). */
export async function tokensToday(
  db: Database,
  now: Date,
  personaIds: readonly string[],
): Promise<Record<string, number>> {
  if (personaIds.length === 0) return {};
  const rows = await selectRows<{ persona_id: string; tokens: number | string }>(
    db,
    sql`select t.persona_id, sum(${TICK_TOKENS}) as tokens from auth.persona_ticks t
        where t.persona_id in (${sql.join(
          personaIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and ${today(now)}
        group by t.persona_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.persona_id, Number(r.tokens)]));
}
