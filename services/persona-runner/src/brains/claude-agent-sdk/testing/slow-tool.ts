import { defineTool } from '@mana/tool-registry';
import { z } from 'zod';

/**
 * A read-only test tool that answers after `delayMs`, so a test can make one call finish
 * after another or abort a day while a call is running. Each start is pushed to `started`.
 */
export function slowTool() {
  const started: { delayMs: number; at: number }[] = [];
  const tool = defineTool({
    name: 'habits.slow_echo',
    module: 'habits',
    description: 'Echoes the text after waiting delayMs (a test tool).',
    scope: 'user-space',
    policyHint: 'read',
    input: z.object({ text: z.string(), delayMs: z.number().int().min(0).max(10_000) }),
    output: z.object({ text: z.string() }),
    handler: async (input) => {
      started.push({ delayMs: input.delayMs, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, input.delayMs));
      return { text: input.text };
    },
  });
  return { tool, started };
}
