import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';
import { NOW, seedScenario } from './testing/scenario';

let f: ConsoleFixture;
let cookie: string;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await seedScenario(f.db);
  cookie = await f.signIn();
});
afterAll(() => f.close());

async function page(path: string): Promise<string> {
  const response = await f.get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('module charts an operator can read', () => {
  it('highlights the alerting module, mutes the rest and marks the onset', async () => {
    const html = await page('/modules');
    expect(html).toMatch(/<g class="series lc-s\d+ highlight" data-series="journal">/);
    expect(html).toMatch(/<g class="series lc-s\d+ muted" data-series="todo">/);
    expect(html).toMatch(/<g class="marker" data-marker="2026-03-1\d">.*?onset: journal<\/text>/);
    expect(html).toMatch(
      /<input type="checkbox" class="lc-t\d+" checked=""[^>]*aria-label="Show journal"/,
    );
    // The stylesheet ties each checkbox to its series, so the legend toggles without script.
    expect(html).toContain('.line-chart-figure:has(.lc-t0:not(:checked)) .lc-s0 { display:none; }');
  });

  it('marks the onset on the module page and draws days too small for the test hollow', async () => {
    const html = await page('/modules/journal');
    expect(html).toMatch(/<g class="marker" data-marker="2026-03-1\d">/);
    // 12 ticks a week over two personas: a couple of ratings a day, below the rank test's floor.
    expect(html).toContain('class="point small"');
    expect(html).toMatch(/Hollow points: fewer than \d+ ratings that day/);
  });
});
