import { z } from 'zod';
import { storedText } from './stored-values';
import { USER_KINDS } from './token';

/** `POST /api/v1/auth/login`. */
export const loginRequestSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: storedText().min(1).max(128),
});

/** The answer to a login: a JWT for the gateway and when it expires. */
export const loginAnswerSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), kind: z.enum(USER_KINDS) }),
});

export type LoginAnswer = z.output<typeof loginAnswerSchema>;

/** One of the caller's spaces. */
export const spaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  role: z.string(),
});

export type SpaceSummary = z.output<typeof spaceSummarySchema>;

/** `GET /api/v1/me/spaces`. */
export const mySpacesAnswerSchema = z.object({ spaces: z.array(spaceSummarySchema) });
