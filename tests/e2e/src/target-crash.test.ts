// A target's stdio server that dies mid-day fails that persona's day (stored as failed,
// with the calls made before) and a fresh server is started for the next day.
import { fileURLToPath } from 'node:url';
import { selectRows } from '@mana/db';
import { createBrain } from '@mana/persona-runner';
import { loadTarget, simulate } from '@mana/stack';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { E2E_SECRETS, stackDatabase } from './e2e-config';

const TARGET = fileURLToPath(new URL('../fixtures/crashy.json', import.meta.url));

describe('a target whose stdio server crashes', () => {
  it('fails the day it crashed in and starts a fresh server for the next', {
    timeout: 300_000,
  }, async () => {
    const brain = createBrain({ brain: 'scripted', scriptedSeed: 5, processEnv: {} });
    if (!brain) throw new Error('no scripted brain');
    const database = await stackDatabase();
    let ticks: { status: string; error: string | null; actions: number }[] = [];
    let actions: { result: string; kind: string | null }[] = [];
    try {
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: database.url,
        // Two hourly ticks of an hourly persona (a daily one would not be due again: the
        // failed day's actions count as activity).
        days: 2 / 24,
        seed: 5,
        brain,
        start: new Date('2026-11-16T08:00:00Z'),
        target: loadTarget(TARGET, { env: {} }),
        onFinished: async (db) => {
          ticks = await selectRows(
            db,
            sql`select status, error, actions_count as actions from auth.persona_ticks order by started_at`,
          );
          actions = await selectRows(
            db,
            sql`select result, error_kind as kind from auth.persona_actions order by id`,
          );
        },
      });
      expect(ticks.map((t) => [t.status, t.error])).toEqual([
        ['failed', expect.stringMatching(/exited mid-day.*crashy: giving up/)],
        ['ok', null],
      ]);
      expect(summary.personaDays).toBe(2);
      expect(summary.failed).toBe(1);
    } finally {
      await database.drop();
    }
    // The first day kept its call before the crash and the one the crash cut off.
    expect(ticks[0]?.actions).toBe(2);
    expect(actions[0]).toEqual({ result: 'ok', kind: null });
    expect(actions[1]?.result).toBe('error');
    expect(ticks[1]?.actions).toBeGreaterThan(0);
  });
});
