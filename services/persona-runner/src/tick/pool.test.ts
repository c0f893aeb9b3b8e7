import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

describe('runPool', () => {
  it('never runs more than the limit, starts the next as soon as one finishes, keeps order', async () => {
    const releases: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const pool = runPool([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return item * 10;
    });
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    releases[1]?.(); // the second finishes first: the third starts without waiting for the first
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (let i = 0; i < 5; i++) {
      for (const release of releases) release();

      await new Promise((r) => setImmediate(r));
    }
    expect(await pool).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
  });

  it('handles no items and a limit above the item count', async () => {
    expect(await runPool([], 3, async () => 1)).toEqual([]);
    expect(await runPool([1], 8, async (x) => x + 1)).toEqual([2]);
  });
});
