/** Day arithmetic on `YYYY-MM-DD` strings (UTC) for habit periods and streaks. */

export type HabitPeriod = 'daily' | 'weekly';

/** The calendar day (UTC) of an instant. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, when `n` is negative). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return dayOf(date);
}

/** How many days one period spans. */
export function periodDays(period: HabitPeriod): number {
  return period === 'daily' ? 1 : 7;
}

/** The first day of the period holding `day`: the day itself, or the Monday of its week. */
export function periodStart(day: string, period: HabitPeriod): string {
  if (period === 'daily') return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** How a habit stands in the period holding `today`. */
export interface HabitProgress {
  periodStart: string;
  periodEnd: string;
  done: number;
  target: number;
  met: boolean;
  streak: number;
}

/**
 * Sums the daily counts into periods and measures the streak: the consecutive periods
 * that met the target, ending with the current one when it is met already, otherwise
 * with the one before (an unfinished period does not break a streak).
 */
export function habitProgress(
  habit: { period: HabitPeriod; targetPerPeriod: number },
  countsByDay: Iterable<readonly [string, number]>,
  today: string,
): HabitProgress {
  const totals = new Map<string, number>();
  for (const [day, count] of countsByDay) {
    const start = periodStart(day, habit.period);
    totals.set(start, (totals.get(start) ?? 0) + count);
  }
  const step = periodDays(habit.period);
  const start = periodStart(today, habit.period);
  const done = totals.get(start) ?? 0;
  const met = done >= habit.targetPerPeriod;
  let streak = met ? 1 : 0;
  for (
    let p = addDays(start, -step);
    (totals.get(p) ?? 0) >= habit.targetPerPeriod;
    p = addDays(p, -step)
  ) {
    streak += 1;
  }
  return {
    periodStart: start,
    periodEnd: addDays(start, step - 1),
    done,
    target: habit.targetPerPeriod,
    met,
    streak,
  };
}
