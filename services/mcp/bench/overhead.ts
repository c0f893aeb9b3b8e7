import { Agent, request as httpRequest } from 'node:http';
import { invokeTool } from '@mana/tool-registry';
import { gatewayBench } from './bench-setup';

// `npm run bench:gateway`: the cost the gateway adds to a tool call. Calls the same
// tools N times directly through the registry (validation + handler + output check) and
// N times through the official MCP client over Streamable HTTP (JWT verification,
// space check, a fresh stateless MCP server, JSON-RPC, HTTP on loopback), and prints
// the latency distributions and the difference, and the CPU time of this process per call
// each way (client, gateway and PGlite all run in it; CPU is what a loaded machine does
// not distort). Embedded PGlite in memory. A second line per tool sends the same call as a
// bare JSON-RPC POST over a keep-alive node:http agent: the gateway without the official
// client's own cost (its transport, fetch, response parsing), which the first line counts.
const N = Number(process.argv[2] ?? 300);
const { h, token, client, ctx, tool } = await gatewayBench();

for (let i = 0; i < 20; i++) {
  await invokeTool(tool('todo.create'), { title: `warm-up ${i}` }, ctx);
}

const cases: [string, Record<string, unknown>][] = [
  ['todo.list', { limit: 20 }],
  ['todo.create', { title: 'bench todo', tags: ['bench'] }],
];

const url = new URL(h.gateway.mcpUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let rpcId = 0;
/** One tools/call as a bare POST; rejects unless it is a 200 whose result is no error. */
const barePost = (name: string, args: Record<string, unknown>) =>
  new Promise<void>((resolve, reject) => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: ++rpcId,
      method: 'tools/call',
      params: { name, arguments: args },
    });
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const failed = response.statusCode !== 200 || !text.includes('"result"');
          if (failed || text.includes('"isError":true')) {
            reject(new Error(`bare ${name}: HTTP ${response.statusCode} ${text.slice(0, 200)}`));
          } else resolve();
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const fmt = (x: number) => `${x.toFixed(2)} ms`;

process.stdout.write(`tool calls: ${N} each, PGlite in memory, Node ${process.version}\n`);
for (const [name, args] of cases) {
  const spec = tool(name);
  const direct: number[] = [];
  const gateway: number[] = [];
  const bare: number[] = [];
  const cpu = { direct: 0, gateway: 0, bare: 0 };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < N; i++) {
    let c = process.cpuUsage();
    let t = performance.now();
    const outcome = await invokeTool(spec, args, ctx);
    direct.push(performance.now() - t);
    cpu.direct += cpuMs(c);
    if (!outcome.ok) throw new Error(`direct ${name} failed`);
    c = process.cpuUsage();
    t = performance.now();
    const result = await client.callTool({ name, arguments: args });
    gateway.push(performance.now() - t);
    cpu.gateway += cpuMs(c);
    if (result.isError) throw new Error(`gateway ${name} failed`);
    c = process.cpuUsage();
    t = performance.now();
    await barePost(name, args);
    bare.push(performance.now() - t);
    cpu.bare += cpuMs(c);
  }
  const d = stats(direct);
  const g = stats(gateway);
  const b = stats(bare);
  process.stdout.write(
    `${name.padEnd(12)} direct p50 ${fmt(d.p50)} p95 ${fmt(d.p95)} | gateway p50 ${fmt(g.p50)} p95 ${fmt(g.p95)} | overhead p50 ${fmt(g.p50 - d.p50)}, mean ${fmt(g.mean - d.mean)} | CPU per call direct ${fmt(cpu.direct / N)}, gateway ${fmt(cpu.gateway / N)}\n` +
      `${''.padEnd(12)} bare HTTP client instead:        gateway p50 ${fmt(b.p50)} p95 ${fmt(b.p95)} | overhead p50 ${fmt(b.p50 - d.p50)}, mean ${fmt(b.mean - d.mean)} | CPU per call gateway ${fmt(cpu.bare / N)}\n`,
  );
}
agent.destroy();
await h.close();
