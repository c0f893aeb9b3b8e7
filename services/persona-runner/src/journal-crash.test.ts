import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRow } from '@mana/contracts';
import { personaActions, personaTicks } from '@mana/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_SEED_SECRET,
  STACK_SERVICE_KEY,
  startTestStack,
  type TestStack,
} from './testing/stack-harness';

const MINUTE = 60_000;
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);
const SCRIPT = join(import.meta.dirname, 'testing', 'crash-runner.ts');

// Issue 11 item 3: a kill -9 mid-tick lost the calls that had run (their app rows
// existed, their action rows did not) and left the tick running for good.
describe('a runner killed with SIGKILL mid-day', { timeout: 120_000 }, () => {
  let stack: TestStack;
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    stack = await startTestStack({ clock });
    dataDir = mkdtempSync(join(tmpdir(), 'runner-data-'));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await stack.close();
  });

  /** Starts the runner process; resolves with each line it prints, as it prints it. */
  const start = (hang: boolean) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      env: {
        PATH: process.env.PATH,
        CRASH_NOW: now.toISOString(),
        CRASH_HANG: hang ? '1' : '0',
        CRASH_AUTH_URL: stack.auth.url,
        CRASH_MCP_URL: stack.mcp.url,
        CRASH_SERVICE_KEY: STACK_SERVICE_KEY,
        CRASH_SEED_SECRET: STACK_SEED_SECRET,
        CRASH_RUNNER_ID: 'crashy',
        CRASH_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let buffer = '';
    const line = new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const end = buffer.indexOf('\n');
        if (end >= 0) resolve(buffer.slice(0, end));
      });
      child.on('exit', (code) => reject(new Error(`runner exited (${code}) before a line`)));
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return { child, line, exited };
  };

  it('loses no journaled call: each is stored once, and the old tick does not stay running', async () => {
    const first = start(true);
    expect(await first.line).toMatch(/^hanging /);
    first.child.kill('SIGKILL');
    await first.exited;

    // What the killed run had journaled: the calls of its day, never stored.
    const journaled = readFileSync(join(dataDir, 'journal.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"t":"call"'))
      .map((l) => (JSON.parse(l) as { row: ActionRow }).row);
    expect(journaled.length).toBeGreaterThan(0);
    const tickIds = [...new Set(journaled.map((r) => r.tickId))];
    const before = await stack.db
      .select()
      .from(personaActions)
      .where(inArray(personaActions.tickId, tickIds));
    expect(before).toHaveLength(0);

    // Restarted after the lease ran out: the journal is replayed, the persona lived again.
    now = new Date(now.getTime() + 10 * MINUTE);
    const second = start(false);
    const result = JSON.parse(await second.line) as { due: number; ranSuccessfully: number };
    await second.exited;
    expect(result.ranSuccessfully).toBe(result.due);

    const after = await stack.db
      .select()
      .from(personaActions)
      .where(inArray(personaActions.tickId, tickIds));
    expect(after.map((a) => `${a.tickId}#${a.seq}`).sort()).toEqual(
      journaled.map((r) => `${r.tickId}#${r.index}`).sort(),
    );
    for (const tickId of tickIds) {
      const [tick] = await stack.db.select().from(personaTicks).where(eq(personaTicks.id, tickId));
      expect(['abandoned', 'ok', 'failed']).toContain(tick?.status);
    }
    // The journal keeps nothing acknowledged.
    expect(readFileSync(join(dataDir, 'journal.ndjson'), 'utf8')).toBe('');
  });
});
