import { recordConsistencyRun } from '@mana/analytics';
import type { ConsistencyRunInput } from '@mana/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';

const steady = {
  ratedDays: 3,
  ratingMean: 4.333,
  ratingSd: 0,
  ratingRange: 0,
  checkedDays: 3,
  passK: 1,
  passAtK: 1,
};

const run = (startedAt: string, over: Partial<ConsistencyRunInput> = {}): ConsistencyRunInput => ({
  startedAt,
  finishedAt: new Date(Date.parse(startedAt) + 120_000).toISOString(),
  k: 3,
  seed: 5,
  days: 2,
  brain: 'llm',
  personaCount: 2,
  personaDays: 4,
  simulatedFrom: '2026-11-14T00:00:00.000Z',
  simulatedTo: '2026-11-16T00:00:00.000Z',
  faults: null,
  overall: { ...steady, ratingSd: 0.314, passK: 0.667 },
  rows: [
    { persona: 'persona.anna@mana.test', module: 'todo', ...steady },
    {
      persona: 'persona.kai@mana.test',
      module: 'notes',
      ...steady,
      ratingMean: 2.889,
      ratingSd: 0.943,
      ratingRange: 2,
      passK: 0.333,
      passAtK: 1,
    },
  ],
  ...over,
});

let f: ConsoleFixture;
let cookie: string;
let older: number;
let latest: number;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => new Date('2026-11-20T12:00:00Z') });
  cookie = await f.signIn();
});
afterAll(() => f.close());

async function page(path: string, status = 200): Promise<string> {
  const response = await f.get(path, cookie);
  const html = await response.text();
  expect(response.status, `${path}: ${html.slice(0, 300)}`).toBe(status);
  return html;
}

/** The opening tags carrying a test id. */
const tagsWith = (html: string, testId: string) =>
  html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];

describe('the consistency page', () => {
  it('is in the navigation, and says how to make a run before one is stored', async () => {
    const html = await page('/consistency');
    expect(html).toMatch(/<a href="\/consistency" class="active" data-testid="nav-consistency">/);
    expect(html).toContain('No consistency run stored yet');
    expect(tagsWith(html, 'consistency-run')).toEqual([]);
    expect(await page('/')).toContain('data-testid="nav-consistency"');
  });

  it('shows the latest run per persona and module, low pass^k and wide spreads flagged', async () => {
    older = await recordConsistencyRun(
      f.db,
      run('2026-11-18T09:00:00.000Z', { k: 2, brain: 'scripted' }),
    );
    latest = await recordConsistencyRun(f.db, run('2026-11-19T09:00:00.000Z'));
    const html = await page('/consistency');
    expect(tagsWith(html, 'consistency-run')[0]).toContain(`data-run-id="${latest}"`);
    expect(html).toContain(`Latest run #${latest}: 3 tries`);
    expect(html).toContain('2026-11-19 09:02 UTC');
    expect(html).toContain('llm, seed 5');

    const rows = tagsWith(html, 'consistency-row');
    expect(
      rows.map((r) => [
        r.match(/data-persona="([^"]*)"/)?.[1],
        r.match(/data-flags="([^"]*)"/)?.[1],
      ]),
    ).toEqual([
      ['persona.anna@mana.test', ''],
      ['persona.kai@mana.test', 'low-pass-k wide-spread'],
      ['all', 'low-pass-k'],
    ]);
    const kai = html.slice(html.indexOf('data-persona="persona.kai@mana.test"'));
    const cells = kai.slice(0, kai.indexOf('</tr>'));
    for (const figure of [
      '2.89',
      '0.94',
      '>2<',
      '33.3 %',
      '100.0 %',
      'low pass^k',
      'wide spread',
    ]) {
      expect(cells).toContain(figure);
    }
    expect(html).toContain('pass^3');
    expect(html).toMatch(/data-testid="kpi-flagged">[\s\S]*?>1<[\s\S]*?of 2 persona × module rows/);
    expect(html).toMatch(/data-testid="kpi-pass-k">[\s\S]*?66\.7 %/);
  });

  it('lists the earlier runs, newest first, each linked to its page', async () => {
    const html = await page('/consistency');
    expect(
      tagsWith(html, 'consistency-run-row').map((r) => r.match(/data-run-id="(\d+)"/)?.[1]),
    ).toEqual([String(latest), String(older)]);
    expect(html).toContain(`href="/consistency/${older}"`);
    const earlier = await page(`/consistency/${older}`);
    expect(earlier).toContain(`Run #${older}: 2 tries`);
    expect(earlier).toContain('pass^2');
    expect(earlier).toContain(`href="/consistency/${latest}"`);
  });

  it('answers 400 for an id that is not a run number and 404 for one never stored', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      expect(await page(`/consistency/${bad}`, 400)).toContain('is not a consistency run number');
    }
    expect(await page(`/consistency/${latest + 1000}`, 404)).toContain(
      `No consistency run #${latest + 1000} is stored.`,
    );
  });

  it('needs a signed-in admin', async () => {
    const response = await f.get('/consistency');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/login');
  });
});
