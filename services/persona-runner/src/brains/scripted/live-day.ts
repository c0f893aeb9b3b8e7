import { connectGateway } from '../../clients/gateway';
import type { DayContext } from '../types';
import { createCheckRunner } from './check-runner';
import { actionCount, DayPlanner, type PlannedCall } from './day-planner';
import { dayRng } from './day-rng';
import { IdPool } from './id-pool';
import { profileTool } from './tool-profile';
import { createVoice } from './voice';

/**
 * Lives one persona's day offline: connects to the gateway as the persona, lists its
 * tools, then makes a handful of planned calls (weighted towards tools that saw little
 * traffic lately), recording each the moment its result is known, with its latency on
 * the day's stopwatch and, for a failure, its kind. After a write that answered ok it
 * checks its work when the tool declares how (see `check-runner.ts`); those reads come on
 * top of the planned calls. Stops between calls once `day.signal` is aborted (rejecting
 * with its reason) and always closes the session.
 */
export async function liveScriptedDay(day: DayContext, seed: number): Promise<void> {
  day.signal.throwIfAborted();
  const session = await connectGateway(day.gateway, day.signal);
  try {
    // The gateway lists only the persona's modules; filtering again keeps a misconfigured
    // gateway from steering the persona into modules it does not use.
    const own = new Set(day.modules);
    const listed = (await session.listTools()).filter((t) => own.has(t.module));
    const tools = listed.map(profileTool);
    day.signal.throwIfAborted();
    const rng = dayRng(seed, day, 'live');
    const chaos = Math.min(1, Math.max(0, day.persona.traits.chaos ?? 0));
    const planner = new DayPlanner({
      tools,
      moduleMix: day.persona.moduleMix,
      chaos,
      rng,
      pool: new IdPool(),
      now: day.now,
      voice: createVoice(day.persona),
      coverage: day.coverage,
    });
    let calls = 0;
    const nextToolUseId = () => `scripted-${++calls}`;
    const checker = createCheckRunner({
      day,
      session,
      tools: new Map(listed.map((t) => [t.name, t])),
      // A stream of its own: whether the persona checks never shifts what it plans.
      rng: rng.fork('checks'),
      chaos,
      nextToolUseId,
      learn: (module, output) => planner.observe(module, output),
    });
    const actions = actionCount(day.persona.archetype, rng);
    day.transcript.turn(
      'system',
      `Scripted persona (no model): ${actions} planned calls in ${planner.modules.join(', ')}; checks its writes when a tool declares how.`,
    );
    day.logger.debug(
      { modules: planner.modules, tools: tools.length, actions },
      'scripted persona starts its day',
    );
    let retry: PlannedCall | undefined;
    for (let n = 1; n <= actions; n++) {
      day.signal.throwIfAborted();
      const plan = retry ?? planner.next();
      retry = undefined;
      if (!plan) break;
      const started = day.stopwatch();
      const result = await session.callTool(plan.profile.name, plan.input).catch((error) => {
        // Aborted mid-call: the transport's error says less than the signal's reason.
        day.signal.throwIfAborted();
        throw error;
      });
      const latencyMs = day.stopwatch() - started;
      const index = day.record({
        toolName: plan.profile.name,
        module: plan.profile.module,
        toolUseId: nextToolUseId(),
        input: plan.input,
        result: result.ok ? 'ok' : 'error',
        ...(result.ok
          ? {}
          : {
              errorMessage: result.errorMessage ?? 'the tool reported an error',
              ...(result.errorKind ? { errorKind: result.errorKind } : {}),
            }),
        latencyMs,
        ...(result.ok && result.output !== undefined ? { output: result.output } : {}),
      });
      if (result.ok) {
        planner.observe(plan.profile.module, result.output);
        if (plan.profile.role !== 'read') {
          const { tool } = plan.profile;
          await checker.afterWrite({ index, tool, input: plan.input, output: result.output });
        }
      } else if (plan.mistake && rng.chance(0.5)) retry = planner.retry(plan);
    }
  } finally {
    await session.close().catch((error: unknown) => {
      day.logger.debug({ err: error }, 'closing the gateway session failed');
    });
  }
}
