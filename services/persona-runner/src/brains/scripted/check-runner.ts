import type { GatewaySession, GatewayTool } from '../../clients/gateway';
import type { DayContext } from '../types';
import { blame, type ProbeOutcome } from './blame';
import type { Rng } from './prng';
import { probeFor, readProbe } from './probe-verdict';

/** A write that answered ok, as the check runner needs it. */
export interface CheckedWrite {
  /** Its index in the day, as `day.record` returned it. */
  index: number;
  tool: GatewayTool;
  input: unknown;
  output: unknown;
}

/** What the check runner works with. */
export interface CheckRunnerDeps {
  day: DayContext;
  session: GatewaySession;
  /** The tools the gateway listed for the persona, by name: probes call only these. */
  tools: ReadonlyMap<string, GatewayTool>;
  /** Decides whether to check at all; a stream of its own, so the plan is not shifted. */
  rng: Rng;
  /** `traits.chaos`, 0..1: a chaotic persona checks its work less often. */
  chaos: number;
  /** The toolUseId of the next call the persona makes. */
  nextToolUseId: () => string;
  /** Learns from a probe's output as from any read (ids, states). */
  learn: (module: string, output: unknown) => void;
}

/**
 * How the scripted persona checks its work, as a careful user does: after a write that
 * answered ok and whose tool declares checks, it looks again (with probability
 * `1 - chaos`) — each check a real call through the gateway, recorded with `checkOf` the
 * write — compares what the reads show with what the write said, and gives its verdicts
 * through `day.judge` by the rules of {@link blame}. A check it cannot carry out (a read
 * the persona is not offered, a reference that names nothing) is skipped.
 */
export function createCheckRunner(deps: CheckRunnerDeps) {
  const { day, session } = deps;
  return {
    /** Checks a write when its tool declares checks and the persona is careful enough today. */
    async afterWrite(write: CheckedWrite): Promise<void> {
      const declared = write.tool.checks;
      if (write.index < 0 || !declared || !('checks' in declared)) return;
      if (!deps.rng.chance(1 - deps.chaos)) return;
      const probes: ProbeOutcome[] = [];
      for (const check of declared.checks) {
        day.signal.throwIfAborted();
        const probe = probeFor(check, { input: write.input, output: write.output });
        const read = deps.tools.get(check.read);
        if ('skip' in probe || !read) {
          day.logger.debug(
            {
              tool: write.tool.name,
              read: check.read,
              why: 'skip' in probe ? probe.skip : 'not offered',
            },
            'check skipped',
          );
          continue;
        }
        const toolUseId = deps.nextToolUseId();
        const started = day.stopwatch();
        const result = await session.callTool(read.name, probe.input).catch((error) => {
          day.signal.throwIfAborted();
          throw error;
        });
        const latencyMs = day.stopwatch() - started;
        const index = day.record({
          toolName: read.name,
          module: read.module,
          toolUseId,
          input: probe.input,
          result: result.ok ? 'ok' : 'error',
          ...(result.ok
            ? {}
            : {
                errorMessage: result.errorMessage ?? 'the tool reported an error',
                ...(result.errorKind ? { errorKind: result.errorKind } : {}),
              }),
          latencyMs,
          ...(result.ok && result.output !== undefined ? { output: result.output } : {}),
          checkOf: write.index,
        });
        if (!result.ok) {
          probes.push({ index });
          continue;
        }
        deps.learn(read.module, result.output);
        probes.push({ index, verdict: readProbe(probe, result.output) });
      }
      for (const { index, check } of blame(write.index, probes)) day.judge(index, check);
    },
  };
}

/** A scripted persona's check runner; see {@link createCheckRunner}. */
export type CheckRunner = ReturnType<typeof createCheckRunner>;
