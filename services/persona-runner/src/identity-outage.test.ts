import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personaActions, personaTicks } from '@mana/db';
import { silentLogger } from '@mana/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonaRunner } from './runner';
import { gatedBrain } from './testing/gated-brain';
import { startRestartableStack } from './testing/restartable-stack';
import { STACK_SEED_SECRET, STACK_SERVICE_KEY } from './testing/stack-harness';
import type { TickResult } from './tick/run-tick';

let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);

// Issue 11 "Bad input and failure": the identity service down mid-tick. Ten days are in
// flight, their calls made, when it stops; they end while it is down, so nothing they
// owe can be stored. When it is back, the next tick delivers it: each day stored once,
// every action row there, nobody lived twice, no tick left running.
describe('the identity service down mid-tick', { timeout: 120_000 }, () => {
  let stack: Awaited<ReturnType<typeof startRestartableStack>>;
  let dataDir: string;
  beforeAll(async () => {
    stack = await startRestartableStack({ clock });
    dataDir = mkdtempSync(join(tmpdir(), 'runner-outage-'));
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what the days owe and stores it once when it is back; every persona lived once', async () => {
    const brain = gatedBrain();
    const runner = new PersonaRunner({
      authUrl: stack.authUrl,
      mcpUrl: stack.mcpUrl,
      serviceKey: STACK_SERVICE_KEY,
      seedSecret: STACK_SEED_SECRET,
      brain,
      runnerId: 'outage',
      concurrency: 10,
      personaTimeoutMs: 60_000,
      tickIntervalMs: 60_000,
      dataDir,
      logger: silentLogger(),
      clock,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const tick = runner.tick();
    await brain.waiting(10);
    await stack.stopAuth();
    brain.open();
    const first = (await tick) as TickResult;
    expect(first.due).toBe(10);
    expect(first.ranSuccessfully).toBe(0);
    expect(first.failed[0]?.error).toMatch(/kept for retry/);
    expect(runner.pendingWrites).toBeGreaterThan(0);
    const calls = first.personas.reduce((n, p) => n + p.actions, 0);
    expect(calls).toBeGreaterThan(0);
    expect(await stack.db.select().from(personaActions)).toHaveLength(0);

    await stack.startAuth();
    now = new Date(now.getTime() + 60_000);
    const second = (await runner.tick()) as TickResult;
    expect(second.due).toBe(0);
    expect(runner.pendingWrites).toBe(0);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks).toHaveLength(10);
    expect(ticks.every((t) => t.status === 'ok')).toBe(true);
    expect(new Set(ticks.map((t) => t.personaId)).size).toBe(10);
    expect(new Set(brain.days).size).toBe(brain.days.length);
    const actions = await stack.db.select().from(personaActions);
    expect(actions).toHaveLength(calls);
    expect(new Set(actions.map((a) => a.id)).size).toBe(calls);
  });
});
