// Chinese numerals as women type them: 十, 十五, 二十, 三十五, 一百零五, 一百五 (=150), 两千零二十六,
// 廿三 (=23, used for lunar days), and digit-by-digit forms such as 二〇二六 / 一九八〇 (years).
// Financial forms (壹贰叁 … 拾佰仟) and plain ASCII digits are accepted too. Range: 0–9999 for the
// unit forms; ASCII digit strings of up to 15 digits.

export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const CHINESE_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

// 廿 = 二十 and 卅 = 三十 (lunar days are written 廿一 … 廿九).
const CONTRACTIONS: Readonly<Record<string, string>> = { 廿: '二十', 卅: '三十' };

/** Every character that can be part of a Chinese numeral (for finding runs in a text). */
export const CHINESE_NUMERAL_CHARS = [...Object.keys(CHINESE_DIGITS), ...Object.keys(CHINESE_UNITS), '廿', '卅'].join('');

export function parseChineseNumber(s: string): number | undefined {
  const text = String(s ?? '').trim();
  if (text === '') return undefined;
  if (/^[0-9]+$/.test(text)) return text.length <= 15 ? Number(text) : undefined;

  const expanded = [...text].map((c) => CONTRACTIONS[c] ?? c).join('');
  const chars = [...expanded];
  if (!chars.every((c) => c in CHINESE_DIGITS || c in CHINESE_UNITS)) return undefined;

  if (!chars.some((c) => c in CHINESE_UNITS)) {
    // one digit, or digit by digit: 二〇二六 → 2026
    if (chars.length > 15) return undefined;
    return Number(chars.map((c) => CHINESE_DIGITS[c]).join(''));
  }

  let total = 0;
  let pending: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  let zeroSeen = false;
  for (const c of chars) {
    const unit = CHINESE_UNITS[c];
    if (unit === undefined) {
      const digit = CHINESE_DIGITS[c];
      if (digit === 0) {
        if (pending !== undefined) return undefined;
        zeroSeen = true;
        continue;
      }
      if (pending !== undefined) return undefined; // 二三十: a range, not a number
      pending = digit;
      continue;
    }
    if (unit >= lastUnit) return undefined; // 十百, 百百
    if (pending === undefined && unit !== 10) return undefined; // 百 alone is not used
    total += (pending ?? 1) * unit;
    pending = undefined;
    lastUnit = unit;
    zeroSeen = false;
  }
  if (pending !== undefined) {
    // 一百零五 = 105, 三十五 = 35, but the colloquial 一百五 = 150 and 三千二 = 3200
    total += zeroSeen || lastUnit === 10 ? pending : (pending * lastUnit) / 10;
  }
  return total;
}
