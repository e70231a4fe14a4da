// She corrects herself inside one answer: "十周了 哦不对 昨天检查说是十一周零两天", "3号 不对 5号",
// "1968年11月20 不对不对 是12月20", "是十一周才对", "是3月1号 不是10号": the words that hold the value
// she means now (`after`) and the words she took back (`before`). Only a clear marker (不对, 不是, 哦不,
// 说错了, 打错了, 记错了, 应该是, 是…才对) says which value wins: two values without one are left to
// the reader, which finds them ambiguous. The reader reads `after` on its own and keeps its own
// reading of the whole when `after` says nothing it knows.
import { normalizeText } from './normalizeText.js';
import { toSimplified } from './toSimplified.js';

export interface SelfCorrection {
  /** the words she took back */
  before: string;
  /** the words of the value she means */
  after: string;
}

const PAUSE = '[\\s,，。!！;；、~～]';
// 不对 (not in 对不对), 不是 before a pause (不是 十一周; not 不是10号, which takes back 10号 itself),
// 哦不 before a pause, 说错了 and the like, 应该是
const MARKER = new RegExp(
  [
    `(?:[哦噢喔啊哎唉呃]${PAUSE}*)?(?<!对)不对(?:${PAUSE}*不对)*[了咯哦啊呀]*`,
    `(?:[哦噢喔啊哎唉呃]${PAUSE}*)?不是(?:${PAUSE}*不是)*[了咯哦啊呀]*(?=${PAUSE}|$)`,
    `[哦噢喔]${PAUSE}*不(?=${PAUSE})`,
    `(?:说|打|记|看|写|讲|弄|搞|填|输|听|算|按)错(?:了|哒)?`,
    '应该是',
  ].join('|'),
  'gu',
);
/** 不是10号, 不是十三周: a value she takes back, named right after 不是 */
const NOT_THIS = /不是(?=[0-9零一二两三四五六七八九十腊冬正初])[^\s,，。!！;；、~～]*/gu;
/** 是十一周才对, 12月20才对 */
const RIGHT_ONE = /(?:是)?([^\s,，。!！;；、~～]+?)才对/u;

/** What is left of `words` without the markers and the values taken back by 不是 (是3月1号 不是10号 → 是3月1号). */
function cleaned(words: string): string {
  return words
    .replace(MARKER, ' ')
    .replace(NOT_THIS, ' ')
    .replace(/[\s,，。!！;；、~～]+/gu, ' ')
    .trim()
    .replace(/ 我$/u, '');
}

/** Undefined when she does not correct herself with a clear marker, or no words are left after it. */
export function selfCorrection(text: string): SelfCorrection | undefined {
  const t = normalizeText(toSimplified(text));
  if (!t) return undefined;
  const right = RIGHT_ONE.exec(t);
  if (right && right[1] && !/^[了的]?$/u.test(right[1])) {
    return { before: cleaned(t.slice(0, right.index)), after: right[1] };
  }
  const markers = [...t.matchAll(MARKER)];
  for (let i = markers.length - 1; i >= 0; i -= 1) {
    const m = markers[i];
    const after = cleaned(t.slice(m.index + m[0].length));
    if (after) return { before: cleaned(t.slice(0, m.index)), after };
  }
  // 是3月1号 不是10号: the value not taken back
  const kept = cleaned(t);
  const takenBack = [...t.matchAll(NOT_THIS)].map((m) => m[0].slice(2));
  return takenBack.length > 0 && kept && kept !== t ? { before: takenBack.join(' '), after: kept } : undefined;
}
