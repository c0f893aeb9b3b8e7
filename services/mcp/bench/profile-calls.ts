import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { invokeTool } from '@mana/tool-registry';
import { gatewayBench } from './bench-setup';

// Runs only one side of `overhead.ts` (`direct` or `gateway`) N times per tool and writes
// a CPU profile of just those calls (start-up and migrations left out) to the file named:
// `tsx bench/profile-calls.ts gateway 2000 gateway.cpuprofile`. bench/cpuprofile-owners.ts
// splits it by owner per call.
const side = process.argv[2] === 'direct' ? 'direct' : 'gateway';
const N = Number(process.argv[3] ?? 2000);
const out = process.argv[4] ?? `${side}.cpuprofile`;
const { h, client, ctx, tool } = await gatewayBench();
const cases: [string, Record<string, unknown>][] = [
  ['todo.list', { limit: 20 }],
  ['todo.create', { title: 'bench todo', tags: ['bench'] }],
];
for (let i = 0; i < 50; i++) await client.callTool({ name: 'todo.list', arguments: {} });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const started = process.cpuUsage();
for (const [name, args] of cases) {
  const spec = tool(name);
  for (let i = 0; i < N; i++) {
    if (side === 'direct') {
      const outcome = await invokeTool(spec, args, ctx);
      if (!outcome.ok) throw new Error(`direct ${name} failed`);
    } else {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError) throw new Error(`gateway ${name} failed`);
    }
  }
}
const used = process.cpuUsage(started);
const { profile } = await session.post('Profiler.stop');
await writeFile(out, JSON.stringify(profile));
session.disconnect();
process.stdout.write(
  `${side}: ${2 * N} calls, CPU per call ${((used.user + used.system) / 1000 / (2 * N)).toFixed(3)} ms\n`,
);
await h.close();
