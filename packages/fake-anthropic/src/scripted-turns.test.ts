import { describe, expect, it } from 'vitest';
import type { FakeRequest } from './fake-anthropic';
import { scriptedTurns } from './scripted-turns';
import { sideRequestKind } from './side-requests';

// The title request as Claude Code 2.1.331 sends it when non-essential traffic is on.
const titleBody = {
  model: 'claude-opus-5-5',
  max_tokens: 128000,
  system: [
    { type: 'text', text: "You are a Claude agent, built on Anthropic's Claude Agent SDK." },
    { type: 'text', text: 'You are naming a coding session so the user can pick it out…' },
  ],
  messages: [{ role: 'user', content: [{ type: 'text', text: '<session>\nHi\n</session>' }] }],
  output_config: {
    effort: 'medium',
    format: {
      type: 'json_schema',
      schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
    },
  },
  stream: true,
};
const quotaBody = { model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'quota' }] };
const mainBody = {
  model: 'm',
  max_tokens: 128000,
  messages: [{ role: 'user', content: 'Hi' }],
  output_config: { effort: 'medium' },
};

function request(index: number, body: Record<string, unknown>): FakeRequest {
  return {
    index,
    body,
    headers: {},
    model: 'm',
    stream: true,
    maxTokens: undefined,
    system: '',
    toolNames: [],
    hasTools: false,
    messageCount: 1,
    toolResults: [],
    lastUserText: '',
    sideRequest: sideRequestKind(body),
  };
}

describe('sideRequestKind', () => {
  it('recognises the title and quota requests and nothing else', () => {
    expect(sideRequestKind(titleBody)).toBe('title');
    expect(sideRequestKind(quotaBody)).toBe('quota');
    expect(sideRequestKind(mainBody)).toBeUndefined();
    expect(sideRequestKind({ ...mainBody, max_tokens: 1 })).toBeUndefined();
  });
});

describe('scriptedTurns', () => {
  it('answers side requests itself and the conversation in order', async () => {
    const handler = scriptedTurns([
      { status: 429 },
      { toolUses: [{ name: 'todo', input: {} }] },
      (req) => ({ text: `turn at request ${req.index}` }),
    ]);
    expect(await handler(request(0, mainBody))).toEqual({ status: 429 });
    expect(await handler(request(1, titleBody))).toEqual({ text: '{"title":"Fake session"}' });
    expect(await handler(request(2, mainBody))).toMatchObject({ toolUses: [{ name: 'todo' }] });
    expect(await handler(request(3, quotaBody))).toMatchObject({ stopReason: 'max_tokens' });
    expect(await handler(request(4, mainBody))).toEqual({ text: 'turn at request 4' });
    expect(() => handler(request(5, mainBody))).toThrow('The script has 3 turns');
  });

  it('lets a test answer side requests its own way', async () => {
    const handler = scriptedTurns([], { side: (kind) => ({ text: `side:${kind}` }) });
    expect(await handler(request(0, titleBody))).toEqual({ text: 'side:title' });
  });
});
