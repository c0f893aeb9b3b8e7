import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, rowModuleSchema } from './actions';
import { storedText } from './stored-values';
import { tickIdSchema } from './ticks';

/** Most feedback rows one request may carry. */
export const MAX_FEEDBACK_PER_BATCH = 100;

/**
 * A persona's rating of one module in one tick
 * (`POST /api/v1/internal/personas/:id/feedback`): one per module per tick.
 */
export const feedbackRowSchema = z
  .object({
    tickId: tickIdSchema,
    module: rowModuleSchema,
    rating: z.number().int().min(1).max(5),
    notes: storedText().max(MAX_MESSAGE_LENGTH).optional(),
  })
  .strict();

export type FeedbackRow = z.output<typeof feedbackRowSchema>;

/** The deterministic id of a feedback row: one rating per module per tick. */
export function feedbackId(row: Pick<FeedbackRow, 'tickId' | 'module'>): string {
  return `${row.tickId}-${row.module}`;
}
