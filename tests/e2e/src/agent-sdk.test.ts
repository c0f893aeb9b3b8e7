import { personaActions, personaFeedback, personaTicks } from '@mana/db';
import { type FakeReply, type FakeRequest, startFakeAnthropic } from '@mana/fake-anthropic';
import { createBrain, type TickResult } from '@mana/persona-runner';
import { startStack } from '@mana/stack';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, stackDatabase } from './e2e-config';

/**
 * A model that behaves like a sensible persona: it lists what is in its first module,
 * then ends the day; asked for ratings (no tools offered), it answers fenced JSON.
 */
function personaModel(request: FakeRequest): FakeReply {
  if (!request.hasTools) {
    const list = /(?:Rate only these modules|Bewerte nur diese Module): ([^\n.]+)/.exec(
      request.lastUserText ?? '',
    );
    const modules = (list?.[1] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    const ratings = modules.map((module, i) => ({
      module,
      rating: 4 - (i % 2),
      notes: `${module} did what I needed`,
    }));
    return { text: `Here is my rating:\n\`\`\`json\n${JSON.stringify({ ratings })}\n\`\`\`` };
  }
  if (request.toolResults.length === 0) {
    const listTool = request.toolNames.find(
      (n) => n.startsWith('mcp__mana__') && /_(list|search)/.test(n),
    );
    if (listTool) return { toolUses: [{ name: listTool, input: {} }] };
  }
  return { text: 'That was my day.' };
}

describe('the real Claude Agent SDK end to end (fake Anthropic API, real gateway and identity)', () => {
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let database: Awaited<ReturnType<typeof stackDatabase>>;

  beforeAll(async () => {
    fake = await startFakeAnthropic({ handler: personaModel });
    const brain = createBrain({
      brain: 'claude-agent-sdk',
      anthropicApiKey: 'sk-ant-fake',
      anthropicBaseUrl: fake.url,
      model: 'claude-sonnet-4-5',
      scriptedSeed: 1,
      processEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    database = await stackDatabase();
    stack = await startStack({
      databaseUrl: database.url,
      authPort: 0,
      mcpPort: 0,
      ...E2E_SECRETS,
      runner: { brain, port: 0, startLoop: false, concurrency: 2, personaTimeoutMs: 60_000 },
    });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
    await database?.drop();
  });

  it('a tick: every due persona uses its tools through the gateway and rates them', async () => {
    const result = (await stack.runner?.runner.tick()) as TickResult;
    expect(result.failed).toEqual([]);
    expect(result.ranSuccessfully).toBe(result.due);
    const tickIds = result.personas.map((p) => p.tickId);
    const db = stack.database.db;
    const actions = await db
      .select()
      .from(personaActions)
      .where(inArray(personaActions.tickId, tickIds));
    expect(actions).toHaveLength(result.due);
    for (const action of actions) {
      expect(action.result).toBe('ok');
      expect(action.toolName).toMatch(/^[a-z]+\.(list|search)/);
      expect(action.toolUseId).toMatch(/^toolu_/);
      expect(action.module).toBe(action.toolName.split('.')[0]);
    }
    const feedback = await db
      .select()
      .from(personaFeedback)
      .where(inArray(personaFeedback.tickId, tickIds));
    expect(feedback).toHaveLength(result.due);
    expect(feedback.every((f) => f.rating === 4 && f.notes?.endsWith('did what I needed'))).toBe(
      true,
    );
    const ticks = await db.select().from(personaTicks).where(inArray(personaTicks.id, tickIds));
    for (const tick of ticks) {
      expect(tick).toMatchObject({
        status: 'ok',
        brain: 'claude-agent-sdk',
        model: 'claude-sonnet-4-5',
        actionsCount: 1,
      });
      expect(tick.inputTokens).toBeGreaterThan(0);
      expect(tick.costUsd).toBeGreaterThan(0);
    }
    // The model was offered only the persona's own modules.
    const offered = fake
      .messageRequests()
      .filter((r) => r.hasTools)
      .map((r) => r.toolNames.filter((n) => n.startsWith('mcp__mana__')));
    expect(offered.every((names) => names.length > 0)).toBe(true);
  }, 180_000);
});

describe('a rate-limit storm for one persona (fake Anthropic API answers 429 to Anna only)', () => {
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let database: Awaited<ReturnType<typeof stackDatabase>>;

  beforeAll(async () => {
    fake = await startFakeAnthropic({
      handler: (request) =>
        request.system.includes('Du bist Anna')
          ? { status: 429, retryAfter: 0 }
          : personaModel(request),
    });
    const brain = createBrain({
      brain: 'claude-agent-sdk',
      anthropicApiKey: 'sk-ant-fake',
      anthropicBaseUrl: fake.url,
      scriptedSeed: 1,
      processEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    database = await stackDatabase();
    stack = await startStack({
      databaseUrl: database.url,
      authPort: 0,
      mcpPort: 0,
      ...E2E_SECRETS,
      runner: { brain, port: 0, startLoop: false, concurrency: 2, personaTimeoutMs: 60_000 },
    });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
    await database?.drop();
  });

  it('fails only Anna, quickly, with the API error; the others live their day', async () => {
    const started = performance.now();
    const result = (await stack.runner?.runner.tick()) as TickResult;
    expect(result.failed.map((f) => f.email)).toEqual(['persona.anna@mana.test']);
    expect(result.failed[0]?.error).toMatch(/429/);
    expect(result.ranSuccessfully).toBe(result.due - 1);
    const annaRequests = fake.messageRequests().filter((r) => r.system.includes('Du bist Anna'));
    // Bounded retries: the first attempt and two retries, not the CLI's default ten.
    expect(annaRequests.length).toBeLessThanOrEqual(3);
    expect(performance.now() - started).toBeLessThan(60_000);
    const annaTick =
      result.personas.find((p) => p.email === 'persona.anna@mana.test')?.tickId ?? '';
    const [tick] = await stack.database.db
      .select()
      .from(personaTicks)
      .where(inArray(personaTicks.id, [annaTick]));
    expect(tick).toMatchObject({ status: 'failed' });
  }, 180_000);
});
