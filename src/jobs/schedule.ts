// When a periodic job runs: every N minutes, or daily at an Asia/Shanghai time. Pure: gives the
// cron expression for node-cron and the run times between two instants (for clock jumps).
import { shanghaiDay, shanghaiTime } from '../domain/calendarDay.js';

export type Schedule = { every: 'minutes'; minutes: number } | { every: 'day'; hour: number; minute: number };

export function cronExpression(s: Schedule): string {
  return s.every === 'minutes' ? `*/${s.minutes} * * * *` : `${s.minute} ${s.hour} * * *`;
}

/** Run times t with from < t <= to, oldest first. */
export function runTimesBetween(s: Schedule, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  if (to.getTime() <= from.getTime()) return out;
  if (s.every === 'minutes') {
    const step = s.minutes * 60_000;
    for (let t = Math.floor(from.getTime() / step) * step + step; t <= to.getTime(); t += step) out.push(new Date(t));
    return out;
  }
  let day = shanghaiDay(from);
  for (;;) {
    const t = shanghaiTime(day, s.hour, s.minute);
    if (t.getTime() > to.getTime()) break;
    if (t.getTime() > from.getTime()) out.push(t);
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return out;
}
