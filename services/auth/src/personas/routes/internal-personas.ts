import {
  actionRowSchema,
  type DayAnswer,
  dayBodySchema,
  feedbackRowSchema,
  MAX_ACTIONS_PER_BATCH,
  MAX_DUE_LIMIT,
  MAX_FEEDBACK_PER_BATCH,
  type TickRecord,
  tickIdSchema,
  tickRecordSchema,
} from '@mana/contracts';
import type { Database } from '@mana/db';
import { type FieldIssue, readJson, validate, validQuery } from '@mana/http';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import { fail } from '../../errors';
import type { AppEnv } from '../../middleware/principal';
import { findDuePersonas } from '../db/due';
import {
  insertActions,
  insertFeedback,
  storeDay,
  type TickInput,
  TickOwnerConflictError,
  upsertTick,
} from '../db/persona-writes';
import { rowRefIssues, spacesOfPersona } from '../db/row-refs';
import { purgeTranscripts } from '../db/transcripts';

/** The tick record as stored: the wire's instants as dates. */
const tickInput = (t: TickRecord): TickInput => ({
  ...t,
  startedAt: new Date(t.startedAt),
  finishedAt: t.finishedAt ? new Date(t.finishedAt) : null,
});
const tickBody = tickRecordSchema.transform(tickInput);

const dueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_DUE_LIMIT).default(MAX_DUE_LIMIT),
});

/**
 * The runner's API, behind `X-Service-Key`: which personas are due, and writing what
 * they did (actions), what they thought (feedback) and how their tick went (with its
 * transcript), one by one or as a whole day in one request and one transaction. Storing
 * a transcript purges those older than `transcriptRetentionDays`, at most once an hour.
 */
export function internalPersonaRoutes(deps: {
  db: Database;
  clock: () => Date;
  /** The app's modules: rows naming another one are refused. */
  modules: readonly string[];
  transcriptRetentionDays: number;
  logger?: Logger | undefined;
}) {
  const { db, clock, transcriptRetentionDays } = deps;
  /** When the next stored transcript purges the old ones (ms since the epoch). */
  let nextPurgeAt = 0;

  /**
   * The row fields that refer to an unknown module or a foreign space (`spaces`: the
   * persona's, read with it by {@link requirePersonaSpaces}).
   */
  const refIssues = (
    prefix: string,
    rows: Parameters<typeof rowRefIssues>[1],
    spaces: readonly string[],
  ) => rowRefIssues(prefix, rows, { modules: deps.modules, spaces });

  /** Purges expired transcripts after a stored one, at most once an hour. */
  const purgeIfDue = async (now: Date, record: TickInput) => {
    if (!record.transcript || now.getTime() < nextPurgeAt) return;
    // At most once an hour (a statement per tick was a tenth of a persona-day's
    // queries); best effort: the tick is stored, and a failed purge is retried with the
    // next tick.
    nextPurgeAt = now.getTime() + PURGE_EVERY_MS;
    await purgeTranscripts(db, now, transcriptRetentionDays).catch((err: unknown) => {
      nextPurgeAt = 0;
      deps.logger?.warn({ err }, 'purging old transcripts failed');
    });
  };

  /** The persona of the path and its spaces (one query); 404 when there is none. */
  const requirePersonaSpaces = async (c: Context) => {
    const id = c.req.param('id') ?? '';
    const spaces = await spacesOfPersona(db, id);
    if (!spaces) throw fail('PERSONA_NOT_FOUND');
    return { id, spaces };
  };

  return new Hono<AppEnv>()
    .get('/due', async (c) => {
      const { limit } = validQuery(c, dueQuery);
      const now = clock();
      const personas = await findDuePersonas(db, now, limit);
      return c.json({ personas, serverTime: now.toISOString() });
    })
    .post('/:id/actions', async (c) => {
      const rows = await readBatch(c, 'actions', actionsBody, MAX_ACTIONS_PER_BATCH);
      const persona = await requirePersonaSpaces(c);
      requireNoFieldIssues(refIssues('actions', rows, persona.spaces));
      return c.json(await insertActions(db, persona.id, rows, clock()));
    })
    .post('/:id/feedback', async (c) => {
      const rows = await readBatch(c, 'feedback', feedbackBody, MAX_FEEDBACK_PER_BATCH);
      const persona = await requirePersonaSpaces(c);
      requireNoFieldIssues(refIssues('feedback', rows, persona.spaces));
      return c.json(await insertFeedback(db, persona.id, rows, clock()));
    })
    .put('/:id/ticks/:tickId', async (c) => {
      const tickId = validate(tickIdSchema, c.req.param('tickId'), 'tick id');
      const body = validate(tickBody, await readJson(c), 'request body');
      const { id: personaId, spaces } = await requirePersonaSpaces(c);
      requireNoFieldIssues(refIssues('', [{ spaceId: body.spaceId }], spaces));
      const now = clock();
      const { created } = await upsertTick(db, personaId, tickId, body, now).catch(conflict);
      await purgeIfDue(now, body);
      return c.json({ tickId, created }, created ? 201 : 200);
    })
    .put('/:id/days/:tickId', async (c) => {
      const tickId = validate(tickIdSchema, c.req.param('tickId'), 'tick id');
      const raw = await readJson(c);
      requireAtMost('actions', rowsAt(raw, 'actions'), MAX_ACTIONS_PER_BATCH);
      requireAtMost('feedback', rowsAt(raw, 'feedback'), MAX_FEEDBACK_PER_BATCH);
      const day = validate(dayBodySchema, raw, 'request body');
      const { id: personaId, spaces } = await requirePersonaSpaces(c);
      requireNoFieldIssues([
        ...refIssues('', [{ spaceId: day.record.spaceId }], spaces).map((f) => ({
          ...f,
          path: `record.${f.path}`,
        })),
        ...refIssues('actions', day.actions, spaces),
        ...refIssues('feedback', day.feedback, spaces),
        ...foreignRowIssues(tickId, day),
      ]);
      const record = tickInput(day.record);
      const now = clock();
      const stored = await storeDay(db, personaId, tickId, { ...day, record }, now).catch(conflict);
      await purgeIfDue(now, record);
      const answer: DayAnswer = { tickId, ...stored };
      return c.json(answer, stored.created ? 201 : 200);
    });
}

/** A tick refused by the store (another persona's, or abandoned) as a 409. */
function conflict(error: unknown): never {
  if (error instanceof TickOwnerConflictError) throw fail('CONFLICT', error.message);
  throw error;
}

/** 400 naming every field in `fields`, when there is any. */
function requireNoFieldIssues(fields: readonly FieldIssue[]): void {
  if (fields.length === 0) return;
  const named = fields.map((f) => `${f.path} (${f.message})`).join('; ');
  throw fail('VALIDATION_FAILED', `Invalid request body: ${named}`, { fields: [...fields] });
}

/** The day's rows that name another tick than the day's (the record counts only its own). */
function foreignRowIssues(
  tickId: string,
  day: { actions: readonly { tickId: string }[]; feedback: readonly { tickId: string }[] },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of ['actions', 'feedback'] as const) {
    day[key].forEach((row, i) => {
      if (row.tickId !== tickId) {
        issues.push({ path: `${key}.${i}.tickId`, message: `must be the day's tick id ${tickId}` });
      }
    });
  }
  return issues;
}

/** How often storing a transcript also purges the expired ones. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** The bodies of the batch routes, built once (not per request). */
const actionsBody = z.object({ actions: z.array(actionRowSchema) });
const feedbackBody = z.object({ feedback: z.array(feedbackRowSchema) });

/**
 * Reads `{<key>: [...]}`: 413 past the row limit (counted before any row is validated),
 * then the body validated once, 400 naming every bad row field.
 */
async function readBatch<K extends string, R>(
  c: Context,
  key: K,
  schema: z.ZodType<Record<K, R[]>>,
  max: number,
): Promise<R[]> {
  const body = await readJson(c);
  requireAtMost(key, rowsAt(body, key), max);
  return validate(schema, body, 'request body')[key];
}

/** How many rows `body[key]` holds, before any is validated (0 when it is not an array). */
function rowsAt(body: unknown, key: string): number {
  const rows =
    body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return Array.isArray(rows) ? rows.length : 0;
}

/** 413 for more than `max` rows of `key`. */
function requireAtMost(key: string, count: number, max: number): void {
  if (count > max) {
    throw fail('BATCH_TOO_LARGE', `At most ${max} ${key} rows per request, got ${count}`);
  }
}
