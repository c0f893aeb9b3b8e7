import { personaRecentTranscripts, personaTrend } from '@mana/analytics';
import type { TranscriptEntry } from '@mana/contracts';
import { personaTranscripts } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_TRANSCRIPTS } from './routes/persona';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';
import { insertPersona, insertTick } from './testing/seed';
import { rateTop } from './views/persona-trend';

const NOW = new Date('2026-03-20T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const LONG_ANSWER = `{"entries":[${'x'.repeat(400)}]}`;
const ERROR_TEXT = 'Internal error: library.list could not read the shelf';

/** A day of the persona's: a plan, two calls and answers (the second failing), a rating turn. */
function dayEntries(k: number): TranscriptEntry[] {
  return [
    { role: 'system', phase: 'day', text: `Scripted persona (no model): plan of day ${k}.` },
    { role: 'assistant', phase: 'day', text: `Day ${k}: I want to <b>tidy</b> my shelf.` },
    { role: 'tool_call', phase: 'day', toolName: 'library.add', call: 0, text: '{"title":"A"}' },
    { role: 'tool_result', phase: 'day', toolName: 'library.add', call: 0, text: LONG_ANSWER },
    { role: 'tool_call', phase: 'day', toolName: 'library.list', call: 1, text: '{}' },
    {
      role: 'tool_result',
      phase: 'day',
      toolName: 'library.list',
      call: 1,
      text: ERROR_TEXT,
      isError: true,
    },
    { role: 'user', phase: 'rating', text: 'Rate each module.' },
  ];
}

let f: ConsoleFixture;
let cookie: string;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await insertPersona(f.db, { id: 'p-lena', name: 'Lena' });
  await insertPersona(f.db, { id: 'p-other', name: 'Other' });
  // Ten days back to yesterday: library rated 5 then 2 from day 5 on; from day 5 half of
  // the calls that reached the app fail, and one check of two fails.
  for (let k = 0; k < 10; k++) {
    const at = new Date(NOW.getTime() - (10 - k) * DAY);
    const broken = k >= 5;
    await insertTick(f.db, {
      id: `tick-lena-${k}`,
      personaId: 'p-lena',
      at,
      actions: [
        { tool: 'library.add', result: 'ok', checkStatus: broken ? 'failed' : 'passed' },
        broken
          ? { tool: 'library.list', result: 'error', errorMessage: ERROR_TEXT }
          : { tool: 'library.list', result: 'ok', checkStatus: 'passed' },
        { tool: 'library.add', result: 'error', outcome: 'invalid_input' },
      ],
      ratings: [
        { module: 'library', rating: broken ? 2 : 5 },
        { module: 'todo', rating: 4 },
      ],
    });
    if (k >= 2) {
      await f.db
        .insert(personaTranscripts)
        .values({ tickId: `tick-lena-${k}`, personaId: 'p-lena', entries: dayEntries(k) });
    }
  }
  // Another persona's activity must not leak into Lena's trend.
  await insertTick(f.db, {
    id: 'tick-other',
    personaId: 'p-other',
    at: new Date(NOW.getTime() - DAY),
    actions: [{ tool: 'library.list', result: 'error', errorMessage: 'other' }],
    ratings: [{ module: 'library', rating: 1 }],
  });
  cookie = await f.signIn();
});
afterAll(() => f.close());

async function page(path: string, status = 200): Promise<string> {
  const response = await f.get(path, cookie);
  expect(response.status, path).toBe(status);
  return response.text();
}

/** The opening tags carrying a test id. */
const tagsWith = (html: string, testId: string) =>
  html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];

describe('personaTrend', () => {
  it('counts one persona’s ratings per module and its calls per day, in the range only', async () => {
    const start = new Date(NOW.getTime() - 7 * DAY).toISOString();
    const trend = await personaTrend(f.db, 'p-lena', { start, end: NOW.toISOString() });
    // Days 3..9 are inside (day k sits at NOW - (10 - k) days; the start itself is out).
    expect(trend.calls.map((d) => d.day)).toEqual([
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
    ]);
    const last = trend.calls.at(-1);
    expect(last).toEqual({
      day: '2026-03-19',
      calls: 3,
      reached: 2,
      failures: 1,
      invalidInput: 1,
      checked: 1,
      checkFailed: 1,
    });
    expect(trend.calls[0]).toMatchObject({ failures: 0, checked: 2, checkFailed: 0 });
    const library = trend.ratings.filter((r) => r.module === 'library').map((r) => r.mean);
    expect(library).toEqual([5, 2, 2, 2, 2, 2]);
    expect(trend.ratings.filter((r) => r.module === 'todo')).toHaveLength(6);
  });
});

describe('personaRecentTranscripts', () => {
  it('opens each of the latest ticks with its first entries, cut, and its first error', async () => {
    const ticks = await personaRecentTranscripts(f.db, 'p-lena', 3);
    expect(ticks.map((t) => t.tickId)).toEqual(['tick-lena-9', 'tick-lena-8', 'tick-lena-7']);
    const [newest] = ticks;
    expect(newest?.stored).toBe(true);
    expect(newest?.entries).toBe(7);
    // The setup is left out: the persona's words, the call, the (cut) answer.
    expect(newest?.excerpt.map((l) => l.role)).toEqual(['assistant', 'tool_call', 'tool_result']);
    expect(newest?.excerpt[0]?.text).toBe('Day 9: I want to <b>tidy</b> my shelf.');
    expect(newest?.excerpt[2]).toMatchObject({ cut: true, toolName: 'library.add' });
    expect(newest?.excerpt[2]?.text).toHaveLength(160);
    expect(newest?.firstError).toEqual({
      role: 'tool_result',
      toolName: 'library.list',
      isError: true,
      text: ERROR_TEXT,
      cut: false,
    });
  });

  it('lists a tick without a stored transcript as such', async () => {
    const ticks = await personaRecentTranscripts(f.db, 'p-lena', 10);
    const oldest = ticks.at(-1);
    expect(oldest).toMatchObject({ tickId: 'tick-lena-0', stored: false, entries: 0 });
    expect(oldest?.excerpt).toEqual([]);
    expect(oldest?.firstError).toBeNull();
  });
});

describe('the persona page', () => {
  it('draws the trend as two charts: ratings per module and failure rates per day', async () => {
    const html = await page('/personas/p-lena');
    expect(tagsWith(html, 'chart-persona-ratings')).toHaveLength(1);
    expect(tagsWith(html, 'chart-persona-rates')).toHaveLength(1);
    // Each point's tooltip names series, day, value and count.
    expect(html).toContain('library · 2026-03-19: 2.00 (1 rating)');
    expect(html).toContain('failed calls (% of calls) · 2026-03-19: 50% (3 calls)');
    expect(html).toContain('failed checks (% of checked calls) · 2026-03-19: 100%');
    expect(html).toContain('failed calls (% of calls) · 2026-03-12: 0% (3 calls)');
    expect(html).toContain('2026-03-19: 3 calls');
    expect(html).toMatch(/data-testid="persona-call-totals">\s*30 calls, 5 failed, 5 failed/);
  });

  it('lists the latest transcripts with excerpts, escaped, linking to each tick', async () => {
    const html = await page('/personas/p-lena');
    const items = tagsWith(html, 'recent-transcript');
    expect(items).toHaveLength(RECENT_TRANSCRIPTS);
    expect(items[0]).toContain('data-tick-id="tick-lena-9"');
    expect(html).toContain('href="/ticks/tick-lena-9#transcript"');
    expect(html).toContain('Day 9: I want to &lt;b&gt;tidy&lt;/b&gt; my shelf.');
    expect(html).not.toContain('<b>tidy</b>');
    expect(html).toContain('First error · Answer library.list');
  });

  it('follows ?since= and refuses a bad one naming it', async () => {
    const html = await page('/personas/p-lena?since=2d');
    expect(html).not.toContain('2026-03-12:');
    expect(html).toContain('2026-03-19:');
    expect(await page('/personas/p-lena?since=soon', 400)).toContain('since:');
  });
});

describe('rateTop', () => {
  it('fits the rate axis to the largest daily rate, in steps of 10 %', () => {
    const series = (ys: (number | null)[]) => [
      { name: 's', points: ys.map((y, i) => ({ x: String(i), y })) },
    ];
    expect(rateTop(series([null, 0]))).toBe(10);
    expect(rateTop(series([3, 8.2]))).toBe(10);
    expect(rateTop(series([12.5]))).toBe(20);
    expect(rateTop(series([100]))).toBe(100);
  });
});
