import { outcomeOf, type TickRecord } from '@mana/contracts';
import { actionRow } from './action-row';
import type { DayDeps } from './day-deps';
import type { LivedDay } from './live-day';
import type { Outbox, PendingWrite } from './outbox';

/** How one persona's day ended. */
export interface PersonaDayResult {
  personaId: string;
  email: string;
  tickId: string;
  status: LivedDay['status'];
  error?: string;
  actions: number;
  ratings: number;
  /** Tokens the day used (input with cache, plus output) and what it cost. */
  tokens: number;
  costUsd: number;
}

/**
 * Stores a lived day: its tool calls as action rows, its ratings and the finished tick
 * record with the day's transcript, as one `day` write through the outbox (one request
 * and one transaction: issue 11). A write the identity service does not take (and every
 * later one of this persona) is kept for the next tick; a day that went well but is not
 * stored yet ends `failed` ("kept for retry"). Counts the day and its calls in the
 * metrics (here, once every verdict is in, so a call's outcome is final) and logs it.
 * A day that went well gives back its claim in the same request: `released` says whether
 * it did (else the tick's claim keeper releases it). Never throws.
 */
export async function recordDay(
  day: LivedDay,
  deps: DayDeps,
): Promise<{ result: PersonaDayResult; released: boolean }> {
  const { persona, tickId, log } = day;
  const actions = day.calls.map((call, index) => actionRow(call, index, day));
  for (const row of actions) {
    deps.metrics.toolCall(row.module, row.toolName, row.result, outcomeOf(row));
  }
  const final: TickRecord = {
    ...day.running,
    status: day.status,
    finishedAt: maxDate(deps.clock(), day.startedAt).toISOString(),
    spaceId: day.spaceId,
    error: day.error?.slice(0, 4000) ?? null,
    actionsCount: actions.length,
    inputTokens: day.usage.inputTokens,
    outputTokens: day.usage.outputTokens,
    cacheReadTokens: day.usage.cacheReadTokens ?? 0,
    cacheWriteTokens: day.usage.cacheWriteTokens ?? 0,
    costUsd: day.usage.costUsd,
  };
  const transcript = day.transcript.transcript();
  if (transcript) final.transcript = transcript;
  const { undelivered, released } = await sendDay(deps.outbox, {
    kind: 'day',
    personaId: persona.userId,
    tickId,
    record: final,
    actions,
    feedback: day.ratings,
    ...(day.status === 'ok' ? { release: true } : {}),
  });
  let { status, error } = day;
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
  deps.metrics.personaDay(status, (performance.now() - day.started) / 1000);
  log.info(
    {
      status,
      actions: actions.length,
      ratings: day.ratings.length,
      ms: Math.round(performance.now() - day.started),
    },
    'persona day',
  );
  const result: PersonaDayResult = {
    personaId: persona.userId,
    email: persona.email,
    tickId,
    status,
    ...(error ? { error } : {}),
    actions: actions.length,
    ratings: day.ratings.length,
    tokens: day.usage.inputTokens + day.usage.outputTokens,
    costUsd: day.usage.costUsd,
  };
  return { result, released };
}

/** Sends the day's write; it waits in the outbox if that fails. Returns the failure. */
async function sendDay(
  outbox: Outbox,
  write: PendingWrite,
): Promise<{ undelivered?: unknown; released: boolean }> {
  try {
    return { released: await outbox.send(write) };
  } catch (cause) {
    return { undelivered: cause, released: false };
  }
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
