// Issue 11: personas claimed but not started are held from the other runners. A full
// batch claimed for one free lane left each runner up to `batch − 1` days queued when the
// due set ran out, while the other runners idled (bench:scale, 3 runners vs 1). A claim
// now asks for the lanes waiting, and at least a quarter of the batch.
import { silentLogger } from '@mana/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalApiClient } from '../clients/internal-api';
import { createRunnerMetrics } from '../metrics';
import { STACK_SERVICE_KEY, startTestStack, type TestStack } from '../testing/stack-harness';
import { ClaimKeeper } from './claim-keeper';

describe('ClaimKeeper claim sizes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock: () => new Date('2026-11-25T09:00:00Z') });
  });
  afterAll(() => stack.close());

  it('claims for the lanes waiting, not a full batch for one free lane', async () => {
    const limits: number[] = [];
    const api = new InternalApiClient({
      authUrl: stack.auth.url,
      serviceKey: STACK_SERVICE_KEY,
      fetch: async (input, init) => {
        if (String(input).endsWith('/claim')) {
          limits.push((JSON.parse(String(init?.body)) as { limit: number }).limit);
        }
        return fetch(input, init);
      },
    });
    const keeper = new ClaimKeeper({
      api,
      runnerId: 'sizes',
      leaseSeconds: 60,
      logger: silentLogger(),
      metrics: createRunnerMetrics(),
    });
    const next = () => keeper.next(8, Number.POSITIVE_INFINITY, () => false);
    try {
      // Three lanes start at once: one claim of three (not the batch of eight).
      const first = await Promise.all([next(), next(), next()]);
      expect(first.every((item) => item !== undefined)).toBe(true);
      // One lane frees up: a claim of a quarter of the batch, one started, one queued.
      expect(await next()).toBeDefined();
      expect(await next()).toBeDefined();
      expect(limits).toEqual([3, 2]);
      expect(keeper.claimed).toBe(5);
    } finally {
      await keeper.end();
    }
  });
});
