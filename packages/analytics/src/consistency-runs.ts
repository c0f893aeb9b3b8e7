import type {
  ConsistencyOverall,
  ConsistencyRun,
  ConsistencyRunInput,
  ConsistencyRunSummary,
} from '@mana/contracts';
import { consistencyRows, consistencyRuns, type Database, toIso } from '@mana/db';
import { asc, desc, eq } from 'drizzle-orm';

/** Rows a single insert statement carries (keeps the bind parameters far below 65 535). */
const ROWS_PER_INSERT = 500;

/**
 * Stores a finished `simulate --repeat k`: the run and its per persona × module rows in
 * one transaction, so a failure leaves no half-written run behind. Returns its id.
 */
export async function recordConsistencyRun(
  db: Database,
  run: ConsistencyRunInput,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(consistencyRuns)
      .values({
        startedAt: new Date(run.startedAt),
        finishedAt: new Date(run.finishedAt),
        k: run.k,
        seed: run.seed,
        days: run.days,
        brain: run.brain,
        personaCount: run.personaCount,
        personaDays: run.personaDays,
        simulatedFrom: new Date(run.simulatedFrom),
        simulatedTo: new Date(run.simulatedTo),
        faults: run.faults,
        ...run.overall,
      })
      .returning({ id: consistencyRuns.id });
    if (!stored) throw new Error('the consistency run was not stored');
    for (let i = 0; i < run.rows.length; i += ROWS_PER_INSERT) {
      await tx
        .insert(consistencyRows)
        .values(run.rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ runId: stored.id, ...r })));
    }
    return stored.id;
  });
}

/** Stored consistency runs without their rows, newest first. */
export async function listConsistencyRuns(
  db: Database,
  limit = 50,
): Promise<ConsistencyRunSummary[]> {
  const runs = await db
    .select()
    .from(consistencyRuns)
    .orderBy(desc(consistencyRuns.startedAt), desc(consistencyRuns.id))
    .limit(limit);
  return runs.map(summaryOf);
}

/** One stored consistency run with its rows (by persona, then module); null when unknown. */
export async function consistencyRun(db: Database, id: number): Promise<ConsistencyRun | null> {
  const [run] = await db.select().from(consistencyRuns).where(eq(consistencyRuns.id, id));
  if (!run) return null;
  const rows = await db
    .select()
    .from(consistencyRows)
    .where(eq(consistencyRows.runId, id))
    .orderBy(asc(consistencyRows.persona), asc(consistencyRows.module));
  return {
    ...summaryOf(run),
    rows: rows.map((r) => ({ persona: r.persona, module: r.module, ...figuresOf(r) })),
  };
}

/** The newest stored consistency run with its rows, or null when none was stored. */
export async function latestConsistencyRun(db: Database): Promise<ConsistencyRun | null> {
  const [latest] = await listConsistencyRuns(db, 1);
  return latest ? consistencyRun(db, latest.id) : null;
}

function summaryOf(r: typeof consistencyRuns.$inferSelect): ConsistencyRunSummary {
  return {
    id: Number(r.id),
    startedAt: toIso(r.startedAt) as string,
    finishedAt: toIso(r.finishedAt) as string,
    k: r.k,
    seed: r.seed,
    days: r.days,
    brain: r.brain,
    personaCount: r.personaCount,
    personaDays: r.personaDays,
    simulatedFrom: toIso(r.simulatedFrom) as string,
    simulatedTo: toIso(r.simulatedTo) as string,
    faults: r.faults,
    overall: figuresOf(r),
  };
}

function figuresOf(r: ConsistencyOverall): ConsistencyOverall {
  return {
    ratedDays: r.ratedDays,
    ratingMean: r.ratingMean,
    ratingSd: r.ratingSd,
    ratingRange: r.ratingRange,
    checkedDays: r.checkedDays,
    passK: r.passK,
    passAtK: r.passAtK,
  };
}
