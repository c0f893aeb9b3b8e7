import type { Brain, DayContext } from '../brains/types';
import { connectGateway } from '../clients/gateway';

/** How the test brain behaves for one persona. */
export type TestBehaviour = 'ok' | 'zero' | 'throw' | 'hang';

/**
 * A brain at the Brain interface for orchestrator tests: by persona email it really
 * uses the gateway (one read call of each of its modules), makes no call, throws, or
 * records one call and then hangs until its day is aborted (`fallback` for the others). Its ratings come in a
 * code fence, as models often answer.
 */
export function testBrain(
  behaviours: Record<string, TestBehaviour> = {},
  fallback: TestBehaviour = 'ok',
): Brain & { days: string[]; hanging: Promise<string> } {
  const days: string[] = [];
  let startedHanging: (email: string) => void = () => {};
  const hanging = new Promise<string>((resolve) => {
    startedHanging = resolve;
  });
  return {
    name: 'scripted',
    model: 'test-brain',
    days,
    /** Resolves with the email of the first persona that starts hanging. */
    hanging,
    async liveDay(day: DayContext) {
      days.push(day.persona.email);
      const behaviour = behaviours[day.persona.email] ?? fallback;
      if (behaviour === 'zero') return {};
      if (behaviour === 'throw') throw new Error(`brain exploded for ${day.persona.email}`);
      const session = await connectGateway(day.gateway, day.signal);
      try {
        const tools = await session.listTools();
        for (const module of day.modules) {
          const tool = tools.find(
            (t) =>
              t.module === module &&
              t.readOnly &&
              !(t.inputSchema.required as string[] | undefined)?.length,
          );
          if (!tool) continue;
          const started = performance.now();
          const result = await session.callTool(tool.name, {});
          day.record({
            toolName: tool.name,
            module,
            toolUseId: `test-${module}`,
            input: {},
            result: result.ok ? 'ok' : 'error',
            ...(result.errorMessage ? { errorMessage: result.errorMessage } : {}),
            latencyMs: performance.now() - started,
          });
          if (behaviour === 'hang') {
            startedHanging(day.persona.email);

            await new Promise((_, reject) => {
              if (day.signal.aborted) reject(day.signal.reason);
              day.signal.addEventListener('abort', () => reject(day.signal.reason), { once: true });
            });
          }
        }
      } finally {
        await session.close();
      }
      return { usage: { inputTokens: 10, outputTokens: 5, costUsd: 0.001 } };
    },
    async rateDay(_day, experience) {
      const ratings = experience.map((m) => ({
        module: m.module,
        rating: m.errors > 0 ? 2 : 4,
        notes: `${m.calls} calls`,
      }));
      return {
        text: `Here you go:\n\`\`\`json\n${JSON.stringify({ ratings })}\n\`\`\``,
        usage: { inputTokens: 3, outputTokens: 2, costUsd: 0.0001 },
      };
    },
  };
}
