import type { ToolCall } from '../brains/types';

/** How many calls the rating prompt lists one by one; the rest are counted. */
export const DAY_LOG_MAX_CALLS = 40;
/** How many characters of an input, output or message a line quotes. */
export const DAY_LOG_MAX_TEXT = 160;

const WORDS = {
  en: {
    more: (n: number) => `… and ${n} more calls`,
    checked: 'you checked it',
    expected: 'expected',
    seen: 'saw',
  },
  de: {
    more: (n: number) => `… und ${n} weitere Aufrufe`,
    checked: 'du hast es geprüft',
    expected: 'erwartet',
    seen: 'gesehen',
  },
};

function clip(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    text = String(value);
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > DAY_LOG_MAX_TEXT ? `${text.slice(0, DAY_LOG_MAX_TEXT - 1)}…` : text;
}

/**
 * The day call by call, for the rating turn: what the persona sent, what came back (the
 * output or the error with its kind), how long it took, and its own verdict when it
 * checked the call. One line per call, texts clipped, at most {@link DAY_LOG_MAX_CALLS}
 * lines, so a long day cannot blow up the prompt.
 *
 * @example
 * dayLog([{ toolName: 'todo.create', input: { title: 'Milk' }, result: 'ok', latencyMs: 42, … }])
 * // ['1. todo.create {"title":"Milk"} → ok {"id":"…"} (42 ms)']
 */
export function dayLog(calls: readonly ToolCall[], locale: string): string[] {
  const words = locale === 'de' ? WORDS.de : WORDS.en;
  const lines = calls.slice(0, DAY_LOG_MAX_CALLS).map((call, n) => {
    const answer =
      call.result === 'ok'
        ? `ok${call.output === undefined ? '' : ` ${clip(call.output)}`}`
        : `error (${call.errorKind ?? 'app_error'}): ${clip(call.errorMessage ?? '')}`;
    const check = call.check
      ? `; ${words.checked}: ${call.check.status}${
          call.check.status === 'failed'
            ? ` (${words.expected} ${clip(call.check.expected ?? '?')}; ${words.seen} ${clip(call.check.seen ?? '?')})`
            : ''
        }`
      : '';
    return `${n + 1}. ${call.toolName} ${clip(call.input ?? {})} → ${answer} (${Math.round(call.latencyMs)} ms)${check}`;
  });
  if (calls.length > DAY_LOG_MAX_CALLS) lines.push(words.more(calls.length - DAY_LOG_MAX_CALLS));
  return lines;
}
