import { z } from 'zod';
import { spaceSummarySchema } from './identity';
import { personaProfileSchema } from './persona-profile';

/** A persona the runner should take through a day now. */
export const duePersonaSchema = personaProfileSchema.extend({
  userId: z.string().min(1),
  email: z.email(),
  name: z.string(),
  lastActiveAt: z.string().nullable(),
  /**
   * The persona's spaces, personal first, when a claim took it: the runner plans the day
   * from them without reading `/api/v1/me/spaces` (absent in the `GET /due` answer).
   */
  spaces: z.array(spaceSummarySchema).optional(),
});

export type DuePersona = z.output<typeof duePersonaSchema>;

/** `GET /api/v1/internal/personas/due`: the due personas in the order to run them. */
export const dueAnswerSchema = z.object({
  personas: z.array(duePersonaSchema),
  serverTime: z.string(),
});

export type DueAnswer = z.output<typeof dueAnswerSchema>;

/** Most personas one due request may ask for. */
export const MAX_DUE_LIMIT = 1000;

/** How long a persona whose last tick failed waits before it is due again. */
export const FAILURE_BACKOFF_MINUTES = 15;
