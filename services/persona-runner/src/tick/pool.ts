/**
 * Runs `worker` over `items` with at most `concurrency` at a time; the next item starts
 * as soon as any running one finishes. Results keep the order of `items`. The worker
 * must not throw (wrap its failures into its result): one item's failure never stops
 * the others.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}
