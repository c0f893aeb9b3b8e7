import { startAuthService } from '@mana/auth';
import { HEADERS } from '@mana/contracts';
import { createTestDatabase } from '@mana/db/testing';
import type { ToolRegistry } from '@mana/tool-registry';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { pino } from 'pino';
import { startMcpGateway } from '../server';

export const HARNESS_SERVICE_KEY = 'gateway-test-service-key';
export const HARNESS_PASSWORD = 'persona-password-123';

/**
 * The identity service and the gateway on loopback ports over one fresh database, with
 * helpers to create personas, log in and connect the official MCP client.
 */
export async function startGatewayHarness(
  options: {
    registry?: ToolRegistry;
    logLines?: unknown[];
    serviceKey?: string;
    now?: () => Date;
  } = {},
) {
  const database = await createTestDatabase();
  const auth = await startAuthService({
    db: database.db,
    serviceKey: HARNESS_SERVICE_KEY,
    secret: 'gateway-test-better-auth-secret-0123456789',
    port: 0,
  });
  const logLines = options.logLines;
  const logger = logLines
    ? pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) })
    : pino({ level: 'silent' });
  const gateway = await startMcpGateway({
    db: database.db,
    authUrl: auth.url,
    port: 0,
    registry: options.registry,
    logger,
    jwksCooldownMs: 0,
    ...(options.serviceKey ? { serviceKey: options.serviceKey } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  await auth.addOAuthResource(gateway.mcpUrl);
  const clients: Client[] = [];

  const admin = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${auth.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', [HEADERS.serviceKey]: HARNESS_SERVICE_KEY },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  return {
    db: database.db,
    auth,
    gateway,
    /** Creates a persona account (with its personal space) and returns its id. */
    async persona(name: string): Promise<string> {
      const body = await admin('POST', '/api/v1/admin/personas', {
        email: `persona.${name}@mana.test`,
        name,
        password: HARNESS_PASSWORD,
        archetype: 'tester',
        systemPrompt: 'You are a tester.',
        moduleMix: { todo: 1 },
        tickCadence: 'daily',
      });
      return (body.persona as { userId: string }).userId;
    },
    /** Puts a shared space and returns its id. */
    async sharedSpace(slug: string, memberNames: string[]): Promise<string> {
      const body = await admin('PUT', '/api/v1/admin/spaces', {
        slug,
        name: slug,
        type: 'family',
        members: memberNames.map((n) => ({ email: `persona.${n}@mana.test`, role: 'owner' })),
      });
      return (body.space as { id: string }).id;
    },
    /** Logs a persona in and returns its access token. */
    async token(name: string): Promise<string> {
      const response = await fetch(`${auth.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `persona.${name}@mana.test`, password: HARNESS_PASSWORD }),
      });
      if (!response.ok) throw new Error(`login ${name}: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    /** The official MCP client, connected over Streamable HTTP with these headers. */
    async connect(headers: Record<string, string>): Promise<Client> {
      const client = new Client({ name: 'gateway-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(gateway.mcpUrl), {
          requestInit: { headers },
          // A signal per request, as the runner's clients do (withOwnSignal): the SDK hands
          // every fetch its one signal, and undici's listeners on it pile up call by call.
          fetch: (url, init) =>
            fetch(url, init?.signal ? { ...init, signal: AbortSignal.any([init.signal]) } : init),
        }),
      );
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.allSettled(clients.map((c) => c.close()));
      await gateway.close();
      await auth.close();
      await database.close();
    },
  };
}

export type GatewayHarness = Awaited<ReturnType<typeof startGatewayHarness>>;
