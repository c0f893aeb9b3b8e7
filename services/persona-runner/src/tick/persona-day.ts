import {
  type ActionRow,
  type DuePersona,
  type FeedbackRow,
  hashToolInput,
  type TickRecord,
} from '@mana/contracts';
import type { DayContext, ToolCall, Usage } from '../brains/types';
import { gatewayHeaders } from '../clients/gateway';
import { parseRatings } from '../ratings/parse-ratings';
import { chooseSpace } from './choose-space';
import type { DayDeps } from './day-deps';
import { summarizeExperience } from './experience';
import { modulesOf } from './modules-of';
import type { PendingWrite } from './outbox';

/** How one persona's day ended. */
export interface PersonaDayResult {
  personaId: string;
  email: string;
  tickId: string;
  status: 'ok' | 'failed' | 'timeout';
  error?: string;
  actions: number;
  ratings: number;
}

const ZERO: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

/**
 * Takes one persona through its day: records the tick as running, logs in, chooses the
 * space, lets the brain live the day through the gateway, asks it to rate the modules
 * it used, and stores actions, ratings and the tick record. Never throws: a failure or
 * timeout ends as the tick's status, and whatever was done before it is still stored.
 */
export async function runPersonaDay(
  persona: DuePersona,
  tickId: string,
  deps: DayDeps,
): Promise<PersonaDayResult> {
  const { brain, clock, logger } = deps;
  const started = performance.now();
  const startedAt = clock();
  const log = logger.child({ tickId, persona: persona.email });
  const calls: ToolCall[] = [];
  let closed = false;
  let usage = ZERO;
  let spaceId: string | null = null;
  let ratings: FeedbackRow[] = [];
  let status: PersonaDayResult['status'] = 'ok';
  let error: string | undefined;

  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DayTimeoutError(deps.timeoutMs)),
    deps.timeoutMs,
  );
  const onShutdown = () => controller.abort(new Error('the runner is shutting down'));
  if (deps.shutdown.aborted) onShutdown();
  deps.shutdown.addEventListener('abort', onShutdown, { once: true });

  const running: TickRecord = {
    status: 'running',
    startedAt: startedAt.toISOString(),
    runnerId: deps.runnerId,
    brain: brain.name,
    model: brain.model,
  };
  try {
    await deps.outbox.send({
      kind: 'tick',
      personaId: persona.userId,
      tickId,
      record: running,
    });
    const { token } = await abortable(deps.identity.login(persona.email), controller.signal);
    const spaces = await abortable(deps.identity.spaces(token), controller.signal);
    const space = chooseSpace(persona.email, startedAt, spaces);
    if (!space) throw new Error('the persona has no space to act in');
    spaceId = space.id;
    const modules = modulesOf(persona);
    const day: DayContext = {
      persona,
      tickId,
      now: startedAt,
      gateway: {
        url: `${deps.mcpUrl}/mcp`,
        headers: gatewayHeaders(token, space.id, modules),
      },
      space: { id: space.id, name: space.name, type: space.type },
      modules,
      signal: controller.signal,
      record: (call) => {
        if (closed) {
          log.warn({ tool: call.toolName }, 'tool call reported after the day ended; not stored');
          return;
        }
        calls.push(call);
        deps.metrics.toolCall(call.module, call.toolName, call.result);
      },
      logger: log,
      stopwatch: deps.stopwatch,
    };

    const lived = await abortable(brain.liveDay(day), controller.signal);
    usage = add(usage, lived.usage);
    const experience = summarizeExperience(calls);
    if (experience.length > 0) {
      const rated = await abortable(brain.rateDay(day, experience), controller.signal);
      usage = add(usage, rated.usage);
      ratings = parseRatings(
        rated.text,
        experience.map((m) => m.module),
      ).map((r) => ({ tickId, ...r }));
    }
  } catch (cause) {
    const reason = controller.signal.aborted ? controller.signal.reason : cause;
    status = reason instanceof DayTimeoutError ? 'timeout' : 'failed';
    error = reason instanceof Error ? reason.message : String(reason);
    // A brain may attach what it spent before failing; the tick should still show it.
    usage = add(usage, (cause as { usage?: Usage } | undefined)?.usage);
    log.warn({ err: cause, status }, 'persona day did not complete');
  } finally {
    clearTimeout(timer);
    deps.shutdown.removeEventListener('abort', onShutdown);
    closed = true;
  }

  const actions: ActionRow[] = calls.map((call, index) => ({
    tickId,
    index,
    toolName: call.toolName,
    module: call.module,
    spaceId: spaceId ?? '',
    ...(call.toolUseId ? { toolUseId: call.toolUseId } : {}),
    inputHash: hashToolInput(call.input),
    result: call.result,
    ...(call.errorMessage ? { errorMessage: call.errorMessage.slice(0, 4000) } : {}),
    latencyMs: Math.max(0, Math.round(call.latencyMs)),
  }));
  const final: TickRecord = {
    ...running,
    status,
    finishedAt: maxDate(clock(), startedAt).toISOString(),
    spaceId,
    error: error?.slice(0, 4000) ?? null,
    actionsCount: actions.length,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd: usage.costUsd,
  };
  const writes: PendingWrite[] = [
    ...(actions.length > 0
      ? [{ kind: 'actions' as const, personaId: persona.userId, rows: actions }]
      : []),
    ...(ratings.length > 0
      ? [{ kind: 'feedback' as const, personaId: persona.userId, rows: ratings }]
      : []),
    { kind: 'tick', personaId: persona.userId, tickId, record: final },
  ];
  // Try every write: one that fails (and every later one of this persona) waits in the
  // outbox for the next tick instead of being dropped.
  let undelivered: unknown;
  for (const write of writes) {
    try {
      await deps.outbox.send(write);
    } catch (cause) {
      undelivered ??= cause;
    }
  }
  if (undelivered !== undefined) {
    deps.metrics.error('persistence');
    log.error(
      { err: undelivered },
      'storing the day failed; it stays in the outbox for the next tick',
    );
    if (status === 'ok') {
      status = 'failed';
      error = `storing the day failed (kept for retry): ${undelivered instanceof Error ? undelivered.message : String(undelivered)}`;
    }
  }
  if (status !== 'ok') deps.metrics.error('persona');
  deps.metrics.personaDay(status, (performance.now() - started) / 1000);
  log.info(
    {
      status,
      actions: actions.length,
      ratings: ratings.length,
      ms: Math.round(performance.now() - started),
    },
    'persona day',
  );
  return {
    personaId: persona.userId,
    email: persona.email,
    tickId,
    status,
    ...(error ? { error } : {}),
    actions: actions.length,
    ratings: ratings.length,
  };
}

/** A persona's day ran past `PERSONA_TICK_TIMEOUT_MS`. */
export class DayTimeoutError extends Error {
  constructor(ms: number) {
    super(`the persona's day timed out after ${ms} ms`);
    this.name = 'DayTimeoutError';
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts, whichever comes first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function add(a: Usage, b: Usage | undefined): Usage {
  if (!b) return a;
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
