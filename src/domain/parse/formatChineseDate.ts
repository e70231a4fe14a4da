// 'YYYY-MM-DD' → '2026年3月5日' for messages. A malformed input is returned unchanged.
import { readYmd } from './gregorianDay.js';

export function formatChineseDate(date: string): string {
  const day = readYmd(date);
  return day ? `${day.y}年${day.m}月${day.d}日` : date;
}
