import { ToolError } from '../../errors';

/**
 * Resolves an event's end from either an explicit end or a duration, refusing both at
 * once and an end before the start (the table's check would otherwise crash the call).
 */
export function resolveEnd(
  startsAt: Date,
  endsAt: string | undefined,
  durationMinutes: number | undefined,
  fallback: Date,
): Date {
  if (endsAt !== undefined && durationMinutes !== undefined) {
    throw new ToolError('INVALID_INPUT', 'Give either endsAt or durationMinutes, not both');
  }
  const end =
    endsAt !== undefined
      ? new Date(endsAt)
      : durationMinutes !== undefined
        ? new Date(startsAt.getTime() + durationMinutes * 60_000)
        : fallback;
  if (end < startsAt) {
    throw new ToolError(
      'INVALID_INPUT',
      `The event cannot end (${end.toISOString()}) before it starts (${startsAt.toISOString()})`,
    );
  }
  return end;
}
