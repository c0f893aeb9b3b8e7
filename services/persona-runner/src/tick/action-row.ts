import { type ActionRow, hashToolInput } from '@mana/contracts';
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
    ...(call.errorMessage ? { errorMessage: call.errorMessage.slice(0, 4000) } : {}),
    latencyMs: Math.max(0, Math.round(call.latencyMs)),
    // The wire refuses a kind on an ok call and a verdict on an error; CallLog keeps
    // them apart already, and this keeps one bad call from refusing the whole batch.
    ...(call.result === 'error' && call.errorKind ? { errorKind: call.errorKind } : {}),
    ...(call.result === 'ok' && call.check ? { check: call.check } : {}),
    ...(call.checkOf !== undefined && call.checkOf < index ? { checkOf: call.checkOf } : {}),
  };
}
