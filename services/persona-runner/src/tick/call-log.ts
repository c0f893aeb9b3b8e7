import { type CallCheck, callCheckSchema, MAX_CHECK_TEXT } from '@mana/contracts';
import type { Logger } from 'pino';
import type { ToolCall } from '../brains/types';

/**
 * The tool calls of one persona's day, in order, as the brain reports them: what
 * `DayContext.record` and `DayContext.judge` write to. It keeps the rows the identity
 * service will take: an error carries no verdict and an ok call no error kind, `checkOf`
 * and `by` point at calls recorded before, and check texts fit the wire's limit. After
 * `end()` nothing more is taken, so a brain still running after a timeout cannot change
 * what is being stored.
 *
 * @example
 * const log = new CallLog(logger);
 * const write = log.record(createCall);                     // 0
 * const probe = log.record({ ...listCall, checkOf: write }); // 1
 * log.judge(write, { status: 'failed', by: probe, expected: '…', seen: '…' });
 */
export class CallLog {
  /** The calls so far; a verdict replaces its call's entry with one carrying `check`. */
  readonly calls: ToolCall[] = [];
  readonly #logger: Logger;
  #ended = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Stores a call and returns its index; -1 (and a warning) once the day has ended. */
  readonly record = (call: ToolCall): number => {
    if (this.#ended) {
      this.#logger.warn(
        { tool: call.toolName },
        'tool call reported after the day ended; not stored',
      );
      return -1;
    }
    const { check, checkOf, errorKind, ...rest } = call;
    const entry: ToolCall = { ...rest };
    if (call.result === 'error' && errorKind) entry.errorKind = errorKind;
    if (checkOf !== undefined) {
      if (this.#known(checkOf)) entry.checkOf = checkOf;
      else
        this.#logger.warn(
          { tool: call.toolName, checkOf },
          'checkOf names no earlier call; dropped',
        );
    }
    const index = this.calls.push(entry) - 1;
    if (check) this.judge(index, check);
    return index;
  };

  /**
   * Sets the verdict on the call at `index`. Ignored, with a log line, once the day has
   * ended, for an index that names no call, and for a call that failed (it answered
   * nothing to check). Texts are cut to the wire's limit; a `by` naming no call is dropped.
   */
  readonly judge = (index: number, check: CallCheck): void => {
    if (this.#ended) {
      this.#logger.warn({ index }, 'verdict reported after the day ended; not stored');
      return;
    }
    const call = this.#known(index) ? this.calls[index] : undefined;
    if (!call) {
      this.#logger.warn({ index, calls: this.calls.length }, 'verdict on an unknown call; ignored');
      return;
    }
    if (call.result !== 'ok') {
      this.#logger.warn({ index, tool: call.toolName }, 'verdict on a failed call; ignored');
      return;
    }
    const parsed = callCheckSchema.safeParse({
      status: check.status,
      ...(check.by !== undefined && this.#known(check.by) ? { by: check.by } : {}),
      ...(check.expected !== undefined ? { expected: clip(check.expected) } : {}),
      ...(check.seen !== undefined ? { seen: clip(check.seen) } : {}),
    });
    if (!parsed.success) {
      this.#logger.warn({ index, err: parsed.error }, 'malformed verdict; ignored');
      return;
    }
    this.calls[index] = { ...call, check: parsed.data };
  };

  /** Takes nothing more: the day is over and being stored. */
  end(): void {
    this.#ended = true;
  }

  #known(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.calls.length;
  }
}

function clip(text: string): string {
  return text.length > MAX_CHECK_TEXT ? `${text.slice(0, MAX_CHECK_TEXT - 1)}…` : text;
}
