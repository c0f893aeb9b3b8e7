import type { Database } from '@mana/db';
import { ToolError } from '../errors';
import { ToolRegistry } from '../registry';
import type { AnyToolSpec, ToolContext } from '../tool-spec';
import { type Fault, listFields } from './fault-spec';

/** Raised inside a handler when a fault says this call fails. */
export class InjectedFaultError extends Error {
  constructor(target: string) {
    super(`injected fault: ${target} is set to fail (fault drill)`);
    this.name = 'InjectedFaultError';
  }
}

/** Carries a no-op write's answer out of the transaction it rolls back. */
class UndoWrite extends Error {
  constructor(readonly output: unknown) {
    super('no-op write: rolled back (fault drill)');
  }
}

/** What a {@link FaultInjector} uses to wait and to roll dice. */
export interface FaultInjectorOptions {
  /** Waits for the added latency; a simulation passes one that advances virtual time. */
  sleep?: (ms: number) => Promise<void>;
  /** Seed of the dice, so a simulation fails the same calls on every run. */
  seed?: number;
}

/** The effect of every fault on one tool, combined. */
interface Effect {
  latencyMs: number;
  errorRates: { target: string; rate: number }[];
  noop: boolean;
  partial: number;
  tightenChars: number | null;
}

/**
 * The fault drill: makes chosen modules or single tools of the reference app misbehave —
 * fail a share of calls, answer slowly, write nothing while answering ok, leave rows out
 * of a read, refuse inputs they used to accept — switchable at run time, so operators
 * (and `npm run drill`) can watch the alerts fire. Off by default; a call to an
 * unaffected tool costs two map lookups.
 */
export class FaultInjector {
  #byModule = new Map<string, Fault>();
  #byTool = new Map<string, Fault>();
  readonly #sleep: (ms: number) => Promise<void>;
  #state: number;

  constructor(options: FaultInjectorOptions = {}) {
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#state = (options.seed ?? 0x9e3779b9) >>> 0;
  }

  /** Replaces the active faults. */
  set(faults: readonly Fault[]): void {
    this.#byModule = new Map(faults.filter((f) => f.tool === null).map((f) => [f.module, f]));
    this.#byTool = new Map(faults.flatMap((f) => (f.tool === null ? [] : [[f.tool, f]])));
  }

  /** The active faults. */
  current(): Fault[] {
    return [...this.#byModule.values(), ...this.#byTool.values()];
  }

  /** A registry whose handlers pass through this injector first. */
  wrap(registry: ToolRegistry): ToolRegistry {
    return new ToolRegistry(
      registry.list().map(
        (tool): AnyToolSpec => ({
          ...tool,
          handler: (input, ctx) => this.#call(tool, input, ctx),
        }),
      ),
    );
  }

  async #call(tool: AnyToolSpec, input: unknown, ctx: ToolContext): Promise<unknown> {
    const effect = this.#effect(tool);
    if (!effect) return tool.handler(input, ctx);
    if (effect.latencyMs > 0) await this.#sleep(effect.latencyMs);
    for (const { target, rate } of effect.errorRates)
      if (this.#roll() < rate) throw new InjectedFaultError(target);
    if (effect.tightenChars !== null) {
      const field = tooLong(input, effect.tightenChars);
      if (field)
        throw new ToolError(
          'INVALID_INPUT',
          `Invalid input for ${tool.name}: ${field} (must be at most ${effect.tightenChars} characters)`,
        );
    }
    if (effect.noop) return noopWrite(tool, input, ctx);
    const output = await tool.handler(input, ctx);
    return effect.partial > 0 ? this.#leaveOut(tool, output, effect.partial) : output;
  }

  #effect(tool: AnyToolSpec): Effect | null {
    const faults = [this.#byModule.get(tool.module), this.#byTool.get(tool.name)].filter(
      (f): f is Fault => f !== undefined,
    );
    if (faults.length === 0) return null;
    const write = tool.policyHint !== 'read';
    const limits = faults.flatMap((f) => (f.tightenChars === null ? [] : [f.tightenChars]));
    return {
      latencyMs: faults.reduce((sum, f) => sum + f.latencyMs, 0),
      errorRates: faults
        .filter((f) => f.errorRate > 0)
        .map((f) => ({ target: f.tool ?? `module ${f.module}`, rate: f.errorRate })),
      noop: write && faults.some((f) => f.noop),
      partial: write ? 0 : Math.max(...faults.map((f) => f.partial)),
      tightenChars: limits.length > 0 ? Math.min(...limits) : null,
    };
  }

  /** Leaves each row of the answer's lists out with probability `share` (a count follows). */
  #leaveOut(tool: AnyToolSpec, output: unknown, share: number): unknown {
    if (typeof output !== 'object' || output === null) return output;
    const answer = { ...(output as Record<string, unknown>) };
    for (const key of listFields(tool)) {
      const rows = answer[key];
      if (!Array.isArray(rows)) continue;
      const kept = rows.filter(() => this.#roll() >= share);
      if (answer.count === rows.length) answer.count = kept.length;
      answer[key] = kept;
    }
    return answer;
  }

  /** mulberry32: small, fast and good enough for dice. */
  #roll(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * Runs the write in a transaction and rolls it back: the caller gets the answer the
 * write would give (ids and all), and nothing is stored — the silent loss checks catch.
 */
async function noopWrite(tool: AnyToolSpec, input: unknown, ctx: ToolContext): Promise<unknown> {
  try {
    await ctx.db.transaction(async (tx) => {
      const output = await tool.handler(input, { ...ctx, db: tx as unknown as Database });
      throw new UndoWrite(output);
    });
  } catch (error) {
    if (error instanceof UndoWrite) return error.output;
    throw error;
  }
  throw new Error('unreachable: a no-op write always rolls back');
}

/** The first text of the input (top level, or in a list) longer than `max`, by its field path. */
function tooLong(input: unknown, max: number): string | null {
  if (typeof input !== 'object' || input === null) return null;
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.length > max) return key;
    if (Array.isArray(value)) {
      const i = value.findIndex((v) => typeof v === 'string' && v.length > max);
      if (i >= 0) return `${key}.${i}`;
    }
  }
  return null;
}
