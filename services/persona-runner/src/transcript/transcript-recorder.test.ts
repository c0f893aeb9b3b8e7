import {
  MAX_TRANSCRIPT_DAY_CHARS,
  MAX_TRANSCRIPT_ENTRY_CHARS,
  transcriptSchema,
} from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../brains/types';
import { TranscriptRecorder } from './transcript-recorder';

const call = (extra: Partial<ToolCall> = {}): ToolCall => ({
  toolName: 'todo.create',
  module: 'todo',
  input: { title: 'Buy milk' },
  result: 'ok',
  latencyMs: 5,
  output: { todo: { id: 't1', title: 'Buy milk' } },
  ...extra,
});

describe('TranscriptRecorder', () => {
  it('writes turns, each call with its input and answer, and the rating phase', () => {
    const r = new TranscriptRecorder();
    r.turn('system', 'You are Anna.');
    r.turn('assistant', '   ');
    r.toolCall(call(), 0);
    r.toolCall(call({ result: 'error', errorMessage: 'title is required', output: undefined }), 1);
    r.startRating();
    r.turn('assistant', '{"ratings":[]}');
    const t = r.transcript();
    expect(transcriptSchema.parse(t)).toEqual(t);
    expect(t?.entries).toEqual([
      { role: 'system', phase: 'day', text: 'You are Anna.' },
      {
        role: 'tool_call',
        phase: 'day',
        toolName: 'todo.create',
        call: 0,
        text: '{"title":"Buy milk"}',
      },
      {
        role: 'tool_result',
        phase: 'day',
        toolName: 'todo.create',
        call: 0,
        text: '{"todo":{"id":"t1","title":"Buy milk"}}',
      },
      {
        role: 'tool_call',
        phase: 'day',
        toolName: 'todo.create',
        call: 1,
        text: '{"title":"Buy milk"}',
      },
      {
        role: 'tool_result',
        phase: 'day',
        toolName: 'todo.create',
        call: 1,
        text: 'title is required',
        isError: true,
      },
      { role: 'assistant', phase: 'rating', text: '{"ratings":[]}' },
    ]);
    expect(t?.dropped).toBe(0);
  });

  it('redacts secrets in inputs, outputs and turns before keeping them', () => {
    const r = new TranscriptRecorder();
    const token = 'Bearer abcdefghijklmnop.qrstuv';
    r.toolCall(
      call({ input: { password: 'hunter22' }, output: { header: `Authorization: ${token}` } }),
      0,
    );
    r.turn('assistant', `my key is sk-ant-api03-${'z'.repeat(24)}`);
    const text = JSON.stringify(r.transcript());
    expect(text).not.toContain('abcdefghijklmnop');
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('zzzzzzzz');
    expect(text).toContain('[redacted]');
  });

  it('cuts a long entry and drops entries past the day cap, keeping room for the rating', () => {
    const r = new TranscriptRecorder();
    r.toolCall(call({ output: 'x'.repeat(MAX_TRANSCRIPT_ENTRY_CHARS * 3) }), 0);
    const first = r.transcript()?.entries[1];
    expect(first?.text.length).toBe(MAX_TRANSCRIPT_ENTRY_CHARS);
    expect(first?.truncated).toBe(true);
    expect(first?.text).toMatch(/\[cut, 12000 characters\]$/);
    for (let i = 1; i < 100; i++) r.toolCall(call({ output: 'y'.repeat(5_000) }), i);
    r.startRating();
    r.turn('user', 'rate your day');
    r.turn('assistant', '{"ratings":[]}');
    const t = r.transcript();
    expect(transcriptSchema.safeParse(t).success).toBe(true);
    expect(t?.dropped).toBeGreaterThan(0);
    const chars = t?.entries.reduce((n, e) => n + e.text.length, 0) ?? 0;
    expect(chars).toBeLessThanOrEqual(MAX_TRANSCRIPT_DAY_CHARS);
    expect(t?.entries.slice(-2).map((e) => e.phase)).toEqual(['rating', 'rating']);
  });

  it('cutting inside an emoji leaves no lone surrogate (the store refuses one)', () => {
    // One of the two offsets puts the cut between the halves of an emoji.
    for (const lead of ['', 'a']) {
      const r = new TranscriptRecorder();
      r.toolCall(call({ output: lead + '🤯'.repeat(MAX_TRANSCRIPT_ENTRY_CHARS) }), 0);
      const t = r.transcript();
      expect(t?.entries[1]?.truncated).toBe(true);
      expect(transcriptSchema.safeParse(t).success).toBe(true);
    }
  });

  it('takes nothing after the day ended, and has nothing to send for an empty day', () => {
    const r = new TranscriptRecorder();
    expect(r.transcript()).toBeUndefined();
    r.end();
    r.turn('assistant', 'too late');
    r.toolCall(call(), 0);
    expect(r.transcript()).toBeUndefined();
  });
});
