// Finding the words of triggers and commands in her message the loose way she writes them: a
// measure word or particle may sit inside a word (排个号 is 排号, 约一下 and 取消了预约 are 约下 and
// 取消预约); words of a trigger's classes may stand apart (约个NT, 排畸 约一个); and some occurrences do
// not count (the 约 of 约好了 is news, not a request; the 约 of 不约 is a no).

/** What may sit between two Chinese characters of a word (排个号, 改下时间, 退了号). */
const FILLER = '(?:一个|一下|了个|个|下|了|一)?';
const HAN = /\p{Script=Han}/u;

const patterns = new Map<string, RegExp>();

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The word as a pattern that lets a filler sit between two of its Chinese characters. */
function patternOf(word: string): RegExp {
  const key = word.toLowerCase();
  let re = patterns.get(key);
  if (!re) {
    const chars = [...key];
    let source = '';
    chars.forEach((ch, i) => {
      if (i > 0 && HAN.test(chars[i - 1]) && HAN.test(ch)) source += FILLER;
      source += escape(ch);
    });
    re = new RegExp(source, 'gu');
    patterns.set(key, re);
  }
  return re;
}

export interface Hit {
  start: number;
  end: number;
  word: string;
}

/** Every place `word` is written in `s` (lower case, no punctuation), fillers inside allowed. */
export function findWord(s: string, word: string): Hit[] {
  const re = patternOf(word);
  re.lastIndex = 0;
  const hits: Hit[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    hits.push({ start: m.index, end: m.index + m[0].length, word });
    if (m[0].length === 0) re.lastIndex++;
  }
  return hits;
}

export function hasWord(s: string, words: readonly string[]): boolean {
  return words.some((w) => findWord(s, w).length > 0);
}

/** `s` with every occurrence of `words` blotted out (same length, so places stay where they were). */
export function maskWords(s: string, words: readonly string[]): string {
  if (words.length === 0) return s;
  // (places are UTF-16 offsets, as the matches give them)
  const out = s.split('');
  for (const w of words) for (const h of findWord(s, w)) for (let i = h.start; i < h.end; i++) out[i] = '\u0000';
  return out.join('');
}

/** The longest word of `words` found in `s`, if any. */
export function longestWord(s: string, words: readonly string[]): Hit | undefined {
  let best: Hit | undefined;
  for (const w of words) {
    const hit = findWord(s, w)[0];
    if (hit && (!best || w.length > best.word.length)) best = hit;
  }
  return best;
}

/**
 * A word of each class in `s`: in any order; or, with `near`, in the classes' order, each at most
 * `near` characters after the one before (别老给我发消息: 别 … 发). The words found, or undefined.
 */
export function matchClasses(s: string, classes: readonly (readonly string[])[], near?: number): Hit[] | undefined {
  if (near === undefined) {
    const found: Hit[] = [];
    for (const cls of classes) {
      const hit = longestWord(s, cls);
      if (!hit) return undefined;
      found.push(hit);
    }
    return found;
  }
  const follow = (i: number, after: Hit | undefined): Hit[] | undefined => {
    if (i === classes.length) return [];
    for (const w of classes[i]) {
      for (const h of findWord(s, w)) {
        if (after && (h.start < after.end || h.start - after.end > near)) continue;
        const rest = follow(i + 1, h);
        if (rest) return [h, ...rest];
      }
    }
    return undefined;
  };
  return follow(0, undefined);
}
