import type { Brain } from '../types';
import { type ClaudeAgentSdkBrainOptions, resolveBrainOptions } from './brain-options';
import { liveDay } from './live-day';
import { rateDay } from './rate-day';

/**
 * A persona's mind on the Claude Agent SDK: each day is a `query()` of the Claude Code
 * CLI with the MCP gateway as its only server and the persona's tools as its only tools;
 * each rating a fresh query without tools. Needs the CLI binary the SDK ships (npm) and
 * network access to the Anthropic API (or `baseUrl`, e.g. a fake in tests).
 *
 * @example
 * const brain = createClaudeAgentSdkBrain({ apiKey: env.ANTHROPIC_API_KEY, model: env.PERSONA_MODEL });
 * const { usage } = await brain.liveDay(day);
 */
export function createClaudeAgentSdkBrain(options: ClaudeAgentSdkBrainOptions): Brain {
  const resolved = resolveBrainOptions(options);
  return {
    name: 'claude-agent-sdk',
    model: resolved.model,
    liveDay: (day) => liveDay(day, resolved),
    rateDay: (day, experience, calls = []) => rateDay(day, experience, calls, resolved),
  };
}
