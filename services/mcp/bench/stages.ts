import { Agent, request as httpRequest } from 'node:http';
import { MCP_SCOPE } from '@mana/contracts';
import { createTokenVerifier } from '@mana/http';
import { createAppRegistry, invokeTool } from '@mana/tool-registry';
import { pino } from 'pino';
import { handleMcpRequest, sharedSchemaValidator } from '../src/mcp-handler';
import { createGatewayMetrics } from '../src/metrics';
import { precheckRpcBody } from '../src/rpc-precheck';
import { createSpaceResolver } from '../src/space-resolver';
import { startGatewayHarness } from '../src/testing/harness';
import { buildToolCatalog } from '../src/tool-catalog';

// `npm run bench:stages -w @mana/mcp [N]`: where the gateway's cost per call goes, as CPU
// time per call of each layer, one layer added at a time: the tool alone, the parts the
// gateway adds (cached token check, membership query, body precheck), the MCP handler
// (SDK server + tool), the Hono app in-process, the HTTP server over loopback with a bare
// node:http client, and the official MCP client. The difference between two lines is
// what that layer costs. CPU time, not latency: a loaded machine stretches latency far
// more than CPU. Each line is the median of 3 rounds of N calls; todo.list with 20 todos.
const N = Number(process.argv[2] ?? 1500);
const h = await startGatewayHarness();
const userId = await h.persona('bench');
const token = await h.token('bench');
const spaces = createSpaceResolver(h.db);
const spaceId = (await spaces.spacesOf(userId))?.find((s) => s.type === 'personal')?.id;
if (!spaceId) throw new Error('bench persona has no personal space');

const registry = createAppRegistry();
const logger = pino({ level: 'silent' });
const now = () => new Date();
const toolCtx = { userId, spaceId, db: h.db, logger, now };
const tool = (name: string) => {
  const spec = registry.get(name);
  if (!spec) throw new Error(`no tool ${name}`);
  return spec;
};
for (let i = 0; i < 20; i++) {
  await invokeTool(tool('todo.create'), { title: `seed ${i}`, tags: ['bench'] }, toolCtx);
}

const handlerDeps = {
  catalog: buildToolCatalog(registry),
  validator: sharedSchemaValidator(),
  toolsByModules: new Map(),
  db: h.db,
  logger,
  metrics: createGatewayMetrics(),
  now,
};
const requestCtx = {
  caller: { userId, kind: 'persona', email: '', role: 'user' } as const,
  spaceId,
  requestId: 'bench',
};
const args = { limit: 20 };
const body = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'todo.list', arguments: args },
});
const headers = {
  'content-type': 'application/json',
  'content-length': String(Buffer.byteLength(body)),
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
  authorization: `Bearer ${token}`,
  host: '127.0.0.1',
};
const verifyToken = createTokenVerifier({
  keys: `${h.auth.url}/api/auth/jwks`,
  issuer: h.auth.url,
  resources: [{ audience: h.gateway.mcpUrl, scope: MCP_SCOPE }],
  verifiedCache: { maxEntries: 10_000, maxAgeMs: 60_000 },
});
const url = new URL(h.gateway.mcpUrl);
// A fresh keep-alive agent per round: a socket left idle past the server's keep-alive
// timeout while other lines run may be reset just as it is reused.
let agent = new Agent({ keepAlive: true, maxSockets: 1 });
const rawPost = () =>
  new Promise<void>((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
const client = await h.connect({ authorization: `Bearer ${token}` });
const list = tool('todo.list');

const stages: [string, () => unknown][] = [
  ['tool alone (invokeTool)', () => invokeTool(list, args, toolCtx)],
  ['token check (cached JWT)', () => verifyToken(token)],
  ['membership query (spacesOf)', () => spaces.spacesOf(userId)],
  ['body precheck (JSON.parse, zod)', () => precheckRpcBody(body)],
  [
    'MCP handler: SDK server + tool',
    async () => {
      const request = new Request(h.gateway.mcpUrl, { method: 'POST', headers, body });
      return (await handleMcpRequest(request, requestCtx, handlerDeps)).text();
    },
  ],
  [
    'Hono app in-process (+ middleware, query)',
    async () =>
      (await h.gateway.app.request(h.gateway.mcpUrl, { method: 'POST', headers, body })).text(),
  ],
  ['HTTP on loopback, bare node:http client', rawPost],
  [
    'HTTP on loopback, official MCP client',
    () => client.callTool({ name: 'todo.list', arguments: args }),
  ],
];

const samples = new Map<string, number[]>();
for (let round = 0; round < 3; round++) {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (const [label, run] of stages) {
    for (let i = 0; i < 100; i++) await run();
    const started = process.cpuUsage();
    for (let i = 0; i < N; i++) await run();
    const used = process.cpuUsage(started);
    samples.set(label, [...(samples.get(label) ?? []), (used.user + used.system) / N]);
  }
}
process.stdout.write(`CPU per call, median of 3 rounds of ${N}, Node ${process.version}\n`);
for (const [label, values] of samples) {
  const median = [...values].sort((a, b) => a - b)[1] ?? Number.NaN;
  process.stdout.write(`${label.padEnd(44)} ${median.toFixed(0).padStart(6)} µs\n`);
}
agent.destroy();
await h.close();
