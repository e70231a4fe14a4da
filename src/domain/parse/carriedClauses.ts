// A message that answers more than the question asked ("82年的，户口在这"; "我45了 能查两癌吗"):
// the clauses of it that may answer the questions that follow. A clause is a run of words between
// punctuation or spaces. Questions (能查吗, 要钱不) are never carried (and the reader of the next
// question takes no bare 是/对/没有 from them: see EligibilityInterview.readCarried). A statement run into a question is: the
// words before the question (我怀孕了|能做两癌吗), and after one (…是不是免费的|我户口是项城的).
import { normalizeText } from './normalizeText.js';
import { TAG_QUESTION } from './tagQuestion.js';
import { speaksOfAnotherWoman } from './ofAnotherWoman.js';
import { HUSBAND_SOURCE } from './husbandWords.js';

// not at '.': 1978.5.6 and 3.5 are dates. The fillers of speech typed by voice (那个, 就是说, 然后, 嗯)
// end a clause too: 我想问一下就是怀孕了那个唐氏筛查 holds 怀孕了.
// A closing particle run into the next words (Hunan: 是双胞胎咯现在有十四个星期哒…) ends a clause too (not
// that of a question, 去可以不咯…: CLOSED_QUESTION keeps the words before it).
const SPLIT = /[\s,，。!！?？;；、~～]+|那个|就是说?|然后|[嗯呃]+|(?<![不没])[咯啰](?=\p{Script=Han})/u;
// a question closed by 不 or 没 (能做乳腺检查不, 有免费的没; 今年开始搞了冇) as well as by 吗; not 居住证也没 (a statement)
// (and one asked as A-not-A: 你们礼拜六上不上班, 去不去得; not 时不时)
const QUESTION =
  /[吗么嘛]$|..(?<![也都还就并又])[不没]$|[了过]没有$|怎么|什么|啥|多少|哪|能不能|可不可以|是不是|要不要|有没有|(?<![不没])([^不没时动])[不没]\1|[?？]/u;
/** Words to the bot about the bot (你们礼拜六上不上班, 你们几点下班): never an answer of hers. */
const TO_THE_BOT = /^(?:你们|您们|你那|你这)/u;

/**
 * 啥 / 什么 that mean "any" after a negation, not "what" (没做过啥手术, 啥手术也没做过, 没什么事): no question
 * (not after 有没/是不/能不…: 有没有啥要带的 asks; nor 为啥都不让查).
 */
const INDEFINITE =
  /(?:(?<!有)没|(?<![是能可要会行好中])不(?![知晓]))[^啥什吗么?？]{0,6}?(?:啥子?|什么)|(?<![为干])(?:啥子?|什么)[^吗么?？]{0,4}?[也都](?:没|不)/gu;

/**
 * A yes-or-no question closed by 的/吗/呢 in the middle of a run-on, or asked as 可以不 / 行不 / 中不
 * with a particle (Hunan: 礼拜一早上去可以不咯我礼拜一才有空): what follows is a new clause.
 */
const CLOSED_QUESTION =
  /(?:是不是|能不能|可不可以|要不要|有没有|会不会)[^的吗呢]{0,6}[的吗呢]|(?:可以|行|中|得行|要得|好)不(?:可以|行|中|得行|要得|好)?[咯啰哦撒嘛呀啊噻]/u;
/** Where a question starts after a statement (我怀孕了|能做两癌吗). */
const QUESTION_START = /能|可以|还能|怎么|是不是|要不要|有没有|多少|什么|啥|哪/u;

/**
 * Where a voice-typed run-on turns to another fact of hers (…我是1972年3月15号的|户口就在咱项城…): each
 * fact its own clause, so that one question does not use up the words of the next.
 */
// (not after who it is said of: 我跟我老公|户口都不在这里 is one clause, of both of them)
const TOPIC_START = new RegExp(
  `(?<=\\p{Script=Han}{2})(?<!${HUSBAND_SOURCE}|两口子|我们|俺们|咱们|我俩|俺俩)(?=户口|户籍|我是|俺是|我家|俺家|我住|俺住|住在|预产期|末次月经|我今年|俺今年|我现在|俺现在|现在有|现在是|现在已经)`,
  'u',
);
/** What a check found, said with who found it (检查出来是双胞胎, B超说是一个): the finding is the clause. */
const FOUND_BY = /^(?:我|俺)?(?:检查|查|B超|b超|彩超|医生|大夫)(?:出来|上|说|看)*(?:的)?(?:是|有)(?=\p{Script=Han}{2})/u;
/**
 * In a run-on of any length, where a complete answer (an age or a date: 五十二了, 一九七一年的, 今年五十一;
 * a place: 户口在东门村; a question: 能查吗) is followed by the words of another fact or of a question to
 * the bot (…户口在…, …你们礼拜六上不上班), or her cycle after the day of her last period (…五月十号|我这个月经不准…): never inside a date (一九七一年) or a place name (丁集镇沈庄村).
 */
const RUN_ON =
  /(?<=(?:[\d零〇一二三四五六七八九十两][年月号日岁]?|[年月号日岁]数?)[了的哩嘞咧啦]?|了|[村庄镇乡组屯寨集街县市区][的哩嘞咧]?|[吗呢])(?=户口|户籍|我是|俺是|我家|俺家|家在|我住|俺住|住在|我今年|俺今年|今年|你们|您们|单位|低保|怀孕|预产期|末次月经|是农村|是城里|是城镇|是乡里|农村的|乡里的|乡下的|我这个月经|俺这个月经|我月经|俺月经|月经|例假)|(?<=\p{Script=Han}[的了哩嘞咧啦呢吗啊呀])(?=你们|您们)/u;
/** A long run-on (12 characters or more) split where it turns to another fact; a short clause (本地户口) as it is. */
const byTopic = (clause: string): string[] => ([...clause].length >= 12 ? clause.split(TOPIC_START) : [clause]).flatMap((c) => c.split(RUN_ON));
/** A statement before a question: closed by 了/的 (我怀孕了|能做两癌吗), or saying what she is or where (我是72年的, 户口在李寨). */
const STATEMENT = /[了的]$|是|在/u;
/** A statement said in a run-on with a question: as STATEMENT, or an age or a date (今年五十一, 52岁). */
const SAID = /[了的哩岁]$|是|在|[\d零〇一二三四五六七八九十]$/u;

/**
 * A yes-or-no question whether she may go or book (后天晌午能去妇幼不, 妇幼能做不, 后天上午行不行, 可以约礼拜五上午吗):
 * its place, day and session are hers to carry; not a question asking what, where or how (妇幼在哪, 人民医院远不远).
 */
const WH = /怎么|什么|啥|多少|哪|几|谁|为啥|咋/u;
const MAY = /能不能|可不可以|还能|能|可以/u;
const MAY_END = /(?:(?:可以|行|中|得行|要得|好)不(?:可以|行|中|得行|要得|好)?|(?:可以|行|中|得行)[吗么嘛]|[不没吗么嘛])[咯啰哦撒嘛呀啊噻呢]*$/u;
const GOING = /去|到|约|挂|天|日|号|礼拜|星期|周|午|早上|晌/u;
const GOING_PARTS = /(?<=\p{Script=Han}{2})(?=[去到约查做])/u;
const AFTER_SESSION = /(?<=[上下中晌]午|早上|晚上)(?=\p{Script=Han}{2})/u;

/** The words of a yes-or-no question about going (后天晌午能去妇幼不: 后天晌午去妇幼), or undefined. */
function goingAsked(clause: string): string | undefined {
  if (WH.test(clause) || !MAY_END.test(clause)) return undefined;
  const may = MAY.exec(clause);
  const head = may ? clause.slice(0, may.index) : '';
  const words = clause.replace(MAY_END, '').replace(MAY, '');
  // words that name where or when (a head before 能: 妇幼能做不), not a bare 能做不
  return words.length >= 2 && (GOING.test(words) || head.length >= 2) ? words : undefined;
}

/**
 * Whether her words turn a day or a going down (明天去不了, 礼拜二没空, 那天有事): no going of hers to carry.
 * Not the 不 of a question whether she may (后天晌午能去妇幼不, 明天去中不中).
 */
export function turnsDown(clause: string): boolean {
  return /[不没别莫]|有事|来不及|赶不上/u.test(clause.replace(MAY_END, '').replace(/(\p{Script=Han})[不没]\1/gu, ''));
}

/** The statements of one clause: itself, or the parts of it around a question. */
function statements(clause: string, forGoing: boolean): string[] {
  const going = forGoing && !turnsDown(clause);
  const asked = going ? goingAsked(clause) : undefined;
  // each its own clause: when, where, what (后天上午|去妇幼|查两癌)
  if (asked) return asked.split(GOING_PARTS).filter((c) => c.length > 0);
  // and so does a statement of going (后天上午去妇幼查两癌: 后天上午|去妇幼|查两癌), for the questions of a booking
  // (and after the session: 下周一上午|妇幼|查两癌)
  const wentParts =
    going && !QUESTION.test(clause) && GOING.test(clause)
      ? clause
          .split(GOING_PARTS)
          .flatMap((c) => c.split(AFTER_SESSION))
          .filter((c) => c.length > 0)
      : [];
  if (wentParts.length > 1) return wentParts.flatMap((c) => statements(c, false));
  const closed = CLOSED_QUESTION.exec(clause);
  if (closed) return [...statements(clause.slice(0, closed.index), going), ...statements(clause.slice(closed.index + closed[0].length), going)];
  // each fact of a run-on on its own, a question among them (俺能不能查|俺今年五十二了|户口在…) on its own;
  // around a question, only the words that say something of hers (not 两癌筛查|我是72年的|…能不能查)
  const parts = clause ? byTopic(clause).flatMap(statementOf) : [];
  return QUESTION.test(clause.replace(INDEFINITE, ' ')) ? parts.filter((c) => SAID.test(c)) : parts;
}

/** One fact's words as a statement: itself, or the words before a question; nothing for words to the bot. */
function statementOf(part: string): string[] {
  if (TO_THE_BOT.test(part)) return [];
  if (!QUESTION.test(part.replace(INDEFINITE, ' '))) return [part];
  const tag = TAG_QUESTION.exec(part);
  const tagged = tag ? part.slice(0, tag.index) : '';
  if (tagged.length >= 2 && STATEMENT.test(tagged) && !QUESTION.test(tagged.replace(INDEFINITE, ' '))) return [tagged];
  const start = QUESTION_START.exec(part);
  const head = start ? part.slice(0, start.index) : '';
  // (妇幼在哪: the place she asks about, not where she is)
  if (start?.[0] === '哪' && head.endsWith('在')) return [];
  if (head.length >= 2 && STATEMENT.test(head)) return [head];
  // (closed by 了 before what she asks about: 怀孕了|检查能免费不; not another woman's: 我姐怀孕了|唐筛能免费做吗)
  const closedHead = /^.+了(?=\p{Script=Han})/u.exec(head)?.[0];
  return closedHead && closedHead.length >= 3 && !QUESTION.test(closedHead) && !speaksOfAnotherWoman(part) ? [closedHead] : [];
}

/**
 * The clauses of `text` that could carry an answer, in order; `except` are left out (e.g. the one that answered).
 * `going`: a yes-or-no question about going there (能去妇幼不) carries its place, day and session too (for the
 * questions of a booking; not for the interview, where its 有 or 做 would read as an answer).
 */
/** Her year, then its month and day alone in the next breath (俺是七九年嘞 三月十六): one date, one clause (not 12月份体检过). */
export const YEAR_THEN_MONTH =
  /年(?:的|嘞|哩|了|啊)?[\s,，。]+(?=(?:\d{1,2}|[一二三四五六七八九十正冬腊]{1,2})月初?(?:\d{1,2}|[一二三四五六七八九十廿]{1,3})[号日]?[的嘞哩]?(?:[\s,，。]|$))/u;

export function carriedClauses(text: string, except: (clause: string) => boolean = () => false, going = false): string[] {
  const raw = normalizeText(text).replace(YEAR_THEN_MONTH, '年');
  return raw
    .split(SPLIT)
    .flatMap((c) => statements(c.trim(), going))
    .map((c) => c.replace(FOUND_BY, ''))
    .filter((c) => c.length > 0 && !except(c));
}
