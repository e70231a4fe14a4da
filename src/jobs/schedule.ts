// When a periodic job runs: every N minutes, or daily at an Asia/Shanghai time. Pure: gives the
// cron expression for node-cron and the run times between two instants (for clock jumps).
import { addDays, shanghaiDay, shanghaiTime } from '../domain/calendarDay.js';

export type Schedule = { every: 'minutes'; minutes: number } | { every: 'day'; hour: number; minute: number };

export function cronExpression(s: Schedule): string {
  return s.every === 'minutes' ? `*/${s.minutes} * * * *` : `${s.minute} ${s.hour} * * *`;
}

/** The last run time t with from < t <= to, if any: computed directly, whatever the distance. */
export function lastRunTimeBetween(s: Schedule, from: Date, to: Date): Date | undefined {
  if (to.getTime() <= from.getTime()) return undefined;
  let last: number;
  if (s.every === 'minutes') {
    const step = s.minutes * 60_000;
    last = Math.floor(to.getTime() / step) * step;
  } else {
    const day = shanghaiDay(to);
    const today = shanghaiTime(day, s.hour, s.minute).getTime();
    last = today <= to.getTime() ? today : shanghaiTime(addDays(day, -1), s.hour, s.minute).getTime();
  }
  return last > from.getTime() ? new Date(last) : undefined;
}

/** Run times t with from < t <= to, oldest first; at most `limit` of them (the most recent ones). */
export function runTimesBetween(s: Schedule, from: Date, to: Date, limit = 1000): Date[] {
  const out: Date[] = [];
  if (to.getTime() <= from.getTime()) return out;
  if (s.every === 'minutes') {
    const step = s.minutes * 60_000;
    const first = Math.max(Math.floor(from.getTime() / step) * step + step, Math.floor(to.getTime() / step) * step - (limit - 1) * step);
    for (let t = first; t <= to.getTime(); t += step) out.push(new Date(t));
    return out;
  }
  // daily: start no earlier than `limit` days before `to`
  from = new Date(Math.max(from.getTime(), to.getTime() - limit * 86_400_000));
  let day = shanghaiDay(from);
  for (;;) {
    const t = shanghaiTime(day, s.hour, s.minute);
    if (t.getTime() > to.getTime()) break;
    if (t.getTime() > from.getTime()) out.push(t);
    day = addDays(day, 1);
  }
  return out;
}
