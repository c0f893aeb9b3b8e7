import { personaActions, personaFeedback, users } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, TEST_PERSONA_PASSWORD, type TestAuthApp } from '../../testing/test-app';

const PROFILE = {
  name: 'Julia',
  password: TEST_PERSONA_PASSWORD,
  archetype: 'researcher',
  systemPrompt: 'You are Julia, a postdoc.',
  moduleMix: { articles: 0.4, notes: 0.4, research: 0.2 },
  tickCadence: 'weekdays',
  locale: 'en',
  timezone: 'UTC',
  traits: { chaos: 0.05 },
};

interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string }[] };
}
interface ListAnswer {
  personas: {
    userId: string;
    email: string;
    actions7d: number;
    errors7d: number;
    avgRating: number | null;
    ratingsCount: number;
    lastTick: { status: string } | null;
  }[];
}

describe('admin API', () => {
  let t: TestAuthApp;
  beforeAll(async () => {
    t = await createTestAuthApp();
  });
  afterAll(() => t.close());

  const upsert = (body: Record<string, unknown>) =>
    t.service('POST', '/api/v1/admin/personas', body);

  describe('POST /api/v1/admin/personas', () => {
    it('creates, then reports unchanged, then reports a changed profile', async () => {
      const email = 'persona.julia@mana.test';
      const created = await upsert({ email, ...PROFILE });
      expect(created.status).toBe(201);
      const first = (await created.json()) as {
        persona: { userId: string };
        created: boolean;
        changed: boolean;
      };
      expect(first).toMatchObject({ created: true, changed: true });
      const [user] = await t.db.select().from(users).where(eq(users.id, first.persona.userId));
      expect(user?.kind).toBe('persona');

      const again = await upsert({ email, ...PROFILE });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({
        persona: { userId: first.persona.userId, email },
        created: false,
        changed: false,
      });

      const edited = await upsert({ email, ...PROFILE, moduleMix: { notes: 1 } });
      expect(await edited.json()).toMatchObject({ created: false, changed: true });
    });

    it('resets a password that no longer matches (a changed seed secret)', async () => {
      const email = 'persona.rekey@mana.test';
      await upsert({ email, ...PROFILE });
      const changed = await upsert({ email, ...PROFILE, password: 'a-new-derived-password' });
      expect(await changed.json()).toMatchObject({ changed: true });
      await expect(t.login(email, 'a-new-derived-password')).resolves.toBeTruthy();
      await expect(t.login(email, TEST_PERSONA_PASSWORD)).rejects.toThrow(/401/);
    });

    it('will not turn a human account into a persona', async () => {
      await t.signUp('human@example.com', 'human-password-123');
      const response = await upsert({ email: 'human@example.com', ...PROFILE });
      expect(response.status).toBe(409);
      const [user] = await t.db.select().from(users).where(eq(users.email, 'human@example.com'));
      expect(user?.kind).toBe('human');
    });

    it('names every bad field', async () => {
      const response = await upsert({
        email: 'persona.bad@mana.test',
        ...PROFILE,
        timezone: 'Mars/Olympus',
        tickCadence: 'monthly',
        moduleMix: {},
        traits: { chaos: 2 },
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as ErrorAnswer;
      expect(error.fields?.map((f) => f.path).sort()).toEqual([
        'moduleMix',
        'tickCadence',
        'timezone',
        'traits.chaos',
      ]);
      expect(
        await t.db.select().from(users).where(eq(users.email, 'persona.bad@mana.test')),
      ).toEqual([]);
    });
  });

  describe('list and detail', () => {
    let id: string;
    beforeAll(async () => {
      id = await t.createPersona({ email: 'persona.stats@mana.test' });
      const now = t.clock().getTime();
      const day = 24 * 3600_000;
      const action = (n: number, result: 'ok' | 'error', ageDays: number) => ({
        id: `s-${n}`,
        personaId: id,
        tickId: 's',
        seq: n,
        toolName: 'todo.create',
        module: 'todo',
        spaceId: 'x',
        result,
        outcome: result === 'error' ? ('app_error' as const) : ('ok' as const),
        createdAt: new Date(now - ageDays * day),
      });
      await t.db
        .insert(personaActions)
        .values([
          action(0, 'ok', 1),
          action(1, 'error', 2),
          action(2, 'ok', 6.9),
          action(3, 'error', 8),
        ]);
      const rating = (n: number, module: string, value: number) => ({
        id: `r-${n}`,
        personaId: id,
        tickId: `t${n}`,
        module,
        rating: value,
      });
      // Ratings 5, 4, 4, 1: the mean is 3.5 (a count would say 4).
      await t.db
        .insert(personaFeedback)
        .values([
          rating(0, 'todo', 5),
          rating(1, 'todo', 4),
          rating(2, 'journal', 4),
          rating(3, 'journal', 1),
        ]);
      await t.service('PUT', `/api/v1/internal/personas/${id}/ticks/s-tick`, {
        status: 'failed',
        startedAt: t.clock().toISOString(),
        error: 'boom',
      });
    });

    it('the list reports 7-day activity and the true mean rating', async () => {
      const response = await t.service('GET', '/api/v1/admin/personas');
      const { personas } = (await response.json()) as ListAnswer;
      const row = personas.find((p) => p.userId === id);
      expect(row).toMatchObject({
        actions7d: 3,
        errors7d: 1,
        avgRating: 3.5,
        ratingsCount: 4,
        lastTick: { status: 'failed' },
      });
      const fresh = personas.find((p) => p.email === 'persona.julia@mana.test');
      expect(fresh).toMatchObject({
        actions7d: 0,
        errors7d: 0,
        avgRating: null,
        ratingsCount: 0,
        lastTick: null,
      });
    });

    it('the detail reports per-module means, recent actions and ticks', async () => {
      const response = await t.service('GET', `/api/v1/admin/personas/${id}`);
      expect(response.status).toBe(200);
      const detail = (await response.json()) as {
        persona: { email: string; moduleMix: unknown };
        moduleRatings: unknown[];
        recentActions: { id: string }[];
        recentTicks: { id: string; error: string }[];
        spaces: { type: string }[];
      };
      expect(detail.persona.email).toBe('persona.stats@mana.test');
      expect(detail.moduleRatings).toEqual([
        { module: 'journal', avgRating: 2.5, ratingsCount: 2 },
        { module: 'todo', avgRating: 4.5, ratingsCount: 2 },
      ]);
      expect(detail.recentActions.map((a) => a.id)).toEqual(['s-0', 's-1', 's-2', 's-3']);
      expect(detail.recentTicks).toEqual([
        expect.objectContaining({ id: 's-tick', error: 'boom' }),
      ]);
      expect(detail.spaces.map((s) => s.type)).toEqual(['personal']);
    });

    it('404 for an unknown persona or a human', async () => {
      const human = await t.signUp('human2@example.com', 'human-password-123');
      for (const target of ['nope', human]) {
        const response = await t.service('GET', `/api/v1/admin/personas/${target}`);
        expect(response.status).toBe(404);
        expect(((await response.json()) as ErrorAnswer).error.code).toBe('PERSONA_NOT_FOUND');
      }
    });
  });

  describe('DELETE /api/v1/admin/personas/:id', () => {
    it('soft-deletes only personas, keeps their history, and upsert restores them', async () => {
      const id = await t.createPersona({ email: 'persona.bye@mana.test' });
      await t.db.insert(personaActions).values({
        id: 'bye-0',
        personaId: id,
        tickId: 'b',
        seq: 0,
        toolName: 'todo.list',
        module: 'todo',
        spaceId: 'x',
        result: 'ok',
        outcome: 'ok',
      });
      expect((await t.service('DELETE', `/api/v1/admin/personas/${id}`)).status).toBe(200);
      expect((await t.service('DELETE', `/api/v1/admin/personas/${id}`)).status).toBe(404);
      const listed = (await (
        await t.service('GET', '/api/v1/admin/personas')
      ).json()) as ListAnswer;
      expect(listed.personas.map((p) => p.userId)).not.toContain(id);
      const all = (await (
        await t.service('GET', '/api/v1/admin/personas?includeDeleted=true')
      ).json()) as ListAnswer;
      expect(all.personas.find((p) => p.userId === id)).toMatchObject({ actions7d: 1 });

      const human = await t.signUp('human3@example.com', 'human-password-123');
      expect((await t.service('DELETE', `/api/v1/admin/personas/${human}`)).status).toBe(404);
      const [still] = await t.db.select().from(users).where(eq(users.id, human));
      expect(still?.deletedAt).toBeNull();

      const restored = await upsert({ email: 'persona.bye@mana.test', ...PROFILE, name: 'bye' });
      expect(await restored.json()).toMatchObject({ created: false, changed: true });
      await expect(t.login('persona.bye@mana.test', TEST_PERSONA_PASSWORD)).resolves.toBeTruthy();
    });
  });

  describe('PUT /api/v1/admin/spaces', () => {
    const put = (body: Record<string, unknown>) => t.service('PUT', '/api/v1/admin/spaces', body);
    beforeAll(async () => {
      await t.createPersona({ email: 'persona.sofia@mana.test' });
      await t.createPersona({ email: 'persona.tom@mana.test' });
    });

    it('is idempotent and makes the member set exactly the given one', async () => {
      const space = {
        slug: 'sofia-tom',
        name: 'Sofia & Tom',
        type: 'family',
        members: [
          { email: 'persona.sofia@mana.test', role: 'owner' },
          { email: 'persona.tom@mana.test', role: 'owner' },
        ],
      };
      const created = await put(space);
      expect(created.status).toBe(201);
      const again = await put(space);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ created: false, changed: false });

      const shrunk = await put({
        ...space,
        name: 'Sofia, Tom',
        members: [{ email: 'persona.sofia@mana.test', role: 'owner' }],
      });
      const body = (await shrunk.json()) as { changed: boolean; members: { email: string }[] };
      expect(body.changed).toBe(true);
      expect(body.members.map((m) => m.email)).toEqual(['persona.sofia@mana.test']);
      const tom = await t.login('persona.tom@mana.test', TEST_PERSONA_PASSWORD);
      const spaces = (await (
        await t.call('GET', '/api/v1/me/spaces', { headers: { authorization: `Bearer ${tom}` } })
      ).json()) as {
        spaces: { type: string }[];
      };
      expect(spaces.spaces.map((s) => s.type)).toEqual(['personal']);
    });

    it('404 naming members without an account; 400 for a personal type or bad slug', async () => {
      const unknown = await put({
        slug: 'ghosts',
        name: 'Ghosts',
        type: 'team',
        members: [{ email: 'ghost@mana.test' }],
      });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as ErrorAnswer).error.message).toContain('ghost@mana.test');
      const personal = await put({ slug: 'mine', name: 'Mine', type: 'personal', members: [] });
      expect(personal.status).toBe(400);
      const slug = await put({ slug: 'personal-abc', name: 'x', type: 'team', members: [] });
      expect(((await slug.json()) as ErrorAnswer).error.fields?.[0]?.path).toBe('slug');
    });
  });
});
