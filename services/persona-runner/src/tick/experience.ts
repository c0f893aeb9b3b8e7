import type { FailedCheckSample, ModuleExperience, ToolCall } from '../brains/types';

/** How many error messages and failed checks a module's experience quotes. */
const SAMPLES = 3;

/**
 * Sums up, per module, what the persona went through: calls, errors (telling the app's
 * refusals of what was sent apart from the app failing) with a few of their messages,
 * the calls it looked at again and those that did not hold up (with what was expected
 * and seen), and latencies. The rating turn rates from this; modules without calls are
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
      if (!samples.has(message) && samples.size < SAMPLES)
        samples.set(message, { toolName: e.toolName, message });
    }
    const checked = list.filter((c) => c.check !== undefined);
    const failed = checked.filter((c) => c.check?.status === 'failed');
    const failedSamples: FailedCheckSample[] = failed.slice(0, SAMPLES).map((c) => ({
      toolName: c.toolName,
      ...(c.check?.expected ? { expected: c.check.expected } : {}),
      ...(c.check?.seen ? { seen: c.check.seen } : {}),
    }));
    const slowest = list.reduce<ToolCall | null>(
      (a, c) => (!a || c.latencyMs > a.latencyMs ? c : a),
      null,
    );
    return {
      module,
      calls: list.length,
      errors: errors.length,
      invalidInputs: errors.filter((c) => c.errorKind === 'invalid_input').length,
      tools: [...new Set(list.map((c) => c.toolName))],
      errorSamples: [...samples.values()],
      checks: checked.length,
      failedChecks: failed.length,
      failedCheckSamples: failedSamples,
      latencyP50Ms: Math.round(latencies[Math.floor((latencies.length - 1) / 2)] ?? 0),
      latencyMaxMs: Math.round(latencies[latencies.length - 1] ?? 0),
      slowest: slowest
        ? { toolName: slowest.toolName, latencyMs: Math.round(slowest.latencyMs) }
        : null,
    };
  });
}
