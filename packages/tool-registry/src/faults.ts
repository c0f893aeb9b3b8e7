import { z } from 'zod';
import { ToolRegistry } from './registry';
import type { AnyToolSpec } from './tool-spec';

/** How one module of the app should misbehave: fail a share of calls, answer slowly. */
export interface ModuleFault {
  module: string;
  /** Share of calls (0..1) that fail with an internal error. */
  errorRate: number;
  /** Milliseconds added before every call. */
  latencyMs: number;
}

const faultSchema = z.object({
  module: z.string().regex(/^[a-z][a-z0-9_]*$/),
  errorRate: z.number().min(0).max(1),
  latencyMs: z.number().int().min(0).max(60_000),
});

/** Raised inside a handler when a fault says this call fails. */
export class InjectedFaultError extends Error {
  constructor(module: string) {
    super(`injected fault: module ${module} is set to fail (fault drill)`);
    this.name = 'InjectedFaultError';
  }
}

/**
 * Parses a fault spec such as `journal:errors=0.5,latency=800;todo:latency=300`
 * (modules separated by `;`, settings by `,`; `errors` is a share 0..1, `latency` in ms).
 * An empty spec means no faults. Throws naming the bad part.
 */
export function parseFaults(spec: string | undefined): ModuleFault[] {
  if (!spec?.trim()) return [];
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [module, settings = ''] = part.split(':', 2).map((s) => s.trim());
      const fault = { module, errorRate: 0, latencyMs: 0 };
      for (const setting of settings.split(',').filter(Boolean)) {
        const [key, value] = setting.split('=').map((s) => s.trim());
        if (key === 'errors') fault.errorRate = Number(value);
        else if (key === 'latency') fault.latencyMs = Number(value);
        else
          throw new Error(
            `fault "${part}": unknown setting "${key}" (use errors=<0..1>, latency=<ms>)`,
          );
      }
      const parsed = faultSchema.safeParse(fault);
      if (!parsed.success) {
        throw new Error(
          `fault "${part}": ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`,
        );
      }
      return parsed.data;
    });
}

/** Writes faults back as a spec string (for logs and `GET /admin/faults`). */
export function formatFaults(faults: readonly ModuleFault[]): string {
  return faults.map((f) => `${f.module}:errors=${f.errorRate},latency=${f.latencyMs}`).join(';');
}

/** What a {@link FaultInjector} uses to wait and to roll dice. */
export interface FaultInjectorOptions {
  /** Waits for the added latency; a simulation passes one that advances virtual time. */
  sleep?: (ms: number) => Promise<void>;
  /** Seed of the dice, so a simulation fails the same calls on every run. */
  seed?: number;
}

/**
 * The fault drill: makes chosen modules of the reference app fail at a rate and/or
 * answer slowly, switchable at run time, so operators can watch the alerts fire. Off
 * (no faults) by default; a call to an unaffected module costs one map lookup.
 */
export class FaultInjector {
  #faults = new Map<string, ModuleFault>();
  readonly #sleep: (ms: number) => Promise<void>;
  #state: number;

  constructor(options: FaultInjectorOptions = {}) {
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#state = (options.seed ?? 0x9e3779b9) >>> 0;
  }

  /** Replaces the active faults. */
  set(faults: readonly ModuleFault[]): void {
    this.#faults = new Map(faults.map((f) => [f.module, f]));
  }

  /** The active faults. */
  current(): ModuleFault[] {
    return [...this.#faults.values()];
  }

  /** Runs before a handler: waits the added latency, then fails the call if the dice say so. */
  async before(module: string): Promise<void> {
    const fault = this.#faults.get(module);
    if (!fault) return;
    if (fault.latencyMs > 0) await this.#sleep(fault.latencyMs);
    if (fault.errorRate > 0 && this.#roll() < fault.errorRate) throw new InjectedFaultError(module);
  }

  /** A registry whose handlers pass through this injector first. */
  wrap(registry: ToolRegistry): ToolRegistry {
    return new ToolRegistry(
      registry.list().map(
        (tool): AnyToolSpec => ({
          ...tool,
          handler: async (input, ctx) => {
            await this.before(tool.module);
            return tool.handler(input, ctx);
          },
        }),
      ),
    );
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
