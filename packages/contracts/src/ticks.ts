import { createHash } from 'node:crypto';
import { z } from 'zod';
import { storedInstant, storedInt, storedText } from './stored-values';
import { transcriptSchema } from './transcript';

/**
 * The life cycle of one persona's tick. `abandoned`: the runner that held the persona's
 * lease stopped renewing it (killed, or cut off) before the day ended; the identity
 * service marks the tick so when the lease expires, and the persona is due again.
 */
export const TICK_STATUSES = ['running', 'ok', 'failed', 'timeout', 'abandoned'] as const;
export type TickStatus = (typeof TICK_STATUSES)[number];

/** A tick id is part of row ids and URLs: kept to a URL-safe alphabet. */
export const tickIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _.:- only');

const instant = storedInstant();
const id = storedText().min(1).max(200);

/**
 * The record of one persona's tick, `PUT /api/v1/internal/personas/:id/ticks/:tickId`:
 * written `running` when the day starts and replaced with the outcome when it ends.
 * The finished record may carry the day's transcript (`transcript.ts`).
 */
export const tickRecordSchema = z
  .object({
    status: z.enum(TICK_STATUSES),
    startedAt: instant,
    finishedAt: instant.nullable().optional(),
    runnerId: storedText().max(200).nullable().optional(),
    brain: storedText().max(100).nullable().optional(),
    model: storedText().max(200).nullable().optional(),
    spaceId: id.nullable().optional(),
    error: storedText().max(4000).nullable().optional(),
    actionsCount: storedInt({ min: 0 }).optional(),
    inputTokens: storedInt({ min: 0 }).nullable().optional(),
    outputTokens: storedInt({ min: 0 }).nullable().optional(),
    /** Of `inputTokens`, those read from the prompt cache (priced lower). */
    cacheReadTokens: storedInt({ min: 0 }).nullable().optional(),
    /** Of `inputTokens`, those written to the prompt cache (priced higher). */
    cacheWriteTokens: storedInt({ min: 0 }).nullable().optional(),
    costUsd: z.number().min(0).nullable().optional(),
    /** The day's conversation; sent with the finished record, stored beside it. */
    transcript: transcriptSchema.optional(),
  })
  .refine((t) => !t.finishedAt || Date.parse(t.finishedAt) >= Date.parse(t.startedAt), {
    path: ['finishedAt'],
    message: 'must not be before startedAt',
  })
  .refine((t) => (t.cacheReadTokens ?? 0) + (t.cacheWriteTokens ?? 0) <= (t.inputTokens ?? 0), {
    path: ['inputTokens'],
    message: 'must count the cache reads and writes (at least cacheReadTokens + cacheWriteTokens)',
  });

export type TickRecord = z.output<typeof tickRecordSchema>;

/** The answer to a tick upsert. */
export const tickAnswerSchema = z.object({ tickId: z.string(), created: z.boolean() });

/**
 * The id of one run of the tick loop: the runner and the clock time to the second,
 * e.g. `host-1234-20261125T091500Z`. A simulated run on a virtual clock gets the same
 * ids every time.
 */
export function runTickId(runnerId: string, at: Date): string {
  return `${runnerId}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/**
 * A persona's tick id within a run: readable (the email's local part) and unique (a
 * short hash of the whole email). Action and feedback ids derive from it.
 */
export function personaTickId(runId: string, email: string): string {
  const local =
    email
      .split('@')[0]
      ?.replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 24) || 'persona';
  const hash = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 6);
  return `${runId}-${local}-${hash}`;
}
