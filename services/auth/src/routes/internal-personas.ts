import { ACTION_RESULTS, type Database, TICK_STATUSES } from '@mana/db';
import { readJson, validate, validQuery } from '@mana/http';
import { moduleNameSchema } from '@mana/personas';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { findDuePersonas } from '../db/due';
import { personaExists } from '../db/persona-admin';
import {
  insertActions,
  insertFeedback,
  TickOwnerConflictError,
  upsertTick,
} from '../db/persona-writes';
import { fail } from '../errors';
import type { AppEnv } from '../middleware/principal';

/** Most action rows one request may carry. */
export const MAX_ACTIONS_PER_BATCH = 500;
/** Most feedback rows one request may carry. */
export const MAX_FEEDBACK_PER_BATCH = 100;

const idSchema = z.string().min(1).max(200);
/** A tick id is part of row ids and URLs: keep it to a URL-safe alphabet. */
const tickIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _.:- only');
/** Action modules may also be `__parse`-style markers the runner writes for operators. */
const moduleSchema = z.union([moduleNameSchema, z.string().regex(/^__[a-z]{1,30}$/)]);

const actionRow = z.object({
  tickId: tickIdSchema,
  index: z.number().int().min(0).max(100_000),
  toolName: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits and _.- only'),
  module: moduleSchema,
  spaceId: idSchema,
  toolUseId: idSchema.optional(),
  inputHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'sha256 hex')
    .optional(),
  result: z.enum(ACTION_RESULTS),
  errorMessage: z.string().max(4000).optional(),
  latencyMs: z.number().int().min(0).max(86_400_000).optional(),
});

const feedbackRow = z.object({
  tickId: tickIdSchema,
  module: moduleSchema,
  rating: z.number().int().min(1).max(5),
  notes: z.string().max(4000).optional(),
});

const tickBody = z
  .object({
    status: z.enum(TICK_STATUSES),
    startedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    finishedAt: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .nullable()
      .optional(),
    runnerId: z.string().max(200).nullable().optional(),
    brain: z.string().max(100).nullable().optional(),
    model: z.string().max(200).nullable().optional(),
    spaceId: idSchema.nullable().optional(),
    error: z.string().max(4000).nullable().optional(),
    actionsCount: z.number().int().min(0).optional(),
    inputTokens: z.number().int().min(0).nullable().optional(),
    outputTokens: z.number().int().min(0).nullable().optional(),
    costUsd: z.number().min(0).nullable().optional(),
  })
  .refine((t) => !t.finishedAt || t.finishedAt >= t.startedAt, {
    path: ['finishedAt'],
    message: 'must not be before startedAt',
  });

const dueQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(1000) });

/**
 * The runner's API, behind `X-Service-Key`: which personas are due, and writing what
 * they did (actions), what they thought (feedback) and how their tick went.
 */
export function internalPersonaRoutes(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

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
      const rows = await readBatch(c, 'actions', actionRow, MAX_ACTIONS_PER_BATCH);
      const personaId = await requirePersona(c);
      return c.json(await insertActions(db, personaId, rows, clock()));
    })
    .post('/:id/feedback', async (c) => {
      const rows = await readBatch(c, 'feedback', feedbackRow, MAX_FEEDBACK_PER_BATCH);
      const personaId = await requirePersona(c);
      return c.json(await insertFeedback(db, personaId, rows, clock()));
    })
    .put('/:id/ticks/:tickId', async (c) => {
      const tickId = validate(tickIdSchema, c.req.param('tickId'), 'tick id');
      const body = validate(tickBody, await readJson(c), 'request body');
      const personaId = await requirePersona(c);
      try {
        const { created } = await upsertTick(db, personaId, tickId, body, clock());
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
