import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleFixture,
  createConsoleFixture,
  TEST_SERVICE_KEY,
} from './testing/console-fixture';
import { NOW, seedScenario } from './testing/scenario';

let f: ConsoleFixture;
let cookie: string;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await seedScenario(f.db);
  cookie = await f.signIn();
});
afterAll(() => f.close());

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  f.app.request('/api/releases', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const key = { 'x-service-key': TEST_SERVICE_KEY };

describe('release markers', () => {
  it('records a marker through the API with the service key, once per name', async () => {
    const at = new Date(NOW.getTime() - 14 * DAY).toISOString();
    const created = await postJson({ name: 'v1.3', at }, key);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      name: 'v1.3',
      at,
      note: null,
      createdBy: 'service-key',
    });
    const again = await postJson({ name: 'v1.3', at }, key);
    expect(again.status).toBe(409);
    const bad = await postJson({ name: 'v 1..3' }, key);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('name');
    // Without the key a POST must come from the console's own pages (and carry a session).
    expect((await postJson({ name: 'v9' })).status).toBe(403);
    expect((await postJson({ name: 'v9' }, { origin: 'http://localhost' })).status).toBe(401);
    const list = await f.app.request('/api/releases', { headers: key });
    expect(
      ((await list.json()) as { releases: { name: string }[] }).releases.map((r) => r.name),
    ).toEqual(['v1.3']);
  });

  it('records a marker from the console form as the signed-in admin', async () => {
    const response = await f.postForm(
      '/releases',
      {
        name: 'v1.4',
        at: new Date(NOW.getTime() - 6 * DAY).toISOString().slice(0, 16),
        note: 'new journal',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    const html = await (await f.get('/releases', cookie)).text();
    expect(html).toContain('data-release="v1.4"');
    expect(html).toContain('admin@mana.test');
    expect(html).toContain('new journal');
    const bad = await f.postForm('/releases', { name: '' }, { cookie });
    expect(bad.status).toBe(400);
  });
});

describe('comparing releases', () => {
  it('finds the journal regression between v1.3 and v1.4 and nothing in todo', async () => {
    const response = await f.app.request('/api/compare?before=v1.3&after=v1.4', { headers: key });
    expect(response.status).toBe(200);
    const c = (await response.json()) as {
      regressions: string[];
      tools: { name: string; before: { failureRate: number }; after: { failureRate: number } }[];
    };
    expect(c.regressions.some((r) => r.startsWith('journal.create_entry: failure rate'))).toBe(
      true,
    );
    expect(c.regressions.some((r) => r.startsWith('journal: mean rating'))).toBe(true);
    expect(c.regressions.some((r) => r.startsWith('todo'))).toBe(false);
    const journal = c.tools.find((t) => t.name === 'journal.create_entry');
    expect(journal?.before.failureRate).toBe(0);
    expect(journal?.after.failureRate).toBeGreaterThan(0.9);
  });

  it('shows both periods side by side in the console, the regressed rows marked', async () => {
    const html = await (await f.get('/releases?before=v1.3&after=v1.4', cookie)).text();
    expect(html).toContain('data-testid="compare-before"');
    expect(html).toContain('data-testid="compare-after"');
    expect(html).toMatch(
      /class="regressed"[^>]*data-tool="journal.create_entry"|data-tool="journal.create_entry"[^>]*class="regressed"/,
    );
    expect(html.match(/data-testid="compare-regression"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('compares two spans written as ISO ranges, and names an unknown side', async () => {
    const span = (from: number, to: number) =>
      `${new Date(NOW.getTime() - from * DAY).toISOString()}/${new Date(NOW.getTime() - to * DAY).toISOString()}`;
    const ok = await f.app.request(
      `/api/compare?before=${encodeURIComponent(span(14, 7))}&after=${encodeURIComponent(span(7, 0))}`,
      { headers: key },
    );
    expect(((await ok.json()) as { regressions: string[] }).regressions.length).toBeGreaterThan(0);
    const unknown = await f.app.request('/api/compare?before=v1.3&after=v2', { headers: key });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('after: no release marker is named');
    const page = await f.get('/releases?before=v1.3&after=v2', cookie);
    expect(page.status).toBe(400);
  });
});
