import {
  actionRowSchema,
  feedbackRowSchema,
  MAX_ACTIONS_PER_BATCH,
  MAX_DUE_LIMIT,
  MAX_FEEDBACK_PER_BATCH,
  tickIdSchema,
  tickRecordSchema,
} from '@mana/contracts';
import type { Database } from '@mana/db';
import { readJson, validate, validQuery } from '@mana/http';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import { fail } from '../../errors';
import type { AppEnv } from '../../middleware/principal';
import { findDuePersonas } from '../db/due';
import { personaExists } from '../db/persona-admin';
import {
  insertActions,
  insertFeedback,
  TickOwnerConflictError,
  upsertTick,
} from '../db/persona-writes';
import { personaSpaceIds, rowRefIssues } from '../db/row-refs';
import { purgeTranscripts } from '../db/transcripts';

/** The tick record as stored: the wire's instants as dates. */
const tickBody = tickRecordSchema.transform((t) => ({
  ...t,
  startedAt: new Date(t.startedAt),
  finishedAt: t.finishedAt ? new Date(t.finishedAt) : null,
}));

const dueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_DUE_LIMIT).default(MAX_DUE_LIMIT),
});

/**
 * The runner's API, behind `X-Service-Key`: which personas are due, and writing what
 * they did (actions), what they thought (feedback) and how their tick went (with its
 * transcript). Storing a transcript purges those older than `transcriptRetentionDays`.
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

  /** 400 naming every row field that refers to an unknown module or a foreign space. */
  const requireKnownRefs = async (
    personaId: string,
    prefix: string,
    rows: Parameters<typeof rowRefIssues>[1],
  ) => {
    const refs = { modules: deps.modules, spaces: await personaSpaceIds(db, personaId) };
    const fields = rowRefIssues(prefix, rows, refs);
    if (fields.length > 0) {
      const named = fields.map((f) => `${f.path} (${f.message})`).join('; ');
      throw fail('VALIDATION_FAILED', `Invalid request body: ${named}`, { fields });
    }
  };

  const requirePersona = async (c: Context): Promise<string> => {
    const id = c.req.param('id') ?? '';
    if (!(await personaExists(db, id))) throw fail('PERSONA_NOT_FOUND');
    return id;
  };

  return new Hono<AppEnv>()
    .get('/due', async (c) => {
      const { limit } = validQuery(c, dueQuery);
      const now = clock();
      const personas = await findDuePersonas(db, now, limit);
      return c.json({ personas, serverTime: now.toISOString() });
    })
    .post('/:id/actions', async (c) => {
      const rows = await readBatch(c, 'actions', actionRowSchema, MAX_ACTIONS_PER_BATCH);
      const personaId = await requirePersona(c);
      await requireKnownRefs(personaId, 'actions', rows);
      return c.json(await insertActions(db, personaId, rows, clock()));
    })
    .post('/:id/feedback', async (c) => {
      const rows = await readBatch(c, 'feedback', feedbackRowSchema, MAX_FEEDBACK_PER_BATCH);
      const personaId = await requirePersona(c);
      await requireKnownRefs(personaId, 'feedback', rows);
      return c.json(await insertFeedback(db, personaId, rows, clock()));
    })
    .put('/:id/ticks/:tickId', async (c) => {
      const tickId = validate(tickIdSchema, c.req.param('tickId'), 'tick id');
      const body = validate(tickBody, await readJson(c), 'request body');
      const personaId = await requirePersona(c);
      await requireKnownRefs(personaId, '', [{ spaceId: body.spaceId }]);
      try {
        const now = clock();
        const { created } = await upsertTick(db, personaId, tickId, body, now);
        if (body.transcript) {
          // Best effort: the tick is stored; a failed purge is retried with the next one.
          await purgeTranscripts(db, now, transcriptRetentionDays).catch((err: unknown) =>
            deps.logger?.warn({ err }, 'purging old transcripts failed'),
          );
        }
        return c.json({ tickId, created }, created ? 201 : 200);
      } catch (error) {
        if (error instanceof TickOwnerConflictError) throw fail('CONFLICT', error.message);
        throw error;
      }
    });
}

/**
 * Reads `{<key>: [...]}`: 413 past the row limit (checked before the rows are
 * validated), then 400 naming every bad row field.
 */
async function readBatch<S extends z.ZodType>(
  c: Context,
  key: string,
  row: S,
  max: number,
): Promise<z.output<S>[]> {
  const body = await readJson(c);
  const rows = validate(z.object({ [key]: z.array(z.unknown()) }), body, 'request body')[key];
  const count = Array.isArray(rows) ? rows.length : 0;
  if (count > max) {
    throw fail('BATCH_TOO_LARGE', `At most ${max} ${key} rows per request, got ${count}`);
  }
  const parsed = validate(z.object({ [key]: z.array(row) }), body, 'request body');
  return parsed[key] as z.output<S>[];
}
