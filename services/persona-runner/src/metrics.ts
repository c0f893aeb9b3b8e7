import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The runner's Prometheus metrics on a registry of its own (served at `/metrics`). */
export function createRunnerMetrics() {
  const registry = new Registry();
  const ticks = new Counter({
    name: 'persona_ticks_total',
    help: 'Persona days by how their tick ended (ok, failed, timeout)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const runs = new Counter({
    name: 'persona_runner_ticks_total',
    help: 'Runs of the tick loop by outcome (completed, skipped_paused, skipped_in_flight, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const toolCalls = new Counter({
    name: 'persona_tool_calls_total',
    help: 'Tool calls personas made, by module, tool, result and outcome (ok, an error kind, check_failed)',
    labelNames: ['module', 'tool', 'result', 'outcome'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'persona_errors_total',
    help: 'Errors by kind (persona, persistence, due)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const tickDuration = new Histogram({
    name: 'persona_tick_duration_seconds',
    help: 'Duration of a whole tick (all due personas)',
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const dayDuration = new Histogram({
    name: 'persona_day_duration_seconds',
    help: 'Duration of one persona day, by status',
    labelNames: ['status'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const lastTick = new Gauge({
    name: 'persona_runner_last_tick_timestamp_seconds',
    help: 'When the last completed tick finished (unix seconds)',
    registers: [registry],
  });
  const claims = new Counter({
    name: 'persona_claims_total',
    help: 'Persona leases by event (claimed, released, lost: taken away while held)',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: 'persona_dead_letters_total',
    help: 'Writes the identity service refused for good, kept as dead letters, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const budgetReached = new Gauge({
    name: 'persona_runner_budget_reached',
    help: 'Whether a daily budget holds persona-days back (1) or not (0), as of the last claim: daily_cost (no days start), persona_tokens (some personas wait for the next UTC day)',
    labelNames: ['budget'] as const,
    registers: [registry],
  });
  const spentToday = new Gauge({
    name: 'persona_runner_spent_today_usd',
    help: 'Cost of the ticks started today (UTC, all runners, from the database) as of the last claim, plus this runner’s days since',
    registers: [registry],
  });
  const atTokenBudget = new Gauge({
    name: 'persona_runner_personas_at_token_budget',
    help: 'Personas whose ticks of today reached PERSONA_DAILY_TOKEN_BUDGET, as of the last claim',
    registers: [registry],
  });
  const budgetStops = new Counter({
    name: 'persona_budget_stops_total',
    help: 'Budgets reached: daily_cost (a tick stopped starting persona-days), persona_tokens (a day took its persona to its daily token budget)',
    labelNames: ['budget'] as const,
    registers: [registry],
  });
  return {
    registry,
    /** Today's spend as a budgeted claim (or this runner's own days since) saw it. */
    budget: (state: {
      spentUsd: number;
      costCapReached: boolean;
      personasAtTokenBudget?: number;
    }) => {
      spentToday.set(state.spentUsd);
      budgetReached.set({ budget: 'daily_cost' }, state.costCapReached ? 1 : 0);
      if (state.personasAtTokenBudget !== undefined) {
        atTokenBudget.set(state.personasAtTokenBudget);
        budgetReached.set({ budget: 'persona_tokens' }, state.personasAtTokenBudget > 0 ? 1 : 0);
      }
    },
    budgetStop: (budget: 'daily_cost' | 'persona_tokens') => budgetStops.inc({ budget }),
    claim: (event: 'claimed' | 'released' | 'lost', count = 1) => claims.inc({ event }, count),
    deadLetter: (kind: string) => deadLetters.inc({ kind }),
    toolCall: (module: string, tool: string, result: string, outcome: string) =>
      toolCalls.inc({ module, tool, result, outcome }),
    personaDay: (status: string, seconds: number) => {
      ticks.inc({ status });
      dayDuration.observe({ status }, seconds);
    },
    error: (kind: string) => errors.inc({ kind }),
    run: (outcome: string, seconds?: number) => {
      runs.inc({ outcome });
      if (seconds !== undefined) {
        tickDuration.observe(seconds);
        lastTick.set(Date.now() / 1000);
      }
    },
  };
}

export type RunnerMetrics = ReturnType<typeof createRunnerMetrics>;
