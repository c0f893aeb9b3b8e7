import { selectRows } from '@mana/db';
import { createTestDatabase, testDatabaseTarget } from '@mana/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assertWorkersDatabase,
  simulateWithWorkers,
  WorkersNeedPostgresError,
} from './simulate-workers';

const START = new Date('2026-11-25T00:00:00Z'); // a Wednesday: weekday personas are due
const secrets = {
  serviceKey: 'sim-workers-service-key',
  authSecret: 'sim-workers-better-auth-secret-0123456789',
  seedSecret: 'sim-workers-seed-secret',
};
const scripted = { brain: 'scripted' as const, scriptedSeed: 1, processEnv: {} };

describe('simulate --workers N', () => {
  it('refuses more than one worker on the embedded PGlite, before starting anything', async () => {
    for (const url of [undefined, '', 'memory://', 'file:.data/pglite']) {
      expect(() => assertWorkersDatabase(url, 2)).toThrow(WorkersNeedPostgresError);
      expect(() => assertWorkersDatabase(url, 1)).not.toThrow();
    }
    expect(() => assertWorkersDatabase('postgres://u@127.0.0.1:1/db', 3)).not.toThrow();
    await expect(
      simulateWithWorkers({
        databaseUrl: 'memory://',
        workers: 2,
        days: 1,
        seed: 1,
        brain: scripted,
        ...secrets,
      }),
    ).rejects.toThrow(/--workers 2 needs a PostgreSQL server/);
  });

  // Issue 11 item 5: two runner processes on one database each lived every due persona.
  it.skipIf(testDatabaseTarget() !== 'postgres')(
    'two worker processes live every persona-day of three simulated hours exactly once',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase();
      try {
        const summary = await simulateWithWorkers({
          databaseUrl: database.url,
          workers: 2,
          // Three hours: every persona is due in the first (never active), the hourly ones
          // in each; a whole day only adds hourly days and time.
          days: 3 / 24,
          start: START,
          now: new Date('2026-11-27T00:00:00Z'),
          seed: 1,
          brain: scripted,
          concurrency: 2,
          ...secrets,
        });
        expect(summary.ticks).toBe(3);
        const ticks = await selectRows<{
          email: string;
          cadence: string;
          status: string;
          hour: string;
          runner: string;
        }>(
          database.db,
          sql`select u.email, p.tick_cadence as cadence, t.status,
                     date_trunc('hour', t.started_at)::text as hour, t.runner_id as runner
              from auth.persona_ticks t
              join auth.users u on u.id = t.persona_id
              join auth.personas p on p.user_id = t.persona_id`,
        );
        expect(ticks.filter((t) => t.status !== 'ok')).toEqual([]);
        expect(ticks).toHaveLength(summary.personaDays);
        // Nobody lived twice in one hour; daily and weekday personas once, hourly ones
        // once an hour.
        const perHour = new Map<string, number>();
        for (const t of ticks)
          perHour.set(`${t.email} ${t.hour}`, (perHour.get(`${t.email} ${t.hour}`) ?? 0) + 1);
        expect([...perHour.values()].filter((n) => n > 1)).toEqual([]);
        const perPersona = new Map<string, { cadence: string; n: number }>();
        for (const t of ticks) {
          const entry = perPersona.get(t.email) ?? { cadence: t.cadence, n: 0 };
          entry.n++;
          perPersona.set(t.email, entry);
        }
        expect(perPersona.size).toBe(10);
        for (const [email, { cadence, n }] of perPersona) {
          if (cadence === 'hourly') expect(n, email).toBe(3);
          else expect(n, email).toBe(1);
        }
        // The days were lived by the workers' own runners.
        expect(ticks.every((t) => /^sim-w[01]$/.test(t.runner))).toBe(true);
        const [actions] = await selectRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from auth.persona_actions`,
        );
        expect(actions?.n).toBe(summary.actions);
      } finally {
        await database.close();
      }
    },
  );
});
