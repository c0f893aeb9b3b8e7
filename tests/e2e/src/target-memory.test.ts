// Personas living in an MCP app nobody here wrote: @modelcontextprotocol/server-memory over
// stdio, described by targets/memory.json, with the scripted brain and with the llm brain
// against the fake OpenAI server. The store, the report and the console read what they did.
import { fileURLToPath } from 'node:url';
import { buildReport, listPersonaSummaries } from '@mana/analytics';
import { type Database, selectRows } from '@mana/db';
import { type FakeOpenAI, startFakeOpenAI } from '@mana/fake-openai';
import { type Brain, createBrain, createLlmBrain } from '@mana/persona-runner';
import { loadTarget, simulate } from '@mana/stack';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, stackDatabase } from './e2e-config';

const TARGET = fileURLToPath(new URL('../../../targets/memory.json', import.meta.url));
const START = new Date('2026-11-16T00:00:00Z'); // a Monday

interface Stored {
  actions: {
    email: string;
    tool: string;
    module: string;
    result: string;
    error: string | null;
    checked: string | null;
  }[];
  ticks: { email: string; status: string; error: string | null; space: string | null }[];
  feedback: { email: string; module: string; rating: number }[];
}

async function readStored(db: Database): Promise<Stored> {
  const actions = await selectRows<Stored['actions'][number]>(
    db,
    sql`select u.email, a.tool_name as tool, a.module, a.result, a.error_message as error,
               a.check_status as checked
        from auth.persona_actions a join auth.users u on u.id = a.persona_id order by a.id`,
  );
  const ticks = await selectRows<Stored['ticks'][number]>(
    db,
    sql`select u.email, t.status, t.error, t.space_id as space
        from auth.persona_ticks t join auth.users u on u.id = t.persona_id order by t.id`,
  );
  const feedback = await selectRows<Stored['feedback'][number]>(
    db,
    sql`select u.email, f.module, f.rating from auth.persona_feedback f
        join auth.users u on u.id = f.persona_id order by f.id`,
  );
  return { actions, ticks, feedback };
}

/** One simulated day of the memory target's two personas with `brain`. */
async function liveOneDay(brain: Brain) {
  const database = await stackDatabase();
  const target = loadTarget(TARGET, { env: {} });
  let stored: Stored | undefined;
  let report: Awaited<ReturnType<typeof buildReport>> | undefined;
  let personas: Awaited<ReturnType<typeof listPersonaSummaries>> | undefined;
  try {
    const summary = await simulate({
      ...E2E_SECRETS,
      databaseUrl: database.url,
      // One tick: both daily personas are due at once and live their day.
      days: 1 / 24,
      seed: 3,
      brain,
      start: START,
      target,
      onFinished: async (db) => {
        stored = await readStored(db);
        report = await buildReport(db, { now: new Date('2026-11-17T00:00:00Z'), sinceDays: 1 });
        personas = await listPersonaSummaries(db, new Date('2026-11-17T00:00:00Z'));
      },
    });
    return { summary, stored: stored as Stored, report, personas };
  } finally {
    await database.drop();
  }
}

describe('a third-party MCP app as the target (server-memory over stdio)', () => {
  let openai: FakeOpenAI;
  beforeAll(async () => {
    openai = await startFakeOpenAI();
  });
  afterAll(async () => {
    await openai?.close();
  });

  it('scripted personas live a day in it: valid inputs, checks, ratings, report', {
    timeout: 300_000,
  }, async () => {
    const brain = createBrain({ brain: 'scripted', scriptedSeed: 3, processEnv: {} });
    if (!brain) throw new Error('no scripted brain');
    const { summary, stored, report, personas } = await liveOneDay(brain);

    expect(summary.personaDays).toBe(2);
    expect(summary.failed).toBe(0);
    // The app has no spaces: the day is stored under the persona's space in the store.
    expect(stored.ticks.map((t) => [t.email, t.status])).toEqual([
      ['mara.memory@personas.mana.test', 'ok'],
      ['tobi.memory@personas.mana.test', 'ok'],
    ]);
    for (const tick of stored.ticks) expect(tick.space).toMatch(/^[0-9a-f-]{36}$/);
    const tools = new Set(stored.actions.map((a) => a.tool));
    // Only mapped tools: the server's deletes are never offered.
    for (const tool of tools) expect(tool).not.toMatch(/^delete_/);
    expect(tools.has('create_entities')).toBe(true);
    expect(new Set(stored.actions.map((a) => a.module))).toEqual(
      new Set(['entities', 'relations']),
    );
    // Inputs built from the server's JSON Schemas are accepted; a persona's typos may not be.
    const mara = stored.actions.filter((a) => a.email.startsWith('mara'));
    expect(mara.filter((a) => a.result === 'ok').length).toBeGreaterThan(mara.length / 2);
    // The checks the target file declares were carried out, and what was written was there.
    expect(stored.actions.some((a) => a.checked === 'passed')).toBe(true);
    expect(stored.actions.filter((a) => a.checked === 'failed')).toEqual([]);
    expect(stored.feedback.length).toBeGreaterThanOrEqual(2);
    for (const f of stored.feedback) expect(['entities', 'relations']).toContain(f.module);
    // The operator's views read the target's rows like the built-in app's.
    expect(personas?.map((p) => p.email).sort()).toEqual([
      'mara.memory@personas.mana.test',
      'tobi.memory@personas.mana.test',
    ]);
    expect(report?.tools.map((t) => t.tool)).toContain('create_entities');
  });

  it('the llm brain (fake OpenAI) calls a memory tool and rates it', {
    timeout: 300_000,
  }, async () => {
    openai.script((request) => {
      if (!request.hasTools) {
        return { text: '{"ratings":[{"module":"entities","rating":4,"notes":"Quick to add."}]}' };
      }
      if (request.toolResults.length === 0) {
        return {
          toolCalls: [
            {
              name: 'create_entities',
              arguments: {
                entities: [
                  {
                    name: 'Ada Lovelace',
                    entityType: 'person',
                    observations: ['wrote the first program'],
                  },
                ],
              },
            },
          ],
        };
      }
      return { text: 'Noted Ada.' };
    });
    const brain = createLlmBrain({
      model: { provider: 'openai-compatible', modelId: 'fake-model' },
      baseUrl: openai.url,
    });
    const { summary, stored } = await liveOneDay(brain);

    expect(summary.failed).toBe(0);
    expect(stored.actions.map((a) => [a.tool, a.module, a.result])).toEqual([
      ['create_entities', 'entities', 'ok'],
      ['create_entities', 'entities', 'ok'],
    ]);
    expect(stored.feedback.map((f) => [f.module, f.rating])).toEqual([
      ['entities', 4],
      ['entities', 4],
    ]);
    // The model was offered the mapped tools under their own names, and no delete.
    const offered = openai.completionRequests().find((r) => r.hasTools)?.toolNames ?? [];
    expect(offered).toContain('create_entities');
    expect(offered.some((n) => n.startsWith('delete_'))).toBe(false);
  });
});
