import type { ModuleExperience, ToolCall } from '../brains/types';

/**
 * Sums up, per module, what the persona went through: calls, errors with a few of their
 * messages, and latencies. The rating turn rates from this; modules without calls are
 * absent, so they cannot be rated.
 */
export function summarizeExperience(calls: readonly ToolCall[]): ModuleExperience[] {
  const byModule = new Map<string, ToolCall[]>();
  for (const call of calls) {
    const list = byModule.get(call.module) ?? [];
    list.push(call);
    byModule.set(call.module, list);
  }
  return [...byModule.entries()].map(([module, list]) => {
    const latencies = list.map((c) => c.latencyMs).sort((a, b) => a - b);
    const errors = list.filter((c) => c.result === 'error');
    const samples = new Map<string, { toolName: string; message: string }>();
    for (const e of errors) {
      const message = (e.errorMessage ?? 'error').slice(0, 300);
      if (!samples.has(message) && samples.size < 3)
        samples.set(message, { toolName: e.toolName, message });
    }
    const slowest = list.reduce<ToolCall | null>(
      (a, c) => (!a || c.latencyMs > a.latencyMs ? c : a),
      null,
    );
    return {
      module,
      calls: list.length,
      errors: errors.length,
      tools: [...new Set(list.map((c) => c.toolName))],
      errorSamples: [...samples.values()],
      latencyP50Ms: Math.round(latencies[Math.floor((latencies.length - 1) / 2)] ?? 0),
      latencyMaxMs: Math.round(latencies[latencies.length - 1] ?? 0),
      slowest: slowest
        ? { toolName: slowest.toolName, latencyMs: Math.round(slowest.latencyMs) }
        : null,
    };
  });
}
