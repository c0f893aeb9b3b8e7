import { startAuthService } from '@mana/auth';
import { HEADERS } from '@mana/contracts';
import { createTestDatabase } from '@mana/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog';
import { derivePersonaPassword } from './password';
import { scaleCatalog } from './scale';
import { describeSeed, SeedError, seedPersonas } from './seed';

const SERVICE_KEY = 'seed-test-service-key';
const SEED_SECRET = 'seed-test-secret';

describe('seedPersonas against a running identity service', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Awaited<ReturnType<typeof startAuthService>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startAuthService({
      db: database.db,
      serviceKey: SERVICE_KEY,
      secret: 'seed-test-better-auth-secret-0123456789',
      port: 0,
    });
  });
  afterAll(async () => {
    await service.close();
    await database.close();
  });

  it('registers the catalog once; a second run creates nothing and says so', async () => {
    const lines: string[] = [];
    const first = await seedPersonas({
      authUrl: service.url,
      serviceKey: SERVICE_KEY,
      seedSecret: SEED_SECRET,
      onProgress: (l) => lines.push(l),
    });
    expect(first.personas.created).toHaveLength(10);
    expect(first.spaces.created).toEqual([
      'anna-ben',
      'northwind',
      'sofia-tom',
      'kai-studio',
      'paul-design',
    ]);
    expect(lines).toHaveLength(15);
    expect(describeSeed(first)).toBe(
      'personas: 10 created, 0 updated, 0 unchanged; shared spaces: 5 created, 0 updated, 0 unchanged',
    );

    const second = await seedPersonas({
      authUrl: service.url,
      serviceKey: SERVICE_KEY,
      seedSecret: SEED_SECRET,
    });
    expect(second.personas.unchanged).toHaveLength(10);
    expect(second.spaces.unchanged).toHaveLength(5);
    expect(describeSeed(second)).toBe(
      'nothing to do: all 10 personas and 5 shared spaces are already seeded',
    );

    const listed = await fetch(`${service.url}/api/v1/admin/personas`, {
      headers: { [HEADERS.serviceKey]: SERVICE_KEY },
    });
    expect(((await listed.json()) as { personas: unknown[] }).personas).toHaveLength(10);
  });

  it('each persona logs in with its derived password and sees its shared spaces', async () => {
    const catalog = loadCatalog();
    const login = async (email: string) => {
      const response = await fetch(`${service.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: derivePersonaPassword(SEED_SECRET, email) }),
      });
      expect(response.status, email).toBe(200);
      return (await response.json()) as { accessToken: string; user: { kind: string } };
    };
    for (const persona of catalog.personas) {
      const { accessToken, user } = await login(persona.email);
      expect(user.kind).toBe('persona');
      const spaces = (await (
        await fetch(`${service.url}/api/v1/me/spaces`, {
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).json()) as {
        spaces: { name: string; type: string }[];
      };
      const shared = catalog.spaces
        .filter((s) => s.members.some((m) => m.email === persona.email))
        .map((s) => s.name);
      expect(spaces.spaces.map((s) => s.name)).toEqual([persona.name, ...shared]);
    }
  });

  it('seeds clones without a password, several at a time, and lists them in catalog order', async () => {
    const catalog = scaleCatalog(loadCatalog(), 25);
    const lines: string[] = [];
    const summary = await seedPersonas({
      authUrl: service.url,
      serviceKey: SERVICE_KEY,
      seedSecret: SEED_SECRET,
      catalog,
      concurrency: 4,
      onProgress: (l) => lines.push(l),
    });
    const clones = catalog.personas.slice(10).map((p) => p.email);
    expect(summary.personas.created).toEqual(clones);
    expect(summary.personas.unchanged).toEqual(catalog.personas.slice(0, 10).map((p) => p.email));
    expect(lines.filter((l) => l.startsWith('persona '))).toHaveLength(25);
    // A clone has no password: its derived one does not open it (the runner mints its tokens).
    const clone = clones[0] ?? '';
    const login = await fetch(`${service.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clone, password: derivePersonaPassword(SEED_SECRET, clone) }),
    });
    expect(login.status).toBe(401);
  });

  it('fails clearly on a wrong service key or an unreachable service', async () => {
    await expect(
      seedPersonas({ authUrl: service.url, serviceKey: 'wrong', seedSecret: SEED_SECRET }),
    ).rejects.toThrow(/answered 401/);
    await expect(
      seedPersonas({
        authUrl: 'http://127.0.0.1:9',
        serviceKey: SERVICE_KEY,
        seedSecret: SEED_SECRET,
      }),
    ).rejects.toBeInstanceOf(SeedError);
  });
});
