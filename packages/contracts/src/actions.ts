import { z } from 'zod';
import { callCheckSchema, ERROR_KINDS } from './outcomes';
import { moduleNameSchema } from './persona-profile';
import { storedText } from './stored-values';
import { tickIdSchema } from './ticks';

/** The outcome of one tool call. */
export const ACTION_RESULTS = ['ok', 'error'] as const;
export type ActionResult = (typeof ACTION_RESULTS)[number];

/** Most action rows one request may carry. */
export const MAX_ACTIONS_PER_BATCH = 500;

/** Longest error message or note stored; longer ones are cut by the sender. */
export const MAX_MESSAGE_LENGTH = 4000;

const id = storedText().min(1).max(200);

/**
 * Markers the runner writes as a row's module for operators: `__parse` is a rating reply
 * that did not parse. The identity service accepts these next to the app's modules.
 */
export const ROW_MARKER_MODULES = ['__parse'] as const;

/** Row modules may also be `__parse`-style markers the runner writes for operators. */
export const rowModuleSchema = z.union([moduleNameSchema, z.string().regex(/^__[a-z]{1,30}$/)]);

/**
 * One tool call a persona made, as the runner reports it and the identity service
 * stores it (`POST /api/v1/internal/personas/:id/actions`). `index` is the call's
 * position within its tick; with the tick id and tool name it makes the row id.
 * An error carries its kind; a call the persona looked at again carries its `check`;
 * a call made to look again names the call it checked (`checkOf`).
 */
export const actionRowSchema = z
  .object({
    tickId: tickIdSchema,
    index: z.number().int().min(0).max(100_000),
    toolName: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits and _.- only'),
    module: rowModuleSchema,
    spaceId: id,
    toolUseId: id.optional(),
    inputHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'sha256 hex')
      .optional(),
    result: z.enum(ACTION_RESULTS),
    errorMessage: storedText().max(MAX_MESSAGE_LENGTH).optional(),
    latencyMs: z.number().int().min(0).max(86_400_000).optional(),
    errorKind: z.enum(ERROR_KINDS).optional(),
    check: callCheckSchema.optional(),
    checkOf: z.number().int().min(0).max(100_000).optional(),
  })
  // Unknown keys are refused, not dropped: a field one side sends and the other does not
  // know would otherwise be lost without a word.
  .strict()
  .refine((row) => row.result === 'error' || row.errorKind === undefined, {
    path: ['errorKind'],
    message: 'only an error has a kind',
  })
  .refine((row) => row.result === 'ok' || row.check === undefined, {
    path: ['check'],
    message: 'only a call that answered ok can be checked',
  });

export type ActionRow = z.output<typeof actionRowSchema>;

/** The deterministic id of an action row: a retried batch maps to the same ids. */
export function actionId(row: Pick<ActionRow, 'tickId' | 'index' | 'toolName'>): string {
  return `${row.tickId}-${row.index}-${row.toolName}`;
}

/** How many rows of a batch were new and how many had been stored before. */
export const batchAnswerSchema = z.object({
  inserted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
});

export type BatchAnswer = z.output<typeof batchAnswerSchema>;
