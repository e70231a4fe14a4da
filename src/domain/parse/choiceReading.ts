// Reading a choice answer by its clauses, the way a health worker would, when it is neither a number,
// nor a label, nor a plain yes or no (src/domain/parse/parseChoice.ts):
// - a negated clause excludes the options its words name ("居住证也没有" is not "我有本地居住证",
//   "不是低保户" is not the 低保 option) and, when the question is worded as yes/no, says no;
// - a clause about her husband ("老公是本地的") is about him: its words choose the option that names
//   him; a clause about both of them ("我跟我爱人户口都在这") says yes for her;
// - an option's `notWords` rule it out ("刚搬来两个月" is not "住了半年以上");
// - a word of one option inside a longer piece of another option's label is that other option's
//   ("我在本地住了半年" is the 半年 option, not 在本地).
// The result is `guessed` when it rests on part of her words only: other content words unexplained,
// or a negation that decided it.
import { TAG_QUESTION } from './tagQuestion.js';
import { fail, guessed, ok, type ParseResult } from './parseResult.js';
import { plainYesNo, SOMEONE_ELSES_CONDITION } from './parseYesNo.js';
import { HUSBAND_SOURCE, HUSBAND_WORDS } from './husbandWords.js';

export interface ReadingOption {
  value: string;
  /** Label and words, compacted (no punctuation, no closing particle). */
  words: string[];
  /** The label alone, compacted. */
  label: string;
  notWords: string[];
}

export interface ReadingSides {
  yes: readonly string[];
  no: readonly string[];
  yesWords: readonly string[];
  noWords: readonly string[];
  /** The option for none of the others (都不是). */
  none?: string;
}

// who a clause is about besides her (her husband, by the names women use)
const PERSON_WORDS = [...HUSBAND_WORDS, '他爸'];
const PERSON = new RegExp(`${PERSON_WORDS.join('|')}|(?<!其)他(?!们)`, 'u');
// where she has it from (医生说怀的是双胞胎, B超上看着是俩): words that are not another answer
const SOURCE_WORDS = ['医生说', '大夫说', '医生讲', '大夫讲', '说是', 'B超', 'b超', '彩超', '单子上', '查出来', '看着', '照出来'];
// the two of them together (跟着老公一起落到这里: she went with him)
const BOTH = /都|俩|两口子|夫妻|我们|咱们|一起|一块|跟着|随着/u;
const NEGATION = /[不没无未非别]/gu;
// 不/没… that do not negate
// (唐筛还没搞 帮我约一个: not done yet, so still to do)
const NOT_NEGATION = /不过|不错|不少|不管|不论|不仅|不然|没事|无论|别的|非常|不知道|不清楚|不记得|还没有?(?:做|搞|查|约|弄)/gu;
// characters that carry no content of their own
const FILLER = /[我俺你您的了是在有也都就还呢啊吧呀哦嘛这那个里边儿们和跟与同过着很已经嗯对呗啦哈不没无未非别想要查做去选可以行好点吗么一下些]/u;
// where a clause changes subject: before 我 or a name of her husband, unless joined (我跟我爱人, 我的爱人, 跟着老公);
// not 我 after 是/在 (户口是我项城嘞: 咱, read as 我, is "our")
// (and after an answer closed by 呢: 户口在呢人在北京给人家当保姆; not a subject's 呢, 俺老公呢是本地人)
const SUBJECT_SPLIT = new RegExp(`(?<![跟和与同及是在])(?=我)|(?<![跟和与同及我的俺着随])(?=${HUSBAND_SOURCE})|(?<=[在是有的]呢)(?=\\p{Script=Han})`, 'u');
const CONTRAST = /但是|但|可是|不过|只是/u;
// a bare no after the word it is about (低保俺家木有, 低保我们没得): not a new subject, the end of the clause before
const TRAILING_NO = /^我(?:们)?(?:家|家里|屋里)?(?:也|都|就|还|从来|一直)*(?:没有|没得|没吃|不吃|没享受|没评上|没办|没申请|不是|没|无)(?:过)?[的了呢啊哈]*$/u;

interface Span {
  option: number;
  start: number;
  end: number;
}

interface Clause {
  text: string;
  /** The whole clause is a negated piece of one option's label ("不是低保户" of 城镇，不是低保户): a guess. */
  piece: boolean;
  /** 是不是…, 在不在…, …吗: a question, not an answer */
  question: boolean;
  about: 'her' | 'other' | 'both';
  negated: boolean;
  /** A subject named in the clause (我, or her husband): a negation is about that one only. */
  explicitSubject: boolean;
  spans: Span[];
}

/** Her clauses; one that ends in a question mark is marked with a trailing "?". */
function splitClauses(reply: string): string[] {
  return reply
    .split(/(?<=\?)|[^\p{L}\p{N}?]+/u)
    .flatMap((c) => c.split(CONTRAST))
    .flatMap((c) =>
      c
        .split(SUBJECT_SPLIT)
        .reduce<string[]>((parts, p) => (parts.length > 0 && TRAILING_NO.test(p) ? [...parts.slice(0, -1), parts.at(-1)! + p] : [...parts, p]), []),
    )
    .filter((c) => c !== '');
}

/** The longest piece of `label` (3+ characters) found in `text` starting at each position. */
function labelPieces(text: string, label: string, option: number): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    let best = 0;
    for (let j = 0; j < label.length; j++) {
      let k = 0;
      while (i + k < text.length && j + k < label.length && text[i + k] === label[j + k]) k++;
      best = Math.max(best, k);
    }
    if (best >= 3) spans.push({ option, start: i, end: i + best });
  }
  return spans;
}

/** Where the words of `words` are in `text`. */
function occurrences(text: string, words: readonly string[], option: number): Span[] {
  const spans: Span[] = [];
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) spans.push({ option, start: at, end: at + w.length });
  }
  return spans;
}

function wordSpans(text: string, options: readonly ReadingOption[]): Span[] {
  // a word inside one of its option's notWords is not that word (没迁过 in 户口没迁过来)
  const spans = options.flatMap((o, option) => {
    const not = occurrences(text, o.notWords, option);
    return occurrences(text, o.words, option).filter((s) => !not.some((n) => n.start <= s.start && n.end >= s.end));
  });
  const pieces = options.flatMap((o, option) => labelPieces(text, o.label, option));
  const covers = (b: Span, a: Span) => b.start <= a.start && b.end >= a.end;
  // the longest piece of her words that an option's label or word has, around a span
  const reach = (a: Span, option: number) =>
    Math.max(0, ...[...spans, ...pieces].filter((b) => b.option === option && covers(b, a)).map((b) => b.end - b.start));
  const overlapsEarlier = (a: Span, b: Span) => b.option !== a.option && b.start < a.start && b.end > a.start && b.end < a.end;
  // a word inside a longer word or label piece of another option loses to it ("我在本地住了半年" is the
  // 半年 option's label, not 在本地); of two words that overlap, the one that starts first stands
  // ("不是本地人" is 不是本地, not 本地人)
  return spans.filter(
    (s) =>
      !spans.some((o) => overlapsEarlier(s, o)) &&
      ![...spans, ...pieces].some((o) => o.option !== s.option && covers(o, s) && o.end - o.start > reach(s, s.option)),
  );
}

/** A clause that is, beyond a negation and fillers, a piece of one option's label ("不是低保户"). */
function labelPieceClause(text: string, options: readonly ReadingOption[]): number | undefined {
  if ([...text].length < 4 || text.replace(/[不没是的了我都也]/gu, '').length < 2) return undefined;
  const holders = options.flatMap((o, i) => (o.label.includes(text) ? [i] : []));
  return holders.length === 1 ? holders[0] : undefined;
}

function negationsIn(text: string, spans: readonly Span[]): number[] {
  const skip = new Set<number>();
  for (const m of text.matchAll(NOT_NEGATION)) for (let i = m.index; i < m.index + m[0].length; i++) skip.add(i);
  for (const s of spans) for (let i = s.start; i < s.end; i++) skip.add(i);
  return [...text.matchAll(NEGATION)].map((m) => m.index).filter((i) => !skip.has(i));
}

// a question closed by 不/没 (NT还能约上不, 有号没): asks for what it names, it does not negate it
// whether she may, asked inside a run-on (想约NT后天上午去搞得不得行医生讲我十二周多哒): no question of what
// she asks for, and no negation of it
const MAY_I = /中不中|行不行|成不成|可不可以|能不能|得不得行?/gu;
const CLOSING_NOT = /(?<=..)(?<![也都还就并又])[不没]$/u;

// whether she may do what an option of hers names (能换到10号吗, 可以改一下不: 换到10号, 改一下): asking for it;
// only a request (换, 改, 取消, 约, 退), never a fact asked about (能算本地户口吗, 我能算低保户吗, 能查出双胞胎吗)
const MAY_ASK = /^(?:我|俺)?(?:能不能|可不可以|能|可以)((?:换|改|取消|约|退|挪|推)[\p{Script=Han}\d]*?)(?:吗|么|嘛|不)$/u;

function readClause(raw: string, options: readonly ReadingOption[]): Clause {
  // (a question tagged on, whether she may: 约个NT搞得不得行, 户口在这中不中: what comes before it is hers)
  const asked = raw.replace(/\?+$/u, '');
  const may = MAY_ASK.exec(asked);
  const untagged = may ? may[1] : asked;
  const tagged = !!may || TAG_QUESTION.test(untagged);
  const text = untagged.replace(SOMEONE_ELSES_CONDITION, '').replace(TAG_QUESTION, '').replace(MAY_I, '').replace(CLOSING_NOT, '');
  const question = (raw.endsWith('?') && !tagged) || /吗|(.)[不没]\1/u.test(text);
  const piece = labelPieceClause(text, options);
  const spans = piece !== undefined ? [{ option: piece, start: 0, end: text.length }] : wordSpans(text, options);
  const person = PERSON.test(text);
  const both = person && BOTH.test(text) ? true : /我们|咱们|俩|两口子|夫妻/u.test(text) && /都|也/u.test(text);
  // said of her husband (or both), a negation inside an option's word is about them too (老公也不是本地的)
  const negated = negationsIn(text, person || both ? [] : spans).length > 0;
  return {
    text,
    piece: piece !== undefined && /[不没无未非别]/u.test(text),
    question,
    about: both ? 'both' : person ? 'other' : 'her',
    negated,
    explicitSubject: person || /^(我|俺)/u.test(text),
    spans,
  };
}

/** Her content characters that nothing read explains (not an option word, a label's, a filler…). */
function unexplained(clauses: readonly Clause[], options: readonly ReadingOption[], extra: readonly string[]): number {
  let count = 0;
  for (const c of clauses) {
    const covered = new Set<number>();
    for (const s of c.spans) for (let i = s.start; i < s.end; i++) covered.add(i);
    for (const w of [...extra, ...PERSON_WORDS, ...SOURCE_WORDS]) {
      for (let at = c.text.indexOf(w); at >= 0; at = c.text.indexOf(w, at + 1)) for (let i = at; i < at + w.length; i++) covered.add(i);
    }
    const chars = [...c.text];
    chars.forEach((ch, i) => {
      if (covered.has(i) || !/\p{Script=Han}/u.test(ch) || FILLER.test(ch)) return;
      // 我家, 我们家: her, not a place (娘家 is one)
      if (ch === '家' && /[我们]/u.test(chars[i - 1] ?? '')) return;
      // a character of a pair that some label has (户口, 本地, 城镇) is the question's own word
      const pair = (chars[i - 1] ?? '') + ch;
      const next = ch + (chars[i + 1] ?? '');
      if (!options.some((o) => o.label.includes(pair) || o.label.includes(next))) count += 1;
    });
  }
  return count;
}

// why not the other: something she has to do, or did, or did not know, or was before (以前是低保户)
const REASON = /要|得|有事|没空|忙|因为|那会|那时|不知道|查过|做过|已经|以前|原来|过去|早先/u;

/**
 * Of the options she named, the one a clause says alone (its word and fillers only) while each other
 * is named inside a clause that gives a reason: 下午吧 上午要送孙子上学 (下午), 没做 那会儿不知道还有这个检查
 * (没做). Undefined unless her first clause is that option alone.
 */
function saidAlone(clauses: readonly Clause[], named: readonly number[], options: readonly ReadingOption[], extra: readonly string[]): number | undefined {
  const optionsOf = (c: Clause) => new Set(c.spans.map((s) => s.option));
  const bare = (c: Clause) => c.about === 'her' && !c.negated && optionsOf(c).size === 1 && unexplained([c], options, extra) === 0;
  // said first, the answer; what follows, why not the other (住了十几年了 after 都不是 is no reason: she is asked)
  const [first, ...rest] = clauses;
  if (!first || !bare(first)) return undefined;
  const [answer] = optionsOf(first);
  if (!named.includes(answer)) return undefined;
  const others = rest.filter((c) => [...optionsOf(c)].some((o) => o !== answer && named.includes(o)));
  return others.every((c) => !bare(c) && REASON.test(c.text) && unexplained([c], options, extra) > 0) ? answer : undefined;
}

/**
 * Of two options she named under one head, one the other's detail negated (城镇，是低保户 and 城镇，不是
 * 低保户): her own word of the negated one (县城, 城里) can only say the head, her word of the other says
 * its detail too (住县城 俺家是低保户): that other. Undefined otherwise.
 */
function withDetail(named: readonly number[], options: readonly ReadingOption[], clauses: readonly Clause[]): number | undefined {
  if (named.length !== 2) return undefined;
  const [a, b] = named.map((o) => options[o].label);
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  if (head < 2) return undefined;
  const [restA, restB] = [a.slice(head), b.slice(head)];
  const negates = (x: string, y: string) => y !== x && y.replace(/^(?:不|没|非)/u, '') === x;
  const [plain, negated] = negates(restA, restB) ? named : negates(restB, restA) ? [named[1], named[0]] : [];
  if (plain === undefined) return undefined;
  // the negated one named by her own words, not by a piece of its label (不是低保户)
  return clauses.some((c) => c.piece && c.spans.some((x) => x.option === negated)) ? undefined : plain;
}

/** Whether `text` holds two Han characters in a row of `label` (户口 of 我的户口在本地; not one that `except` matches). */
export function holdsPairOf(text: string, label: string, except?: RegExp): boolean {
  const chars = [...label];
  return chars.slice(0, -1).some((c, i) => /\p{Script=Han}{2}/u.test(c + chars[i + 1]) && !except?.test(c + chars[i + 1]) && text.includes(c + chars[i + 1]));
}

/** Whether `text` holds two characters in a row of `label` that name it (户口 of 我的户口在本地, not 我的). */
const namesLabelPair = (text: string, label: string): boolean => holdsPairOf(text, label, /我的|在本/u);

/**
 * Her answer read clause by clause; undefined when the clauses say nothing about the options (the
 * caller tries what is left: her words inside a label, an opening yes or no).
 */
export function readByClauses(reply: string, options: readonly ReadingOption[], sides: ReadingSides): ParseResult<string> | undefined {
  const clauses = splitClauses(reply)
    .map((c) => readClause(c, options))
    .filter((c) => c.text !== '' && !c.question);
  const personOptions = new Set(options.flatMap((o, i) => (o.words.some((w) => PERSON_WORDS.some((p) => w.includes(p))) ? [i] : [])));
  const index = (v: string) => options.findIndex((o) => o.value === v);
  const yes = sides.yes.map(index).filter((i) => i >= 0);
  const no = sides.no.map(index).filter((i) => i >= 0);
  const herYes = yes.filter((i) => !personOptions.has(i));
  const multiYesWords = sides.yesWords.filter((w) => [...w].length >= 2);

  const her = new Set<number>();
  const other = new Set<number>();
  const excluded = new Set<number>();
  let saidYes = false;
  let saidNo = false;
  // "我不是…", "我户口不在这": not her own, nothing said of her husband
  let notHers = false;
  let byNegation = false;
  // "户口不在这": her own yes denied in words of the question; 户口一直没迁 beside it is not moved here, not a yes
  let deniedHers = false;
  // the question's words of her own yes, closed by a yes word (户口在呢, at 您的户口在项城市吗？)
  const echoesYes = (text: string) => {
    const core = text.replace(/[呢啊呀的哩嘞哦嘛啦]+$/u, '');
    return herYes.some((o) => namesLabelPair(core, options[o].label)) && sides.yesWords.some((w) => core.endsWith(w) && core.length > w.length);
  };
  for (const c of clauses) {
    for (const o of options.keys()) if (options[o].notWords.some((w) => c.text.includes(w))) excluded.add(o);
    const named = new Set(c.spans.map((s) => s.option));
    const hasYesWord = multiYesWords.some((w) => c.text.includes(w));
    const plain = plainYesNo(c.text, { yes: sides.yesWords, no: sides.noWords });
    if (c.negated) {
      byNegation = true;
      for (const o of named) excluded.add(o);
      if (c.about !== 'other' && named.size > 0 && [...named].every((o) => options[o].value === sides.none)) {
        // not the "none of them" option: 不是外地的 is a yes ("我户口不是外地的")
        saidYes = true;
        continue;
      }
      if (c.about === 'other') {
        for (const o of personOptions) excluded.add(o);
      } else if (c.about === 'both') {
        for (const o of [...herYes, ...personOptions]) excluded.add(o);
        saidNo = true;
      } else if (c.explicitSubject) {
        if (named.size === 0) for (const o of herYes) excluded.add(o);
        notHers ||= named.size === 0;
      } else {
        // a negated clause answers the question as asked ("户口不在这", "居住证也没有")
        saidNo = true;
        // (in the question's own words, of what her own yes names, 户口: not a bare 不是, nor 人不在这儿)
        deniedHers ||= named.size === 0 && plain === undefined && hasYesWord && herYes.some((o) => namesLabelPair(c.text, options[o].label));
      }
    } else if (c.about === 'both') {
      // both of them: her own is the yes ("我跟我爱人户口都在这"), or what they both are (我和老公都是外地的)
      const said = [...named].filter((o) => !personOptions.has(o));
      if (said.some((o) => herYes.includes(o)) || (said.length === 0 && hasYesWord)) for (const o of herYes) her.add(o);
      else if (said.length > 0) {
        for (const o of said) her.add(o);
        for (const o of [...herYes, ...personOptions]) excluded.add(o);
      }
    } else if (c.about === 'other') {
      for (const o of named) if (personOptions.has(o)) other.add(o);
    } else if (named.size > 0) {
      for (const o of named) her.add(o);
    } else if (plain === true || hasYesWord || echoesYes(c.text) || /^我?也(?:是|一样)/u.test(c.text)) {
      // (我也是, 我也一样: the same as what she said before)
      saidYes = true;
    } else if (plain === false) {
      saidNo = true;
    }
  }

  const guess = (option: number, sure: boolean): ParseResult<string> => {
    const value = options[option].value;
    // what she says of her husband alone (俺男人在厂里上班), when no option is his, is beside the question
    const beside = (c: Clause) => personOptions.size === 0 && c.about === 'other' && c.spans.length === 0 && !c.negated;
    const content = unexplained(
      clauses.filter((c) => !beside(c)),
      options,
      [...sides.yesWords, ...sides.noWords],
    );
    // a negated label piece alone is a guess; with her own word for the same option it is not
    const byPieceOnly =
      clauses.some((c) => c.piece && c.spans[0].option === option) && !clauses.some((c) => !c.piece && c.spans.some((x) => x.option === option));
    return sure && content < 2 && !byPieceOnly ? ok(value) : guessed(value);
  };
  let herNamed = [...her].filter((o) => !excluded.has(o) && !(deniedHers && herYes.includes(o)));
  const otherNamed = [...other].filter((o) => !excluded.has(o));
  // an option she named in her own words stands over one named only by a negated piece of its label
  // (村里的 不是低保: 农村, not 城镇，不是低保户)
  const byOwnWords = herNamed.filter((o) => clauses.some((c) => !c.piece && c.spans.some((x) => x.option === o)));
  if (herNamed.length > 1 && byOwnWords.length === 1) herNamed = byOwnWords;
  if (herNamed.length + otherNamed.length > 0) {
    const mine = herNamed.filter((o) => herYes.includes(o));
    // her own yes stands over what else she has (户口在本地，也有居住证): she is local
    if (mine.length === 1) return guess(mine[0], herNamed.length === 1 && otherNamed.length === 0);
    // her husband's and then hers too (男人是本地的 俺也是): her own yes, which the husband's option says she is not
    if (saidYes && !saidNo && herNamed.length === 0 && herYes.length === 1) return guess(herYes[0], !byNegation);
    // said of her husband, over "not me" (不是本地的 老公是本地的)
    if (otherNamed.length === 1) return guess(otherNamed[0], herNamed.length === 0);
    if (herNamed.length === 1 && otherNamed.length === 0) return guess(herNamed[0], true);
    // (not with a negation beside it: 县城的 以前是低保户 现在不是了)
    const detailed = otherNamed.length === 0 && !byNegation ? withDetail(herNamed, options, clauses) : undefined;
    if (detailed !== undefined) return guess(detailed, true);
    const alone = otherNamed.length === 0 ? saidAlone(clauses, herNamed, options, [...sides.yesWords, ...sides.noWords]) : undefined;
    if (alone !== undefined) return guessed(options[alone].value);
    // (the options she named of herself, to ask which, or to take when they give her the same answer:
    // 户口在湖北 在这边办了居住证 有好几年了 names the permit and the years)
    return otherNamed.length === 0 ? { ok: false, error: 'ambiguous', among: herNamed.map((o) => options[o].value) } : fail('ambiguous');
  }
  if (saidYes && saidNo) return undefined;
  const sideOf = (): number[] => {
    if (saidYes) return herYes.length > 0 ? herYes : yes;
    if (saidNo) return no;
    // not her own: any other option of a yes/no question
    return notHers && yes.length > 0 ? [...options.keys()] : [];
  };
  const side = sideOf().filter((o) => !excluded.has(o));
  if (side.length === 1) return guess(side[0], !byNegation);
  // she went through her own situation, ruling options out (户口不在这，居住证也没有，刚搬来两个月), and
  // said nothing of her husband: none of them, as a guess
  const none = sides.none === undefined ? -1 : index(sides.none);
  const aboutHerOnly = clauses.every((c) => c.about === 'her');
  const ruledOut = no.some((o) => excluded.has(o));
  if (none >= 0 && side.includes(none) && aboutHerOnly && ruledOut && side.every((o) => o === none || personOptions.has(o))) {
    return guessed(options[none].value);
  }
  // or she denied her husband's too, and one of the others (户口不在这 也没有居住证 俺男人也不是这哩):
  // she went through the options saying no to each she named, none of them, as a guess
  if (none >= 0 && side.includes(none) && deniedAll(clauses, no, personOptions, excluded, none)) return guessed(options[none].value);
  if (side.length > 1) return { ok: false, error: 'ambiguous', among: side.map((o) => options[o].value) };
  return undefined;
}

/**
 * Whether her clauses deny her husband's option (a negated clause about him, or about both of them) and
 * one of the other options a no means (`no`: not his, not the none option), and say nothing but denials of him.
 */
function deniedAll(
  clauses: readonly Clause[],
  no: readonly number[],
  personOptions: ReadonlySet<number>,
  excluded: ReadonlySet<number>,
  none: number,
): boolean {
  if (personOptions.size === 0 || ![...personOptions].every((o) => excluded.has(o))) return false;
  if (!clauses.some((c) => c.about !== 'her' && c.negated) || clauses.some((c) => c.about !== 'her' && !c.negated)) return false;
  return no.some((o) => o !== none && !personOptions.has(o) && excluded.has(o));
}
