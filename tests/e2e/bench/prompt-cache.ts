import { parseArgs } from 'node:util';
import { personaTicks } from '@mana/db';
import { type FakeReply, type FakeRequest, startFakeAnthropic } from '@mana/fake-anthropic';
import { createLlmBrain, type TickResult } from '@mana/persona-runner';
import { startStack } from '@mana/stack';

// `npm run bench:cache -- [--turns 6] [--model claude-sonnet-4-5]`: what Anthropic prompt
// caching saves. One tick of the 10 catalog personas with the llm brain, once with its
// cache breakpoints (system prompt, last tool) and once without, against the fake
// Anthropic API in its estimating mode: input tokens are the request's size (about 4
// characters a token) and the fake's prompt cache reads and writes the marked prefix as
// the API does. A day is `turns` live turns (tool calls of the persona's first tool, then
// done) and the rating turn. The figures are the tokens and the cost at the model's list
// price, summed over the stored ticks. Token counts are estimates; the ratio is the point.
const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '6' },
    model: { type: 'string', default: 'claude-sonnet-4-5' },
  },
});
const turns = Number(values.turns);

function dayOf(req: FakeRequest): FakeReply {
  if (!req.hasTools) return { text: '{"ratings":[]}' };
  const done = req.messageCount >= 2 * (turns - 1) + 1;
  if (done) return { text: 'Fertig für heute.' };
  const tool = req.toolNames.find((n) => n.endsWith('_list')) ?? req.toolNames[0] ?? 'x';
  return { toolUses: [{ name: tool, input: {} }] };
}

async function run(promptCache: boolean) {
  const fake = await startFakeAnthropic({
    estimateInputTokens: true,
    promptCache: true,
    handler: dayOf,
  });
  const brain = createLlmBrain({
    model: { provider: 'anthropic', modelId: values.model },
    apiKey: 'sk-ant-fake',
    baseUrl: `${fake.url}/v1`,
    promptCache,
  });
  const stack = await startStack({
    databaseUrl: 'memory://',
    authPort: 0,
    mcpPort: 0,
    serviceKey: 'bench-key',
    authSecret: 'bench-better-auth-secret-0123456789abcdef',
    seedSecret: 'bench-seed',
    runner: { brain, port: 0, startLoop: false, concurrency: 5, personaTimeoutMs: 120_000 },
  });
  try {
    const result = (await stack.runner?.runner.tick()) as TickResult;
    const ticks = await stack.database.db.select().from(personaTicks);
    const sum = (pick: (t: (typeof ticks)[number]) => number | null) =>
      ticks.reduce((a, t) => a + (pick(t) ?? 0), 0);
    return {
      caching: promptCache ? 'on' : 'off',
      days: result.ranSuccessfully,
      requests: fake.messageRequests().length,
      input: sum((t) => t.inputTokens),
      cacheRead: sum((t) => t.cacheReadTokens),
      cacheWrite: sum((t) => t.cacheWriteTokens),
      output: sum((t) => t.outputTokens),
      costUsd: sum((t) => t.costUsd),
    };
  } finally {
    await stack.close();
    await fake.close();
  }
}

const off = await run(false);
const on = await run(true);
console.log(`anthropic:${values.model}, ${turns} live turns + 1 rating turn a day, list prices`);
console.log(
  '| caching | days | requests | input tokens | cache read | cache write | output | cost (USD) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of [off, on]) {
  console.log(
    `| ${r.caching} | ${r.days} | ${r.requests} | ${r.input} | ${r.cacheRead} | ${r.cacheWrite} | ${r.output} | ${r.costUsd.toFixed(4)} |`,
  );
}
console.log(`saving: ${((1 - on.costUsd / off.costUsd) * 100).toFixed(1)} % of the cost`);
