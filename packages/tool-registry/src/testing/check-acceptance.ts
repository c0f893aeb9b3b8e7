import {
  type CheckedCall,
  type CheckVerdict,
  checkRequest,
  judgeCheck,
  type ToolCheck,
} from '@mana/contracts';
import type { Database } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../index';
import { invokeTool, type ToolOutcome } from '../invoke';
import type { ToolRegistry } from '../registry';
import type { AnyToolSpec, ToolContext } from '../tool-spec';
import { createToolTestBed, type ToolTestBed } from './tool-context';

/** A realistic call of one write tool, for proving its declared checks. */
export interface CheckSample {
  tool: AnyToolSpec;
  /**
   * The input to call it with, in space A. It creates whatever the write acts on first
   * (a todo to complete, a draft to send); it runs once per test, so the positive and
   * the negative test each act on an item of their own.
   */
  input(bed: ToolTestBed): Promise<Record<string, unknown>>;
}

/**
 * The acceptance test of a module's declared checks, on a real test database: for every
 * sample, the write is called and each of its checks is run through `invokeTool` as a
 * persona would (`checkRequest`, the read, `judgeCheck`) and must show the effect; then
 * the same write runs in a transaction that is rolled back (it answers ok and stores
 * nothing) and every check must miss it — proof the declarations catch a silent no-op.
 * It also fails when a write of the module that declares checks has no sample.
 *
 * @example
 * describeToolChecks('todo', [
 *   { tool: todoCreate, input: async () => ({ title: 'Hausarbeit abgeben' }) },
 * ]);
 */
export function describeToolChecks(
  module: string,
  samples: CheckSample[],
  options: { setup?: (bed: ToolTestBed) => Promise<void> } = {},
): void {
  describe(`${module}: the declared checks`, () => {
    const registry = createAppRegistry();
    let bed: ToolTestBed;
    beforeAll(async () => {
      bed = await createToolTestBed();
      await options.setup?.(bed);
    });
    afterAll(() => bed.close());

    it('has a sample call for every write of the module that declares checks', () => {
      const declared = registry
        .exposed()
        .filter((t) => t.module === module && declaredChecks(t).length > 0)
        .map((t) => t.name);
      expect(samples.map((s) => s.tool.name).sort()).toEqual(declared.sort());
    });

    for (const sample of samples) {
      const { name } = sample.tool;
      it(`${name}: every check shows what the write did`, async () => {
        const input = await sample.input(bed);
        const output = await bed.call(sample.tool, input);
        for (const [i, check] of declaredChecks(sample.tool).entries()) {
          const verdict = await runCheck(registry, check, { input, output }, bed.a);
          expect(verdict, `check ${i + 1} (${check.read})`).toMatchObject({ shown: true });
        }
      });

      it(`${name}: every check misses a write that stored nothing`, async () => {
        const input = await sample.input(bed);
        const outcome = await invokeWithoutStoring(sample.tool, input, bed.a);
        if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome)}`);
        for (const [i, check] of declaredChecks(sample.tool).entries()) {
          const verdict = await runCheck(registry, check, { input, output: outcome.output }, bed.a);
          expect(verdict, `check ${i + 1} (${check.read})`).toMatchObject({ shown: false });
        }
      });
    }
  });
}

/**
 * Runs one check's read the way a persona does (`checkRequest`, the read through
 * `invokeTool`, `judgeCheck`) and says what it showed. A read by id that answers
 * NOT_FOUND shows nothing; any other failure of the read is a defect of the check.
 */
export async function runCheck(
  registry: ToolRegistry,
  check: ToolCheck,
  call: CheckedCall,
  ctx: ToolContext,
): Promise<CheckVerdict> {
  const request = checkRequest(check, call);
  const read = registry.get(request.tool);
  if (!read) throw new Error(`No read tool ${request.tool}`);
  const parsed = read.input.safeParse(request.input);
  if (!parsed.success) {
    throw new Error(
      `${request.tool} does not take ${JSON.stringify(request.input)}: ${parsed.error.message}`,
    );
  }
  const outcome = await invokeTool(read, request.input, ctx);
  if (outcome.ok) return judgeCheck(check, call, outcome.output);
  if (outcome.kind === 'tool_error' && outcome.code === 'NOT_FOUND') {
    return judgeCheck(check, call, {});
  }
  throw new Error(`${request.tool} failed: ${JSON.stringify(outcome)}`);
}

/** The checks a tool declares (none for `{none}` or no declaration). */
export function declaredChecks(tool: AnyToolSpec): ToolCheck[] {
  return tool.checks && 'checks' in tool.checks ? tool.checks.checks : [];
}

class Rollback extends Error {}

/**
 * Calls a tool inside a transaction that is then rolled back: it answers as usual but
 * nothing it wrote stays — a write that silently does not take.
 */
export async function invokeWithoutStoring(
  tool: AnyToolSpec,
  input: unknown,
  ctx: ToolContext,
): Promise<ToolOutcome> {
  let outcome: ToolOutcome | undefined;
  try {
    await ctx.db.transaction(async (tx) => {
      outcome = await invokeTool(tool, input, { ...ctx, db: tx as unknown as Database });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!outcome) throw new Error(`${tool.name} did not run`);
  return outcome;
}
