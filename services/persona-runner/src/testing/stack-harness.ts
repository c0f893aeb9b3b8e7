import { randomUUID } from 'node:crypto';
import { startAuthService } from '@mana/auth';
import type { DuePersona, SpaceSummary } from '@mana/contracts';
import { createTestDatabase } from '@mana/db/testing';
import { silentLogger } from '@mana/http';
import { startMcpGateway } from '@mana/mcp';
import { derivePersonaPassword, loadCatalog, seedPersonas } from '@mana/personas';
import type { ToolRegistry } from '@mana/tool-registry';
import { pino } from 'pino';
import type { Brain, DayContext, ToolCall } from '../brains/types';
import { gatewayHeaders } from '../clients/gateway';
import { PersonaRunner, type PersonaRunnerOptions } from '../runner';
import { CallLog } from '../tick/call-log';
import { modulesOf } from '../tick/modules-of';
import { TranscriptRecorder } from '../transcript/transcript-recorder';

export const STACK_SERVICE_KEY = 'runner-test-service-key';
export const STACK_SEED_SECRET = 'runner-test-seed-secret';

/**
 * The identity service and the MCP gateway on loopback ports over a fresh database, with
 * the persona catalog seeded: what a brain or the runner talks to in tests.
 */
export async function startTestStack(
  options: { registry?: ToolRegistry; clock?: () => Date } = {},
) {
  const database = await createTestDatabase();
  const auth = await startAuthService({
    db: database.db,
    serviceKey: STACK_SERVICE_KEY,
    secret: 'runner-test-better-auth-secret-0123456789',
    port: 0,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const mcp = await startMcpGateway({
    db: database.db,
    authUrl: auth.url,
    port: 0,
    registry: options.registry,
  });
  await seedPersonas({
    authUrl: auth.url,
    serviceKey: STACK_SERVICE_KEY,
    seedSecret: STACK_SEED_SECRET,
  });
  const catalog = loadCatalog();
  const clock = options.clock;

  const login = async (email: string) => {
    const response = await fetch(`${auth.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: derivePersonaPassword(STACK_SEED_SECRET, email) }),
    });
    if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
    return (await response.json()) as { accessToken: string; user: { id: string } };
  };

  const spacesOf = async (token: string) => {
    const response = await fetch(`${auth.url}/api/v1/me/spaces`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { spaces: SpaceSummary[] }).spaces;
  };

  return {
    db: database.db,
    auth,
    mcp,
    catalog,
    login,
    spacesOf,
    /**
     * A runner of this stack (service key, seed secret, a fresh runner id, two days at a
     * time, 60 s deadlines, silent, the stack's clock), with `options` on top.
     */
    runner(options: Partial<PersonaRunnerOptions> & { brain: Brain }): PersonaRunner {
      return new PersonaRunner({
        authUrl: auth.url,
        mcpUrl: mcp.url,
        serviceKey: STACK_SERVICE_KEY,
        seedSecret: STACK_SEED_SECRET,
        runnerId: `test-runner-${randomUUID().slice(0, 8)}`,
        concurrency: 2,
        personaTimeoutMs: 60_000,
        tickIntervalMs: 60_000,
        logger: silentLogger(),
        ...(clock ? { clock } : {}),
        ...options,
      });
    },
    /** A catalog persona as the due API would describe it. */
    persona(name: string): DuePersona {
      const entry = catalog.personas.find((p) => p.name.toLowerCase() === name.toLowerCase());
      if (!entry) throw new Error(`no catalog persona ${name}`);
      return { ...entry, userId: '', lastActiveAt: null };
    },
    /**
     * A DayContext for a catalog persona in its personal space (or the named shared one),
     * recording calls (and verdicts on them) into the returned array, as a tick does.
     */
    async day(
      name: string,
      options: {
        spaceName?: string | undefined;
        now?: Date | undefined;
        signal?: AbortSignal | undefined;
        tickId?: string | undefined;
        coverage?: ReadonlyMap<string, number> | undefined;
      } = {},
    ) {
      const persona = this.persona(name);
      const { accessToken, user } = await login(persona.email);
      persona.userId = user.id;
      const spaces = await spacesOf(accessToken);
      const space = options.spaceName
        ? spaces.find((s) => s.name === options.spaceName)
        : spaces.find((s) => s.type === 'personal');
      if (!space) throw new Error(`no space ${options.spaceName ?? 'personal'} for ${name}`);
      const modules = modulesOf(persona);
      const log = new CallLog(pino({ level: 'silent' }));
      const calls: ToolCall[] = log.calls;
      const transcript = new TranscriptRecorder();
      const day: DayContext = {
        persona,
        tickId: options.tickId ?? `test-${name.toLowerCase()}`,
        now: options.now ?? new Date('2026-11-25T09:00:00Z'),
        gateway: {
          url: mcp.mcpUrl,
          headers: gatewayHeaders(accessToken, space.id, modules),
        },
        space,
        modules,
        signal: options.signal ?? new AbortController().signal,
        coverage: options.coverage ?? new Map(),
        record: (call) => {
          const index = log.record(call);
          if (index >= 0) transcript.toolCall(call, index);
          return index;
        },
        judge: log.judge,
        transcript,
        stopwatch: () => performance.now(),

        logger: pino({ level: 'silent' }),
      };
      return { day, calls, transcript };
    },
    async close() {
      await mcp.close();
      await auth.close();
      await database.close();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
