import { describe, expect, it } from 'vitest';
import {
  allToolResults,
  lastUserText,
  systemText,
  toolDefinition,
  toolNames,
  toolResults,
  toolUsesInHistory,
} from './conversation';

// Shaped like the second request of a real Claude Code run (see README): the environment
// arrives as a `role: "system"` message and successful results carry block content.
const body = {
  system: [
    { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.331' },
    { type: 'text', text: "You are a Claude agent, built on Anthropic's Claude Agent SDK." },
  ],
  tools: [
    { name: 'DeferredToolPlaceholder', input_schema: { type: 'object' }, defer_loading: true },
    { name: 'mcp__mana__todo_create', input_schema: { type: 'object', required: ['title'] } },
  ],
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Create a todo called Milk.' }] },
    { role: 'system', content: '# Environment' },
    {
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'toolu_1', name: 'mcp__mana__todo_create', input: { title: 'M' } },
      ],
    },
    {
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_1',
          content: [{ type: 'text', text: '{"id":1}' }],
        },
      ],
    },
    {
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_2', name: 'mcp__mana__todo_fail', input: {} }],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_2', is_error: true, content: 'Locked' },
        { type: 'text', text: 'Carry on.' },
      ],
    },
  ],
};

describe('conversation readers', () => {
  it('joins a block system prompt with role "system" messages', () => {
    expect(systemText(body)).toBe(
      "x-anthropic-billing-header: cc_version=2.1.331\nYou are a Claude agent, built on Anthropic's Claude Agent SDK.\n# Environment",
    );
    expect(systemText({ system: 'Plain' })).toBe('Plain');
  });

  it('lists offered tools and finds one definition', () => {
    expect(toolNames(body)).toEqual(['DeferredToolPlaceholder', 'mcp__mana__todo_create']);
    expect(toolDefinition(body, 'mcp__mana__todo_create')?.input_schema).toEqual({
      type: 'object',
      required: ['title'],
    });
    expect(toolNames({})).toEqual([]);
  });

  it('reads the tool results of the latest user message only', () => {
    expect(toolResults(body)).toEqual([
      { toolUseId: 'toolu_2', isError: true, text: 'Locked', raw: body.messages[5]?.content[0] },
    ]);
    expect(allToolResults(body).map((r) => [r.toolUseId, r.isError, r.text])).toEqual([
      ['toolu_1', false, '{"id":1}'],
      ['toolu_2', true, 'Locked'],
    ]);
    expect(lastUserText(body)).toBe('Carry on.');
  });

  it('lists the tool calls of the history, pairable with results by id', () => {
    expect(toolUsesInHistory(body)).toEqual([
      { id: 'toolu_1', name: 'mcp__mana__todo_create', input: { title: 'M' } },
      { id: 'toolu_2', name: 'mcp__mana__todo_fail', input: {} },
    ]);
  });

  it('tolerates bodies that are not Messages requests at all', () => {
    for (const junk of [undefined, null, 'text', 42, { messages: 'no' }, { messages: [null, 1] }]) {
      expect(toolResults(junk)).toEqual([]);
      expect(systemText(junk)).toBe('');
      expect(lastUserText(junk)).toBe('');
    }
  });
});
