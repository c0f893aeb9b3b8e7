import { describe, expect, it } from 'vitest';
import { actionId, actionRowSchema } from './actions';
import { personaTickId, runTickId, tickIdSchema, tickRecordSchema } from './ticks';
import { accessTokenClaimsSchema } from './token';

describe('tick ids', () => {
  it('are the runner and the time to the second, then the persona', () => {
    const run = runTickId('host-1', new Date('2026-11-25T09:15:00.123Z'));
    expect(run).toBe('host-1-20261125T091500Z');
    const tick = personaTickId(run, 'persona.anna@mana.test');
    expect(tick).toMatch(/^host-1-20261125T091500Z-persona\.anna-[0-9a-f]{6}$/);
    expect(personaTickId(run, 'PERSONA.ANNA@mana.test').slice(-6)).toBe(tick.slice(-6));
    expect(tickIdSchema.safeParse(tick).success).toBe(true);
  });

  it('make deterministic row ids', () => {
    expect(actionId({ tickId: 't1', index: 3, toolName: 'todo.list' })).toBe('t1-3-todo.list');
  });
});

describe('wire schemas', () => {
  it('name the field of a bad action row', () => {
    const parsed = actionRowSchema.safeParse({
      tickId: 't1',
      index: 0,
      toolName: 'todo.list',
      module: 'todo',
      spaceId: 's1',
      result: 'maybe',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['result']);
  });

  it('refuse a tick that finished before it started', () => {
    const parsed = tickRecordSchema.safeParse({
      status: 'ok',
      startedAt: '2026-11-25T09:00:00Z',
      finishedAt: '2026-11-25T08:00:00Z',
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['finishedAt']);
  });

  it('read token claims with least-privileged defaults', () => {
    expect(accessTokenClaimsSchema.parse({ sub: 'u1', kind: 'robot' })).toEqual({
      userId: 'u1',
      email: '',
      kind: 'human',
      role: 'user',
    });
    expect(accessTokenClaimsSchema.safeParse({ email: 'a@b.c' }).success).toBe(false);
  });
});
