import {
  type FakeHandler,
  type FakeReply,
  type FakeRequest,
  startFakeAnthropic,
} from '@mana/fake-anthropic';
import { createBrain } from '@mana/persona-runner';
import { startStack } from '@mana/stack';

/**
 * A model that behaves like a sensible persona: it lists what is in its first module,
 * then ends the day; asked for ratings (no tools offered), it answers fenced JSON.
 */
export function personaModel(request: FakeRequest): FakeReply {
  if (!request.hasTools) {
    const list = /(?:Rate only these modules|Bewerte nur diese Module): ([^\n.]+)/.exec(
      request.lastUserText,
    );
    const modules = (list?.[1] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    const ratings = modules.map((module, i) => ({
      module,
      rating: 4 - (i % 2),
      notes: `${module} did what I needed`,
    }));
    return { text: `Here is my rating:\n\`\`\`json\n${JSON.stringify({ ratings })}\n\`\`\`` };
  }
  if (request.toolResults.length === 0) {
    const listTool = request.toolNames.find(
      (n) => n.startsWith('mcp__mana__') && /_(list|search)/.test(n),
    );
    if (listTool) return { toolUses: [{ name: listTool, input: {} }] };
  }
  return { text: 'That was my day.' };
}

/**
 * The whole stack with the real Claude Agent SDK brain against a local fake Anthropic
 * API answering with `handler`; the tick loop is off (callers tick themselves).
 */
export async function startSdkStack(options: {
  handler: FakeHandler;
  databaseUrl: string;
  secrets: { serviceKey: string; authSecret: string; seedSecret: string };
  concurrency?: number;
}) {
  const fake = await startFakeAnthropic({ handler: options.handler });
  const brain = createBrain({
    brain: 'claude-agent-sdk',
    anthropicApiKey: 'sk-ant-fake',
    anthropicBaseUrl: fake.url,
    model: 'claude-sonnet-4-5',
    scriptedSeed: 1,
    processEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const stack = await startStack({
    databaseUrl: options.databaseUrl,
    authPort: 0,
    mcpPort: 0,
    ...options.secrets,
    runner: {
      brain,
      port: 0,
      startLoop: false,
      concurrency: options.concurrency ?? 2,
      personaTimeoutMs: 60_000,
    },
  });
  return {
    fake,
    stack,
    async close() {
      await stack.close();
      await fake.close();
    },
  };
}
