import { z } from 'zod';
import { storedText } from './stored-values';

/** Longest text of one transcript entry, in characters; the sender cuts longer ones. */
export const MAX_TRANSCRIPT_ENTRY_CHARS = 4_000;
/** Most text one persona-day's transcript holds, in characters, all entries together. */
export const MAX_TRANSCRIPT_DAY_CHARS = 100_000;
/** Most entries one persona-day's transcript holds. */
export const MAX_TRANSCRIPT_ENTRIES = 500;

/**
 * Who speaks in a transcript entry: the brain's system prompt, a prompt to the model
 * (`user`), the model's own text (`assistant`), a tool call with its input, and the
 * tool's answer (`tool_result`).
 */
export const TRANSCRIPT_ROLES = [
  'system',
  'user',
  'assistant',
  'tool_call',
  'tool_result',
] as const;
export type TranscriptRole = (typeof TRANSCRIPT_ROLES)[number];

/** The part of the day an entry belongs to: living it, or the rating turn after it. */
export const TRANSCRIPT_PHASES = ['day', 'rating'] as const;
export type TranscriptPhase = (typeof TRANSCRIPT_PHASES)[number];

/**
 * One entry of a persona-day's conversation. `text` is redacted and at most
 * {@link MAX_TRANSCRIPT_ENTRY_CHARS} long (`truncated` when it was cut); a tool call or
 * result names its tool and, when it was recorded as an action row, that row's `index`
 * (`call`); `isError` marks a tool result that was an error.
 */
export const transcriptEntrySchema = z
  .object({
    role: z.enum(TRANSCRIPT_ROLES),
    phase: z.enum(TRANSCRIPT_PHASES),
    text: storedText().max(MAX_TRANSCRIPT_ENTRY_CHARS),
    toolName: z.string().min(1).max(200).optional(),
    call: z.number().int().min(0).max(100_000).optional(),
    isError: z.boolean().optional(),
    truncated: z.boolean().optional(),
  })
  .strict();

export type TranscriptEntry = z.output<typeof transcriptEntrySchema>;

/**
 * A persona-day's conversation, sent with the finished tick record and stored beside it:
 * the entries in the order they happened, and `dropped`, how many entries did not fit the
 * day's caps ({@link MAX_TRANSCRIPT_ENTRIES}, {@link MAX_TRANSCRIPT_DAY_CHARS}).
 */
export const transcriptSchema = z
  .object({
    entries: z.array(transcriptEntrySchema).max(MAX_TRANSCRIPT_ENTRIES),
    dropped: z.number().int().min(0).default(0),
  })
  .strict()
  .refine((t) => t.entries.reduce((n, e) => n + e.text.length, 0) <= MAX_TRANSCRIPT_DAY_CHARS, {
    path: ['entries'],
    message: `at most ${MAX_TRANSCRIPT_DAY_CHARS} characters of text per day`,
  });

export type Transcript = z.output<typeof transcriptSchema>;
