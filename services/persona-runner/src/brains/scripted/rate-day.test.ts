import type { DuePersona } from '@mana/contracts';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseRatings } from '../../ratings/parse-ratings';
import type { DayContext, ModuleExperience } from '../types';
import { createScriptedBrain } from './index';

/** A day as the rating turn sees it: no gateway is touched when rating. */
function dayOf(locale: 'de' | 'en', archetype: string): DayContext {
  const persona: DuePersona = {
    email: `persona.${archetype}@mana.test`,
    name: 'Test',
    userId: 'u1',
    lastActiveAt: null,
    archetype,
    systemPrompt: 'You are a test persona.',
    moduleMix: { todo: 0.5, journal: 0.5 },
    tickCadence: 'daily',
    locale,
    timezone: 'UTC',
    traits: {},
  };
  return {
    persona,
    tickId: 't1',
    now: new Date('2026-11-20T09:00:00Z'),
    gateway: { url: 'http://127.0.0.1:9/mcp', headers: {} },
    space: { id: 's1', name: 'Test', type: 'personal' },
    modules: ['todo', 'journal'],
    signal: new AbortController().signal,
    coverage: new Map(),
    record: () => -1,
    judge: () => {},
    stopwatch: () => performance.now(),
    transcript: { turn: () => {} },
    logger: pino({ level: 'silent' }),
  };
}

function experience(module: string, over: Partial<ModuleExperience> = {}): ModuleExperience {
  return {
    module,
    calls: 4,
    errors: 0,
    invalidInputs: 0,
    tools: [`${module}.list`, `${module}.create`],
    errorSamples: [],
    checks: 0,
    failedChecks: 0,
    failedCheckSamples: [],
    latencyP50Ms: 20,
    latencyMaxMs: 40,
    slowest: { toolName: `${module}.create`, latencyMs: 40 },
    ...over,
  };
}

const failing = (module: string, errors: number, calls = 4) =>
  experience(module, {
    calls,
    errors,
    errorSamples: [
      { toolName: `${module}.create`, message: 'No journal entry with id 123 in this space' },
    ],
  });

async function rate(day: DayContext, modules: ModuleExperience[], seed = 7) {
  const { text, usage } = await createScriptedBrain({ seed }).rateDay(day, modules);
  expect(usage).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
  return {
    text,
    ratings: parseRatings(
      text,
      modules.map((m) => m.module),
    ),
  };
}

describe('scripted rateDay', () => {
  it('answers valid rating JSON for exactly the modules experienced', async () => {
    const { text, ratings } = await rate(dayOf('en', 'ceo-busy'), [
      experience('todo'),
      experience('journal'),
    ]);
    expect(JSON.parse(text).ratings).toHaveLength(2);
    expect(ratings.map((r) => r.module)).toEqual(['todo', 'journal']);
  });

  it('rates a clean fast module 4–5 and an all-failing one 1, falling with the error share', async () => {
    const day = dayOf('en', 'researcher');
    const { ratings } = await rate(day, [
      experience('todo'),
      failing('journal', 4),
      failing('notes', 2),
      failing('mood', 1),
    ]);
    const by = Object.fromEntries(ratings.map((r) => [r.module, r.rating]));
    expect(by.todo).toBeGreaterThanOrEqual(4);
    expect(by.journal).toBe(1);
    expect(by.notes).toBe(3);
    expect(by.mood).toBe(4);
  });

  it('marks slowness down: a slowest call over 1 s and a median over 500 ms each cost a point', async () => {
    const day = dayOf('de', 'adhd-student');
    const { ratings } = await rate(day, [
      experience('todo', {
        latencyMaxMs: 1800,
        latencyP50Ms: 700,
        slowest: { toolName: 'todo.list', latencyMs: 1800 },
      }),
      experience('journal', {
        latencyMaxMs: 1500,
        slowest: { toolName: 'journal.list', latencyMs: 1500 },
      }),
    ]);
    expect(ratings.find((r) => r.module === 'todo')?.rating).toBe(3);
    expect(ratings.find((r) => r.module === 'journal')?.rating).toBe(4);
    expect(ratings[0]?.notes).toContain('todo.list');
    expect(ratings[0]?.notes).toContain('1800 ms');
  });

  it('cites the evidence in the persona language: counts, failing tool, message, slowest call', async () => {
    const { ratings: de } = await rate(dayOf('de', 'adhd-student'), [failing('journal', 3)]);
    expect(de[0]?.notes).toMatch(/^4 Aufrufe \(journal\.list, journal\.create\), 3 Fehler\./);
    expect(de[0]?.notes).toContain('journal.create meldete „No journal entry with id 123');
    expect(de[0]?.notes).toContain('Langsamster Aufruf: journal.create mit 40 ms');
    const { ratings: en } = await rate(dayOf('en', 'freelancer'), [failing('journal', 3)]);
    expect(en[0]?.notes).toMatch(/^4 calls \(journal\.list, journal\.create\), 3 errors\./);
    expect(en[0]?.notes).toContain('journal.create said "No journal entry with id 123');
    expect(en[0]?.notes).toContain('Slowest call: journal.create at 40 ms');
  });

  it('shortens long error messages', async () => {
    const long = 'x'.repeat(500);
    const { ratings } = await rate(dayOf('en', 'solo-dev'), [
      experience('todo', { errors: 1, errorSamples: [{ toolName: 'todo.create', message: long }] }),
    ]);
    expect(ratings[0]?.notes).toContain('…');
    expect(ratings[0]?.notes.length).toBeLessThan(300);
  });

  it('is deterministic for a seed and day, and answers nothing for no modules', async () => {
    const day = dayOf('en', 'ceo-busy');
    const modules = [experience('todo'), experience('journal'), failing('notes', 1)];
    expect((await rate(day, modules, 1)).text).toBe((await rate(day, modules, 1)).text);
    const { text } = await rate(day, []);
    expect(JSON.parse(text)).toEqual({ ratings: [] });
  });

  it('marks a failed check down harder than an app failure, and that harder than a refused input', async () => {
    const day = dayOf('en', 'adhd-student');
    const sample = { toolName: 'todo.create', message: 'Invalid input for todo.create: title' };
    const { ratings } = await rate(day, [
      experience('todo', { calls: 6, errors: 1, invalidInputs: 1, errorSamples: [sample] }),
      experience('journal', { calls: 6, errors: 1, errorSamples: [sample] }),
      experience('notes', {
        calls: 6,
        checks: 2,
        failedChecks: 1,
        failedCheckSamples: [{ toolName: 'notes.create', expected: 'a note', seen: 'none' }],
      }),
    ]);
    const by = Object.fromEntries(ratings.map((r) => [r.module, r.rating]));
    expect(by.todo).toBe(5);
    expect(by.journal).toBe(4);
    expect(by.notes).toBe(3);
    // Every call the app refused still makes a module hard to use.
    const { ratings: refused } = await rate(day, [
      experience('mood', { errors: 4, invalidInputs: 4 }),
    ]);
    expect(refused[0]?.rating).toBe(2);
  });

  it('cites a failed check in the persona’s voice, and tells its own refused input apart', async () => {
    const failedCheck = experience('todo', {
      errors: 2,
      invalidInputs: 1,
      errorSamples: [{ toolName: 'todo.complete', message: 'No todo with id 1 in this space' }],
      checks: 2,
      failedChecks: 2,
      failedCheckSamples: [
        {
          toolName: 'todo.create',
          expected: 'a todo "Buy milk" (id 3f2a…) in todo.list',
          seen: 'not in the 12 todos listed',
        },
      ],
    });
    const { ratings: en } = await rate(dayOf('en', 'freelancer'), [failedCheck]);
    expect(en[0]?.notes).toMatch(
      /^4 calls \(todo\.list, todo\.create\), 2 errors\. 1 of them was my input being refused\./,
    );
    expect(en[0]?.notes).toContain(
      'I double-checked todo.create and it did not hold up (2 times today): expected a todo "Buy milk" (id 3f2a…) in todo.list, but saw not in the 12 todos listed.',
    );
    const { ratings: de } = await rate(dayOf('de', 'adhd-student'), [failedCheck]);
    expect(de[0]?.notes).toMatch(
      /^4 Aufrufe \(todo\.list, todo\.create\), 2 Fehler\. 1 davon lag an meiner Eingabe\./,
    );
    expect(de[0]?.notes).toContain(
      'Ich hab nach todo.create nochmal nachgesehen und es stimmte nicht (2× heute): erwartet war a todo "Buy milk" (id 3f2a…) in todo.list, gesehen habe ich not in the 12 todos listed.',
    );
    expect(en[0]?.rating).toBeLessThanOrEqual(2);
  });
});
