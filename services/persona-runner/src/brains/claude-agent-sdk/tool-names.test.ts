import { describe, expect, it } from 'vitest';
import { sdkToolName, toolNameResolver } from './tool-names';

describe('tool names', () => {
  it('mangles app names the way Claude Code does', () => {
    expect(sdkToolName('todo.create')).toBe('mcp__mana__todo_create');
    expect(sdkToolName('habits.recent_logs')).toBe('mcp__mana__habits_recent_logs');
  });

  it('reads names back through the listed tools, whatever underscores they hold', () => {
    const resolve = toolNameResolver(
      [
        { toolName: 'habits.recent_logs', module: 'habits' },
        { toolName: 'daily_log.add', module: 'daily_log' },
      ],
      ['habits', 'daily_log'],
    );
    expect(resolve('mcp__mana__habits_recent_logs')).toEqual({
      toolName: 'habits.recent_logs',
      module: 'habits',
    });
    expect(resolve('mcp__mana__daily_log_add')).toEqual({
      toolName: 'daily_log.add',
      module: 'daily_log',
    });
  });

  it('reads an unlisted gateway name from the CLI note, else after the longest module', () => {
    const resolve = toolNameResolver([], ['daily', 'daily_log']);
    expect(resolve('mcp__mana__daily_log_made_up', 'daily_log.made_up')).toEqual({
      toolName: 'daily_log.made_up',
      module: 'daily_log',
    });
    expect(resolve('mcp__mana__daily_log_made_up')).toEqual({
      toolName: 'daily_log.made_up',
      module: 'daily_log',
    });
    expect(resolve('mcp__mana__other_thing')).toEqual({
      toolName: 'other.thing',
      module: 'other',
    });
  });

  it('answers undefined for tools outside the gateway', () => {
    expect(toolNameResolver([], ['todo'])('Bash')).toBeUndefined();
    expect(toolNameResolver([], ['todo'])('mcp__other__todo_list')).toBeUndefined();
  });
});
