import { z } from 'zod';
import { actionRowSchema, batchAnswerSchema } from './actions';
import { feedbackRowSchema } from './feedback';
import { tickRecordSchema } from './ticks';

/**
 * A finished persona-day in one write, `PUT /api/v1/internal/personas/:id/days/:tickId`:
 * the final tick record (with its transcript), the day's tool calls and its ratings,
 * stored in one transaction (issue 11: one round trip per day instead of three). Every
 * row belongs to the day (`tickId` of the path). At most `MAX_ACTIONS_PER_BATCH` actions
 * and `MAX_FEEDBACK_PER_BATCH` ratings: a bigger day goes as the separate writes.
 *
 * @example
 * { record: { status: 'ok', startedAt, finishedAt, actionsCount: 2 }, actions: [a0, a1], feedback: [] }
 */
export const dayBodySchema = z
  .object({
    record: tickRecordSchema,
    actions: z.array(actionRowSchema),
    feedback: z.array(feedbackRowSchema),
    /**
     * The day went well and its runner (`record.runnerId`) gives back its claim on the
     * persona in the same transaction, instead of a `claims/release` request of its own. A
     * claim that runner no longer holds is left alone.
     */
    release: z.boolean().optional(),
  })
  .strict();

export type DayBody = z.output<typeof dayBodySchema>;

/** The answer to a day write: whether the tick was new, and what each batch inserted. */
export const dayAnswerSchema = z.object({
  tickId: z.string(),
  created: z.boolean(),
  actions: batchAnswerSchema,
  feedback: batchAnswerSchema,
  /** The runner's claim on the persona was given back with the day. */
  released: z.boolean(),
});

export type DayAnswer = z.output<typeof dayAnswerSchema>;
