import { ACTION_OUTCOMES } from '@mana/contracts';
import { z } from 'zod';

/** An empty form field reads as absent. */
const blank = (v: unknown) => (v === '' ? undefined : v);

/** `2026-03-20T12:00` (a datetime-local field, read as UTC) or a full ISO instant. */
export const instant = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, {
      message: 'a UTC time like 2026-03-20T12:00',
    })
    .optional(),
);

/** The alert page's query: the evidence filter and the page number. */
export const evidenceQuerySchema = z.object({
  since: z.string().optional(),
  persona: z.preprocess(blank, z.string().max(200).optional()),
  tool: z.preprocess(blank, z.string().max(200).optional()),
  outcome: z.preprocess(blank, z.enum(ACTION_OUTCOMES).optional()),
  from: instant,
  to: instant,
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  size: z.preprocess(blank, z.coerce.number().int().min(5).max(200).optional()),
});

/** A datetime-local value (no zone) as a UTC instant. */
export function utcInstant(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? text
    : `${text}${text.length === 10 ? 'T00:00' : ''}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
