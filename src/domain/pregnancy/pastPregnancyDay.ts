// A day of her pregnancy she names in her words: the day it ended (孩子没了 上礼拜三流掉了; 前天做了清宫;
// 5月3号没的), the day a screening was done elsewhere (NT上礼拜三在周口做过了): a day of the past,
// not before the pregnancy began. Undefined when her words name no day or several, or one that cannot
// be it: the event is then dated the day she tells it.
import { pastWeekdayDay } from '../booking/readDay.js';
import { addDays } from '../calendarDay.js';
import { parseDate } from '../parse/parseDate.js';

/** A pregnancy lasts at most this long (43 weeks, as plausibleDueDate allows). */
const LONGEST_DAYS = 43 * 7;

/** `dueDate`: the pregnancy's, when one is registered; its first day is 280 days before. */
export function pastPregnancyDay(words: string, today: string, dueDate?: string): string | undefined {
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
