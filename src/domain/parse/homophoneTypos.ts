// Pinyin keyboards offer the wrong character of the same sound, and women on small phones pick it:
// 预越 for 预约, 唐晒 for 唐筛, 花圆 for 花园. A word of her message that sounds exactly like a word
// the flows, profiles or county know (toneless pinyin) but is written otherwise is read as that
// word. Built once at start from the vocabulary; pure.
import { pinyin } from 'pinyin-pro';
import { CHINESE_NUMERAL_CHARS } from './chineseNumber.js';

const HAN = /^\p{Script=Han}$/u;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** 1978念5月6日: the 年 of a date typed as another nian character, right between a year and a month. */
const YEAR_TYPO = /(\d{2,4})[念廿粘黏碾撵捻辇](?=\d{1,2}月)/gu;
/** 1971年3越5号: the 月 of a date typed as another yue character, right between a month and a day. */
const MONTH_TYPO = /(\d{1,2})[越阅跃悦粤岳钥](?=\d{1,2}[日号])/gu;

const NUMERAL = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]$`, 'u');
/** what follows a number that makes it a date, a time or a count (十月, 二十号, 三点, 两个; about one: 十来年, 十几天, 二十多) */
const NUMBER_UNIT = /^[月号日年周天岁点个次胎块来几多余]$/u;

/**
 * Whether reading chars[i, i+n) as `word` would change a Chinese numeral that is part of a number
 * (改成十月二十号: 成十 sounds like 城市, but 十 starts 十月): one that runs on past the stretch, or is
 * followed by a unit of a date or a count.
 */
function eatsNumber(chars: readonly string[], i: number, n: number, word: string): boolean {
  const replaced = [...word];
  for (let k = i; k < i + n; k++) {
    if (!NUMERAL.test(chars[k]) || replaced[k - i] === chars[k]) continue;
    let start = k;
    while (start > 0 && NUMERAL.test(chars[start - 1])) start--;
    let end = k + 1;
    while (end < chars.length && NUMERAL.test(chars[end])) end++;
    if (start < i || end > i + n || (end < chars.length && NUMBER_UNIT.test(chars[end]))) return true;
  }
  return false;
}

/** Toneless pinyin of each character, read in context (polyphones); '' for anything not Han. */
function syllables(chars: readonly string[]): string[] {
  const text = chars.join('');
  const read = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'spaced' });
  // one syllable a character; when the library groups otherwise, read each character alone
  const each = read.length === chars.length ? read : chars.map((c) => pinyin(c, { toneType: 'none' }));
  return chars.map((c, i) => (HAN.test(c) ? each[i] : ''));
}

/** The Han words (two characters or more) of vocabulary entries: 唐氏筛查（怀孕…） gives 唐氏筛查, 怀孕. */
export function hanWords(entries: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const entry of entries) for (const m of entry.matchAll(HAN_RUN)) words.add(m[0]);
  return words;
}

/**
 * The reader of homophone typos for a vocabulary: each stretch of her message that is not a
 * vocabulary word but sounds like one (of the same length), replaced by it. Of words that sound
 * alike among themselves, the one that keeps the most of her characters (soundsLike); `keep` are real words
 * that sound like a vocabulary word and stay as she wrote them.
 */
/** The everyday words of a text as [start, end) character offsets (src/support/wordSpans.ts); none known: no spans. */
export type WordSpans = (text: string) => Array<[number, number]>;

export function homophoneReader(vocabulary: Iterable<string>, keep: Iterable<string> = [], wordSpans: WordSpans = () => []): (text: string) => string {
  const known = hanWords(vocabulary);
  const bySound = new Map<string, string[]>();
  // words read as written: the vocabulary's, and real words that only sound like one of them
  const words = new Set([...known, ...hanWords(keep)]);
  for (const word of known) {
    const key = syllables([...word]).join(' ');
    bySound.set(key, [...(bySound.get(key) ?? []), word]);
  }
  const lengths = [...new Set([...words].map((w) => [...w].length))].sort((a, b) => b - a);
  return (text) => {
    const withYear = text.replace(MONTH_TYPO, '$1月').replace(YEAR_TYPO, '$1年');
    if (words.size === 0 || !/\p{Script=Han}/u.test(withYear)) return withYear;
    const chars = [...withYear];
    const sounds = syllables(chars);
    const spans = wordSpans(withYear);
    const out: string[] = [];
    let i = 0;
    while (i < chars.length) {
      const step = wordAt(chars, sounds, i, lengths, words, bySound, spans);
      out.push(step.text);
      i += step.size;
    }
    return out.join('');
  };
}

function wordAt(
  chars: readonly string[],
  sounds: readonly string[],
  i: number,
  lengths: readonly number[],
  words: ReadonlySet<string>,
  bySound: ReadonlyMap<string, readonly string[]>,
  spans: ReadonlyArray<readonly [number, number]>,
): { text: string; size: number } {
  // a word she wrote right is kept as it is (and its characters are not read again)
  for (const n of lengths) {
    const typed = chars.slice(i, i + n).join('');
    if (i + n <= chars.length && words.has(typed)) return { text: typed, size: n };
  }
  for (const n of lengths) {
    if (i + n > chars.length) continue;
    const part = sounds.slice(i, i + n);
    if (part.some((s) => s === '')) continue;
    const word = soundsLike(bySound.get(part.join(' ')), chars.slice(i, i + n));
    if (!word || cutsWord(chars, i, n, lengths, words) || eatsNumber(chars, i, n, word) || particleInside(chars, i + n, word)) continue;
    if (!crossesWord(spans, i, i + n)) return { text: word, size: n };
  }
  return { text: chars[i], size: 1 };
}

/**
 * The word of `alike` (words of the same sound) she meant by `typed`: the only one, or of several the
 * one that keeps the most of her characters where she wrote them (上五: 上午, not 晌午); none when
 * two keep as many, or none keeps any.
 */
function soundsLike(alike: readonly string[] | undefined, typed: readonly string[]): string | undefined {
  if (!alike?.length) return undefined;
  if (alike.length === 1) return alike[0];
  const kept = alike.map((w) => [...w].filter((c, k) => c === typed[k]).length);
  const best = Math.max(...kept);
  return best > 0 && kept.filter((k) => k === best).length === 1 ? alike[kept.indexOf(best)] : undefined;
}

/**
 * Whether chars[from, to) take part of an everyday word she wrote that goes on outside them (期几 of
 * 星期几, 想下 of 想|下周一, 城十 of 项城|十来年): not a typo of one word, but the edge of two.
 */
function crossesWord(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  return spans.some(([s, e]) => s < to && e > from && (s < from || e > to));
}

/** A particle that closes a clause (做哒, 好咯, 要得嘞): a word ending in one is read only where her clause ends. */
const PARTICLE_END = /[哒咯哩嘞啦了吧呀啊嘛哈哦呢]$/u;

/**
 * Whether `word`, read in place of her characters up to `end`, would end in a particle with her clause
 * going on (该做大排畸了 is not 该做哒排畸了: 做大 only sounds like 做哒).
 */
function particleInside(chars: readonly string[], end: number, word: string): boolean {
  return PARTICLE_END.test(word) && end < chars.length && HAN.test(chars[end]);
}

/**
 * Whether reading chars[i, i+n) as another word would cut a word she wrote right that starts
 * inside it and ends after it (这礼拜六 is not 这里拜六: 礼拜 is a word).
 */
function cutsWord(chars: readonly string[], i: number, n: number, lengths: readonly number[], words: ReadonlySet<string>): boolean {
  for (let j = i + 1; j < i + n; j++) {
    for (const m of lengths) {
      if (j + m >= i + n && j + m <= chars.length && words.has(chars.slice(j, j + m).join(''))) return true;
    }
  }
  return false;
}
