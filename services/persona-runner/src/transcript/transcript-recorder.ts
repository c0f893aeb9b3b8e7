import {
  MAX_TRANSCRIPT_DAY_CHARS,
  MAX_TRANSCRIPT_ENTRIES,
  MAX_TRANSCRIPT_ENTRY_CHARS,
  redactSecrets,
  storableText,
  type Transcript,
  type TranscriptEntry,
  type TranscriptPhase,
} from '@mana/contracts';
import type { ToolCall, TranscriptSink } from '../brains/types';

/** Room kept for the rating turn, so a long day cannot crowd it out of the transcript. */
const RATING_RESERVE_CHARS = 12_000;
const RATING_RESERVE_ENTRIES = 4;

/**
 * Writes one persona-day's conversation as it happens: the model turns a brain reports
 * through {@link TranscriptSink.turn}, every tool call with its input and its answer (fed
 * from `DayContext.record`, so every brain's calls appear without it doing anything), and
 * the rating turn. Each text is redacted (`redactSecrets`) and cut to
 * `MAX_TRANSCRIPT_ENTRY_CHARS` the moment it arrives, so no secret is held even in
 * memory; entries past the day's caps are counted in `dropped`, with room kept for the
 * rating turn. After `end()` nothing more is taken.
 *
 * @example
 * const recorder = new TranscriptRecorder();
 * recorder.turn('user', dayPrompt);
 * recorder.toolCall(call, day.record(call));
 * recorder.startRating();
 * recorder.turn('assistant', ratingText);
 * const wire = recorder.transcript(); // undefined when nothing was said
 */
export class TranscriptRecorder implements TranscriptSink {
  readonly #entries: TranscriptEntry[] = [];
  #phase: TranscriptPhase = 'day';
  #chars = 0;
  #dropped = 0;
  #ended = false;

  /** A model turn: the system prompt, a prompt to the model, or the model's own text. */
  readonly turn = (role: 'system' | 'user' | 'assistant', text: string): void => {
    if (text.trim() === '') return;
    this.#add({ role, text });
  };

  /** A tool call and its answer, as recorded at `index` (−1: not stored as a row). */
  readonly toolCall = (call: ToolCall, index: number): void => {
    const at = index >= 0 ? { call: index } : {};
    this.#add({ role: 'tool_call', toolName: call.toolName, text: textOf(call.input), ...at });
    const error = call.result === 'error';
    const answer = error
      ? (call.errorMessage ?? 'the tool reported an error')
      : textOf(call.output ?? call.outputText ?? '(no output)');
    this.#add({
      role: 'tool_result',
      toolName: call.toolName,
      text: answer,
      ...at,
      ...(error ? { isError: true } : {}),
    });
  };

  /** Entries from now on belong to the rating turn. */
  startRating(): void {
    this.#phase = 'rating';
  }

  /** Takes nothing more: the day is over and being stored. */
  end(): void {
    this.#ended = true;
  }

  /** The wire shape, or undefined when nothing was recorded. */
  transcript(): Transcript | undefined {
    if (this.#entries.length === 0 && this.#dropped === 0) return undefined;
    return { entries: [...this.#entries], dropped: this.#dropped };
  }

  #add(entry: Omit<TranscriptEntry, 'phase'>): void {
    if (this.#ended) return;
    const { text, truncated } = clip(redactSecrets(storableText(entry.text)));
    const rating = this.#phase === 'rating';
    const maxChars = MAX_TRANSCRIPT_DAY_CHARS - (rating ? 0 : RATING_RESERVE_CHARS);
    const maxEntries = MAX_TRANSCRIPT_ENTRIES - (rating ? 0 : RATING_RESERVE_ENTRIES);
    if (this.#chars + text.length > maxChars || this.#entries.length >= maxEntries) {
      this.#dropped++;
      return;
    }
    this.#chars += text.length;
    this.#entries.push({
      ...entry,
      phase: this.#phase,
      text,
      ...(truncated ? { truncated: true } : {}),
    });
  }
}

/** A value as readable text: strings as they are, anything else as JSON. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function clip(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_TRANSCRIPT_ENTRY_CHARS) return { text, truncated: false };
  const marker = `… [cut, ${text.length} characters]`;
  return {
    // A cut inside an emoji leaves half of it, a lone surrogate that jsonb refuses: U+FFFD.
    text: storableText(text.slice(0, MAX_TRANSCRIPT_ENTRY_CHARS - marker.length)) + marker,
    truncated: true,
  };
}
