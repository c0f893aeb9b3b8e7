import type { Logger } from 'pino';
import type { InternalApiClient } from '../clients/internal-api';
import type { RunnerMetrics } from '../metrics';

/** How far back a tick looks to see which tools saw traffic. */
export const COVERAGE_DAYS = 7;

/**
 * Calls of each tool over the last {@link COVERAGE_DAYS} days, fetched once per tick so
 * every persona of the tick plans from the same numbers (and a day's plan does not depend
 * on which persona ran first). Never throws: when the identity service cannot answer,
 * the tick goes on with an empty map and the plans fall back to the persona's own mix.
 */
export async function fetchCoverage(
  api: Pick<InternalApiClient, 'coverage'>,
  log: Logger,
  metrics: Pick<RunnerMetrics, 'error'>,
): Promise<ReadonlyMap<string, number>> {
  try {
    const answer = await api.coverage(COVERAGE_DAYS);
    return new Map(Object.entries(answer.tools).map(([tool, usage]) => [tool, usage.calls]));
  } catch (error) {
    metrics.error('coverage');
    log.warn({ err: error }, 'tool coverage unavailable; planning from the persona mix alone');
    return new Map();
  }
}
