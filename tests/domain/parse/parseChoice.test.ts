import { describe, expect, it } from 'vitest';
import { parseChoice, type ChoiceAnswers, type ChoiceOptionInput } from '../../../src/domain/parse/parseChoice.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';

const screens: ChoiceOptionInput[] = [
  { value: 'cervical', label: '宫颈癌筛查', words: ['宫颈', '子宫'] },
  { value: 'breast', label: '乳腺癌筛查', words: ['乳腺', '乳房'] },
  { value: 'both', label: '两个都做', words: ['都做', '都要'] },
];
const need: ChoiceOptionInput[] = [
  { value: 'yes', label: '需要', words: [] },
  { value: 'no', label: '不需要', words: [] },
];
const times: ChoiceOptionInput[] = [
  { value: 'am', label: '上午', words: ['早上'] },
  { value: 'pm', label: '下午', words: [] },
];
const ok = (value: string) => ({ ok: true, value });
const err = (error: ParseErrorCode, among?: string[]) => ({ ok: false, error, ...(among ? { among } : {}) });

const cases: [input: string, options: ChoiceOptionInput[], expected: ReturnType<typeof ok> | ReturnType<typeof err>][] = [
  // by number
  ['1', screens, ok('cervical')],
  ['2', screens, ok('breast')],
  ['３', screens, ok('both')],
  ['一', screens, ok('cervical')],
  ['二', screens, ok('breast')],
  ['两', screens, ok('breast')],
  ['第一个', screens, ok('cervical')],
  ['第2个', screens, ok('breast')],
  ['1号', screens, ok('cervical')],
  ['选2', screens, ok('breast')],
  ['我选3吧', screens, ok('both')],
  ['2.', screens, ok('breast')],
  ['②', screens, ok('breast')],
  [' 1 ', screens, ok('cervical')],
  ['4', screens, err('out_of_range')],
  ['0', screens, err('out_of_range')],
  ['第十个', screens, err('out_of_range')],
  // 一个, 两个 without 第 count something (one baby), not a place in the list
  ['一个', times, err('unrecognised')],
  ['两个', times, err('unrecognised')],
  // by label or word
  ['宫颈癌筛查', screens, ok('cervical')],
  ['宫颈', screens, ok('cervical')],
  ['我想查宫颈', screens, ok('cervical')],
  ['查乳腺的', screens, ok('breast')],
  ['乳房检查', screens, ok('breast')],
  ['两个都做吧', screens, ok('both')],
  ['都要', screens, ok('both')],
  ['宫颈癌', screens, ok('cervical')],
  ['乳腺癌', screens, ok('breast')],
  // (the options she named, to ask which)
  ['宫颈和乳腺', screens, err('ambiguous', ['cervical', 'breast'])],
  ['筛查', screens, err('ambiguous')],
  ['不要乳腺，要宫颈', screens, ok('cervical')],
  ['需要', need, ok('yes')],
  ['不需要', need, ok('no')],
  ['我不需要', need, ok('no')],
  ['我需要的', need, ok('yes')],
  ['早上', times, ok('am')],
  ['早上8点可以', times, ok('am')],
  ['下午吧', times, ok('pm')],
  [
    'ＳＨＡＮＧ',
    [
      { value: 'a', label: 'shang', words: [] },
      { value: 'b', label: 'xia', words: [] },
    ],
    ok('a'),
  ],
  // nothing
  ['', screens, err('empty')],
  ['   ', screens, err('empty')],
  ['？', screens, err('unrecognised')],
  ['不知道', screens, err('unrecognised')],
  ['胃镜', screens, err('unrecognised')],
];

describe('parseChoice', () => {
  it.each(cases)('%j → %j', (input, options, expected) => {
    expect(parseChoice(input, options)).toEqual(expected);
  });
});

// 您的户口在项城市吗？1. … 5. … (profiles/national.yaml)
const residence: ChoiceOptionInput[] = [
  { value: 'hukou', label: '我的户口在本地', words: ['本地户口', '本地人', '在本地'] },
  { value: 'spouseHukou', label: '我不是，丈夫的户口在本地', words: ['丈夫', '老公', '爱人'] },
  { value: 'residencePermit', label: '都不是，但我有本地居住证', words: ['居住证', '暂住证'] },
  { value: 'livedSixMonths', label: '都不是，但我在本地住了半年以上', words: ['半年', '常住'] },
  { value: 'none', label: '都不是', words: ['外地', '不是本地'] },
];
const residenceAnswers: ChoiceAnswers = {
  yes: ['hukou'],
  no: ['spouseHukou', 'residencePermit', 'livedSixMonths', 'none'],
  yesWords: ['在', '本地', '在这', '在这里'],
};
// 宝宝的足跟血做了吗？(flows/newborn.yaml)
const heel: ChoiceOptionInput[] = [
  { value: 'done', label: '做了', words: ['做过'] },
  { value: 'notDone', label: '还没', words: ['没做'] },
  { value: 'unknown', label: '不知道', words: ['不清楚'] },
];
const heelAnswers: ChoiceAnswers = { yes: ['done'], no: ['notDone'] };
const among = (values: string[]) => ({ ok: false, error: 'ambiguous', among: values });

describe('parseChoice: a choice question worded as yes/no', () => {
  it.each(['是', '在', '对', '嗯', '对的', '是的', '本地的', '是本地的', '在这里', '对，在', '嗯嗯', '是的是的', '是的，谢谢'])(
    '%j is the option a yes means',
    (text) => {
      expect(parseChoice(text, residence, residenceAnswers)).toEqual(ok('hukou'));
    },
  );

  it.each(['能算本地户口吗 嫁过来八年了', '我能算本地人吗'])('%j asks about a fact: no answer', (text) => {
    expect(parseChoice(text, residence, residenceAnswers)).not.toMatchObject({ ok: true, value: 'hukou' });
  });

  it.each(['俺老公呢是本地人', '俺老公呢户口在村里'])('%j: 呢 after her husband is a pause, not the end of what is said of him', (text) => {
    expect(parseChoice(text, residence, residenceAnswers)).toMatchObject({ ok: true, value: 'spouseHukou' });
  });

  it.each(['户口在呢人在北京给人家当保姆过年才回来', '户口在 人在北京打工'])('%j: the question words closed by a yes, where she works beside it', (text) => {
    expect(parseChoice(text, residence, residenceAnswers)).toMatchObject({ ok: true, value: 'hukou' });
  });

  it.each(['不是', '没有', '不在', '不是的', '不在这', '没在'])('%j fits every option a no means: ambiguous among them', (text) => {
    expect(parseChoice(text, residence, residenceAnswers)).toEqual(among(['spouseHukou', 'residencePermit', 'livedSixMonths', 'none']));
  });

  it.each([
    ['是的', 'done'],
    ['嗯', 'done'],
    ['没有', 'notDone'],
    ['还没呢', 'notDone'],
    ['没', 'notDone'],
    ['不是', 'notDone'],
    ['不知道', 'unknown'],
  ])('%j → %s when exactly one option means no', (text, value) => {
    expect(parseChoice(text, heel, heelAnswers)).toEqual(ok(value));
  });

  it('reads numbers, labels and words first', () => {
    expect(parseChoice('5', residence, residenceAnswers)).toEqual(ok('none'));
    expect(parseChoice('都不是', residence, residenceAnswers)).toEqual(ok('none'));
    expect(parseChoice('老公是本地的', residence, residenceAnswers)).toEqual(ok('spouseHukou'));
    expect(parseChoice('有居住证', residence, residenceAnswers)).toEqual(ok('residencePermit'));
  });

  it('a yes, a no or a question mixed is not a plain answer', () => {
    expect(parseChoice('是不是', heel, heelAnswers)).toEqual(err('unrecognised'));
    expect(parseChoice('嗯?', heel, heelAnswers)).toEqual(err('unrecognised'));
  });

  it('without yes/no in the question, a plain yes or no is read as before', () => {
    expect(parseChoice('是', residence)).toEqual(err('unrecognised'));
    expect(parseChoice('不是', residence)).toEqual(err('ambiguous'));
  });

  it('a plain yes with no yes option says nothing', () => {
    expect(parseChoice('是', residence, { no: ['none'] })).toEqual(err('unrecognised'));
  });
});

// with the words the shipped profiles give (profiles/national.yaml)
const residenceWords: ChoiceOptionInput[] = [
  { value: 'hukou', label: '我的户口在本地', words: ['本地户口', '本地人', '在本地', '迁过来', '户口在项城'] },
  { value: 'spouseHukou', label: '我不是，丈夫的户口在本地', words: ['丈夫', '老公', '爱人'] },
  { value: 'residencePermit', label: '都不是，但我有本地居住证', words: ['居住证', '暂住证'] },
  { value: 'livedSixMonths', label: '都不是，但我在本地住了半年以上', words: ['半年', '常住'], notWords: ['刚搬来', '两个月', '几个月', '俩月'] },
  { value: 'none', label: '都不是', words: ['外地', '不是本地'] },
];
const group: ChoiceOptionInput[] = [
  { value: 'rural', label: '农村', words: ['村里', '农民', '乡下'] },
  { value: 'urbanLowIncome', label: '城镇，是低保户', words: ['低保', '低保户', '城里低保'] },
  { value: 'urban', label: '城镇，不是低保户', words: ['城里', '县城', '城市'] },
];
const groupAnswers: ChoiceAnswers = { no: ['rural', 'urban'] };
const guess = (value: string) => ({ ok: true, value, guessed: true });

describe('parseChoice: negation and "both" are read, not matched as words', () => {
  it.each([
    // a negated clause excludes what it names, and says no
    ['户口不在这，居住证也没有', among(['spouseHukou', 'livedSixMonths', 'none'])],
    ['户口不在这，居住证也没有，刚搬来两个月', among(['spouseHukou', 'none'])],
    ['没有居住证', among(['spouseHukou', 'livedSixMonths', 'none'])],
    ['不在 我户口在安徽 在这有居住证', guess('residencePermit')],
    // both of them: her own is local
    ['我跟我爱人户口都在这', ok('hukou')],
    ['我们都是本地的', ok('hukou')],
    ['都在这', ok('hukou')],
    ['我和老公都是外地的', ok('none')],
    ['我们俩户口都不在这', among(['residencePermit', 'livedSixMonths', 'none'])],
    // a clause about her husband is about him
    ['老公户口在本地', ok('spouseHukou')],
    ['不是本地的 老公是本地的', guess('spouseHukou')],
    ['老公也不是本地的 我有居住证', ok('residencePermit')],
    // his, then hers too: her own (the husband's option says she is not)
    ['老公户口在这 我也在这', ok('hukou')],
    ['老公是本地的 我也是', ok('hukou')],
    // a word inside a longer piece of another option's label is that option's
    ['我在本地住了半年', ok('livedSixMonths')],
    ['户口在本地，也有居住证', guess('hukou')],
    ['嫁过来十几年了 户口早迁过来了', guess('hukou')],
    ['户口在项城 人在郑州打工', guess('hukou')],
    ['住了快两个月', err('unrecognised')],
  ])('residence: %j', (text, expected) => {
    expect(parseChoice(text, residenceWords, residenceAnswers)).toEqual(expected);
  });

  // with the option for none of the others (none: none), as the shipped profiles say
  it.each([
    // she ruled out what she said of herself and said nothing of her husband: none, a guess
    ['户口不在这，居住证也没有，刚搬来两个月', guess('none')],
    ['户口没在这边 居住证也没有 才来几个月', guess('none')],
    // a plain no, or one that leaves an option of her own open: still which
    ['不是', among(['spouseHukou', 'residencePermit', 'livedSixMonths', 'none'])],
    ['户口不在这，居住证也没有', among(['spouseHukou', 'livedSixMonths', 'none'])],
    // she spoke of her husband: not a guess of none
    ['我们俩户口都不在这', among(['residencePermit', 'livedSixMonths', 'none'])],
    ['户口不在这 老公也不在这', among(['residencePermit', 'livedSixMonths', 'none'])],
    // unless she said no of him too, and of another option: none, a guess
    ['户口不在这 在周口川汇区 也没有居住证 我男人也不是这里', guess('none')],
    ['户口不是这的 丈夫也不是 也没办居住证', guess('none')],
    ['我们俩户口都不在这 也没居住证', guess('none')],
    ['不是 老公也不是 没有暂住证', guess('none')],
    // his is local: his option, not none
    ['老公也不是本地的 我有居住证', ok('residencePermit')],
    // not the none option is a yes: 不是外地的 (a double negation)
    ['不是外地的 就是咱这的', guess('hukou')],
    ['我不是外地人', guess('hukou')],
    ['不是外地的', guess('hukou')],
  ])('residence with its none option: %j', (text, expected) => {
    expect(parseChoice(text, residenceWords, { ...residenceAnswers, none: 'none' })).toEqual(expected);
  });

  it.each([
    ['不是低保户', guess('urban')], // 您是说：城镇，不是低保户，对吗？
    ['县城的 不是低保户', ok('urban')],
    ['城镇的 不是低保', guess('urban')],
    ['城里低保户', ok('urbanLowIncome')],
    ['不是农村 是低保户', ok('urbanLowIncome')],
    ['不是', among(['rural', 'urban'])],
    ['是不是低保户我也不清楚', err('unrecognised')],
    // her own word for one option stands over a negated piece of another's label
    ['村里的 不是低保', ok('rural')],
    ['俺是乡下的 不是低保户', ok('rural')],
  ])('group: %j', (text, expected) => {
    expect(parseChoice(text, group, groupAnswers)).toEqual(expected);
  });

  it.each([
    // the 低保 option's word with a word of its sibling that only says 城镇: the 低保 option
    ['住县城 俺家是低保户 男人瘫在床上好几年了', guess('urbanLowIncome')],
    ['县城的 低保户', ok('urbanLowIncome')],
    ['住城里 吃低保的', guess('urbanLowIncome')],
    // …not when she says she is not, or no longer
    ['县城的 不是低保户', ok('urban')],
    ['县城的 以前是低保户 现在不是了', guess('urban')],
  ])('group, 城镇 and 低保 in separate words: %j', (text, expected) => {
    expect(parseChoice(text, group, groupAnswers)).toEqual(expected);
  });

  // the shipped words: the county town and a township's street are 城镇; a no after 低保 is about it
  const groupShipped: ChoiceOptionInput[] = [
    group[0],
    group[1],
    { ...group[2], words: ['城里', '城区', '县城', '城市', '城关', '街上', '镇上', '县里', '小区', '住城里', '住县城', '住街上', '住镇上', '住城关'] },
  ];
  it.each([
    ['我住县城里头 低保我家没有 我男人在厂里上班', ok('urban')],
    ['住城关镇街上 低保没有', ok('urban')],
    ['住街上 低保没有', ok('urban')],
    ['在镇上住 低保没有', ok('urban')],
    ['县里 低保我们没有', ok('urban')],
    ['低保没有 住县城', ok('urban')],
    ['住镇上 没吃低保', ok('urban')],
    ['街上的 是低保', ok('urbanLowIncome')],
    ['村里的 低保我家没有', ok('rural')],
    // the no alone: 农村 or 城镇 not 低保, she is asked which
    ['低保我家没有', among(['rural', 'urban'])],
    ['村里的 在镇上打工', { ok: false, error: 'ambiguous', among: ['rural', 'urban'] }],
  ])('group, 街上/镇上 and 低保…没有: %j', (text, expected) => {
    expect(parseChoice(text, groupShipped, groupAnswers)).toEqual(expected);
  });

  it('reads other lists as before', () => {
    expect(parseChoice('不要乳腺，要宫颈', screens)).toEqual(ok('cervical'));
    expect(parseChoice('宫颈和乳腺', screens)).toEqual({ ok: false, error: 'ambiguous', among: ['cervical', 'breast'] });
  });
});

// her 户口 in a township or village of the county ({place} in the profile's words: 李寨镇, 李寨, 秣陵…)
const residencePlaces: ChoiceOptionInput[] = [
  {
    value: 'hukou',
    label: '我的户口在本地',
    words: ['本地户口', '在本地', '迁过来', '李寨镇', '李寨', '秣陵镇', '秣陵', '我村', '我们村', '没迁过', '一直没迁', '落到这'],
    notWords: ['没迁过来', '还没迁', '李寨住', '住在李寨', '秣陵住', '住在秣陵'],
  },
  { value: 'spouseHukou', label: '我不是，丈夫的户口在本地', words: ['丈夫', '老公', '爱人'] },
  { value: 'livedSixMonths', label: '都不是，但我在本地住了半年以上', words: ['半年', '住了', '好几年了'], notWords: ['两个月'] },
  { value: 'none', label: '都不是', words: ['外地', '不是本地'] },
];
const placeAnswers: ChoiceAnswers = {
  yes: ['hukou'],
  no: ['spouseHukou', 'livedSixMonths', 'none'],
  yesWords: ['在', '本地', '在这', '这里'],
  noWords: ['娘家', '老家'],
  none: 'none',
};

describe('parseChoice: her 户口 named by a place of the county', () => {
  it.each([
    ['户口在李寨镇', ok('hukou')],
    ['户口就在秣陵 没迁过', ok('hukou')],
    ['在李寨 俺娘家婆家都是这的', guess('hukou')],
    ['户口就在我村 没迁过', ok('hukou')],
    ['一直没迁过', ok('hukou')],
    // her 户口 that moved with her husband is hers
    ['户口跟着老公一起落到这里了', ok('hukou')],
    ['户口跟着老公迁到李寨了', guess('hukou')],
    // a place she lives in is not her 户口; one not moved here is not here
    ['我在李寨住了好几年 户口在安徽', guess('livedSixMonths')],
    ['户口没迁过来 还在娘家', among(['spouseHukou', 'livedSixMonths', 'none'])],
    ['户口在安徽', err('unrecognised')],
    // her husband's 户口 in the township is his
    ['老公户口在李寨 我的在安徽', guess('spouseHukou')],
  ])('%j', (text, expected) => {
    expect(parseChoice(text, residencePlaces, placeAnswers)).toEqual(expected);
  });
});

// the booking menu's lines (profiles/national.yaml: programmes.*.bookable)
const bookable: ChoiceOptionInput[] = [
  { value: 'both', label: '两癌筛查（宫颈癌和乳腺癌一起查）', words: ['两癌', '一起', '都查'] },
  { value: 'cervical', label: '只查宫颈癌', words: ['宫颈'] },
  { value: 'breast', label: '只查乳腺癌', words: ['乳腺'] },
  { value: 'nt', label: 'NT超声检查（怀孕11到13周）', words: ['NT', 'nt'] },
];

describe('parseChoice: what she names, as a health worker reads it', () => {
  it.each([
    // the words of two lines, both in a third line's label: that line
    ['俺想约那个查宫颈查乳腺的', ok('both')],
    ['宫颈乳腺', ok('both')],
    ['乳腺和宫颈都想看看', ok('both')],
    // one of them, or one refused: not the line of both
    ['查乳腺', ok('breast')],
    ['不要乳腺 只查宫颈', ok('cervical')],
    // her own word of the line of both needs not be in its label
    ['宫颈和乳腺都查', ok('both')],
    // 只/光/就 before one of them: that one only; the other named with a reason she does not want it
    ['预约 只查宫颈就中 乳腺年前在县医院自己花钱查过了', ok('cervical')],
    ['预约 只查乳腺 宫颈去年在县医院查过了', ok('breast')],
    ['光查乳腺就行 宫颈查过了', ok('breast')],
    ['乳腺都查过了 这回就约宫颈', ok('cervical')],
    ['我就想约宫颈 乳腺单位体检查了', ok('cervical')],
    ['只查宫颈 乳腺呢', guess('cervical')],
    // …but not when the limit is on both, or she adds the other
    ['只查宫颈和乳腺', ok('both')],
    ['就查宫颈跟乳腺', ok('both')],
    ['只查宫颈 乳腺也想查', ok('both')],
    ['乳腺也想查 就查宫颈吧', ok('both')],
    // a question closed by 不 asks for what it names
    ['NT还能约上不 预约一下', guess('nt')],
    ['NT能做不', ok('nt')],
  ])('%j', (text, expected) => {
    expect(parseChoice(text, bookable)).toEqual(expected);
  });
});

describe('parseChoice: a word is not cut short by its particle', () => {
  // 您做过了吗 (flows/pregnancy.yaml: the earlier screening)
  const earlier: ChoiceOptionInput[] = [
    { value: 'done', label: '做过了', words: ['做过', '做了', '查过', '查了'] },
    { value: 'missed', label: '没做', words: ['没做', '没有做', '没查', '没有', '错过'] },
    { value: 'unknown', label: '不记得', words: ['不知道', '不清楚', '记不清', '忘了'] },
  ];
  it('没做 那会儿不知道还有这个检查 is not done (检查 holds 查, the 查了 of done)', () => {
    expect(parseChoice('没做 那会儿不知道还有这个检查', earlier, { yes: ['done'], no: ['missed'] })).not.toMatchObject({ value: 'done' });
    expect(parseChoice('做了', earlier, { yes: ['done'], no: ['missed'] })).toEqual(ok('done'));
  });
});

describe('parseChoice: the option said alone, the other inside a reason or a story', () => {
  const sessions: ChoiceOptionInput[] = [
    { value: 'am', label: '上午（还剩40个）', words: ['上午'] },
    { value: 'pm', label: '下午（还剩20个）', words: ['下午'] },
  ];
  const earlier: ChoiceOptionInput[] = [
    { value: 'done', label: '做过了', words: ['做过', '做了', '查过', '查了'] },
    { value: 'missed', label: '没做', words: ['没做', '没有做', '没查', '没有', '错过'] },
    { value: 'unknown', label: '不记得', words: ['不知道', '不清楚', '记不清', '忘了'] },
  ];
  it.each([
    ['下午吧 上午要送孫子上學', guess('pm')],
    ['上午吧，下午要下地干活', guess('am')],
    // both said alone, or only in stories: she is asked
    ['上午 下午也行', { ok: false, error: 'ambiguous', among: ['am', 'pm'] }],
  ])('%j', (text, expected) => {
    expect(parseChoice(text, sessions)).toEqual(expected);
  });
  it('没做 那会儿不知道还有这个检查 is 没做', () => {
    expect(parseChoice('没做 那会儿不知道还有这个检查', earlier, { yes: ['done'], no: ['missed'] })).toEqual(guess('missed'));
    expect(parseChoice('做了 不记得哪天了', earlier, { yes: ['done'], no: ['missed'] })).toEqual(guess('done'));
  });
});

describe('parseChoice: an option taken back for another', () => {
  it.each([
    ['上午 不对 下午', times, ok('pm')],
    ['上午吧 哦不 下午', times, ok('pm')],
    ['宫颈 说错了 乳腺', screens, ok('breast')],
    ['1 不对 2', screens, ok('breast')],
    // two options without a marker: which she means is not for us to pick
    ['上午 下午', times, { ok: false, error: 'ambiguous', among: ['am', 'pm'] }],
  ] as const)('%j → %j', (text, options, expected) => {
    expect(parseChoice(text, [...options])).toEqual(expected);
  });

  it('a 不是 that answers the question takes nothing back', () => {
    expect(parseChoice('不是，丈夫的户口在本地', residence, residenceAnswers)).not.toEqual(ok('hukou'));
  });
});

describe('parseChoice: a contrast', () => {
  const place: ChoiceOptionInput[] = [
    { value: 'rural', label: '农村', words: ['种地'] },
    { value: 'urban', label: '城镇', words: ['住镇上'] },
  ];
  it('takes the words after 不过/但是 when the whole names two options', () => {
    expect(parseChoice('住镇上 不过是农村户口 种地', place)).toEqual({ ok: true, value: 'rural', guessed: true });
    expect(parseChoice('住镇上 农村户口', place)).toEqual({ ok: false, error: 'ambiguous', among: ['urban', 'rural'] });
  });
});

describe('a plain yes beside the words of an option a yes does not mean', () => {
  const what: ChoiceOptionInput[] = [
    { value: 'change', label: '改约', words: ['改约', '改', '换'] },
    { value: 'cancel', label: '取消预约', words: ['取消'] },
    { value: 'nothing', label: '不用了', words: ['不用', '没事', '知道了', '记住了'] },
  ];
  const sides: ChoiceAnswers = { yes: ['change', 'cancel'], no: ['nothing'] };

  it('is that option (中 知道了 at 要改约或取消吗: she only wanted to know)', () => {
    expect(parseChoice('中 知道了', what, sides)).toEqual({ ok: true, value: 'nothing' });
    expect(parseChoice('好 知道了', what, sides)).toEqual({ ok: true, value: 'nothing' });
  });

  it('a plain yes alone still asks which of the two', () => {
    expect(parseChoice('中', what, sides)).toMatchObject({ ok: false, error: 'ambiguous', among: ['change', 'cancel'] });
  });
});

describe('a request asked as whether she may (搞得不得行, 中不中)', () => {
  const services: ChoiceOptionInput[] = [
    { value: 'twoCancer', label: '两癌筛查', words: ['两癌'] },
    { value: 'nt', label: 'NT超声检查', words: ['nt', 'NT'] },
    { value: 'serum-mid', label: '唐氏筛查', words: ['唐筛', '唐氏'] },
  ];

  it.each([
    ['我想约那个NT后天上午去搞得不得行', 'nt'],
    ['喂你好我想约NT后天上午去搞得不得行医生讲我十二周多哒要快点搞', 'nt'],
    ['约个唐筛下礼拜五上午去中不中', 'serum-mid'],
  ])('%s asks for %s: no question of it, no negation', (text, value) => {
    expect(parseChoice(text, services)).toMatchObject({ ok: true, value });
  });

  it('唐筛还没搞 帮我约一个: not done yet, so wanted', () => {
    expect(parseChoice('我唐筛还没有搞 二十周多了 帮我约一个', services)).toMatchObject({ ok: true, value: 'serum-mid' });
  });

  it('a question of what the option is stays a question (是不是唐筛)', () => {
    expect(parseChoice('是不是唐筛', services)).not.toMatchObject({ ok: true });
  });
});

describe("her own 户口 denied in the question's words", () => {
  const residence: ChoiceOptionInput[] = [
    { value: 'hukou', label: '我的户口在本地', words: ['户口在这', '一直没迁', '没迁过', '本地户口'] },
    { value: 'spouseHukou', label: '我不是，丈夫的户口在本地', words: ['丈夫', '老公', '爱人'] },
    { value: 'livedSixMonths', label: '都不是，但我在本地住了半年以上', words: ['半年', '住了', '二十来年'] },
    { value: 'none', label: '都不是', words: ['外地', '不是本地'] },
  ];
  const sides: ChoiceAnswers = { yes: ['hukou'], no: ['spouseHukou', 'livedSixMonths', 'none'], yesWords: ['在', '在这', '本地'], noWords: [], none: 'none' };

  it('户口不在这 … 户口一直没迁: not moved here, never her own 户口', () => {
    expect(parseChoice('户口不在这 户口一直没迁', residence, sides)).not.toMatchObject({ value: 'hukou' });
    expect(parseChoice('户口不在这 嫁过来二十来年了户口一直没迁', residence, sides)).toMatchObject({ ok: true, value: 'livedSixMonths' });
  });

  it('a negation about something else does not deny it (本地户口 也没怀孕; 户口在这 不过人不在这儿)', () => {
    expect(parseChoice('本地户口 也没怀孕', residence, sides)).toMatchObject({ value: 'hukou' });
    expect(parseChoice('户口在这 不过人不在这儿 在广东打工', residence, sides)).toMatchObject({ value: 'hukou' });
  });

  it("someone else's 不 in the condition of what she asks is not hers (有人不去了给俺说一声)", () => {
    const wait: ChoiceOptionInput[] = [
      { value: 'xc-mch', label: '项城市妇幼保健院', words: ['妇幼'] },
      { value: 'wait', label: '排队等号', words: ['等着', '给俺说'] },
      { value: 'none', label: '都不用了', words: ['不用', '算了'] },
    ];
    expect(parseChoice('有人不去了给俺说一声', wait)).toEqual({ ok: true, value: 'wait' });
  });
});

describe('her words inside one label as said, and inside others only after their 不是', () => {
  it('户口在 is her own 户口, not 我不是，丈夫的户口在本地', () => {
    expect(parseChoice('户口在', residence, residenceAnswers)).toEqual(ok('hukou'));
  });
  it('a negation of hers is still read as before', () => {
    expect(parseChoice('户口不在', residence, residenceAnswers)).not.toEqual(ok('hukou'));
  });
});
