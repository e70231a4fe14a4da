// One option of a list, by its number ("2", "２", "二", "第二个", "2号", "选2", "②") or by its label
// or one of its words appearing in the reply (or the reply appearing in them: "宫颈" picks
// "宫颈癌筛查"). A word that is part of a longer matching word of another option loses to it
// ("不需要" is not "需要"); a word right after 不/没/不要/不是 is not counted ("不要乳腺的").
// Words of two options → 'ambiguous'; a number outside the list → 'out_of_range'.
// A question worded as yes/no (您的户口在项城市吗？1. … 5. …) says which option a plain yes means and
// which a plain no means (`ChoiceAnswers`): "是的", "在", "嗯" pick the yes option, "不是", "没有" the
// no option, or, when several options mean no, 'ambiguous' `among` just those.
import { parseChineseNumber } from './chineseNumber.js';
import { normalizeText } from './normalizeText.js';
import { fail, ok, type ParseResult } from './parseResult.js';
import { plainYesNo } from './parseYesNo.js';

export interface ChoiceOptionInput {
  value: string;
  label: string;
  words: string[];
}

/** Which options a plain yes or no means, and the question's own words for them (src/domain/parse/inputSpec.ts). */
export interface ChoiceAnswers {
  yes?: readonly string[];
  no?: readonly string[];
  yesWords?: readonly string[];
  noWords?: readonly string[];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const PARTICLES = /[吧啊呀呢哦的了嘛哈]+$/u;
const NUMBER_REPLY = /^(?:我)?(?:选择?|要|是|就|选的是|我选)?(?:第)?([0-9]{1,3}|[零〇一二两三四五六七八九十]{1,3})(?:个|号|项|条|种|个选项|选项)?$/u;
const NEGATION = /(不要|不是|不想|不选|不|没|没有|别)$/u;

const compact = (s: string): string =>
  normalizeText(s)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(PARTICLES, '');

/** The option(s) a plain yes or no means, if the question says. */
function bySide(text: string, answers: ChoiceAnswers | undefined): ParseResult<string> | undefined {
  if (!answers || (!answers.yes?.length && !answers.no?.length)) return undefined;
  const said = plainYesNo(text, { yes: answers.yesWords, no: answers.noWords });
  if (said === undefined) return undefined;
  const meant = (said ? answers.yes : answers.no) ?? [];
  if (meant.length === 1) return ok(meant[0]);
  if (meant.length > 1) return { ok: false, error: 'ambiguous', among: [...meant] };
  return undefined;
}

export function parseChoice(text: string, options: ChoiceOptionInput[], answers?: ChoiceAnswers): ParseResult<string> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');
  const reply = compact([...normalized].map((c) => (CIRCLED.includes(c) ? String(CIRCLED.indexOf(c) + 1) : c)).join(''));
  if (reply === '') return fail('unrecognised');

  const candidates = options.map((o) => [o.label, ...(o.words ?? [])].map(compact).filter((w) => w !== ''));

  // 1. the reply is exactly a label or word
  const exact = options.filter((_, i) => candidates[i].includes(reply));
  if (exact.length === 1) return ok(exact[0].value);
  if (exact.length > 1) return fail('ambiguous');

  // 2. a number
  const numberMatch = NUMBER_REPLY.exec(reply);
  if (numberMatch) {
    const n = parseChineseNumber(numberMatch[1]);
    if (n !== undefined) return n >= 1 && n <= options.length ? ok(options[n - 1].value) : fail('out_of_range');
  }

  // 3. a plain yes or no, when the question says which option it means
  const side = bySide(normalized, answers);
  if (side) return side;

  // 4. a label or word inside the reply
  const spans: { option: number; start: number; end: number }[] = [];
  candidates.forEach((words, option) => {
    for (const w of words) {
      for (let at = reply.indexOf(w); at >= 0; at = reply.indexOf(w, at + 1)) {
        if (NEGATION.test(reply.slice(0, at))) continue;
        spans.push({ option, start: at, end: at + w.length });
      }
    }
  });
  // drop a match lying inside a longer match of another option
  const kept = spans.filter((s) => !spans.some((o) => o.option !== s.option && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
  const inside = [...new Set(kept.map((s) => s.option))];
  if (inside.length === 1) return ok(options[inside[0]].value);
  if (inside.length > 1) return fail('ambiguous');

  // 5. the reply inside a label or word (at least 2 characters: "宫颈" for "宫颈癌筛查")
  if ([...reply].length >= 2) {
    const containing = options.filter((_, i) => candidates[i].some((w) => w.includes(reply)));
    if (containing.length === 1) return ok(containing[0].value);
    if (containing.length > 1) return fail('ambiguous');
  }
  return fail('unrecognised');
}
