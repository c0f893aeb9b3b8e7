import {
  type Database,
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
  users,
} from '@mana/db';

/** A persona row for tests: an account of kind `persona` and its persona record. */
export async function insertPersona(
  db: Database,
  p: { id: string; name: string; archetype?: string; locale?: 'en' | 'de'; timezone?: string },
): Promise<void> {
  await db.insert(users).values({
    id: p.id,
    name: p.name,
    email: `persona.${p.name.toLowerCase()}@mana.test`,
    kind: 'persona',
  });
  await db.insert(personas).values({
    userId: p.id,
    archetype: p.archetype ?? 'tester',
    systemPrompt: `You are ${p.name}.`,
    moduleMix: { journal: 0.5, todo: 0.5 },
    tickCadence: 'daily',
    locale: p.locale ?? 'en',
    timezone: p.timezone ?? 'UTC',
    traits: { chaos: 0.1 },
  });
}

/** One tool call of a seeded tick. */
export interface SeedAction {
  tool: string;
  result: 'ok' | 'error';
  errorMessage?: string;
  latencyMs?: number;
  /** Default: `app_error` for an error, else `ok`. */
  outcome?: 'ok' | 'invalid_input' | 'app_error' | 'timeout' | 'transport' | 'check_failed';
  /** The persona's verdict when it looked again. */
  checkStatus?: 'passed' | 'failed';
}

/** One rating of a seeded tick. */
export interface SeedRating {
  module: string;
  rating: number;
  notes?: string;
}

/**
 * A finished tick with its calls (in order) and ratings, all stamped at `at` (the tick
 * ran from `at` minus its duration).
 */
export async function insertTick(
  db: Database,
  t: {
    id: string;
    personaId: string;
    at: Date;
    status?: 'ok' | 'failed' | 'timeout' | 'running';
    error?: string;
    durationMs?: number;
    actions?: SeedAction[];
    ratings?: SeedRating[];
    /** The model's tokens and cost; absent: none recorded (as for the scripted brain). */
    usage?: {
      inputTokens?: number;
      outputTokens?: number;
      cacheReadTokens?: number;
      cacheWriteTokens?: number;
      costUsd?: number;
    };
  },
): Promise<void> {
  const actions = t.actions ?? [];
  const ratings = t.ratings ?? [];
  await db.insert(personaTicks).values({
    id: t.id,
    personaId: t.personaId,
    runnerId: 'test-runner',
    brain: 'scripted',
    model: 'scripted-v1',
    spaceId: 'space-1',
    startedAt: new Date(t.at.getTime() - (t.durationMs ?? 42_000)),
    finishedAt: t.at,
    status: t.status ?? 'ok',
    error: t.error ?? null,
    actionsCount: actions.length,
    ...t.usage,
  });
  if (actions.length > 0) {
    await db.insert(personaActions).values(
      actions.map((a, i) => ({
        id: `${t.id}-${i}-${a.tool}`,
        personaId: t.personaId,
        tickId: t.id,
        seq: i,
        toolName: a.tool,
        module: a.tool.split('.')[0] as string,
        spaceId: 'space-1',
        result: a.result,
        outcome: a.outcome ?? (a.result === 'error' ? ('app_error' as const) : ('ok' as const)),
        checkStatus: a.checkStatus ?? null,
        errorMessage: a.errorMessage ?? null,
        latencyMs: a.latencyMs ?? 120,
        createdAt: t.at,
      })),
    );
  }
  if (ratings.length > 0) {
    await db.insert(personaFeedback).values(
      ratings.map((r) => ({
        id: `${t.id}-${r.module}`,
        personaId: t.personaId,
        tickId: t.id,
        module: r.module,
        rating: r.rating,
        notes: r.notes ?? null,
        createdAt: t.at,
      })),
    );
  }
}
