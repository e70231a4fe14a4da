// Weeks of pregnancy written as an ultrasound report writes them: 12w3d, 12W+3D, 12w+3, 12+3w, 孕12w,
// G12w, 12wk (full-width letters and digits too), read as the Chinese words every reader knows
// (12周3天, 12周+3天, 孕12周). Only a count of 3 to 45 written right after something that is not a digit
// or a Latin letter (not a phone number, not a code), and not a sum of money (1w块, 花了2w, ¥3w: 万).
const DIGIT = '[0-9０-９]';
const COUNT = `(${DIGIT}{1,2})`;
const W = '[wWｗＷ](?:[kKｋＫ][sSｓＳ]?|eeks?)?';
const D = '[dDｄＤ]';
const PLUS = '[+＋]';
/** 钱, 块, 元: 2w is 2万, not two weeks */
const MONEY_BEFORE = /(?:钱|花|费|薪|工资|收入|存款|挣|赚|付|交|报销|补贴|价|贵|[¥￥$])\s*(?:了|要|得|大概|差不多|才|就)?\s*$/u;
const MONEY_AFTER = /^\s*(?:多\s*)?(?:块|元|人民币|rmb)/iu;

// 12w3d, 12w+3d, 12w+3, 12w 3d, 12w
// (days after a plus may go without d: 12w+3; without a plus they need it: 12w3d, not 12w 3号)
const DAYS_AFTER = `(?:\\s*${PLUS}\\s*(${DIGIT})\\s*(?:${D}|天)?|\\s*(${DIGIT})\\s*(?:${D}|天))`;
const WEEKS_FIRST = new RegExp(`(?<![0-9０-９a-zA-Zａ-ｚＡ-Ｚ])([gGｇＧ])?${COUNT}\\s*${W}(?:${DAYS_AFTER})?(?![a-zA-Zａ-ｚＡ-Ｚ0-9０-９])`, 'gu');
// 12+3w, 12+3周
const PLUS_FIRST = new RegExp(`(?<![0-9０-９a-zA-Zａ-ｚＡ-Ｚ])${COUNT}\\s*${PLUS}\\s*(${DIGIT})\\s*(?:${W}(?![a-zA-Zａ-ｚＡ-Ｚ])|周)`, 'gu');
// 12周3d, 12周+3d
const CHINESE_WEEKS_LATIN_DAYS = new RegExp(`周\\s*(${PLUS})?\\s*(${DIGIT})\\s*${D}(?![a-zA-Zａ-ｚＡ-Ｚ])`, 'gu');

const halfWidth = (s: string): string => s.replace(/[０-９]/gu, (c) => String.fromCodePoint((c.codePointAt(0) ?? 0) - 0xfee0));

const inRange = (count: string): boolean => {
  const n = Number(halfWidth(count));
  return n >= 3 && n <= 45;
};

export function latinWeeks(text: string): string {
  if (!/[wWｗＷdDｄＤ+＋]/u.test(text)) return text;
  return text
    .replace(PLUS_FIRST, (all: string, w: string, d: string) => (inRange(w) && Number(halfWidth(d)) <= 6 ? `${halfWidth(w)}周+${halfWidth(d)}天` : all))
    .replace(
      WEEKS_FIRST,
      (all: string, g: string | undefined, w: string, plusDay: string | undefined, day: string | undefined, offset: number, whole: string) => {
        const d = plusDay ?? day;
        if (!inRange(w) || (d !== undefined && Number(halfWidth(d)) > 6)) return all;
        if (MONEY_BEFORE.test(whole.slice(0, offset)) || MONEY_AFTER.test(whole.slice(offset + all.length))) return all;
        const days = d === undefined ? '' : `${plusDay ? '+' : ''}${halfWidth(d)}天`;
        return `${g ? '孕' : ''}${halfWidth(w)}周${days}`;
      },
    )
    .replace(CHINESE_WEEKS_LATIN_DAYS, (all: string, plus: string | undefined, d: string) =>
      Number(halfWidth(d)) <= 6 ? `周${plus ? '+' : ''}${halfWidth(d)}天` : all,
    );
}
