import { describe, expect, it } from 'vitest';
import { moduleOfTool } from './target';

describe('moduleOfTool', () => {
  it('takes the prefix before the separator, and nothing without one', () => {
    expect(moduleOfTool({ separator: '.' }, 'todo.create')).toBe('todo');
    expect(moduleOfTool({ separator: '_' }, 'todo_create_many')).toBe('todo');
    expect(moduleOfTool({ separator: '__' }, 'github__create_issue')).toBe('github');
    expect(moduleOfTool({ separator: '.' }, 'create_entities')).toBeUndefined();
    expect(moduleOfTool({ separator: '_' }, '_private')).toBeUndefined();
    // A prefix that is no module name (upper case) maps nothing.
    expect(moduleOfTool({ separator: '_' }, 'Todo_create')).toBeUndefined();
  });

  it('follows an explicit map', () => {
    const rule = { map: { entities: ['create_entities'], relations: ['read_graph'] } };
    expect(moduleOfTool(rule, 'read_graph')).toBe('relations');
    expect(moduleOfTool(rule, 'delete_entities')).toBeUndefined();
  });
});
