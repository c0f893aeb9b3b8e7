/** A tool's weight is never cut below a quarter by coverage… */
export const MIN_COVERAGE_FACTOR = 0.25;
/** …nor raised above four times: the persona's own habits still lead. */
export const MAX_COVERAGE_FACTOR = 4;

/**
 * How much coverage scales each tool's weight in a day plan: `(1 + median) / (1 + calls)`
 * clamped to [0.25, 4], where `calls` is how often the tool was called lately and
 * `median` the median of that over the given tools (a tool absent from `coverage` has 0).
 * A tool called less than its peers is favoured, one called more is damped, so over a
 * week every tool of a persona's modules gets traffic. Without coverage every factor is
 * exactly 1 and the plan is the persona's mix alone.
 *
 * @example
 * coverageFactors(['todo.create', 'todo.complete'], new Map([['todo.create', 40]]))
 * // Map { 'todo.create' => 0.5, 'todo.complete' => 4 }  (median 20)
 */
export function coverageFactors(
  tools: readonly string[],
  coverage: ReadonlyMap<string, number>,
): Map<string, number> {
  const calls = tools.map((tool) => Math.max(0, coverage.get(tool) ?? 0));
  const median = medianOf(calls);
  return new Map(
    tools.map((tool, i) => {
      const factor = (1 + median) / (1 + (calls[i] ?? 0));
      return [tool, Math.min(MAX_COVERAGE_FACTOR, Math.max(MIN_COVERAGE_FACTOR, factor))];
    }),
  );
}

function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
