// A yes/no answer. Each clause of the reply (split at punctuation and spaces) is read on its own:
// - a clause made only of answer words and fillers ("是的我愿意", "不用了谢谢", "对对对") counts;
// - a clause that only starts with a clear answer word of 2+ characters ("没有做过检查") counts;
// - 没/不/未 + a short verb ("没做过", "不去") is no; a short "…过" ("做过", "查过了") is yes;
// - anything else ("我想问一下…", "有点不舒服") is ignored.
// Yes and no together ("是不是", "是的，不是") or with "don't know" is 'ambiguous'; 嗯/恩 is a weak yes
// that a no overrides ("嗯，不要" is no); only "don't know" is 'unrecognised'. An acknowledgement
// (知道了, 收到) and thanks (谢谢你们通知我) are fillers: neither a yes nor a no.
// - "No problem" idioms (没问题, 没有问题, 不要紧, 无所谓) are yes, never a no because of their 没/不.
// - A rhetorical question is no: a word split by 什么 (怀什么孕: 怀孕) or a verb said twice around it
//   (查什么查), 怎么会 / 哪能 before a word the question knows (怎么会怀孕呢, 哪能怀上), and 哪有 / 怎么可能.
// - She takes her words back (我讲错了, 看错了): a no, never a short verb echoed with 了.
// - A clause she asks back (没有位置了？那我就等着) answers nothing; a thank-you clause (谢谢你们通知我)
//   is a filler.
// A reading from the opening of a clause, or from the short 没/不 + verb pattern, is `guessed`: her
// words say more than the answer (我不会写字 is not a refusal of the privacy notice), and a question
// that would refuse or end something on it asks again instead.
// A question may add its own words (`AnswerWords`): its verb echoed back (排 for 要排队吗, 约 for an
// offer, 在 for 您的户口在…吗), which 不/没 before them turn into a no (不排了, 不在); a clause that
// ends with one of them answers too ("单位体检会查的", "早结扎了").
import { normalizeText } from './normalizeText.js';
import { fail, guessed, ok, type ParseResult } from './parseResult.js';

type Sense = 'yes' | 'weakYes' | 'no' | 'question' | 'unsure' | 'filler' | 'other';

const words = (sense: Sense, list: string): [string, Sense][] =>
  list
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => [w, sense]);

const LEXICON = new Map<string, Sense>([
  ...words(
    'yes',
    `是 是的 是滴 是呀 就是 对 对的 对滴 对头 没错 正确 好 好的 好滴 好嘞 好哒 好了 行 行的 中 可以 可以的
     同意 愿意 要 要的 有 有的 需要 想 想要 当然 当然了 肯定 确定 确认 去 参加 做 会 能 妥 ok okay yes
     都行 都可以 都中 都好 行啊 可以啊 还用说 那还用说 那当然`,
  ),
  // "no problem": yes, though they hold a 没/不
  ...words('yes', '没问题 没有问题 没什么问题 没多大问题 不成问题 没毛病 不要紧 没关系 无所谓 不碍事 没得说 没意见 没有意见 没得意见 莫得意见 冇意见 冇得意见'),
  ...words('weakYes', '嗯 恩 嗯嗯 恩恩 嗯呐 嗯哪'),
  ...words(
    'no',
    `否 不 不是 不对 错 不要 没有 没 无 木有 没得 没了 没呢 还没 还没有 从来没有 从没 从来没 未 不同意 不愿意 不行 不中
     算了 不用 不用了 不需要 不必 不想 不去 不参加 不做 不会 不能 不了 不好 拒绝 别 no nope
     错了 不对了 打错 写错 说错 讲错 答错 弄错 搞错 记错 填错 选错 按错 发错 点错 看错 算错 听错 认错 输错 报错
     没空 没有空 没时间 没有时间 去不了 来不了 去不成 来不成 做不了 约不了 赶不上 走不开 不可能 哪有 哪里有 哪来的 怎么可能`,
  ),
  ...words(
    'question',
    `吗 么 是不是 是否 对不对 好不好 行不行 要不要 有没有 可不可以 可以不 愿不愿意 同不同意 需不需要 中不中
     去不去 能不能 会不会 做不做 想不想 参不参加`,
  ),
  ...words(
    'unsure',
    `不知道 不晓得 不清楚 不确定 不记得 记不清 记不得 忘了 忘记了 说不好 说不清 不一定 可能 也许 或许 好像 大概
     不太清楚 不太确定 不太记得 不懂 不明白 看情况 再说 考虑一下 想想 再想想 随便`,
  ),
  ...words(
    'filler',
    `我 我们 俺 那 那就 就 应该 谢谢 谢谢你 谢谢您 谢谢医生 医生 你好 您好 哈哈 呵呵 的 了 滴 啊 呀 吧 呢 哦 噢 喔 啦 嘛
     哈 呗 咯 哒 嗷 耶 诶 哎 唉 额 呃 哟 嘞 哇 呐 哩 噻 撒 唦 咧 嘛 啰 那我 那我就 我就 你 你们 您
     感谢 多谢 麻烦你 麻烦您 麻烦你们 辛苦 辛苦了 现在 目前 已经 这会儿 眼下
     知道 知道了 知道啦 晓得 晓得了 明白 明白了 收到 收到了 懂了`,
  ),
  // words that start like an answer but are not one
  ...words('other', '有点 有些 有时 有人 有事 要是 好多 好几 可是 但是 还是 不过 不错 对了 没事 中午 中间 中心 会不会是'),
]);
const MAX_WORD = Math.max(...[...LEXICON.keys()].map((w) => w.length));

/** The words a yes/no is read with (是的, 可以, 没有…): real words, never pinyin typos of another (可以咯 is not 可一个). */
export const YES_NO_WORDS: readonly string[] = [...LEXICON.keys()];

/** A question's own answer words (see the top of this file). */
export interface AnswerWords {
  yes?: readonly string[];
  no?: readonly string[];
}

/** The words a reply is read with: the lexicon, and the question's own words on top. */
interface Lexicon {
  sense(word: string): Sense | undefined;
  maxWord: number;
  /** verbs that a preceding 不/没/不想… negates instead of contradicting ("不想去", "没有做", "不排了") */
  negatable(word: string): boolean;
  /** the question's own words (its verb echoed back: 查, 怀着, 结扎) */
  own(word: string): boolean;
  /** whether a yes word or the question's own words hold `part` (怀孕 in 怀孕了) */
  knows(part: string): boolean;
  /** whether the question's own words of two characters or more hold `part` (怀 in 怀上) */
  ownKnows(part: string): boolean;
}

// verbs that a preceding 不/没/不想… negates instead of contradicting ("不想去", "没有做")
const NEGATABLE = new Set(['去', '做', '参加', '要', '想', '想要', '会', '能', '有', '需要']);

const YES_WORDS = [...LEXICON].filter(([, s]) => s === 'yes').map(([w]) => w);

const BASE: Lexicon = {
  sense: (w) => LEXICON.get(w),
  maxWord: MAX_WORD,
  negatable: (w) => NEGATABLE.has(w),
  own: () => false,
  knows: (part) => YES_WORDS.some((w) => w.includes(part)),
  ownKnows: () => false,
};

function lexiconWith(words: AnswerWords | undefined): Lexicon {
  if (!words || (!words.yes?.length && !words.no?.length)) return BASE;
  const own = new Map<string, Sense>();
  for (const w of words.yes ?? []) own.set(normalizeText(w), 'yes');
  for (const w of words.no ?? []) own.set(normalizeText(w), 'no');
  const longest = Math.max(MAX_WORD, ...[...own.keys()].map((w) => w.length));
  return {
    sense: (w) => own.get(w) ?? LEXICON.get(w),
    maxWord: longest,
    negatable: (w) => NEGATABLE.has(w) || own.get(w) === 'yes',
    own: (w) => own.has(w),
    knows: (part) => BASE.knows(part) || [...own.keys()].some((w) => w.includes(part)),
    ownKnows: (part) => [...own.keys()].some((w) => w.length >= 2 && w.includes(part)),
  };
}

// WeChat sends its emoticons as text codes; a few common emoji mean yes or no too.
const EMOTICONS: [RegExp, string][] = [
  [/\[(强|ok|好的|耶|胜利|握手|抱拳)\]|👍|👌|✅|✔|🙆|🆗/gu, ' 好 '],
  [/\[弱\]|👎|❌|✖|🙅/gu, ' 不 '],
];

/** "是是是" → "是", "好的好的" → "好的". */
/** A clause said twice or more over (对对对, 好的好的) as said once. */
export function collapseRepeats(clause: string): string {
  const chars = [...clause];
  for (let size = 1; size <= chars.length / 2; size += 1) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === clause) return unit;
  }
  return clause;
}

// thanks, and whatever follows it in the clause (谢谢你们通知我): a courtesy, not an answer
const COURTESY = new Set(['谢谢', '谢谢你', '谢谢您', '谢谢医生', '感谢', '多谢', '麻烦你', '麻烦您', '麻烦你们', '辛苦', '辛苦了']);

/**
 * Splits a clause into lexicon words (longest first), up to the first unknown character. Words after
 * a thank-you (谢谢你们通知我) are its object: the clause is read as ending there.
 */
function tokenize(clause: string, lex: Lexicon): { tokens: [string, Sense][]; rest: string } {
  const tokens: [string, Sense][] = [];
  let i = 0;
  while (i < clause.length) {
    let found: [string, Sense] | undefined;
    for (let len = Math.min(lex.maxWord, clause.length - i); len >= 1; len -= 1) {
      const w = clause.slice(i, i + len);
      const sense = lex.sense(w);
      if (sense) {
        found = [w, sense];
        break;
      }
    }
    if (!found) break;
    tokens.push(found);
    i += found[0].length;
  }
  const rest = clause.slice(i);
  if (rest !== '' && tokens.some(([w]) => COURTESY.has(w))) return { tokens, rest: '' };
  return { tokens, rest };
}

/** What one clause says: its senses, and whether they were read from only part of it (a guess). */
interface Reading {
  senses: Sense[];
  guessed: boolean;
  /** a rhetorical question (怀什么孕): a no even when she ends it with "?" */
  rhetorical?: boolean;
}

const sure = (senses: Sense[]): Reading => ({ senses, guessed: false });
const guess = (senses: Sense[]): Reading => ({ senses, guessed: true });

/**
 * A clause that ends with the question's own word ("单位体检会查的", "早结扎了", "厂里体检不查那个"): that word's sense, a
 * no when 不/没/未/别 comes just before it ("单位不给查"). Undefined when it does not end so.
 */
function tailSense(clause: string, lex: Lexicon): Sense[] | undefined {
  // (what the verb is done to, said last: 厂里体检不查那个, 都查这些, 都查这俩, 查这两样)
  const core = clause.replace(/(?:[这那](?:[两俩]?(?:个|些|种|项|样)|俩))?[了的啊呀吧呢哦嘛啦过]*$/u, '');
  for (let i = 1; i < core.length; i += 1) {
    const { tokens, rest } = tokenize(core.slice(i), lex);
    if (rest !== '' || !tokens.some(([w]) => lex.own(w))) continue;
    const senses = readClause(core.slice(i), lex).senses.filter((s) => s === 'yes' || s === 'no');
    if (senses.length === 0 || new Set(senses).size > 1) return undefined;
    return /[不没未别]/u.test(core.slice(Math.max(0, i - 2), i)) ? ['no'] : senses;
  }
  return undefined;
}

/**
 * A rhetorical question, a strong no: 什么 inside a word the question knows (怀什么孕 for 怀孕了吗,
 * 结什么婚), or between a verb said twice (查什么查), at the end of the clause.
 */
function isRhetorical(clause: string, lex: Lexicon): boolean {
  // 怎么会怀孕呢, 哪能怀上, 咋可能怀孕: how could I; not 怎么就怀上了 (surprised: she is)
  const how = /(?:怎么|哪里|哪儿|哪|怎)(?:还|再)?(?:会|能|可能)(?:还|再)?([^不没未别了]\p{Script=Han}{0,3}?)[的啊呀吧呢哦嘛啦咯哟哩嘞哒]*$/u.exec(clause);
  if (how && !clause.endsWith('了') && lex.knows(how[1])) return true;
  // 六十几岁了 怀什么, 还怀啥: a verb of the question's own words asked back with 什么, at the end
  const verb = /(?:^|还|又|再)(\p{Script=Han})什么[的啊呀吧呢哦嘛啦咯哟哩嘞哒]*$/u.exec(clause);
  if (verb && lex.ownKnows(verb[1])) return true;
  const m = /(\p{Script=Han})什么(\p{Script=Han})[了的啊呀吧呢哦嘛啦咯哟哩嘞哒]*$/u.exec(clause);
  if (!m) return false;
  const [, a, b] = m;
  return a === b || lex.knows(a + b);
}

/** A clause that says what she feared or thought, not what is (怕是乳腺癌 查了没事, 还以为怀上了): no answer. */
const FEARED = /^(?:我|俺|就|还|当时|开始)*(?:怕|害怕|担心|以为|怀疑)|可能是|怕是|说是|以为是|怀疑是/u;

/**
 * What someone else does, as the condition of what she wants then (有人退了就喊我, 有人不去了给俺说一声):
 * what she wants is her answer, and the condition's 不 is not hers; never a wish (有人来了就好了).
 */
export const SOMEONE_ELSES_CONDITION = /^(?:要是|如果|万一)?有人\p{Script=Han}+?(?:了就|了|就)(?!就?好)(?=\p{Script=Han}{2})/u;

/** What one clause says. */
function readClause(raw: string, lex: Lexicon): Reading {
  const then = raw.replace(SOMEONE_ELSES_CONDITION, '');
  if (then !== raw) return readClause(then, lex);
  const clause = collapseRepeats(raw);
  if (FEARED.test(clause)) return sure(['unsure']);
  const { tokens, rest } = tokenize(clause, lex);
  const senses: Sense[] = [];
  for (const [i, [word, sense]] of tokens.entries()) {
    if (sense === 'filler') continue;
    // 就是 before a no is "only": 就是没怀上, 就是没查过
    if (word === '就是' && tokens[i + 1]?.[1] === 'no') continue;
    if (sense === 'other') {
      // "好的不过…": an answer before a non-answer word still counts; "有点不舒服" has none
      return sure(senses);
    }
    if (sense === 'yes' && senses[senses.length - 1] === 'no' && lex.negatable(word)) continue;
    senses.push(sense);
  }
  if (rest === '') return sure(senses);
  if (isRhetorical(clause, lex)) return { senses: ['no'], guessed: false, rhetorical: true };

  // the clause goes on with words we do not know: only its opening can be an answer (a guess)
  const core = clause.replace(/^(我们|我|俺|那就|那|就是(?=[不没未])|就|应该)+/u, '');
  const lead = tokenize(core, lex).tokens.find(([, s]) => s !== 'filler');
  const tail = tailSense(clause, lex);
  if (lead && [...lead[0]].length >= 2 && (lead[1] === 'yes' || lead[1] === 'no' || lead[1] === 'unsure')) {
    // opened and closed in the question's own words, the same way (没有单位在屋里种田): said whole
    const closed = lex.own(lead[0]) && tail?.length === 1 && tail[0] === lead[1];
    return lead[1] === 'unsure' || closed ? sure([lead[1]]) : guess([lead[1]]);
  }
  if (tail) return sure(tail);
  const trimmed = core.replace(/[了的啊呀吧呢哦]+$/u, '');
  // 没做过, 不舒服 (but 不识字); after 先/暂时/还是 too (先不用了, 暂时不去)
  if (/^(?:先|暂时|还是)?(没有|没|不|未)\p{Script=Han}{1,3}$/u.test(trimmed)) return guess(['no']);
  if (/^[^不没未]\p{Script=Han}{0,2}过$/u.test(trimmed)) return sure(['yes']); // 做过, 查过了
  // a short verb echoed back with 了 ("怀了", "怀孕了", "切了") answers yes
  // (not 讲错了: taken back; nor 这岁数了, 都五十了: her age, not a verb)
  // (not with a 不/没 inside: 先不用了 is no yes)
  if (
    /^[^不没未别](?:(?![不没未别])\p{Script=Han}){0,2}了$/u.test(core) &&
    !/^(算|完|好多|对)了$|错了$|^[这那都也还太多好]|岁|数|[一二三四五六七八九十]/u.test(core)
  )
    return sure(['yes']);
  if (/^\p{Script=Han}{1,2}错了?$/u.test(trimmed)) return guess(['no']);
  return sure([]);
}

/** Her reply with emoticons read as words, or undefined when it is empty. */
function prepare(text: string): string | undefined {
  let t = normalizeText(text);
  if (t === '') return undefined;
  for (const [pattern, word] of EMOTICONS) t = t.replace(pattern, word);
  return t;
}

/** Her clauses (split at punctuation and spaces), each marked when she closed it with "?". */
function clausesOf(t: string): { text: string; asked: boolean }[] {
  const parts = t.split(/([^\p{L}\p{N}]+)/u);
  const out: { text: string; asked: boolean }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i]) out.push({ text: parts[i], asked: (parts[i + 1] ?? '').includes('?') });
  }
  return out;
}

/**
 * A clause that asks back without a "?": a verb asked as A-not-A (你们礼拜六上不上班, 查不查得; not 时不时),
 * or words to the bot closed by 不/没 (你们礼拜六上班不). Its 不上班 is no answer of hers.
 */
const ASKED_BACK = /(?<![不没])([^不没时动\P{Script=Han}])[不没]\1|^(?:你们|您们)\p{Script=Han}*[不没]$/u;

/**
 * What her clauses say together. A clause she asks back (没有位置了？) answers nothing but a question
 * or a rhetorical no; the reading is a guess when every clause that answered was read from only part of it.
 */
function readClauses(t: string, lex: Lexicon): Reading & { ownSure: Sense[]; guessedOnly: Sense[] } {
  const senses: Sense[] = [];
  // what clauses said whole in the question's own words (怀上了), and what only a guess said (还没去建档)
  const ownSure: Sense[] = [];
  const sureSenses: Sense[] = [];
  let guessed: boolean | undefined;
  for (const { text, asked } of clausesOf(t)) {
    const r = readClause(text, lex);
    const askedBack = ASKED_BACK.test(text) && !r.rhetorical;
    if (askedBack && !r.senses.includes('question')) r.senses.push('question');
    const kept = (asked || askedBack) && !r.rhetorical ? r.senses.filter((s) => s === 'question') : r.senses;
    senses.push(...kept);
    if (kept.some((s) => s === 'yes' || s === 'no')) guessed = (guessed ?? true) && r.guessed;
    if (r.guessed) continue;
    sureSenses.push(...kept);
    if (tokenize(collapseRepeats(text), lex).tokens.some(([w]) => lex.own(w))) ownSure.push(...kept);
  }
  const guessedOnly = senses.filter((s) => !sureSenses.includes(s));
  return { senses, guessed: guessed ?? false, ownSure, guessedOnly };
}

export function parseYesNo(text: string, words?: AnswerWords): ParseResult<boolean> {
  const t = prepare(text);
  if (t === undefined) return fail('empty');
  const lex = lexiconWith(words);

  const whole = t.replace(/[^\p{L}\p{N}]+/gu, '');
  // a bare 1 or 2 (the first or second of a list she was not shown: 是 / 否 are words here) is a yes or
  // a no only as a guess: what it would start or end is confirmed first where the question says so
  if (whole === '1') return guessed(true);
  if (whole === '2') return guessed(false);
  if (whole === 'y' || whole === 'yeah' || whole === 'yep' || whole === 'sure') return ok(true);
  if (whole === 'n') return ok(false);

  const { senses, guessed: partly, ownSure, guessedOnly } = readClauses(t, lex);
  const has = (s: Sense): boolean => senses.includes(s);
  const answer = (value: boolean): ParseResult<boolean> => (partly ? guessed(value) : ok(value));
  if (has('question')) return fail('ambiguous');
  if (has('yes') && has('no')) {
    // 怀上了 才俩月 还没去建档哩: a whole answer in the question's own words, against a 没 read only from
    // the opening of another clause (about something else): the first, as a guess
    const said = [...new Set(ownSure.filter((s) => s === 'yes' || s === 'no'))];
    const other = said[0] === 'yes' ? 'no' : 'yes';
    if (said.length === 1 && guessedOnly.includes(other) && !has('unsure')) return guessed(said[0] === 'yes');
    return fail('ambiguous');
  }
  if (has('unsure')) return has('yes') || has('no') ? fail('ambiguous') : fail('unrecognised');
  if (has('yes')) return answer(true);
  if (has('no')) return answer(false);
  if (has('weakYes')) return t.includes('?') ? fail('unrecognised') : ok(true); // "嗯?" is "pardon?"
  return fail('unrecognised');
}

/**
 * A reply that is nothing but a yes or a no ("是的", "好的谢谢", "嗯", "不是", "没有", "不在"): every
 * clause made only of answer words and fillers. Undefined for anything else ("是的，老公是本地的",
 * "嗯?", "是不是"), which a choice question reads by its options instead.
 */
export function plainYesNo(text: string, words?: AnswerWords): boolean | undefined {
  const t = prepare(text);
  if (t === undefined || t.includes('?')) return undefined;
  const lex = lexiconWith(words);
  const senses: Sense[] = [];
  for (const { text: clause } of clausesOf(t)) {
    // as written ("谢谢"), or with a repeat collapsed ("是是是", "好的好的")
    const read = [clause, collapseRepeats(clause)].map((c) => tokenize(c, lex)).find((r) => r.rest === '');
    if (!read) return undefined;
    const { tokens } = read;
    senses.push(...readClause(clause, lex).senses);
    if (tokens.some(([, s]) => s === 'other')) return undefined;
  }
  if (senses.some((s) => s === 'question' || s === 'unsure')) return undefined;
  const yes = senses.includes('yes');
  const no = senses.includes('no');
  if (yes && no) return undefined;
  if (no) return false;
  if (yes || senses.includes('weakYes')) return true;
  return undefined;
}
