import { ratingPrompt } from '../../ratings/prompt';
import type { DayContext, ModuleExperience, ToolCall, Usage } from '../types';
import type { ResolvedBrainOptions } from './brain-options';
import { textOf } from './content-blocks';
import { runAgent } from './run-agent';
import { usageFromResult } from './usage';

/**
 * The rating turn: a fresh query, in character (the persona's system prompt), with no MCP
 * server and no tools, one model turn, asking for the ratings JSON. Returns the model's
 * final text unparsed; the runner's tolerant parser reads it.
 *
 * Throws a {@link ClaudeAgentSdkBrainError} like {@link liveDay}, except `GATEWAY_UNAVAILABLE`.
 */
export async function rateDay(
  day: Pick<DayContext, 'persona' | 'signal' | 'logger' | 'transcript'>,
  experience: ModuleExperience[],
  calls: readonly ToolCall[],
  brain: ResolvedBrainOptions,
): Promise<{ text: string; usage: Usage }> {
  const texts: string[] = [];
  const prompt = ratingPrompt(day.persona, experience, calls);
  // The runner writes the answer to the transcript; the prompt is the brain's to report.
  day.transcript.turn('user', prompt);
  const run = await runAgent({
    prompt,
    brain,
    signal: day.signal,
    logger: day.logger,
    options: {
      systemPrompt: day.persona.systemPrompt,
      mcpServers: {},
      allowedTools: [],
      maxTurns: 1,
    },
    onMessage: (message) => {
      if (message.type === 'assistant' && !message.error) {
        const text = textOf(message.message.content);
        if (text) texts.push(text);
      }
    },
  });
  const final = run.result.subtype === 'success' ? run.result.result : '';
  return { text: final || texts.join('\n'), usage: usageFromResult(run.result) };
}
