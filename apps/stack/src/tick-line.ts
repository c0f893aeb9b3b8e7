import type { TickResult } from '@mana/persona-runner';

/** One human line per tick for the terminal of `npm start`. */
export function tickLine(result: TickResult, at: Date): string {
  const time = at.toISOString().slice(11, 19);
  const capped = result.costCapReached
    ? ' (daily cost cap reached: no more persona-days start until the next UTC day)'
    : '';
  if (result.due === 0)
    return `[${time}] tick: ${capped ? 'no day started' : 'nobody is due'}${capped}`;
  const actions = result.personas.reduce((n, p) => n + p.actions, 0);
  const ratings = result.personas.reduce((n, p) => n + p.ratings, 0);
  const failed = result.failed.length
    ? `, failed: ${result.failed.map((f) => `${f.email} (${f.error.slice(0, 80)})`).join('; ')}`
    : '';
  return `[${time}] tick: ${result.ranSuccessfully}/${result.due} personas lived their day, ${actions} tool calls, ${ratings} ratings in ${(result.durationMs / 1000).toFixed(1)} s${failed}${capped}`;
}
