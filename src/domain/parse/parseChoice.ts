// One option of a list, by its number ("2", "２", "二", "第二个", "2号", "选2", "②"), by its label or
// one of its words, or (for a question worded as yes/no, `ChoiceAnswers`) by a plain yes or no:
// "是的", "在", "嗯" pick the option a yes means, "不是", "没有" the option a no means, or, when several
// options mean it, 'ambiguous' `among` just those (she is asked which).
// Anything longer is read clause by clause (choiceReading.ts): a negated clause excludes what it
// names and says no, a clause about her husband is about him, one about both of them says yes for
// her. Then her words inside a label ("宫颈" picks "宫颈癌筛查"), then an answer that opens with a yes
// or a no. A reading from part of her words only is marked `guessed`.
// Words of two options → 'ambiguous'; a number outside the list → 'out_of_range'. An option she takes
// back for another (上午 不对 下午, 3号 哦不 5号: selfCorrection.ts) is the other.
import { parseChineseNumber } from './chineseNumber.js';
import { normalizeText } from './normalizeText.js';
import { readByClauses } from './choiceReading.js';
import { onlyKind } from './namePart.js';
import { fail, guessed, ok, type ParseResult } from './parseResult.js';
import { parseYesNo, plainYesNo } from './parseYesNo.js';
import { selfCorrection } from './selfCorrection.js';

export interface ChoiceOptionInput {
  value: string;
  label: string;
  words: string[];
  /** Words that rule this option out ("刚搬来两个月" for "住了半年以上"). */
  notWords?: string[];
}

/** Which options a plain yes or no means, and the question's own words for them (src/domain/parse/inputSpec.ts). */
export interface ChoiceAnswers {
  yes?: readonly string[];
  no?: readonly string[];
  yesWords?: readonly string[];
  noWords?: readonly string[];
  /** The option for none of the others (都不是). */
  none?: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const PARTICLES = /[吧啊呀呢哦的了嘛哈]+$/u;
const NUMBER_REPLY = /^(?:我)?(?:选择?|要|是|就|选的是|我选)?(?:第)?([0-9]{1,3}|[零〇一二两三四五六七八九十]{1,3})(?:个|号|项|条|种|个选项|选项)?$/u;
const NEGATION = /[不没无未非别]/u;

const compact = (s: string): string =>
  normalizeText(s)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(PARTICLES, '');

/** An option's word or label, compacted; its closing particle kept when it would leave one character (做了, 住了). */
function compactWord(s: string): string {
  const whole = normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');
  const cut = whole.replace(PARTICLES, '');
  return [...cut].length >= 2 ? cut : whole;
}

/** The option(s) a yes or no means, if the question says. */
function bySide(said: boolean | undefined, answers: ChoiceAnswers | undefined): ParseResult<string> | undefined {
  if (said === undefined || !answers) return undefined;
  const meant = (said ? answers.yes : answers.no) ?? [];
  if (meant.length === 1) return ok(meant[0]);
  if (meant.length > 1) return { ok: false, error: 'ambiguous', among: [...meant] };
  return undefined;
}

/** A contrast (街上住哩 不过是农村户口): the words after it are what she settles on. */
const CONTRAST = /^(.+?)(?:不过|但是|可是)(.+)$/u;

export function parseChoice(text: string, options: ChoiceOptionInput[], answers?: ChoiceAnswers): ParseResult<string> {
  const r = readChoice(text, options, answers);
  if (r.ok || r.error !== 'ambiguous') return r;
  // words of two options, the second after 不过/但是: that one, when its words name it alone
  const contrast = CONTRAST.exec(normalizeText(text));
  const after = contrast ? readChoice(contrast[2], options, answers) : undefined;
  return after?.ok ? after : r;
}

function readChoice(text: string, options: ChoiceOptionInput[], answers?: ChoiceAnswers): ParseResult<string> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');
  const reply = compact([...normalized].map((c) => (CIRCLED.includes(c) ? String(CIRCLED.indexOf(c) + 1) : c)).join(''));
  if (reply === '') return fail('unrecognised');

  const candidates = options.map((o) => [o.label, ...(o.words ?? [])].map(compactWord).filter((w) => w !== ''));

  // 1. the reply is exactly a label or word
  const exact = options.filter((_, i) => candidates[i].includes(reply));
  if (exact.length === 1) return ok(exact[0].value);
  if (exact.length > 1) return fail('ambiguous');

  // 2. a number
  // (一个, 两个 without 第 count something: one baby, two of them; not the first or second option)
  const numberMatch = /个$/u.test(reply) && !reply.includes('第') ? null : NUMBER_REPLY.exec(reply);
  if (numberMatch) {
    const n = parseChineseNumber(numberMatch[1]);
    if (n !== undefined) return n >= 1 && n <= options.length ? ok(options[n - 1].value) : fail('out_of_range');
  }

  // 3. a plain yes or no, when the question says which option it means
  const hasSides = !!answers && (!!answers.yes?.length || !!answers.no?.length);
  const words = { yes: answers?.yesWords, no: answers?.noWords };
  const plain = hasSides ? plainYesNo(normalized, words) : undefined;
  // (not when she names an option the other side means: 中 知道了 at 要改约或取消吗, 不用了 by its word)
  const side = plain !== undefined && !namesOtherSide(reply, options, candidates, plain ? answers?.yes : answers?.no) ? bySide(plain, answers) : undefined;
  if (side) return side;

  // 3a. one option taken back for another: the other (not 不是，丈夫的户口在本地: nothing taken back)
  const corrected = selfCorrection(normalized);
  if (corrected) {
    const [before, after] = [corrected.before, corrected.after].map((t) => (t ? parseChoice(t, options, answers) : undefined));
    if (before?.ok && after?.ok && !after.guessed) return after;
  }

  // 3b. 只/光/就 before one option's words (只查宫颈就中 乳腺年前查过了): that one only
  // (her closing particle kept: 乳腺单位体检查了 is a reason)
  const only = limitedToOne(normalized.replace(/[^\p{L}\p{N}]+/gu, ''), candidates);
  if (only) return only.sure ? ok(options[only.option].value) : guessed(options[only.option].value);

  // 3c. words of two options or more, all in one other option's label: that one (查宫颈查乳腺: 两癌，一起查)
  const together = optionNamingAll(reply, options, candidates);
  if (together) return ok(together);

  // 4. clause by clause: what each names, said of whom, negated or not
  const sides = { yes: answers?.yes ?? [], no: answers?.no ?? [], yesWords: answers?.yesWords ?? [], noWords: answers?.noWords ?? [], none: answers?.none };
  const reading = options.map((o, i) => ({
    value: o.value,
    words: candidates[i],
    label: compactWord(o.label),
    notWords: (o.notWords ?? []).map(compactWord),
  }));
  const byClauses = readByClauses(normalized, reading, sides);
  if (byClauses) return byClauses;

  // 5. the reply inside a label or word (at least 2 characters: "宫颈" for "宫颈癌筛查"); with a
  // negation in it ("不是低保户" for "城镇，不是低保户") it is a guess
  // (a word that only says what kind of place or service it is names none: 医院 is no hospital)
  // (her words without a negation, inside one label as said and inside others only after their 不是:
  // 户口在 is 我的户口在本地, not 我不是，丈夫的户口在本地)
  if ([...reply].length >= 2) {
    let containing = options.filter((_, i) => candidates[i].some((w) => w.includes(reply)));
    const unnegated = options.filter((_, i) => candidates[i].some((w) => w.includes(reply) && !NEGATION.test(w.slice(0, w.indexOf(reply)))));
    if (containing.length > 1 && !NEGATION.test(reply) && unnegated.length === 1) containing = unnegated;
    if (containing.length === 1 && !onlyKind(reply)) return NEGATION.test(reply) ? guessed(containing[0].value) : ok(containing[0].value);
    if (containing.length > 1) return fail('ambiguous');
  }

  // 6. an answer that opens with a yes or a no ("是的，我一直在这边"): a guess
  if (hasSides) {
    const opening = parseYesNo(normalized, words);
    const r = bySide(opening.ok ? opening.value : undefined, answers);
    if (r?.ok) return guessed(r.value);
    if (r) return r;
  }
  return fail('unrecognised');
}

/** Whether her reply holds a word (two characters or more) of an option that her plain yes or no (`meant`) does not mean. */
function namesOtherSide(reply: string, options: ChoiceOptionInput[], candidates: string[][], meant: readonly string[] | undefined): boolean {
  if (!meant?.length) return false;
  return options.some((o, i) => !meant.includes(o.value) && candidates[i].some((w) => [...w].length >= 2 && reply.includes(w)));
}

/**
 * The one option whose label holds every word she used of the other options, when she used words of
 * two or more of them and no negation (宫颈 and 乳腺: 两癌筛查（宫颈癌和乳腺癌一起查）); her words of
 * that option itself need not be in it (宫颈和乳腺都查: 都查 is its word).
 */
function optionNamingAll(reply: string, options: ChoiceOptionInput[], candidates: string[][]): string | undefined {
  if (NEGATION.test(reply)) return undefined;
  const used = candidates.map((words) => words.filter((w) => [...w].length >= 2 && reply.includes(w)));
  const holders = options.flatMap((o, h) => {
    const others = used.flatMap((words, i) => (i !== h && words.length > 0 ? [words] : []));
    return others.length >= 2 && others.flat().every((w) => compact(o.label).includes(w)) ? [h] : [];
  });
  return holders.length === 1 ? options[holders[0]].value : undefined;
}

// 只/光/单/就 (and a verb) right before an option's word: that option only (只查宫颈, 光约乳腺, 就查乳腺)
const LIMIT = '(?<!不)(?:只|光|单|就)(?:是|要|想|准备|打算){0,2}(?:检查|查|做|约|看)?(?:一下|一个|个)?';
// joined to another option's word, the limit is on both (只查宫颈和乳腺)
const JOINED = /^(?:和|跟|与|及|还有|加上|加|同|带)/u;
// another option named as an addition (乳腺也想查) is asked for too
const ADDED = /[也还都](?:想|要)?(?:检查|查|做|约)(?![过了])|一起|顺便|一块/u;
// another option named with a reason she does not want it (乳腺年前查过了, 宫颈不用)
const REASON = /过|了|[不没别]|已经/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The option she limits her answer to (只查宫颈就中 乳腺年前在县医院自己花钱查过了: 只查宫颈): the only
 * option whose words follow 只/光/就. Sure when every other option she names comes with a reason she
 * does not want it (查过了, 不用); undefined when she adds one (乳腺也想查) or limits to two.
 */
function limitedToOne(reply: string, candidates: string[][]): { option: number; sure: boolean } | undefined {
  const words = candidates.map((ws) => ws.filter((w) => [...w].length >= 2));
  const limits: { option: number; start: number; end: number }[] = [];
  words.forEach((ws, option) => {
    for (const w of ws) {
      for (const m of reply.matchAll(new RegExp(`${LIMIT}${escapeRegExp(w)}`, 'gu'))) {
        const after = reply.slice(m.index + m[0].length);
        const joined = JOINED.exec(after);
        if (joined && words.some((other, j) => j !== option && other.some((x) => after.slice(joined[0].length).startsWith(x)))) continue;
        limits.push({ option, start: m.index, end: m.index + m[0].length });
      }
    }
  });
  const limited = new Set(limits.map((l) => l.option));
  if (limited.size !== 1) return undefined;
  const [option] = limited;
  let sure = true;
  for (const [j, ws] of words.entries()) {
    if (j === option) continue;
    for (const w of ws) {
      for (let at = reply.indexOf(w); at >= 0; at = reply.indexOf(w, at + 1)) {
        if (limits.some((l) => at >= l.start && at < l.end)) continue;
        // what she says of it: her words between the limits around it (不要乳腺 | 只查宫颈)
        const before = limits.filter((l) => l.end <= at).reduce((end, l) => Math.max(end, l.end), 0);
        const next = limits.find((l) => l.start > at);
        const said = reply.slice(before, at) + reply.slice(at + w.length, next ? next.start : undefined);
        if (ADDED.test(said)) return undefined;
        sure &&= REASON.test(said);
      }
    }
  }
  return { option, sure };
}
