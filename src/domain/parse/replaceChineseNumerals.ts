// Rewrites every run of Chinese numeral characters in a text as ASCII digits, when the run is a
// number (三月五号 → 3月5号, 二〇二六年 → 2026年, 〇八年 → 08年, 初十 → 初10, 廿三 → 23). Runs that are
// not a number (二三十, a range) are left as they are. Used by the date and integer parsers after
// normalizeText.
import { CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chineseNumber.js';

const RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'gu');

export function replaceChineseNumerals(text: string): string {
  return text.replace(RUN, (run) => {
    const chars = [...run];
    if (chars.length > 1 && chars.every((c) => c in CHINESE_DIGITS)) {
      // digit by digit, keeping leading zeros (〇八 → 08)
      return chars.map((c) => String(CHINESE_DIGITS[c])).join('');
    }
    const n = parseChineseNumber(run);
    return n === undefined ? run : String(n);
  });
}
