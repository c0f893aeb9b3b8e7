import { z } from 'zod';

/** The longest window `GET /api/v1/internal/coverage` looks back over. */
export const MAX_COVERAGE_DAYS = 90;

/**
 * `GET /api/v1/internal/coverage?days=`: how far back to count, in whole days (1..90,
 * default 7). A query string value, so it is coerced from text.
 */
export const coverageQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(MAX_COVERAGE_DAYS).default(7),
});

/** How often one tool was called. */
export const toolUsageSchema = z.object({ calls: z.number().int().min(0) });

/**
 * The answer: every tool personas called since `since` (an ISO instant), with its number
 * of calls. A tool nobody called is absent, which reads as zero calls. The runner plans
 * days from it so that under-exercised tools get traffic.
 */
export const coverageAnswerSchema = z.object({
  tools: z.record(z.string(), toolUsageSchema),
  since: z.iso.datetime(),
});

export type CoverageAnswer = z.output<typeof coverageAnswerSchema>;
