import { ratingPrompt } from '../../ratings/prompt';
import type { Brain, DayContext, ModuleExperience, Usage } from '../types';
import { dayRng } from './day-rng';
import { liveScriptedDay } from './live-day';
import { rateModule } from './rate-module';
import { ratingNote } from './rating-notes';

/** The scripted brain spends nothing. */
const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

/**
 * The offline persona brain: no model, no network beyond the gateway, deterministic for a
 * seed. It lives the day through the gateway's tools (picking modules by the persona's
 * mix, reading before writing, reusing ids the app returned, making mistakes in
 * proportion to `traits.chaos`) and rates each module it used from the errors and
 * latencies it saw, with notes citing that evidence. Use it in tests, in CI and whenever
 * no Anthropic key is configured.
 *
 * @example
 * const brain = createScriptedBrain({ seed: 42 });
 * await brain.liveDay(day);
 * const { text } = await brain.rateDay(day, summarizeExperience(calls));
 */
export function createScriptedBrain({ seed }: { seed: number }): Brain {
  return {
    name: 'scripted',
    model: 'scripted-v1',
    async liveDay(day: DayContext) {
      await liveScriptedDay(day, seed);
      return { usage: { ...NO_USAGE } };
    },
    async rateDay(day: DayContext, experience: ModuleExperience[]) {
      // No model reads it, but it is what the ratings are drawn from: the transcript shows it.
      day.transcript.turn('user', ratingPrompt(day.persona, experience));
      const ratings = experience.map((m) => {
        const rng = dayRng(seed, day, `rating:${m.module}`);
        const rating = rateModule(m, day.persona.archetype, rng);
        return { module: m.module, rating, notes: ratingNote(m, rating, day.persona, rng) };
      });
      return { text: JSON.stringify({ ratings }), usage: { ...NO_USAGE } };
    },
  };
}
