import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../brains/types';
import { summarizeExperience } from '../tick/experience';
import { DAY_LOG_MAX_CALLS } from './day-log';
import { ratingPrompt } from './prompt';

const day: ToolCall[] = [
  {
    toolName: 'todo.create',
    module: 'todo',
    input: { title: 'Milk' },
    result: 'ok',
    output: { todo: { id: 't1', title: 'Milk' } },
    latencyMs: 41.6,
    check: { status: 'failed', by: 2, expected: 'Milk in the list', seen: 'an empty list' },
  },
  {
    toolName: 'todo.complete',
    module: 'todo',
    input: { id: 'nope' },
    result: 'error',
    errorKind: 'invalid_input',
    errorMessage: 'No todo with id nope in this space',
    latencyMs: 12,
  },
  {
    toolName: 'todo.list',
    module: 'todo',
    input: {},
    result: 'ok',
    output: { todos: [] },
    latencyMs: 1_250,
  },
];

describe('rating prompt', () => {
  it('holds the day call by call: inputs, results, errors with kinds, latencies, failed checks', () => {
    const prompt = ratingPrompt({ locale: 'en' }, summarizeExperience(day), day);
    expect(prompt).toContain(
      [
        'Your day, call by call:',
        '1. todo.create {"title":"Milk"} → ok {"todo":{"id":"t1","title":"Milk"}} (42 ms); you checked it: failed (expected Milk in the list; saw an empty list)',
        '2. todo.complete {"id":"nope"} → error (invalid_input): No todo with id nope in this space (12 ms)',
        '3. todo.list {} → ok {"todos":[]} (1250 ms)',
      ].join('\n'),
    );
    expect(prompt).toMatch(/Answer ONLY with JSON/);
    expect(prompt.indexOf('call by call')).toBeLessThan(prompt.indexOf('Answer ONLY'));
  });

  it('speaks German to German personas and stays as before without calls', () => {
    const de = ratingPrompt({ locale: 'de' }, summarizeExperience(day), day);
    expect(de).toContain('Dein Tag, Aufruf für Aufruf:');
    expect(de).toContain(
      'du hast es geprüft: failed (erwartet Milk in the list; gesehen an empty list)',
    );
    expect(ratingPrompt({ locale: 'en' }, summarizeExperience(day))).not.toContain('call by call');
  });

  it('clips long texts and lists at most the first calls of a long day', () => {
    const many: ToolCall[] = Array.from({ length: DAY_LOG_MAX_CALLS + 5 }, () => ({
      toolName: 'notes.create',
      module: 'notes',
      input: { body: 'x'.repeat(1_000) },
      result: 'ok',
      latencyMs: 5,
    }));
    const prompt = ratingPrompt({ locale: 'en' }, summarizeExperience(many), many);
    expect(prompt).toContain('… and 5 more calls');
    expect(prompt).not.toContain('x'.repeat(200));
    expect(prompt.length).toBeLessThan(12_000);
  });
});
