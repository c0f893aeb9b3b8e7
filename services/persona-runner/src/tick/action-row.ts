import { type ActionRow, type CallCheck, hashToolInput, storableText } from '@mana/contracts';
import type { ToolCall } from '../brains/types';
import type { LivedDay } from './live-day';

/** The action row of the day's `index`th tool call. */
export function actionRow(
  call: ToolCall,
  index: number,
  day: Pick<LivedDay, 'tickId' | 'spaceId'>,
): ActionRow {
  return {
    tickId: day.tickId,
    index,
    toolName: call.toolName,
    module: call.module,
    spaceId: day.spaceId ?? '',
    ...(call.toolUseId ? { toolUseId: call.toolUseId } : {}),
    inputHash: hashToolInput(call.input),
    result: call.result,
    // An app may answer a NUL byte; the store refuses it, so it is shown as U+FFFD.
    ...(call.errorMessage ? { errorMessage: storableText(call.errorMessage.slice(0, 4000)) } : {}),
    latencyMs: Math.max(0, Math.round(call.latencyMs)),
    // The wire refuses a kind on an ok call and a verdict on an error; CallLog keeps
    // them apart already, and this keeps one bad call from refusing the whole batch.
    ...(call.result === 'error' && call.errorKind ? { errorKind: call.errorKind } : {}),
    ...(call.result === 'ok' && call.check ? { check: storableCheck(call.check) } : {}),
    ...(call.checkOf !== undefined && call.checkOf < index ? { checkOf: call.checkOf } : {}),
  };
}

function storableCheck(check: CallCheck): CallCheck {
  return {
    ...check,
    ...(check.expected === undefined ? {} : { expected: storableText(check.expected) }),
    ...(check.seen === undefined ? {} : { seen: storableText(check.seen) }),
  };
}
