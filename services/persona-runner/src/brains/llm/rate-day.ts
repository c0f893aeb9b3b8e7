import { generateText, type LanguageModel } from 'ai';
import { ratingPrompt } from '../../ratings/prompt';
import { modelTelemetry } from '../../telemetry/model-telemetry';
import type { DayContext, ModuleExperience, ToolCall, Usage } from '../types';
import { MAX_OUTPUT_TOKENS } from './brain-options';
import { failure } from './live-day';
import type { ModelPrice } from './prices';
import { usageOf } from './usage';

/**
 * The rating turn: a fresh conversation in character (the persona's system prompt), no
 * tools, one model turn, asking for the ratings JSON with the day laid out in the prompt.
 * Returns the text unparsed; the runner's tolerant parser reads it.
 */
export async function rateDay(
  day: Pick<DayContext, 'persona' | 'signal' | 'transcript'>,
  experience: ModuleExperience[],
  calls: readonly ToolCall[],
  model: LanguageModel,
  price: ModelPrice,
): Promise<{ text: string; usage: Usage }> {
  const prompt = ratingPrompt(day.persona, experience, calls);
  // The runner writes the answer to the transcript; the prompt is the brain's to report.
  day.transcript.turn('user', prompt);
  try {
    const result = await generateText({
      model,
      system: day.persona.systemPrompt,
      prompt,
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      maxRetries: 0,
      abortSignal: day.signal,
      experimental_telemetry: modelTelemetry('persona-rating'),
    });
    return { text: result.text, usage: usageOf(result.totalUsage, price) };
  } catch (error) {
    throw failure(error, day.signal, usageOf(undefined));
  }
}
