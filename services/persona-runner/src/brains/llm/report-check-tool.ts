import { CHECK_STATUSES, MAX_CHECK_TEXT } from '@mana/contracts';
import { type Tool, tool, zodSchema } from 'ai';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DayContext } from '../types';

/** The persona's own tool for verdicts on its checks; never an app action. */
export const REPORT_CHECK_TOOL = 'report_check';

const DESCRIPTION =
  'Report what you found when you checked your work: after you created or changed something ' +
  'and looked again, say whether it held up. `call` is the id of the tool call you checked, ' +
  '`verdict` passed or failed; when it failed, say what you expected and what you saw. `by` ' +
  'may name the id of the call that showed it. This is a note for your diary, not part of the app.';

/** How gateway calls of the day ended, by tool-call id, as far as they are recorded. */
export type RecordedCalls = ReadonlyMap<string, { index: number; ok: boolean }>;

const inputSchema = z.object({
  call: z.string().min(1).max(200).describe('The id of the tool call you checked'),
  verdict: z.enum(CHECK_STATUSES).describe('passed: it held up; failed: it did not'),
  expected: z.string().max(MAX_CHECK_TEXT).optional().describe('What you expected to see'),
  seen: z.string().max(MAX_CHECK_TEXT).optional().describe('What you saw instead'),
  by: z.string().min(1).max(200).optional().describe('The id of the call that showed it'),
});

/**
 * The schema as the AI SDK's own, made once: a zod schema handed to `tool()` is wrapped
 * anew on every model request, and converted to JSON Schema anew with it (about 1 ms of
 * CPU per persona-day, measured in bench:brains); this wrapper converts on first use and
 * keeps the result. It validates the model's input exactly as before.
 */
export const REPORT_CHECK_INPUT = zodSchema(inputSchema);

/**
 * `report_check({call, verdict, expected?, seen?, by?})` as an AI SDK tool, the same
 * contract as the Agent SDK brain's: the verdict on one gateway call, named by its
 * tool-call id, becomes `day.judge(index, …)`. Structured on purpose: a verdict is never
 * guessed from prose. An id that names no call, or a call that failed, is answered with
 * an error the model can correct; reports are never rows.
 */
export function reportCheckTool(
  calls: RecordedCalls,
  judge: DayContext['judge'],
  logger: Logger,
): Tool<z.infer<typeof inputSchema>, string> {
  return tool({
    description: DESCRIPTION,
    inputSchema: REPORT_CHECK_INPUT,
    execute: async (args) => {
      const checked = calls.get(args.call);
      if (!checked) {
        logger.warn({ call: args.call }, 'report_check names no gateway call of today');
        throw new Error(
          `No tool call with id ${args.call} today: name the id of the call you checked.`,
        );
      }
      if (!checked.ok) {
        throw new Error(
          `Call ${args.call} failed, so it has no answer to check; nothing was noted.`,
        );
      }
      const by = args.by ? calls.get(args.by) : undefined;
      judge(checked.index, {
        status: args.verdict,
        ...(by ? { by: by.index } : {}),
        ...(args.expected ? { expected: args.expected } : {}),
        ...(args.seen ? { seen: args.seen } : {}),
      });
      return `Noted: ${args.call} ${args.verdict}.`;
    },
  });
}
