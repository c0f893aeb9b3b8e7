import { personaActions, personaFeedback, personaTicks } from '@mana/db';
import type { TickResult } from '@mana/persona-runner';
import type { startStack } from '@mana/stack';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, stackDatabase } from './e2e-config';
import { personaModel, startSdkStack } from './sdk-stack';

describe('the real Claude Agent SDK end to end (fake Anthropic API, real gateway and identity)', () => {
  let sdk: Awaited<ReturnType<typeof startSdkStack>>;
  let database: Awaited<ReturnType<typeof stackDatabase>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let fake: Awaited<ReturnType<typeof startSdkStack>>['fake'];

  beforeAll(async () => {
    database = await stackDatabase();
    sdk = await startSdkStack({
      handler: personaModel,
      databaseUrl: database.url,
      secrets: E2E_SECRETS,
    });
    ({ stack, fake } = sdk);
  }, 60_000);
  afterAll(async () => {
    await sdk?.close();
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
  let sdk: Awaited<ReturnType<typeof startSdkStack>>;
  let database: Awaited<ReturnType<typeof stackDatabase>>;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let fake: Awaited<ReturnType<typeof startSdkStack>>['fake'];

  beforeAll(async () => {
    database = await stackDatabase();
    sdk = await startSdkStack({
      handler: (request) =>
        request.system.includes('Du bist Anna')
          ? { status: 429, retryAfter: 0 }
          : personaModel(request),
      databaseUrl: database.url,
      secrets: E2E_SECRETS,
    });
    ({ stack, fake } = sdk);
  }, 60_000);
  afterAll(async () => {
    await sdk?.close();
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
