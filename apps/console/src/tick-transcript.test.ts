import type { TranscriptEntry } from '@mana/contracts';
import { personaTranscripts } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';
import { insertPersona, insertTick } from './testing/seed';

const NOW = new Date('2026-03-20T12:00:00Z');
const LONG = `{"todos":[${Array.from({ length: 40 }, (_, i) => `{"id":"t${i}","title":"Task ${i}"}`).join(',')}]}`;

const entries: TranscriptEntry[] = [
  { role: 'system', phase: 'day', text: 'Scripted persona (no model): 2 planned calls in todo.' },
  {
    role: 'tool_call',
    phase: 'day',
    toolName: 'todo.create',
    call: 0,
    text: '{"title":"<script>alert(1)</script>"}',
  },
  {
    role: 'tool_result',
    phase: 'day',
    toolName: 'todo.create',
    call: 0,
    text: '{"todo":{"id":"t1","title":"<script>alert(1)</script>"}}',
  },
  { role: 'tool_call', phase: 'day', toolName: 'todo.list', call: 1, text: '{}' },
  { role: 'tool_result', phase: 'day', toolName: 'todo.list', call: 1, text: LONG },
  { role: 'user', phase: 'rating', text: 'Your day in the app is over. Rate each module.' },
  { role: 'assistant', phase: 'rating', text: '{"ratings":[{"module":"todo","rating":4}]}' },
];

let f: ConsoleFixture;
let cookie: string;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await insertPersona(f.db, { id: 'p-anna', name: 'Anna' });
  await insertTick(f.db, {
    id: 'tick-with-transcript',
    personaId: 'p-anna',
    at: NOW,
    actions: [
      { tool: 'todo.create', result: 'ok' },
      { tool: 'todo.list', result: 'ok' },
    ],
    ratings: [{ module: 'todo', rating: 4 }],
  });
  await insertTick(f.db, { id: 'tick-silent', personaId: 'p-anna', at: NOW });
  await insertTick(f.db, {
    id: 'tick-with-tokens',
    personaId: 'p-anna',
    at: NOW,
    usage: {
      inputTokens: 12_430,
      outputTokens: 310,
      cacheReadTokens: 8_200,
      cacheWriteTokens: 1_100,
      costUsd: 0.0123,
    },
  });
  await insertTick(f.db, {
    id: 'tick-old-tokens',
    personaId: 'p-anna',
    at: NOW,
    usage: { inputTokens: 900, outputTokens: 40 },
  });
  await f.db
    .insert(personaTranscripts)
    .values({ tickId: 'tick-with-transcript', personaId: 'p-anna', entries, dropped: 3 });
  cookie = await f.signIn();
});
afterAll(() => f.close());

async function page(path: string): Promise<string> {
  const response = await f.get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The opening tags carrying a test id. */
const tagsWith = (html: string, testId: string) =>
  html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];

describe('the tick page’s transcript', () => {
  it('shows the conversation beside the action rows, in order, tool entries paired to calls', async () => {
    const html = await page('/ticks/tick-with-transcript');
    expect(tagsWith(html, 'action-item')).toHaveLength(2);
    const turns = tagsWith(html, 'transcript-entry');
    expect(turns.map((t) => t.match(/data-role="(\w+)"/)?.[1])).toEqual(entries.map((e) => e.role));
    expect(turns.map((t) => t.match(/data-call="(\d+)"/)?.[1] ?? null)).toEqual([
      null,
      '0',
      '0',
      '1',
      '1',
      null,
      null,
    ]);
    expect(html.indexOf('data-testid="action-item"')).toBeLessThan(
      html.indexOf('data-testid="transcript"'),
    );
    expect(html).toContain('Rating turn');
    expect(html).toContain('3 entries did not fit');
  });

  it('escapes what tools answered and collapses long outputs', async () => {
    const html = await page('/ticks/tick-with-transcript');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const collapsed = html.match(/<details data-testid="collapsed">[\s\S]*?<\/details>/g) ?? [];
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toContain(`(${LONG.length} characters)`);
    expect(collapsed[0]).toContain('Task 39');
  });

  it('says why a tick has no transcript', async () => {
    const html = await page('/ticks/tick-silent');
    expect(html).toContain('data-testid="no-transcript"');
    expect(html).toContain('TRANSCRIPT_RETENTION_DAYS');
  });

  it('shows a tick’s tokens beside its cost, compactly, and leaves out the counts it lacks', async () => {
    const tokens = (html: string) =>
      html.match(/<span data-testid="tick-tokens"[^>]*>([^<]*)<\/span>/)?.[0] ?? null;
    const full = tokens(await page('/ticks/tick-with-tokens'));
    expect(full).toContain('· 12.4k in / 310 out tokens (cache 8.2k read, 1.1k written)');
    expect(full).toContain(
      'title="tokens: input 12430, output 310, cache read 8200, cache write 1100"',
    );
    // A tick from before migration 0008 has no cache counts.
    expect(tokens(await page('/ticks/tick-old-tokens'))).toContain(
      '· 900 in / 40 out tokens</span>',
    );
    // The scripted brain records none: no token text at all.
    const silent = await page('/ticks/tick-silent');
    expect(tokens(silent)).toBeNull();
    expect(silent).not.toMatch(/ tokens/);
  });

  it('shows tokens on the persona page’s tick cards too', async () => {
    const html = await page('/personas/p-anna');
    expect(html).toContain('12.4k in / 310 out tokens');
  });
});
