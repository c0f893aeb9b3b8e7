import { personaDeadLetters } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { TIMELINE_TICKS } from './routes/persona';
import {
  type ConsoleFixture,
  createConsoleFixture,
  TEST_SERVICE_KEY,
} from './testing/console-fixture';
import { NOW, SCENARIO, seedScenario } from './testing/scenario';

let f: ConsoleFixture;
let cookie: string;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await seedScenario(f.db);
  cookie = await f.signIn();
});
afterAll(() => f.close());

async function page(path: string, status = 200): Promise<string> {
  const response = await f.get(path, cookie);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  return response.text();
}

/** The opening tags carrying a test id, e.g. every `data-testid="module-row"` element. */
function tagsWith(html: string, testId: string): string[] {
  return html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];
}

describe('overview', () => {
  it('shows the as-of time, KPIs and the nav', async () => {
    const html = await page('/');
    expect(html).toContain('Data as of 2026-03-20 12:00 UTC');
    for (const id of [
      'nav-overview',
      'nav-alerts',
      'nav-personas',
      'nav-modules',
      'nav-ticks',
      'nav-logout',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    // 2 personas × 12 recent ticks × 2 calls, plus the failed tick's call; half of the 48 failed.
    expect(html).toMatch(/data-testid="kpi-calls".*?<div class="value">49<\/div>/s);
    expect(html).toMatch(/data-testid="kpi-error-rate".*?<div class="value">49\.0 %<\/div>/s);
    expect(html).toMatch(/data-testid="kpi-personas".*?<div class="value">2<\/div>/s);
  });

  it('leads with one journal incident that groups its alerts and links to their evidence', async () => {
    const html = await page('/');
    expect(html.indexOf('data-testid="incident-item"')).toBeLessThan(html.indexOf('kpi-calls'));
    const incidents = tagsWith(html, 'incident-item');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatch(/data-incident-id="journal@\d{4}-\d{2}-\d{2}#[0-9a-f]{10}"/);
    expect(incidents[0]).toContain('data-status="open"');
    expect(html).toContain('Tool journal.create_entry');
    // For whom: every failing call of the lead alert by persona, not the first rows' (5).
    const whom = html.match(/data-testid="incident-whom">(.*?)<\/div>/s)?.[1] ?? '';
    expect(whom).toMatch(/persona\.anna@mana\.test<\/a> \(12 calls\)/);
    expect(whom).toMatch(/persona\.marcus@mana\.test<\/a> \(12 calls\)/);
    const alerts = tagsWith(html, 'incident-part');
    expect(alerts.some((a) => a.includes('data-alert-id="rating_drop:journal"'))).toBe(true);
    expect(alerts.some((a) => a.includes('data-alert-id="rating_drop:todo"'))).toBe(false);
    expect(html).toContain('href="/alerts/rating_drop%3Ajournal"');
    expect(html).toContain('href="/alerts/failure_rate%3Ajournal.create_entry"');
  });

  it('lists modules with recent and baseline means and personas linking to their pages', async () => {
    const html = await page('/');
    expect(tagsWith(html, 'module-row').map((r) => r.match(/data-module="([^"]+)"/)?.[1])).toEqual([
      'journal',
      'todo',
    ]);
    expect(html).toContain('−3.17');
    expect(tagsWith(html, 'sparkline')).toHaveLength(2);
    expect(tagsWith(html, 'persona-row')).toHaveLength(2);
    expect(html).toContain(`href="/personas/${SCENARIO.anna}"`);
  });

  it('answers a bad window with a 400 page', async () => {
    const html = await page('/?since=soon', 400);
    expect(html).toContain('is not a span like 7d');
  });

  it('says when the data runs ahead of the wall clock (after a simulation)', async () => {
    const behind = createApp({
      db: f.db,
      authUrl: f.auth.url,
      serviceKey: TEST_SERVICE_KEY,
      now: () => new Date(NOW.getTime() - 3 * 24 * 3600 * 1000),
    });
    const html = await (await behind.request('/', { headers: { cookie } })).text();
    expect(html).toContain('Data as of 2026-03-20 11:00 UTC');
    expect(html).toContain('ahead of the clock by 3.0 days');
  });
});

describe('persona page', () => {
  it('shows the header, module means and ticks with their calls and ratings', async () => {
    const html = await page(`/personas/${SCENARIO.anna}`);
    expect(html).toContain('data-testid="persona-archetype">adhd-student<');
    expect(html).toContain('Europe/Berlin');
    expect(tagsWith(html, 'persona-module-row')).toHaveLength(2);
    const ticks = tagsWith(html, 'tick-item');
    expect(ticks.length).toBe(TIMELINE_TICKS);
    expect(html).toContain(`href="/ticks?persona=${SCENARIO.anna}"`);
    expect(ticks[0]).toContain('data-tick-id="tick-anna-r0"');
    expect(html).toContain(SCENARIO.journalError);
    expect(html).toContain(SCENARIO.badNote);
    expect(html).toContain('journal.create_entry');
    expect(html).toMatch(/scripted · scripted-v1/);
  });

  it('shows the persona’s dead letters: none, then the count and the latest reason', async () => {
    expect(await page(`/personas/${SCENARIO.anna}`)).toMatch(
      /data-testid="persona-dead-letters">0</,
    );
    await f.db.insert(personaDeadLetters).values({
      id: 'dl-1',
      personaId: SCENARIO.anna,
      kind: 'feedback',
      tickId: 'tick-anna-r0',
      runnerId: 'r',
      status: 400,
      reason: 'feedback.0: Unrecognized key: "mood"',
      payload: '[]',
      createdAt: NOW,
    });
    const html = await page(`/personas/${SCENARIO.anna}`);
    expect(html).toMatch(/data-testid="persona-dead-letters">1/);
    expect(html).toContain('latest: feedback, 400');
    expect(html).toContain('Unrecognized key: &quot;mood&quot;');
  });

  it('escapes what personas wrote', async () => {
    // The note is of Anna's oldest tick, past the persona page's latest ticks: its tick page.
    const html = await page('/ticks/tick-anna-b0');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is a 404 page for an unknown persona', async () => {
    expect(await page('/personas/nobody', 404)).toContain('No persona has this id.');
  });

  it('lists every persona on /personas', async () => {
    expect(tagsWith(await page('/personas'), 'persona-row')).toHaveLength(2);
  });
});

describe('modules', () => {
  it('draws every module on one chart and lists them', async () => {
    const html = await page('/modules');
    expect(html).toContain('data-testid="chart-modules"');
    expect(html).toContain('data-series="journal"');
    expect(html).toContain('data-series="todo"');
    expect(tagsWith(html, 'module-row')).toHaveLength(2);
  });

  it('shows a module with its trend, tool error rates, notes and failed calls', async () => {
    const html = await page('/modules/journal');
    expect(html).toContain('data-testid="chart-module-trend"');
    expect(html).toContain('data-testid="chart-tool-errors"');
    expect(html).toContain('class="counts"');
    expect(tagsWith(html, 'tool-row')[0]).toContain('data-tool="journal.create_entry"');
    expect(html).toContain('100.0 %');
    expect(tagsWith(html, 'note-row').length).toBeGreaterThan(0);
    expect(tagsWith(html, 'failure-row').length).toBeGreaterThan(0);
    expect(html).toContain(SCENARIO.journalError);
    // The journal breakage shows four ways: the tool's and the module's failure rate, the
    // new error message, and the rating drop (before the detectors of outcome kinds: 2).
    expect(
      tagsWith(html, 'alert-item')
        .map((t) => t.match(/data-alert-id="([^"]+)"/)?.[1]?.replace(/:[0-9a-f]{10}$/, ':<hash>'))
        .sort(),
    ).toEqual([
      'failure_rate:journal',
      'failure_rate:journal.create_entry',
      'new_signature:journal.create_entry:<hash>',
      'rating_drop:journal',
    ]);
  });

  it('is a 404 page for a module nobody used', async () => {
    await page('/modules/astrology', 404);
  });
});

describe('ticks', () => {
  it('lists ticks newest first with persona, status and counts', async () => {
    const html = await page('/ticks');
    const ticks = tagsWith(html, 'tick-item');
    expect(ticks).toHaveLength(49);
    expect(ticks[0]).toContain(`data-tick-id="${SCENARIO.failedTick}"`);
    expect(html).toContain('persona.marcus@mana.test');
  });

  it('lists only failed ticks with their error text', async () => {
    const html = await page('/ticks?failed=1');
    const ticks = tagsWith(html, 'tick-item');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toContain('data-status="failed"');
    expect(html).toContain(SCENARIO.failedTickError);
  });

  it('shows one tick with its calls in order', async () => {
    const html = await page('/ticks/tick-anna-r3');
    const calls = tagsWith(html, 'action-item');
    expect(calls.map((c) => c.match(/data-result="(\w+)"/)?.[1])).toEqual(['ok', 'error']);
    expect(html.indexOf('todo.list')).toBeLessThan(html.indexOf('journal.create_entry'));
    await page('/ticks/nope', 404);
  });
});

describe('alert evidence', () => {
  it('states the test and numbers and lists the recent ratings lowest first with notes', async () => {
    const html = await page('/alerts/rating_drop%3Ajournal');
    expect(html).toContain('Mann–Whitney U');
    expect(html).toContain('data-testid="alert-thresholds"');
    expect(html).toMatch(/over 24 ratings/);
    const ratings = tagsWith(html, 'evidence-rating');
    expect(ratings).toHaveLength(24);
    expect(html).toContain(SCENARIO.badNote);
    expect(html).not.toContain(SCENARIO.goodNote);
    const values = [
      ...html.matchAll(/data-testid="evidence-rating".*?class="rating"[^>]*>(\d)\/5</gs),
    ];
    const numbers = values.map((m) => Number(m[1]));
    expect(numbers).toHaveLength(24);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(html).toContain(`href="/personas/${SCENARIO.anna}"`);
  });

  it('lists the failed calls behind an error-rate jump, linking to persona and tick', async () => {
    const html = await page('/alerts/failure_rate%3Ajournal.create_entry');
    expect(html).toContain('Fisher’s exact test');
    expect(tagsWith(html, 'evidence-action')).toHaveLength(24);
    expect(html).toContain(SCENARIO.journalError);
    expect(html).toMatch(/href="\/ticks\/tick-(anna|marcus)-r\d+"/);
  });

  it('counts the evidence by error class and by persona before the rows', async () => {
    const html = await page('/alerts/failure_rate%3Ajournal.create_entry');
    expect(html).toContain('data-testid="alert-headline"');
    // For whom, in the headline: both personas with their failing calls.
    const who = html.match(/data-testid="alert-headline-personas">(.*?)<\/span>/s)?.[1] ?? '';
    expect(who).toMatch(/persona\.anna@mana\.test<\/a> 12/);
    expect(who).toMatch(/persona\.marcus@mana\.test<\/a> 12/);
    expect(html.indexOf('signature-table')).toBeLessThan(html.indexOf('evidence-action'));
    const signatures = tagsWith(html, 'signature-row');
    expect(signatures).toHaveLength(1);
    expect(html).toMatch(
      /data-testid="signature-row"><td class="num">24<\/td><td class="num">2<\/td>/,
    );
    expect(tagsWith(html, 'persona-share-row')).toHaveLength(2);
    // A tool alert leads with the tool's calls, the module's ratings after them.
    expect(html.indexOf('evidence-action')).toBeLessThan(html.indexOf('evidence-rating'));
  });

  it('paginates the rows and says n of N', async () => {
    const base = '/alerts/failure_rate%3Ajournal.create_entry';
    const first = await page(`${base}?size=10`);
    expect(tagsWith(first, 'evidence-action')).toHaveLength(10);
    expect(first).toContain('Calls 1–10 of 24');
    expect(first).toContain(`href="${base}?size=10&amp;page=2"`);
    const last = await page(`${base}?size=10&page=3`);
    expect(tagsWith(last, 'evidence-action')).toHaveLength(4);
    expect(last).toContain('Calls 21–24 of 24');
    expect(last).not.toContain('data-testid="pager-next"');
  });

  it('filters by persona, outcome and time, and refuses a bad filter naming it', async () => {
    const base = '/alerts/failure_rate%3Ajournal.create_entry';
    const anna = await page(`${base}?persona=${SCENARIO.anna}`);
    expect(tagsWith(anna, 'evidence-action')).toHaveLength(12);
    expect(tagsWith(anna, 'persona-share-row')).toHaveLength(1);
    expect(anna).not.toContain('href="/ticks/tick-marcus-');
    const ok = await page(`${base}?outcome=ok`);
    expect(tagsWith(ok, 'evidence-action')).toHaveLength(0);
    const none = await page(`${base}?from=2026-03-20T11:59&to=`);
    expect(tagsWith(none, 'evidence-action').length).toBeLessThan(24);
    expect(await page(`${base}?outcome=broken`, 400)).toContain('outcome');
    expect(await page(`${base}?from=yesterday`, 400)).toContain('from');
  });

  it('is a 404 page for an alert that is not firing', async () => {
    expect(await page('/alerts/rating_drop%3Atodo', 404)).toContain('is not firing');
  });
});

describe('alerts list', () => {
  async function incidentId(): Promise<string> {
    const tag = tagsWith(await page('/alerts'), 'incident-item')[0] ?? '';
    return tag.match(/data-incident-id="([^"]+)"/)?.[1] ?? '';
  }

  it('lists the incident with its parts, a status form, and every alert', async () => {
    const html = await page('/alerts');
    expect(tagsWith(html, 'incident-item')).toHaveLength(1);
    expect(tagsWith(html, 'incident-part')).toHaveLength(4);
    expect(tagsWith(html, 'alert-item')).toHaveLength(4);
    expect(html).toContain('data-testid="incident-status-form"');
    expect(html).toContain('No status changes yet.');
  });

  it('records who acknowledged and resolved an incident, and when, as its history', async () => {
    const id = await incidentId();
    const path = `/alerts/incidents/${encodeURIComponent(id)}/status`;
    const ack = await f.postForm(path, { status: 'acknowledged', note: 'on it' }, { cookie });
    expect(ack.status).toBe(303);
    expect(ack.headers.get('location')).toBe(`/alerts#incident-${encodeURIComponent(id)}`);
    let html = await page('/alerts');
    expect(tagsWith(html, 'incident-item')[0]).toContain('data-status="acknowledged"');
    expect(html).toContain('admin@mana.test → <strong>acknowledged</strong>');
    expect(html).toContain('on it');
    await f.postForm(path, { status: 'resolved' }, { cookie });
    html = await page('/');
    expect(tagsWith(html, 'incident-item')[0]).toContain('data-status="resolved"');
    html = await page('/alerts');
    expect(tagsWith(html, 'incident-history')).toHaveLength(1);
    expect(html.indexOf('<strong>acknowledged</strong>')).toBeLessThan(
      html.indexOf('<strong>resolved</strong>'),
    );
  });

  it('refuses a bad status (400 naming the field) and an incident that is not firing (404)', async () => {
    const id = await incidentId();
    const before = await page('/alerts');
    const bad = await f.postForm(
      `/alerts/incidents/${encodeURIComponent(id)}/status`,
      { status: 'fixed' },
      { cookie },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('status');
    const gone = await f.postForm(
      '/alerts/incidents/todo%402026-01-01/status',
      { status: 'resolved' },
      { cookie },
    );
    expect(gone.status).toBe(404);
    const after = await page('/alerts');
    expect(tagsWith(after, 'incident-history')).toEqual(tagsWith(before, 'incident-history'));
    expect(after.match(/<strong>/g)?.length).toBe(before.match(/<strong>/g)?.length);
  });
});

describe('errors', () => {
  it('answers an unknown page with an HTML 404 inside the frame', async () => {
    const html = await page('/nowhere', 404);
    expect(html).toContain('data-testid="error-page"');
    expect(html).toContain('data-testid="nav-overview"');
  });
});
