import { describe, expect, it } from 'vitest';
import { estimateTokens, FakePromptCache } from './prompt-cache';

const ephemeral = { type: 'ephemeral' };
const tools = [
  { name: 'todo_list', input_schema: { type: 'object' } },
  { name: 'todo_create', input_schema: { type: 'object' }, cache_control: ephemeral },
];
const request = (system: string, user: string, withCache = true) => ({
  model: 'claude-sonnet-4-5',
  tools: withCache ? tools : tools.map(({ cache_control: _, ...t }) => t),
  system: [{ type: 'text', text: system, ...(withCache ? { cache_control: ephemeral } : {}) }],
  messages: [{ role: 'user', content: user }],
});

describe('the fake prompt cache', () => {
  it('writes the prefix up to the last breakpoint, then reads it; a changed system prompt reads only the tools', () => {
    const cache = new FakePromptCache();
    const first = cache.apply(request('You are Ben.', 'Plan your day.'));
    const written = first.cache?.cache_creation_input_tokens ?? 0;
    expect(first.cache?.cache_read_input_tokens).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(first.promptTokens).toBeGreaterThan(written);

    // Another day's user prompt: the cached prefix (tools and system) is read whole.
    const second = cache.apply(request('You are Ben.', 'Something else entirely.'));
    expect(second.cache).toEqual({
      cache_read_input_tokens: written,
      cache_creation_input_tokens: 0,
    });

    // Another persona with the same tools: the tools' breakpoint is read, its system written.
    const third = cache.apply(request('You are Clara, a much longer prompt.', 'Plan your day.'));
    const read = third.cache?.cache_read_input_tokens ?? 0;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(written);
    expect(read + (third.cache?.cache_creation_input_tokens ?? 0)).toBeGreaterThan(written);
  });

  it('reports no cache usage for a request without cache_control', () => {
    const cache = new FakePromptCache();
    const plain = cache.apply(request('You are Ben.', 'Plan your day.', false));
    expect(plain.cache).toBeUndefined();
    expect(plain.promptTokens).toBe(
      estimateTokens(
        JSON.stringify(tools[0]) +
          JSON.stringify({ name: 'todo_create', input_schema: { type: 'object' } }) +
          JSON.stringify({ type: 'text', text: 'You are Ben.' }) +
          JSON.stringify({ role: 'user', block: { type: 'text', text: 'Plan your day.' } }),
      ),
    );
  });
});
