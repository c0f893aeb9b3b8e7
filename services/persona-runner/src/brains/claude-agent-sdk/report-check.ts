import {
  createSdkMcpServer,
  type McpSdkServerConfigWithInstance,
  tool,
} from '@anthropic-ai/claude-agent-sdk';
import { CHECK_STATUSES, MAX_CHECK_TEXT } from '@mana/contracts';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DayContext } from '../types';
import type { ToolCallTracker } from './tool-call-tracker';

/** The in-process MCP server that takes the persona's reports; not the app. */
export const PERSONA_SERVER = 'persona';
/** Its one tool. */
export const REPORT_CHECK_TOOL = 'report_check';
/** The name under which the model sees (and `allowedTools` names) it. */
export const REPORT_CHECK_SDK_NAME = `mcp__${PERSONA_SERVER}__${REPORT_CHECK_TOOL}`;

const DESCRIPTION =
  'Report what you found when you checked your work: after you created or changed something ' +
  'and looked again, say whether it held up. `call` is the id of the tool call you checked ' +
  '(its tool_use id), `verdict` passed or failed; when it failed, say what you expected and ' +
  'what you saw. `by` may name the id of the call that showed it. This is a note for your ' +
  'diary, not part of the app.';

/** What the report server needs. */
export interface ReportCheckDeps {
  calls: Pick<ToolCallTracker, 'recorded'>;
  judge: DayContext['judge'];
  logger: Logger;
}

const text = (message: string, isError = false) => ({
  content: [{ type: 'text' as const, text: message }],
  ...(isError ? { isError: true } : {}),
});

/**
 * An in-process MCP server (the Agent SDK's `createSdkMcpServer`) with one tool,
 * `report_check({call, verdict, expected?, seen?, by?})`: the persona's verdict on one of
 * its gateway calls, named by that call's tool_use id, which is mapped to the call's index
 * in the day and passed to `day.judge`. Structured on purpose: a verdict is never guessed
 * from the model's prose. A report on an id that names no gateway call, or on a call that
 * failed, is answered with an error the model can correct; reports are not app actions
 * and are never recorded as rows.
 */
export function reportCheckServer(deps: ReportCheckDeps): McpSdkServerConfigWithInstance {
  const report = tool(
    REPORT_CHECK_TOOL,
    DESCRIPTION,
    {
      call: z.string().min(1).max(200).describe('The tool_use id of the call you checked'),
      verdict: z.enum(CHECK_STATUSES).describe('passed: it held up; failed: it did not'),
      expected: z.string().max(MAX_CHECK_TEXT).optional().describe('What you expected to see'),
      seen: z.string().max(MAX_CHECK_TEXT).optional().describe('What you saw instead'),
      by: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('The tool_use id of the call that showed it'),
    },
    async (args) => {
      const checked = await deps.calls.recorded(args.call);
      if (!checked) {
        deps.logger.warn({ call: args.call }, 'report_check names no gateway call of today');
        return text(
          `No tool call with id ${args.call} today: name the tool_use id of the call you checked.`,
          true,
        );
      }
      if (checked.result !== 'ok') {
        return text(
          `Call ${args.call} failed, so it has no answer to check; nothing was noted.`,
          true,
        );
      }
      const by = args.by ? await deps.calls.recorded(args.by, 0) : undefined;
      deps.judge(checked.index, {
        status: args.verdict,
        ...(by ? { by: by.index } : {}),
        ...(args.expected ? { expected: args.expected } : {}),
        ...(args.seen ? { seen: args.seen } : {}),
      });
      return text(`Noted: ${args.call} ${args.verdict}.`);
    },
  );
  return createSdkMcpServer({ name: PERSONA_SERVER, version: '1.0.0', tools: [report] });
}
