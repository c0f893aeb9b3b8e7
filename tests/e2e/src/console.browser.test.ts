import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseTarget } from '@mana/db/testing';
import { createBrain } from '@mana/persona-runner';
import { type RunningStack, simulate, startStack } from '@mana/stack';
import { parseFaults } from '@mana/tool-registry';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS } from './e2e-config';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@mana.test', password: 'e2e-admin-password' };
/** Screenshots land here (CI keeps them as artifacts). */
const SHOTS = join(process.cwd(), 'test-results', 'console');
const runnable = existsSync(CHROMIUM) && testDatabaseTarget() === 'pglite';

if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `console browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
}

describe.runIf(runnable)(
  'the operator console in Chromium, after a simulation with a fault drill',
  () => {
    let dir: string;
    let stack: RunningStack;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mana-console-'));
      const brain = createBrain({ brain: 'scripted', scriptedSeed: 5, processEnv: {} });
      if (!brain) throw new Error('no scripted brain');
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: `file:${dir}`,
        days: 4,
        seed: 5,
        brain,
        // The four days up to now, so the console's "last 2 days" hold the faulty half.
        start: new Date(Math.floor((Date.now() - 4 * 24 * 3600_000) / 3600_000) * 3600_000),

        faults: parseFaults('notes:errors=0.8'),
        faultFromDay: 2,
      });
      expect(summary.failed).toBe(0);
      stack = await startStack({
        databaseUrl: `file:${dir}`,
        authPort: 0,
        mcpPort: 0,
        consolePort: 0,
        ...E2E_SECRETS,
        admin: ADMIN,
        seed: false,
      });
      await mkdir(SHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, 420_000); // the 4-day simulation takes minutes on a loaded 2-core machine

    afterAll(async () => {
      await browser?.close();
      await stack?.close();
      await rm(dir, { recursive: true, force: true });
    });

    const url = (path: string) => `${stack.console?.url}${path}`;
    const shot = (name: string) =>
      page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

    it('signs an admin in (and refuses a wrong password)', async () => {
      await page.goto(url('/'));
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('login-error').textContent()).resolves.toBeTruthy();
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('signed-in-as').waitFor();
      expect(await page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.email);
      await shot('01-overview');
    });

    it('the overview shows the personas, the modules and the alert for the broken module', async () => {
      await page.goto(url('/?since=2d'));
      expect(await page.getByTestId('persona-row').count()).toBe(10);
      expect(await page.getByTestId('module-row').count()).toBeGreaterThan(5);
      const alerts = page.getByTestId('incident-part');
      expect(await alerts.count()).toBeGreaterThan(0);
      const ids = await alerts.evaluateAll((items) =>
        items.map((i) => i.getAttribute('data-alert-id') ?? ''),
      );
      // Every alert is about notes: its ratings, its failure rate (module or tool), or a
      // new error message of one of its tools.
      expect(ids.every((id) => /^(rating_drop|failure_rate|new_signature):notes\b/.test(id))).toBe(
        true,
      );
      await shot('02-overview-2d');
    });

    it('follows an alert to its evidence: the ratings and notes, and the failed calls', async () => {
      await page.goto(url('/alerts?since=2d'));
      await page.getByTestId('alert-link').first().click();
      await page.getByTestId('alert-detail').waitFor();
      expect(await page.getByTestId('alert-test').textContent()).toMatch(
        /Mann|Fisher|conditional/i,
      );
      const ratings = await page.getByTestId('evidence-rating').count();
      const actions = await page.getByTestId('evidence-action').count();
      expect(ratings + actions).toBeGreaterThan(0);
      if (actions > 0)
        expect(await page.getByTestId('evidence-action').first().textContent()).toMatch(
          /failed unexpectedly/,
        );
      await shot('03-alert-evidence');
    });

    it('opens a persona’s timeline of ticks, actions and ratings', async () => {
      await page.goto(url('/'));
      await page.getByTestId('persona-row').first().locator('a').first().click();
      await page.getByTestId('timeline').waitFor();
      expect(await page.getByTestId('tick-item').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('action-item').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('rating-item').count()).toBeGreaterThan(0);
      await shot('04-persona');
    });

    it('shows module charts, a module page and the tick history', async () => {
      await page.getByTestId('nav-modules').click();
      await page.getByTestId('chart-modules').waitFor();
      expect(
        await page.locator('[data-testid="chart-modules"] [data-series]').count(),
      ).toBeGreaterThan(3);
      await shot('05-modules');
      await page.goto(url('/modules/notes?since=2d'));
      await page.getByTestId('chart-module-trend').waitFor();
      expect(await page.getByTestId('tool-row').count()).toBeGreaterThan(1);
      await shot('06-module-notes');
      await page.getByTestId('nav-ticks').click();
      await page.getByTestId('tick-table').waitFor();
      expect(await page.getByTestId('tick-item').count()).toBeGreaterThan(10);
      await shot('07-ticks');
    });

    it('loads nothing from outside the console', async () => {
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(stack.console?.url ?? '')) outside.push(request.url());
      });
      for (const path of ['/', '/modules', '/ticks', '/personas']) await page.goto(url(path));
      expect(outside).toEqual([]);
    });

    it('groups the broken module’s alerts into one incident that leads the overview', async () => {
      await page.goto(url('/?since=2d'));
      const first = page.getByTestId('incident-item').first();
      expect(await first.getAttribute('data-incident-id')).toMatch(/^notes@/);
      expect(await first.getByTestId('incident-part').count()).toBeGreaterThan(1);
      expect(await first.getByTestId('incident-facts').textContent()).toMatch(/Tool notes\.\w+/);
      await shot('08-incident');
    });

    it('evidence counts first, then paginates and filters', async () => {
      await page.goto(url('/?since=2d'));
      const href = await page.getByTestId('incident-link').first().getAttribute('href');
      await page.goto(url(`${href}${href?.includes('?') ? '&' : '?'}size=5`));
      expect(await page.getByTestId('signature-row').count()).toBeGreaterThan(0);
      const range = (await page.getByTestId('pager-range').first().textContent()) ?? '';
      const total = Number(range.match(/of (\d+)/)?.[1]);
      expect(range).toMatch(/ 1–\d+ of \d+/);
      if (total > 5) {
        await page.getByTestId('pager-next').first().click();
        expect(await page.getByTestId('pager-range').first().textContent()).toMatch(/ 6–/);
      }
      await shot('09-evidence');
      const persona = page.getByTestId('persona-share-row').first().locator('a');
      const personaId = decodeURIComponent(
        ((await persona.getAttribute('href')) ?? '').split('/').pop() ?? '',
      );
      await page.getByTestId('filter-persona').selectOption(personaId);
      await page.getByTestId('filter-submit').click();
      expect(new URL(page.url()).searchParams.get('persona')).toBe(personaId);
      expect(await page.getByTestId('persona-share-row').count()).toBe(1);
    });

    it('compares the releases before and after the fault', async () => {
      const start =
        Date.parse(await page.evaluate(() => new Date().toISOString())) - 4 * 86_400_000;
      for (const [name, at] of [
        ['v1.3', start - 3_600_000],
        ['v1.4', start + 2 * 86_400_000],
      ] as const) {
        const response = await fetch(url('/api/releases'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-service-key': E2E_SECRETS.serviceKey },
          body: JSON.stringify({ name, at: new Date(at).toISOString() }),
        });
        expect(response.status).toBe(201);
      }
      await page.goto(url('/releases?before=v1.3&after=v1.4'));
      await page.getByTestId('comparison').waitFor();
      expect(await page.getByTestId('compare-regression').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('compare-regression').first().textContent()).toMatch(/^notes/);
      await shot('10-releases');
    });

    it('fits a 390 px screen on every page (no horizontal scroll), logging load times', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await phone.context().addCookies(await page.context().cookies());
      const href = await page.getByTestId('nav-overview').getAttribute('href');
      expect(href).toBe('/');
      const alert = await phone
        .goto(url('/?since=2d'))
        .then(() => phone.getByTestId('incident-link').first().getAttribute('href'));
      const persona = await phone
        .goto(url('/personas'))
        .then(() => phone.getByTestId('persona-row').first().getAttribute('data-persona-id'));
      const paths = [
        '/',
        '/alerts?since=2d',
        alert ?? '/',
        '/releases?before=v1.3&after=v1.4',
        '/modules',
        '/modules/notes?since=2d',
        '/ticks',
        '/personas',
        `/personas/${persona}`,
      ];
      for (const path of paths) {
        const t0 = performance.now();
        const response = await phone.goto(url(path));
        const ms = Math.round(performance.now() - t0);
        const bytes = (await response?.body())?.length ?? 0;
        process.stderr.write(`console page ${path}: ${ms} ms, ${bytes} bytes\n`);
        const widths = await phone.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        expect(widths[0], path).toBeLessThanOrEqual(widths[1] ?? 390);
        await phone.screenshot({
          path: join(SHOTS, `390-${path.split('?')[0]?.replace(/\W+/g, '_')}.png`),
          fullPage: true,
        });
      }
      // The last page is a persona's: its trend charts and its latest transcripts.
      expect(await phone.getByTestId('chart-persona-rates').count()).toBe(1);
      expect(await phone.getByTestId('recent-transcript').count()).toBeGreaterThan(0);
      await phone.close();
    }, 90_000);

    it('signs out', async () => {
      await page.getByTestId('nav-logout').click();
      await page.waitForURL(/\/login/);
      await page.goto(url('/'));
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  },
);
