import { startGatewayHarness } from '@mana/mcp/testing';
import { connectGateway } from '../src/clients/gateway';
import { startDayTrace } from '../src/telemetry/day-trace';
import { startRunnerTracing } from '../src/telemetry/start-runner-tracing';
import { startOtlpReceiver } from '../src/testing/otlp-receiver';

// `npm run bench:tracing`: what tracing costs a tool call. The runner's MCP client calls
// `todo.list` through the real gateway inside a persona-day's trace, N calls a round,
// rounds alternating tracing off (no OTEL endpoint: the no-op API) and on (spans on both
// sides, traceparent, a batch exporter to an in-process OTLP receiver; the flush at the
// end of a round is timed apart). Embedded PGlite in memory.
const N = Number(process.argv[2] ?? 150);
const ROUNDS = 6;
const h = await startGatewayHarness();
await h.persona('bench');
const token = await h.token('bench');
const access = { url: h.gateway.mcpUrl, headers: { authorization: `Bearer ${token}` } };
const receiver = await startOtlpReceiver();

const median = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const samples = { off: [] as number[], on: [] as number[] };
const flushes: number[] = [];

for (let round = 0; round < ROUNDS; round++) {
  const on = round % 2 === 1;
  const tracing = on ? await startRunnerTracing(receiver.url) : undefined;
  const day = startDayTrace({ email: 'persona.bench@mana.test', userId: 'bench' }, `r${round}`, {
    name: 'scripted',
    model: 'bench',
  });
  await day.run(async () => {
    const session = await connectGateway(access);
    await session.listTools();
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const result = await session.callTool('todo.list', { limit: 20 });
      (on ? samples.on : samples.off).push(performance.now() - t);
      if (!result.ok) throw new Error(`todo.list failed: ${result.errorMessage}`);
    }
    await session.close();
  });
  day.end({
    status: 'ok',
    spaceId: null,
    calls: [],
    usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
  });
  if (tracing) {
    const t = performance.now();
    await tracing.shutdown();
    flushes.push(performance.now() - t);
  }
}

const off = median(samples.off);
const on = median(samples.on);
process.stdout.write(
  `todo.list via the gateway, ${samples.off.length} calls each, Node ${process.version}\n` +
    `tracing off p50 ${off.toFixed(2)} ms | on p50 ${on.toFixed(2)} ms | difference ${(on - off).toFixed(2)} ms\n` +
    `spans received ${receiver.spans.length}, flush at round end p50 ${median(flushes).toFixed(1)} ms\n`,
);
await receiver.close();
await h.close();
