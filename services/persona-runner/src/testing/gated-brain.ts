import type { Brain } from '../brains/types';
import { testBrain } from './test-brain';

/**
 * The {@link testBrain} (one read call of each module, then ratings) with a gate between
 * the day's calls and its end: every day waits, its calls recorded, until the test opens
 * the gate. Failure tests break something (the identity service, the database) while
 * days are in flight and then let them finish.
 */
export function gatedBrain(): Brain & {
  days: string[];
  /** Resolves once `n` days have made their calls and wait at the gate. */
  waiting(n: number): Promise<void>;
  open(): void;
} {
  const inner = testBrain();
  let opened: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    opened = resolve;
  });
  let arrived = 0;
  const watchers: { n: number; resolve(): void }[] = [];
  return {
    name: inner.name,
    model: inner.model,
    days: inner.days,
    async liveDay(day) {
      const result = await inner.liveDay(day);
      arrived++;
      for (const w of watchers.filter((w) => w.n <= arrived)) w.resolve();
      await gate;
      return result;
    },
    rateDay: (day, experience) => inner.rateDay(day, experience),
    waiting(n) {
      if (arrived >= n) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ n, resolve }));
    },
    open: () => opened(),
  };
}
