import { randomUUID } from 'node:crypto';
import { organizations, users } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { pino } from 'pino';
import { invokeTool } from '../invoke';
import type { AnyToolSpec, ToolContext } from '../tool-spec';

/**
 * A fresh database with one user who has two spaces, and tool contexts for each, so a
 * module test can act in space A and prove nothing leaks into space B.
 */
export async function createToolTestBed(options: { now?: Date } = {}) {
  const database = await createTestDatabase();
  const db = database.db;
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, name: 'Tess', email: `tess-${userId}@mana.test` });
  const spaceA = randomUUID();
  const spaceB = randomUUID();
  await db.insert(organizations).values([
    { id: spaceA, name: 'Space A', slug: `a-${spaceA}`, type: 'personal' },
    { id: spaceB, name: 'Space B', slug: `b-${spaceB}`, type: 'family' },
  ]);
  let now = options.now ?? new Date('2026-11-25T09:00:00Z');
  const logger = pino({ level: 'silent' });
  const context = (spaceId: string): ToolContext => ({
    userId,
    spaceId,
    db,
    logger,
    now: () => new Date(now),
  });
  const a = context(spaceA);
  const b = context(spaceB);

  /** Calls a tool in a space and returns its output; throws with the outcome otherwise. */
  const call = async (tool: AnyToolSpec, input: unknown, ctx: ToolContext = a) => {
    const outcome = await invokeTool(tool, input, ctx);
    if (!outcome.ok) throw new Error(`${tool.name} failed: ${JSON.stringify(outcome)}`);
    // biome-ignore lint/suspicious/noExplicitAny: tests read the output's fields freely.
    return outcome.output as any;
  };
  /** Calls a tool expecting a failure and returns the outcome. */
  const fail = async (tool: AnyToolSpec, input: unknown, ctx: ToolContext = a) => {
    const outcome = await invokeTool(tool, input, ctx);
    if (outcome.ok)
      throw new Error(`${tool.name} unexpectedly succeeded: ${JSON.stringify(outcome.output)}`);
    return outcome;
  };

  return {
    db,
    userId,
    spaceA,
    spaceB,
    a,
    b,
    call,
    fail,
    setNow(at: Date | string) {
      now = new Date(at);
    },
    close: () => database.close(),
  };
}

export type ToolTestBed = Awaited<ReturnType<typeof createToolTestBed>>;
