// The words of her request for staff (flows/messages.yaml `handoff`): what she is told when it is
// opened, and, out of office hours, when staff answer (今天下午2点半, 明天上午8点, 10月6日（周二）上午8点).
import { addDays, isoWeekday, shanghaiClockTime, shanghaiDay } from '../../domain/calendarDay.js';
import { formatMonthDay } from '../../domain/parse/formatChineseDate.js';
import { renderTemplate, type TemplateVars } from '../../domain/template.js';
import type { Messages } from '../flowSchema.js';

/** 上午8点, 下午2点半, 下午5点15分: the session's word, then the hour of the 12-hour clock. */
function clockWords(instant: Date, sessions: Messages['booking']['sessions']): string {
  const [h, m] = shanghaiClockTime(instant).split(':').map(Number);
  const hour = h > 12 ? h - 12 : h;
  const minutes = m === 0 ? '' : m === 30 ? '半' : `${m}分`;
  return `${h < 12 ? sessions.am : sessions.pm}${hour}点${minutes}`;
}

/** When staff next answer, in her words, seen from `now`. */
export function whenWords(opening: Date, now: Date, messages: Messages): string {
  const w = messages.handoff.when;
  const time = clockWords(opening, messages.booking.sessions);
  const day = shanghaiDay(opening);
  const today = shanghaiDay(now);
  if (day === today) return renderTemplate(w.today, { time });
  if (day === addDays(today, 1)) return renderTemplate(w.tomorrow, { time });
  return renderTemplate(w.later, { date: formatMonthDay(day), weekday: messages.booking.weekdays[isoWeekday(day) - 1], time });
}

/** A text of `handoff`, then, out of office hours, when staff answer. */
export function handoffText(text: string, vars: TemplateVars, opening: Date | undefined, now: Date, messages: Messages): string {
  const said = renderTemplate(text, vars);
  if (!opening) return said;
  return `${said}\n${renderTemplate(messages.handoff.outOfHours, { when: whenWords(opening, now, messages) })}`;
}
