import type { SDKMessage } from '@anthropic-ai/claude-agent-sdk';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../types';
import { REPORT_CHECK_SDK_NAME } from './report-check';
import { toolCallTracker } from './tool-call-tracker';
import { toolNameResolver } from './tool-names';

const assistant = (uses: { id: string; name: string }[]) =>
  ({
    type: 'assistant',
    message: { content: uses.map((u) => ({ type: 'tool_use', input: {}, ...u })) },
  }) as unknown as SDKMessage;

const user = (id: string, result: { isError?: boolean; text: string; meta?: unknown }) =>
  ({
    type: 'user',
    message: {
      content: [
        { type: 'tool_result', tool_use_id: id, is_error: result.isError, content: result.text },
      ],
    },
    tool_use_result: { content: result.text, ...(result.meta ? { _meta: result.meta } : {}) },
  }) as unknown as SDKMessage;

function tracker() {
  const calls: ToolCall[] = [];
  const warnings: string[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => warnings.push(JSON.parse(line).msg as string) },
  );
  const t = toolCallTracker({
    resolve: toolNameResolver([{ toolName: 'todo.create', module: 'todo' }], ['todo']),
    record: (call) => calls.push(call) - 1,
    ownTool: (name) => name === REPORT_CHECK_SDK_NAME,
    logger,
  });
  return { t, calls, warnings };
}

describe('toolCallTracker', () => {
  it('answers the recorded index of a call by its tool_use id, waiting for a result on its way', async () => {
    const { t, calls } = tracker();
    t.observe(assistant([{ id: 'toolu_a', name: 'mcp__mana__todo_create' }]));
    const waiting = t.recorded('toolu_a', 5_000);
    t.observe(user('toolu_a', { text: '{"todo":{}}' }));
    expect(await waiting).toEqual({ index: 0, result: 'ok' });
    expect(await t.recorded('toolu_a', 0)).toEqual({ index: 0, result: 'ok' });
    expect(await t.recorded('toolu_never', 10)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('takes an error’s kind from the result’s _meta, else from its text', async () => {
    const { t, calls } = tracker();
    t.observe(assistant([{ id: 'toolu_a', name: 'mcp__mana__todo_create' }]));
    t.observe(
      user('toolu_a', {
        isError: true,
        text: 'title is required',
        meta: { 'mana/errorKind': 'app_error' },
      }),
    );
    t.observe(assistant([{ id: 'toolu_b', name: 'mcp__mana__todo_create' }]));
    t.observe(
      user('toolu_b', {
        isError: true,
        text: '<tool_use_error>title is required</tool_use_error>',
      }),
    );
    t.observe(assistant([{ id: 'toolu_c', name: 'mcp__mana__todo_create' }]));
    t.flushUnanswered('No result: the day ended before this call returned');
    expect(calls.map((c) => [c.errorMessage, c.errorKind])).toEqual([
      ['title is required', 'app_error'],
      ['title is required', 'invalid_input'],
      ['No result: the day ended before this call returned', 'timeout'],
    ]);
    expect(await t.recorded('toolu_b', 0)).toEqual({ index: 1, result: 'error' });
  });

  it('records nothing for the persona’s own report tool, and does not warn about it', () => {
    const { t, calls, warnings } = tracker();
    t.observe(assistant([{ id: 'toolu_r', name: REPORT_CHECK_SDK_NAME }]));
    t.observe(assistant([{ id: 'toolu_x', name: 'Bash' }]));
    t.observe(user('toolu_r', { text: 'Noted' }));
    expect(calls).toEqual([]);
    expect(warnings).toEqual(['the model called a tool outside the gateway']);
  });
});
