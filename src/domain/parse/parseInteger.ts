// A whole number in a reply: "45", "45岁", "四十五", "大概45", "45左右". Two different numbers
// ("45还是46", "45-50") or a spoken range ("四五十") are 'ambiguous'; a decimal ("45.5") is
// 'unrecognised'. 虚岁 ages are taken as written (no correction).
import { CHINESE_NUMERAL_CHARS } from './chineseNumber.js';
import { normalizeText } from './normalizeText.js';
import { fail, ok, type ParseResult } from './parseResult.js';
import { replaceChineseNumerals } from './replaceChineseNumerals.js';

// words containing a numeral character that are not numbers (三十天来一回: once, not 1; 一个月一回 差不多三十天:
// monthly, said beside the days)
const NOT_NUMBERS =
  /一个多?月|一回|一次|一趟|一下|一直|一共|一起|一样|一点|一些|一般|一定|一会|一切|一向|万一|唯一|统一|星期[一二三四五六日天]|周[一二三四五六日]/gu;
const LEFTOVER_NUMERAL = new RegExp(`[${CHINESE_NUMERAL_CHARS}]`, 'u');

/**
 * units: words after a number that count that many of something else (a cycle of 四个礼拜 is
 * 28 days: { 礼拜: 7 }); the number before one, with or without 个, is multiplied.
 */
export function parseInteger(text: string, range: { min: number; max: number }, units: Record<string, number> = {}): ParseResult<number> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');
  const cleaned = normalized.replace(NOT_NUMBERS, ' ');
  const converted = withUnits(replaceChineseNumerals(cleaned), units);

  const numbers = converted.match(/\d+(?:\.\d+)?/gu) ?? [];
  if (numbers.some((n) => n.includes('.'))) return fail('unrecognised');
  const values = [...new Set(numbers.map((n) => (n.length > 15 ? Number.NaN : Number(n))))];
  if (values.some((v) => Number.isNaN(v))) return fail('out_of_range');
  if (values.length > 1) return fail('ambiguous');
  // a numeral run that is not one number: 四五十 (forty or fifty), 二三十
  if (LEFTOVER_NUMERAL.test(converted)) return fail('ambiguous');
  if (values.length === 0) return fail('unrecognised');
  const [value] = values;
  return value < range.min || value > range.max ? fail('out_of_range') : ok(value);
}

function withUnits(text: string, units: Record<string, number>): string {
  const words = Object.keys(units).sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(`(?<![\\d.])(\\d+)个?(${escaped.join('|')})`, 'gu');
  return text.replace(pattern, (_all, n: string, unit: string) => String(Number(n) * (units[unit] ?? 1)));
}
