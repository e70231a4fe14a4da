// An option named by a part of its name, the way women name a hospital or a place: 妇幼 / 妇幼保健院那个
// for 项城市妇幼保健院, 就去人民医院吧 for 项城市第一人民医院, 一院 (the 第一 hospital) for it too. A part
// names an option when it is in that option's name and in no other's; a part that only says what
// kind of place it is (医院, 保健院, 卫生院, 检查) names none. What the label says in brackets (怀孕11到13周,
// 还剩5个) is not its name. Parts of two options, or a negation in her words: no reading (she is asked
// again). Pure.
import { normalizeText } from './normalizeText.js';
import { fail, guessed, type ParseResult } from './parseResult.js';

export interface NamedOption {
  value: string;
  label: string;
  words?: readonly string[];
}

/** Words for the kind of place or service, not a name (a part made of these alone names nothing). */
const KIND_WORDS = ['卫生服务中心', '保健院', '卫生院', '医院', '中心', '门诊', '检查', '筛查', '超声', '彩超', 'B超', 'b超', '医生', '那个', '这个'];
const BRACKETS = /[（(][^）)]*[）)]/gu;
const NEGATION = /[不没别]/u;

const compact = (s: string): string => normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether `part` says no more than the kind of place (医院, 保健院医院). */
export function onlyKind(part: string): boolean {
  let rest = part;
  for (const w of KIND_WORDS) rest = rest.replaceAll(w, '');
  // what is left of a kind word cut at the part's edges (保健 of 保健院, 院 of 医院)
  return rest === '' || KIND_WORDS.some((w) => w.includes(rest));
}

/**
 * The one option whose name her words name by a part of it (`guessed`: from part of her words);
 * 'ambiguous' when parts of several options' names are in them; undefined when none is.
 */
export function choiceByNamePart(text: string, options: readonly NamedOption[]): ParseResult<string> | undefined {
  const reply = compact(text);
  if ([...reply].length < 2 || NEGATION.test(reply) || options.length < 2) return undefined;
  const names = options.map((o) => [o.label, ...(o.words ?? [])].map((n) => compact(n.replace(BRACKETS, ''))).filter((n) => n.length >= 2));
  const holders = (part: string) => options.filter((_, i) => names[i].some((n) => n.includes(part)));
  const named = new Set<string>();
  const chars = [...reply];
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 2; j <= chars.length; j++) {
      const part = chars.slice(i, j).join('');
      const having = holders(part);
      if (having.length === 0) break;
      if (having.length === 1 && !onlyKind(part)) named.add(having[0].value);
    }
    // 一院, 二院: a character of one name only, then the last character of that name (院)
    const pair = chars.slice(i, i + 2);
    if (pair.length === 2) {
      const byFirst = holders(pair[0]);
      const only = byFirst.length === 1 ? options.indexOf(byFirst[0]) : -1;
      if (only >= 0 && !onlyKind(pair[0]) && names[only].some((n) => n.endsWith(pair[1]) && !n.includes(pair.join('')))) named.add(byFirst[0].value);
    }
  }
  if (named.size === 1) return guessed([...named][0]);
  return named.size > 1 ? fail('ambiguous') : undefined;
}
