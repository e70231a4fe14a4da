// 'YYYY-MM-DD' → '2026年3月5日' for messages; with precision 'month' → '2026年3月', 'year' → '2026年';
// formatMonthDay: '3月5日' (a day near today, its year understood). A malformed input is returned unchanged.
import { dayParts } from '../calendarDay.js';

export type DatePrecision = 'day' | 'month' | 'year';

export function formatChineseDate(date: string, precision: DatePrecision = 'day'): string {
  const day = dayParts(date);
  if (!day) return date;
  if (precision === 'year') return `${day.y}年`;
  if (precision === 'month') return `${day.y}年${day.m}月`;
  return `${day.y}年${day.m}月${day.d}日`;
}

/** '3月5日': a day of this year, near today (in a list of days she may book). */
export function formatMonthDay(date: string): string {
  const day = dayParts(date);
  return day ? `${day.m}月${day.d}日` : date;
}
