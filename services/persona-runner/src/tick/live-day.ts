import type { DuePersona, FeedbackRow, TickRecord, TickStatus } from '@mana/contracts';
import type { Logger } from 'pino';
import { addUsage, type DayContext, type ToolCall, type Usage } from '../brains/types';
import { gatewayHeaders } from '../clients/gateway';
import { parseRatings } from '../ratings/parse-ratings';
import { type DayTrace, startDayTrace } from '../telemetry/day-trace';
import { TranscriptRecorder } from '../transcript/transcript-recorder';
import { abortable } from './abortable';
import { actionRow } from './action-row';
import { CallLog } from './call-log';
import { chooseSpace } from './choose-space';
import { DayTimeoutError, dayAbort } from './day-abort';
import type { DayDeps } from './day-deps';
import { summarizeExperience } from './experience';
import { modulesOf } from './modules-of';

const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

/** What a persona's day produced, ready to be stored by `recordDay`. */
export interface LivedDay {
  persona: DuePersona;
  tickId: string;
  /** `performance.now()` when the day began: its duration runs until it is stored. */
  started: number;
  /** When the day began on the runner's clock: "now" for the persona. */
  startedAt: Date;
  /** The tick record stored when the day began (`running`); `recordDay` finishes it. */
  running: TickRecord;
  /** The space it acted in; null when the day ended before one was chosen. */
  spaceId: string | null;
  /** Every tool call the brain reported before the day ended, in order, with its verdict. */
  calls: ToolCall[];
  ratings: FeedbackRow[];
  usage: Usage;
  /** The day's conversation so far; ended (taking nothing more) with the day. */
  transcript: TranscriptRecorder;
  /** How the day ended (before storing it, which may still fail it). */
  status: Exclude<TickStatus, 'running'>;
  error?: string;
  /** The day's logger (its tick id and the persona bound). */
  log: Logger;
}

/**
 * Lives one persona's day: records the tick as running while it logs in, chooses the space, lets
 * the brain live the day through the gateway and rate the modules it used. The day is
 * aborted after `deps.timeoutMs` or when the runner shuts down. Never throws: a failure
 * or timeout ends as the day's status, keeping the calls made before it; calls and
 * verdicts reported after the day ended are dropped.
 */
export async function liveDay(
  persona: DuePersona,
  tickId: string,
  deps: DayDeps,
): Promise<LivedDay> {
  const started = performance.now();
  const startedAt = deps.clock();
  const log = deps.logger.child({ tickId, persona: persona.email });
  const abort = dayAbort(deps.timeoutMs, deps.shutdown);
  const callLog = new CallLog(log);
  const dayTrace = startDayTrace(persona, tickId, deps.brain);
  const day: LivedDay = {
    persona,
    tickId,
    started,
    startedAt,
    running: {
      status: 'running',
      startedAt: startedAt.toISOString(),
      runnerId: deps.runnerId,
      brain: deps.brain.name,
      model: deps.brain.model,
    },
    spaceId: null,
    calls: callLog.calls,
    ratings: [],
    usage: NO_USAGE,
    transcript: new TranscriptRecorder(),
    status: 'ok',
    log,
  };
  try {
    // On its way while the persona logs in; the brain starts once both are done.
    const running = deps.outbox.send({
      kind: 'tick',
      personaId: persona.userId,
      tickId,
      record: day.running,
    });
    await dayTrace.run(() =>
      liveAndRate(
        day,
        callLog,
        { signal: abort.signal, refused: abort.fail },
        deps,
        dayTrace,
        running,
      ),
    );
  } catch (cause) {
    const reason = abort.signal.aborted ? abort.signal.reason : cause;
    day.status = reason instanceof DayTimeoutError ? 'timeout' : 'failed';
    day.error = reason instanceof Error ? reason.message : String(reason);
    // A brain may attach what it spent before failing; the tick should still show it.
    day.usage = addUsage(day.usage, (cause as { usage?: Usage } | undefined)?.usage);
    log.warn({ err: cause, status: day.status }, 'persona day did not complete');
    // A token the gateway no longer takes (rotated keys) fails one day, not every day after.
    deps.identity.forget?.(persona);
  } finally {
    abort.release();
    callLog.end();
    day.transcript.end();
    dayTrace.end(day);
  }
  return day;
}

/**
 * Logs in (while `running`, the running tick record, is sent), chooses the space, builds the DayContext, lets the brain live the day and,
 * when it used any module, rate it. Fills `day` as it goes, so a failure keeps the space
 * and the usage so far; throws on failure or abort.
 */
async function liveAndRate(
  day: LivedDay,
  calls: CallLog,
  { signal, refused }: { signal: AbortSignal; refused: (error: Error) => void },
  deps: DayDeps,
  dayTrace: DayTrace,
  running: Promise<unknown>,
): Promise<void> {
  const { persona, tickId, startedAt } = day;
  // Both settle before either failure counts: the final record must never overtake the
  // running one (a day that failed to log in is stored too).
  const [recorded, session] = await Promise.allSettled([
    running,
    abortable(deps.identity.session(persona), signal),
  ]);
  if (recorded.status === 'rejected') throw recorded.reason;
  if (session.status === 'rejected') throw session.reason;
  const { token, spaces } = session.value;
  const space = chooseSpace(persona.email, startedAt, spaces);
  if (!space) throw new Error('the persona has no space to act in');
  day.spaceId = space.id;
  const modules = modulesOf(persona);
  const context: DayContext = {
    persona,
    tickId,
    now: startedAt,
    gateway: deps.target?.gateway({ persona, token, callTimeoutMs: deps.callTimeoutMs }) ?? {
      url: `${deps.mcpUrl}/mcp`,
      headers: { ...gatewayHeaders(token, space.id, modules), ...dayTrace.headers() },
      ...(deps.callTimeoutMs ? { callTimeoutMs: deps.callTimeoutMs } : {}),
      ...(deps.gateways ? { connections: deps.gateways } : {}),
      refused,
    },
    space: { id: space.id, name: space.name, type: space.type },
    modules,
    signal,
    coverage: deps.coverage ?? new Map(),
    record: (call) => {
      const index = calls.record(call);
      // A call reported after the day ended is not stored, nor shown.
      if (index >= 0) {
        journalCall(day, index, deps);
        day.transcript.toolCall(call, index);
        if (call.check) dayTrace.check(day.calls[index], index);
      }
      return index;
    },
    judge: (index, check) => {
      calls.judge(index, check);
      if (day.calls[index]?.check) {
        journalCall(day, index, deps);
        dayTrace.check(day.calls[index], index);
      }
    },
    logger: day.log,
    stopwatch: deps.stopwatch,
    transcript: day.transcript,
  };

  const lived = await abortable(deps.brain.liveDay(context), signal);
  day.usage = addUsage(day.usage, lived.usage);
  // A target's server that died mid-day fails the day, whatever the brain made of it.
  const broken = context.gateway.failure?.();
  if (broken) throw broken;
  const experience = summarizeExperience(day.calls);
  if (experience.length === 0) return;
  day.transcript.startRating();
  const rated = await abortable(deps.brain.rateDay(context, experience, day.calls), signal);
  day.usage = addUsage(day.usage, rated.usage);
  day.transcript.turn('assistant', rated.text);
  day.ratings = parseRatings(
    rated.text,
    experience.map((m) => m.module),
  ).map((r) => ({ tickId, ...r }));
}

/** Journals the day's `index`th call the moment it is known (and again with its verdict). */
function journalCall(day: LivedDay, index: number, deps: DayDeps): void {
  const call = day.calls[index];
  if (call) deps.journal?.call(day.persona.userId, actionRow(call, index, day));
}
