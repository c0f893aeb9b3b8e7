import { z } from 'zod';

/** The writes of a persona day that can end up in the dead letter. */
export const DEAD_LETTER_KINDS = ['actions', 'feedback', 'tick'] as const;
export type DeadLetterKind = (typeof DEAD_LETTER_KINDS)[number];

/** Largest payload one dead letter keeps (its JSON text), in characters. */
export const MAX_DEAD_LETTER_PAYLOAD = 1_000_000;

/**
 * `POST /api/v1/internal/personas/:id/dead-letters`: a write the identity service refused
 * for good (a 4xx other than 408 and 429), kept with the reason so that it is neither
 * retried for ever nor lost. `payload` is the write's JSON text (text, not JSON, so a
 * refused NUL byte can be kept as its escape).
 */
export const deadLetterSchema = z
  .object({
    kind: z.enum(DEAD_LETTER_KINDS),
    tickId: z.string().min(1).max(200).nullable(),
    runnerId: z.string().max(200).nullable(),
    status: z.number().int().min(400).max(499),
    reason: z.string().min(1).max(4000),
    payload: z.string().max(MAX_DEAD_LETTER_PAYLOAD),
  })
  .strict();

export type DeadLetter = z.output<typeof deadLetterSchema>;

/** A stored dead letter, as `GET /api/v1/internal/dead-letters` lists it. */
export const storedDeadLetterSchema = deadLetterSchema.extend({
  id: z.string(),
  personaId: z.string(),
  createdAt: z.string(),
});

export type StoredDeadLetter = z.output<typeof storedDeadLetterSchema>;

/** `GET /api/v1/internal/dead-letters`: newest first. */
export const deadLettersAnswerSchema = z.object({ deadLetters: z.array(storedDeadLetterSchema) });
