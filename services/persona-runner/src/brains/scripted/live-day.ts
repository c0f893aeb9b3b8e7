import { connectGateway } from '../../clients/gateway';
import type { DayContext } from '../types';
import { actionCount, DayPlanner, type PlannedCall } from './day-planner';
import { dayRng } from './day-rng';
import { IdPool } from './id-pool';
import { profileTool } from './tool-profile';
import { createVoice } from './voice';

/**
 * Lives one persona's day offline: connects to the gateway as the persona, lists its
 * tools, then makes a handful of planned calls, recording each the moment its result is
 * known, with its latency on the day's stopwatch. Stops between calls once `day.signal`
 * is aborted (rejecting with its reason) and always closes the session.
 */
export async function liveScriptedDay(day: DayContext, seed: number): Promise<void> {
  day.signal.throwIfAborted();
  const session = await connectGateway(day.gateway, day.signal);
  try {
    // The gateway lists only the persona's modules; filtering again keeps a misconfigured
    // gateway from steering the persona into modules it does not use.
    const own = new Set(day.modules);
    const tools = (await session.listTools()).filter((t) => own.has(t.module)).map(profileTool);
    day.signal.throwIfAborted();
    const rng = dayRng(seed, day, 'live');
    const planner = new DayPlanner({
      tools,
      moduleMix: day.persona.moduleMix,
      chaos: Math.min(1, Math.max(0, day.persona.traits.chaos ?? 0)),
      rng,
      pool: new IdPool(),
      now: day.now,
      voice: createVoice(day.persona),
    });
    const actions = actionCount(day.persona.archetype, rng);
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
      day.record({
        toolName: plan.profile.name,
        module: plan.profile.module,
        toolUseId: `scripted-${n}`,
        input: plan.input,
        result: result.ok ? 'ok' : 'error',
        ...(result.ok ? {} : { errorMessage: result.errorMessage ?? 'the tool reported an error' }),
        latencyMs,
        ...(result.ok && result.output !== undefined ? { output: result.output } : {}),
      });
      if (result.ok) planner.observe(plan, result.output);
      else if (plan.mistake && rng.chance(0.5)) retry = planner.retry(plan);
    }
  } finally {
    await session.close().catch((error: unknown) => {
      day.logger.debug({ err: error }, 'closing the gateway session failed');
    });
  }
}
