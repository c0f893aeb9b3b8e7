import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../brains/types';
import { summarizeExperience } from './experience';

const call = (toolName: string, extra: Partial<ToolCall> = {}): ToolCall => ({
  toolName,
  module: toolName.slice(0, toolName.indexOf('.')),
  input: {},
  result: 'ok',
  latencyMs: 10,
  ...extra,
});
const error = (toolName: string, errorKind: ToolCall['errorKind'], message = 'nope') =>
  call(toolName, { result: 'error', errorKind, errorMessage: message });

describe('summarizeExperience', () => {
  it('tells refused input apart from the app failing, and counts checks and failed checks', () => {
    const [todo, notes] = summarizeExperience([
      call('todo.create', {
        check: { status: 'failed', by: 1, expected: 'a todo "Milk"', seen: 'not listed' },
      }),
      call('todo.list', { checkOf: 0 }),
      call('todo.create', { check: { status: 'passed', by: 3 } }),
      call('todo.recent', {
        check: { status: 'failed', by: 4, expected: 'a todo', seen: 'left out' },
      }),
      error('todo.complete', 'invalid_input', 'No todo with id 1'),
      error('todo.update', 'app_error', 'todo.update failed unexpectedly'),
      error('todo.update', 'timeout'),
      call('notes.list'),
    ]);
    expect(todo).toMatchObject({
      module: 'todo',
      calls: 7,
      errors: 3,
      invalidInputs: 1,
      checks: 3,
      failedChecks: 2,
      failedCheckSamples: [
        { toolName: 'todo.create', expected: 'a todo "Milk"', seen: 'not listed' },
        { toolName: 'todo.recent', expected: 'a todo', seen: 'left out' },
      ],
    });
    expect(notes).toMatchObject({
      calls: 1,
      errors: 0,
      invalidInputs: 0,
      checks: 0,
      failedChecks: 0,
    });
    expect(notes?.failedCheckSamples).toEqual([]);
  });

  it('counts an error without a kind as the app failing', () => {
    const [todo] = summarizeExperience([error('todo.create', undefined)]);
    expect(todo).toMatchObject({ errors: 1, invalidInputs: 0 });
  });
});
