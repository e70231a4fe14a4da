// The day she says her pregnancy ended, when her words name one (孩子没了 上礼拜三流掉了; 前天做了清宫;
// 5月3号没的): a day of the past, not before the pregnancy began. Undefined when her words name no
// day or several, or one that cannot be it: the loss is then dated the day she tells it.
import { pastWeekdayDay } from '../booking/readDay.js';
import { addDays } from '../calendarDay.js';
import { parseDate } from '../parse/parseDate.js';

/** A pregnancy lasts at most this long (43 weeks, as plausibleDueDate allows). */
const LONGEST_DAYS = 43 * 7;

/** `dueDate`: the pregnancy's, when one is registered; its first day is 280 days before. */
export function lossDay(words: string, today: string, dueDate?: string): string | undefined {
  const date = parseDate(words, { today, direction: 'past' });
  const day = date.ok
    ? date.value.precision === 'day'
      ? date.value.date
      : undefined
    : date.error === 'unrecognised'
      ? pastWeekdayDay(words, today)
      : undefined;
  if (!day || day > today) return undefined;
  const earliest = dueDate ? addDays(dueDate, -280) : addDays(today, -LONGEST_DAYS);
  return day >= earliest ? day : undefined;
}
