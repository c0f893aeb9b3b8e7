import type { ActionOutcome } from '@mana/contracts';
import {
  NO_CALLS,
  type RegressionData,
  type SeriesCounts,
  type SignatureCounts,
  type WindowCounts,
} from '../series-data';

/** One window of a synthetic tool: counts only; what is not given is zero. */
export interface WindowSpec {
  calls: number;
  invalidInput?: number;
  failures?: number;
  checked?: number;
  checkFailed?: number;
}

/** A synthetic tool over both windows. */
export interface ToolSpec {
  tool: string;
  baseline: WindowSpec;
  recent: WindowSpec;
  latencies?: { baseline: number[]; recent: number[] };
}

function counts(w: WindowSpec): WindowCounts {
  const invalidInput = w.invalidInput ?? 0;
  const failures = w.failures ?? 0;
  return {
    ...NO_CALLS,
    calls: w.calls,
    personas: w.calls > 0 ? 1 : 0,
    errors: invalidInput + failures,
    invalidInput,
    reached: w.calls - invalidInput,
    failures,
    checked: w.checked ?? 0,
    checkFailed: w.checkFailed ?? 0,
  };
}

function sum(a: WindowCounts, b: WindowCounts): WindowCounts {
  return {
    ...NO_CALLS,
    calls: a.calls + b.calls,
    personas: Math.max(a.personas, b.personas),
    errors: a.errors + b.errors,
    invalidInput: a.invalidInput + b.invalidInput,
    reached: a.reached + b.reached,
    failures: a.failures + b.failures,
    checked: a.checked + b.checked,
    checkFailed: a.checkFailed + b.checkFailed,
  };
}

/**
 * RegressionData as the SQL would load it, from tool specs (modules are the sums of
 * their tools), signatures and ratings: for pure detector tests at the edges.
 */
export function syntheticData(spec: {
  tools: ToolSpec[];
  signatures?: {
    tool: string;
    signature: string;
    baseline: number;
    recent: number;
    outcomes?: ActionOutcome[];
  }[];
  ratings?: Record<string, { baseline: number[]; recent: number[] }>;
}): RegressionData {
  const series: SeriesCounts[] = [];
  const modules = new Map<string, SeriesCounts>();
  for (const t of spec.tools) {
    const module = t.tool.split('.')[0] as string;
    const s: SeriesCounts = {
      scope: 'tool',
      module,
      tool: t.tool,
      baseline: counts(t.baseline),
      recent: counts(t.recent),
      callsByPersona: [],
    };
    series.push(s);
    const m = modules.get(module);
    modules.set(module, {
      scope: 'module',
      module,
      tool: null,
      baseline: m ? sum(m.baseline, s.baseline) : s.baseline,
      recent: m ? sum(m.recent, s.recent) : s.recent,
      callsByPersona: [],
    });
  }
  const signatures: SignatureCounts[] = (spec.signatures ?? []).map((g) => ({
    tool: g.tool,
    module: g.tool.split('.')[0] as string,
    signature: g.signature,
    example: g.signature,
    outcomes: g.outcomes ?? ['app_error'],
    baseline: g.baseline,
    recent: g.recent,
  }));
  return {
    series: [...modules.values(), ...series],
    signatures,
    latencies: new Map(spec.tools.flatMap((t) => (t.latencies ? [[t.tool, t.latencies]] : []))),
    ratings: new Map(Object.entries(spec.ratings ?? {})),
  };
}

/** A deterministic pseudo-random stream (mulberry32), so synthetic data is the same every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
