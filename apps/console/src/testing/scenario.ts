import type { Database } from '@mana/db';
import { insertPersona, insertTick } from './seed';

/** The wall clock of the scenario. */
export const NOW = new Date('2026-03-20T12:00:00Z');

const HOUR = 3600 * 1000;

/** Ids and texts the scenario's assertions look for. */
export const SCENARIO = {
  anna: 'user-anna',
  marcus: 'user-marcus',
  badNote: 'Saving an entry lost my text again',
  goodNote: 'Journal is calm and quick',
  journalError: 'Internal error: the entry could not be saved',
  failedTick: 'tick-marcus-failed',
  failedTickError: 'MCP gateway timed out after 600000 ms',
  xssNote: '<script>alert("x")</script> todo is fine',
} as const;

/**
 * Two personas, 12 ticks each in the baseline week (journal rated 4–5, every call ok) and
 * in the recent week (journal rated 1–2 with complaints, `journal.create_entry` failing),
 * `todo` steady at 4 throughout, and one failed tick. Enough for both a rating drop of
 * `journal` and an error-rate jump of `journal.create_entry` to be significant.
 */
export async function seedScenario(db: Database): Promise<void> {
  await insertPersona(db, {
    id: SCENARIO.anna,
    name: 'Anna',
    archetype: 'adhd-student',
    locale: 'de',
    timezone: 'Europe/Berlin',
  });
  await insertPersona(db, { id: SCENARIO.marcus, name: 'Marcus', archetype: 'ceo-busy' });
  for (const [personaId, key] of [
    [SCENARIO.anna, 'anna'],
    [SCENARIO.marcus, 'marcus'],
  ] as const) {
    for (let i = 0; i < 12; i++) {
      const baseline = new Date(NOW.getTime() - (8 * 24 + i * 10 + 3) * HOUR);
      await insertTick(db, {
        id: `tick-${key}-b${i}`,
        personaId,
        at: baseline,
        actions: [
          { tool: 'journal.create_entry', result: 'ok', latencyMs: 80 + i },
          { tool: 'todo.list', result: 'ok', latencyMs: 30 },
        ],
        ratings: [
          { module: 'journal', rating: i % 2 === 0 ? 5 : 4, notes: SCENARIO.goodNote },
          {
            module: 'todo',
            rating: 4,
            notes: i === 0 && key === 'anna' ? SCENARIO.xssNote : 'fine',
          },
        ],
      });
      const recent = new Date(NOW.getTime() - (2 + i * 10) * HOUR);
      await insertTick(db, {
        id: `tick-${key}-r${i}`,
        personaId,
        at: recent,
        actions: [
          { tool: 'todo.list', result: 'ok', latencyMs: 35 },
          {
            tool: 'journal.create_entry',
            result: 'error',
            errorMessage: SCENARIO.journalError,
            latencyMs: 900 + i,
          },
        ],
        ratings: [
          { module: 'journal', rating: i % 3 === 0 ? 2 : 1, notes: SCENARIO.badNote },
          { module: 'todo', rating: 4, notes: 'fine' },
        ],
      });
    }
  }
  await insertTick(db, {
    id: SCENARIO.failedTick,
    personaId: SCENARIO.marcus,
    at: new Date(NOW.getTime() - HOUR),
    status: 'failed',
    error: SCENARIO.failedTickError,
    actions: [{ tool: 'todo.list', result: 'ok' }],
  });
}
