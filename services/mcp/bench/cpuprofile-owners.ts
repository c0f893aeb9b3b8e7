import { readFile } from 'node:fs/promises';

// `tsx bench/cpuprofile-owners.ts gateway.cpuprofile 4000`: splits a V8 CPU profile (as
// written by profile-calls.ts) by who owns each sample, per call. A sample goes to the
// first owner below that has a frame anywhere on its stack, so a zod parse inside the SDK
// counts as the SDK's and the query engine under drizzle as the database's. Async code
// loses its callers across awaits, which is why owners are matched on the whole stack.

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const OWNERS: [string, (f: CallFrame) => boolean][] = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['database: PGlite', (f) => f.url.includes('pglite') || f.url.startsWith('wasm')],
  ['database: drizzle', (f) => f.url.includes('drizzle-orm')],
  ['client: undici abort-listener scan', (f) => f.functionName === 'getEventListeners'],
  [
    'client: MCP SDK client + fetch',
    (f) => f.url.includes('sdk/dist/esm/client/') || f.url.includes('undici'),
  ],
  ['tool registry (validation, handler)', (f) => f.url.includes('packages/tool-registry')],
  [
    'gateway: metrics, logs, tracing',
    (f) => /prom-client|@opentelemetry|pino|telemetry\/|metrics\.ts/.test(f.url),
  ],
  ['SDK server: transport', (f) => f.url.includes('webStandardStreamableHttp')],
  ['SDK server: Server/Protocol', (f) => f.url.includes('@modelcontextprotocol/sdk')],
  [
    'gateway: caller, spaces, token',
    (f) => /middleware\/caller|space-resolver|token-verifier|bearer-token|jose/.test(f.url),
  ],
  ['gateway: other', (f) => /services\/mcp\/src|packages\/http/.test(f.url)],
  ['@hono/node-server', (f) => f.url.includes('@hono/node-server')],
  ['hono', (f) => f.url.includes('/hono/')],
  [
    'node http, streams, sockets',
    (f) => /node:(_http|net|internal\/streams|stream)/.test(f.url) || f.functionName === 'writev',
  ],
  ['other (microtasks, async hooks)', () => true],
];

const [file, callsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-owners.ts <file.cpuprofile> [calls]');
const calls = Number(callsArg ?? 1);
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);

const owned = new Map<string, number>();
let busy = 0;
profile.samples.forEach((leaf, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  const frames: CallFrame[] = [];
  for (let id: number | undefined = leaf; id !== undefined; id = parentOf.get(id)) {
    const node = byId.get(id);
    if (node) frames.push(node.callFrame);
  }
  const owner = OWNERS.find(([, test]) => frames.some(test))?.[0] ?? 'other';
  owned.set(owner, (owned.get(owner) ?? 0) + delta);
  if (owner !== 'idle') busy += delta;
});
process.stdout.write(`${file}: ${(busy / calls).toFixed(0)} µs busy per call over ${calls}\n`);
for (const [owner, micros] of [...owned].sort((a, b) => b[1] - a[1])) {
  const share = ((100 * micros) / busy).toFixed(1);
  process.stdout.write(
    `${(micros / calls).toFixed(0).padStart(7)} µs ${share.padStart(5)}%  ${owner}\n`,
  );
}
