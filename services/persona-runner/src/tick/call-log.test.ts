import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../brains/types';
import { CallLog } from './call-log';

const ok = (toolName: string, extra: Partial<ToolCall> = {}): ToolCall => ({
  toolName,
  module: toolName.slice(0, toolName.indexOf('.')),
  input: {},
  result: 'ok',
  latencyMs: 3,
  ...extra,
});
const failed = (toolName: string): ToolCall =>
  ok(toolName, { result: 'error', errorMessage: 'nope', errorKind: 'invalid_input' });

/** A log and the warnings it wrote. */
function logWithWarnings() {
  const warnings: string[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => warnings.push(JSON.parse(line).msg as string) },
  );
  return { log: new CallLog(logger), warnings };
}

describe('CallLog', () => {
  it('answers each call its index in the day, in order', () => {
    const { log } = logWithWarnings();
    expect(log.record(ok('todo.list'))).toBe(0);
    expect(log.record(ok('todo.create'))).toBe(1);
    expect(log.record(failed('todo.complete'))).toBe(2);
    expect(log.calls.map((c) => c.toolName)).toEqual(['todo.list', 'todo.create', 'todo.complete']);
  });

  it('sets a verdict on an earlier ok call, the latest one winning', () => {
    const { log } = logWithWarnings();
    const write = log.record(ok('todo.create'));
    const probe = log.record(ok('todo.list', { checkOf: write }));
    log.judge(write, { status: 'passed', by: probe });
    log.judge(write, { status: 'failed', by: probe, expected: 'a todo', seen: 'none' });
    expect(log.calls[write]?.check).toEqual({
      status: 'failed',
      by: probe,
      expected: 'a todo',
      seen: 'none',
    });
    expect(log.calls[probe]).toMatchObject({ checkOf: write });
    expect(log.calls[probe]?.check).toBeUndefined();
  });

  it('ignores, with a log line, a verdict on an unknown index or a failed call', () => {
    const { log, warnings } = logWithWarnings();
    log.record(ok('todo.list'));
    const error = log.record(failed('todo.create'));
    for (const index of [-1, 2, 99, 0.5, Number.NaN]) log.judge(index, { status: 'failed' });
    log.judge(error, { status: 'failed' });
    expect(log.calls.map((c) => c.check)).toEqual([undefined, undefined]);
    expect(warnings).toEqual([
      ...Array(5).fill('verdict on an unknown call; ignored'),
      'verdict on a failed call; ignored',
    ]);
  });

  it('keeps rows the wire takes: kinds only on errors, verdicts only on ok calls, links backwards', () => {
    const { log, warnings } = logWithWarnings();
    log.record(ok('todo.list', { errorKind: 'app_error', checkOf: 0 }));
    log.record(failed('todo.create'));
    log.record({ ...failed('todo.update'), check: { status: 'passed' } });
    log.record(ok('todo.list', { checkOf: 1, check: { status: 'passed', by: 7 } }));
    expect(log.calls[0]?.errorKind).toBeUndefined();
    expect(log.calls[0]?.checkOf).toBeUndefined();
    expect(log.calls[1]?.errorKind).toBe('invalid_input');
    expect(log.calls[2]?.check).toBeUndefined();
    // A verdict given with the call is kept; a `by` naming no call is dropped.
    expect(log.calls[3]).toMatchObject({ checkOf: 1, check: { status: 'passed' } });
    expect(log.calls[3]?.check?.by).toBeUndefined();
    expect(warnings).toContain('checkOf names no earlier call; dropped');
  });

  it('cuts texts to the wire’s limit', () => {
    const { log } = logWithWarnings();
    log.record(ok('todo.create'));
    log.judge(0, { status: 'failed', expected: 'e'.repeat(900), seen: 's'.repeat(501) });
    expect(log.calls[0]?.check?.expected).toHaveLength(500);
    expect(log.calls[0]?.check?.seen?.endsWith('…')).toBe(true);
  });

  it('takes nothing once the day has ended', () => {
    const { log, warnings } = logWithWarnings();
    const index = log.record(ok('todo.create'));
    log.end();
    expect(log.record(ok('todo.list'))).toBe(-1);
    log.judge(index, { status: 'failed' });
    expect(log.calls).toHaveLength(1);
    expect(log.calls[0]?.check).toBeUndefined();
    expect(warnings).toEqual([
      'tool call reported after the day ended; not stored',
      'verdict reported after the day ended; not stored',
    ]);
  });
});
