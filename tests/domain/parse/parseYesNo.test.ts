import { describe, expect, it } from 'vitest';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';
import { parseYesNo, plainYesNo } from '../../../src/domain/parse/parseYesNo.js';

type Expected = boolean | { error: ParseErrorCode };
const E = (error: ParseErrorCode): Expected => ({ error });

const cases: [input: string, expected: Expected][] = [
  // yes
  ['是', true],
  ['是的', true],
  ['是滴', true],
  ['对', true],
  ['对的', true],
  ['好', true],
  ['好的', true],
  ['行', true],
  ['可以', true],
  ['同意', true],
  ['愿意', true],
  ['嗯', true],
  ['恩', true],
  ['要', true],
  ['有', true],
  ['中', true],
  ['1', true],
  ['１', true],
  ['y', true],
  ['Y', true],
  ['yes', true],
  ['OK', true],
  ['ｏｋ', true],
  ['是的！', true],
  ['好的。', true],
  ['好啊', true],
  ['是呀', true],
  ['行吧', true],
  ['可以的呢', true],
  ['好哦', true],
  ['是是', true],
  ['对对对', true],
  ['好的好的', true],
  ['嗯嗯', true],
  ['是的我愿意', true],
  ['是的，我愿意参加', true],
  ['我愿意', true],
  ['好的谢谢', true],
  ['好的，谢谢医生', true],
  ['好的，不过我下周才有空', true],
  ['要做', true],
  ['想去', true],
  ['做过', true],
  ['查过了', true],
  ['👍', true],
  ['[强]', true],
  // no
  ['否', false],
  ['不是', false],
  ['不', false],
  ['不对', false],
  // she wrote it wrong: a no, never the "…了" of a verb echoed back
  ['我打错了', false],
  ['写错了', false],
  ['不对咯 我打错哒 是12月15号', false],
  ['没错', true],
  // no objection: a yes, never the no of its 没
  ['没意见', true],
  ['你说的俺都看了 没意见', true],
  ['不要', false],
  ['没有', false],
  ['没', false],
  ['无', false],
  ['不同意', false],
  ['不愿意', false],
  ['不行', false],
  ['算了', false],
  ['不用了', false],
  ['不用了，谢谢', false],
  ['不需要', false],
  ['2', false],
  ['n', false],
  ['no', false],
  ['NO', false],
  ['不不不', false],
  ['不是不是', false],
  ['我没有', false],
  ['没做过', false],
  ['没有做过检查', false],
  ['不想去', false],
  ['不去了', false],
  ['嗯，不要', false],
  ['[弱]', false],
  // ambiguous
  ['是不是', E('ambiguous')],
  ['是不是？', E('ambiguous')],
  ['要不要', E('ambiguous')],
  ['有没有', E('ambiguous')],
  ['是的，不是', E('ambiguous')],
  ['是的不是', E('ambiguous')],
  ['好，不要', E('ambiguous')],
  ['是吗', E('ambiguous')],
  ['好的，不知道', E('ambiguous')],
  // unrecognised / empty
  ['', E('empty')],
  ['   ', E('empty')],
  ['不知道', E('unrecognised')],
  ['不清楚', E('unrecognised')],
  ['我想问一下什么时候可以去检查', E('unrecognised')],
  ['有点不舒服', E('unrecognised')],
  ['对了', E('unrecognised')],
  ['嗯？', E('unrecognised')],
  ['3', E('unrecognised')],
  ['12', E('unrecognised')],
  ['哈哈', E('unrecognised')],
  ['？？', E('unrecognised')],
  ['asdf', E('unrecognised')],
  ['明天', E('unrecognised')],
];

describe('parseYesNo', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    const result = parseYesNo(input);
    if (typeof expected === 'boolean') expect(result).toMatchObject({ ok: true, value: expected });
    else expect(result).toEqual({ ok: false, error: expected.error });
  });
});

describe('parseYesNo: a verb echoed back from the question', () => {
  it.each([
    ['怀孕了', true],
    ['怀了', true],
    ['切了', true],
    ['没怀', false],
    ['没怀孕', false],
    ['算了', false],
  ])('%s → %s', (text, value) => {
    expect(parseYesNo(text)).toMatchObject({ ok: true, value });
  });
});

describe("parseYesNo: a question's own words", () => {
  const waitlist = { yes: ['排', '排队', '等号'] }; // 要排队等号吗？
  const confirm = { yes: ['约'], no: ['换', '换个日子'] }; // 请确认：… 没问题请回复“是”；要换日子请回复“否”
  it.each([
    ['排吧', waitlist, true],
    ['那就排队吧', waitlist, true],
    ['排', waitlist, true],
    ['好', waitlist, true],
    ['不排了', waitlist, false],
    ['不用排', waitlist, false],
    ['约吧', confirm, true],
    ['那就约吧', confirm, true],
    ['换个日子', confirm, false],
    ['不约了', confirm, false],
  ] as const)('%j → %s', (text, words, expected) => {
    expect(parseYesNo(text, words)).toEqual({ ok: true, value: expected });
  });

  const checkup = { yes: ['查', '会查', '给查'] }; // 您的单位每年体检，会给您查宫颈和乳腺吗？
  const pregnant = { yes: ['怀着', '怀上了'], no: ['结扎', '上环'] }; // 您现在怀孕了吗？
  it.each([
    ['单位体检会查的', checkup, true],
    ['单位体检不查', checkup, false],
    ['单位不给查', checkup, false],
    ['单位体检没查过', checkup, false],
    // what the verb is done to, said last
    ['俺在厂里干活 厂里体检不查那个', checkup, false],
    ['单位体检都查这些', checkup, true],
    ['俺在厂里上班 每年单位体检都查这俩', checkup, true],
    ['单位体检都查这两样', checkup, true],
    ['单位体检不查这俩', checkup, false],
    // (厂里每年体检都有查妇科跟乳腺: what the check-up holds)
    ['厂里每年体检都有查妇科跟乳腺', { yes: ['查', '都查', '有查', '有妇科', '妇科跟乳腺'], no: ['不查'] }, true],
    ['怀着呢', pregnant, true],
    ['没 早结扎了', pregnant, false],
    ['早就上环了', pregnant, false],
  ] as const)('a clause that ends with one: %j → %s', (text, words, expected) => {
    expect(parseYesNo(text, words)).toEqual({ ok: true, value: expected });
  });

  it('without them, the words are not answers', () => {
    expect(parseYesNo('排吧').ok).toBe(false);
    expect(parseYesNo('约吧').ok).toBe(false);
  });
});

describe('plainYesNo: a reply that is nothing but a yes or a no', () => {
  it.each([
    ['是', true],
    ['是的', true],
    ['好的谢谢', true],
    ['要', true],
    ['可以的', true],
    ['嗯', true],
    ['嗯嗯', true],
    ['对对对', true],
    ['不是', false],
    ['没有', false],
    ['不要了', false],
    ['嗯，不要', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(plainYesNo(text)).toBe(expected);
  });

  it.each(['是的，老公是本地的', '有点不舒服', '嗯?', '是不是', '不知道', '好的不过我想问一下', '做过了', '我怀孕了', '中午', '', '1'])('%j is not', (text) => {
    expect(plainYesNo(text)).toBeUndefined();
  });

  it("reads the question's own words, and 不 before them as no", () => {
    expect(plainYesNo('在', { yes: ['在'] })).toBe(true);
    expect(plainYesNo('在的', { yes: ['在'] })).toBe(true);
    expect(plainYesNo('不在', { yes: ['在'] })).toBe(false);
    expect(plainYesNo('在')).toBeUndefined();
  });
});

describe('parseYesNo: she takes her words back, at a confirmation', () => {
  it.each([
    ['不是咯 是十四周 我讲错了'],
    ['不对不对 是3月1号 不是10号 打错了'],
    ['不对 看错了 单子上写的是十一月二十五'],
    ['我讲错了'],
    ['你们弄错了吧'],
    ['听错了 是十五周'],
  ])('%j → no', (text) => {
    expect(parseYesNo(text)).toMatchObject({ ok: true, value: false });
  });
});

describe('parseYesNo: a rhetorical no to 您现在怀孕了吗', () => {
  const pregnant = { yes: ['怀着', '怀上', '怀上了', '怀孕了', '怀了'], no: ['结扎', '绝经', '绝经了'] };
  it.each([
    ['这岁数了 怎么会怀孕', false],
    ['怎么会怀孕呢', false],
    ['都绝经了还怀什么孕', false],
    ['哪能怀上', false],
    ['我都这把年纪了 哪还能怀孕', false],
    ['怎么会怀上呢？', false],
    // surprised, not a no
    ['我怎么就怀上了', true],
    // 哪能 / 什么 at the end of a voice-typed clause (哩, 么子 read as 什么)
    ['都五十多了 早不来例假了 哪能怀哩', false],
    ['六十几岁了 怀什么', false],
    ['六十多了还怀什么', false],
  ] as const)('%j → %s', (text, value) => {
    expect(parseYesNo(text, pregnant)).toMatchObject({ ok: true, value });
  });

  it("a 什么 after a verb that is not the question's own is no answer", () => {
    expect(parseYesNo('要查什么', pregnant).ok).toBe(false);
    expect(parseYesNo('干什么', pregnant).ok).toBe(false);
  });

  it('a 不/没 after 先/暂时/还是 is a no, as a guess, never a verb echoed with 了 (先不用了 is no yes)', () => {
    expect(parseYesNo('先不用了')).toEqual({ ok: true, value: false, guessed: true });
    expect(parseYesNo('暂时不去')).toEqual({ ok: true, value: false, guessed: true });
    expect(parseYesNo('先不用了 我就问下')).toEqual({ ok: true, value: false, guessed: true });
    expect(parseYesNo('做了')).toEqual({ ok: true, value: true });
  });

  it('a bare 1 or 2 is a yes or a no only as a guess (what it would do is confirmed first where asked)', () => {
    expect(parseYesNo('2')).toEqual({ ok: true, value: false, guessed: true });
    expect(parseYesNo('1')).toEqual({ ok: true, value: true, guessed: true });
  });

  it("a whole answer in the question's own words wins over a 没 opening another clause, as a guess", () => {
    expect(parseYesNo('怀上了 才俩月 还没去建档哩', pregnant)).toEqual({ ok: true, value: true, guessed: true });
    expect(parseYesNo('怀着呢 还没去医院', pregnant)).toEqual({ ok: true, value: true, guessed: true });
    // two whole answers, or a plain one against hers, are still both
    expect(parseYesNo('怀上了 没有', pregnant)).toMatchObject({ ok: false, error: 'ambiguous' });
    expect(parseYesNo('怀上了 不知道', pregnant)).toMatchObject({ ok: false, error: 'ambiguous' });
    expect(parseYesNo('是的 还没去建档', pregnant)).toMatchObject({ ok: false, error: 'ambiguous' });
  });

  it('her age alone is no answer, nor a verb echoed back', () => {
    expect(parseYesNo('这岁数了', pregnant).ok).toBe(false);
    expect(parseYesNo('都五十多了', pregnant).ok).toBe(false);
    expect(parseYesNo('怎么会怀孕了', pregnant).ok).toBe(false);
  });

  it('reads 就是 before a no as "only", not a yes (就是没怀上, 没有 就是没怀孕)', () => {
    const words = { yes: ['怀上', '怀孕了'], no: ['没怀孕', '没怀上'] };
    expect(parseYesNo('就是没怀上', words)).toEqual({ ok: true, value: false });
    expect(parseYesNo('没有 就是没怀孕', words)).toEqual({ ok: true, value: false });
    expect(parseYesNo('就是没查过')).toMatchObject({ ok: true, value: false });
    expect(parseYesNo('就是')).toEqual({ ok: true, value: true });
  });

  describe('the employer check-up question', () => {
    const employer = {
      yes: ['查', '会查', '给查', '都查'],
      no: ['没有单位', '没单位', '没得单位', '没工作', '不上班', '没上班', '种地', '种田', '务农', '打零工', '退休'],
    };
    it('takes no answer from a question to the bot (你们礼拜六上不上班): asked back, A-not-A or closed by 不', () => {
      for (const text of ['你们礼拜六上不上班', '你们礼拜六上班不', '你们星期天上不上班', '礼拜六上不上班', '不上班 你们礼拜六上不上班']) {
        expect(parseYesNo(text, employer), text).toEqual({ ok: false, error: 'ambiguous' });
      }
      // her own no still is one
      expect(parseYesNo('俺不上班', employer)).toEqual({ ok: true, value: false });
      expect(parseYesNo('不是不是', employer)).toEqual({ ok: true, value: false });
    });
    it("reads a no opened and closed in the question's own words as said whole, not a guess (没有单位在屋里种田)", () => {
      for (const text of ['没有单位在屋里种田', '没单位在家种地', '没得单位在屋里种田', '没工作在家种地']) {
        expect(parseYesNo(text, employer), text).toEqual({ ok: true, value: false });
      }
      // opened only: still a guess
      expect(parseYesNo('没有单位在屋里', employer)).toMatchObject({ ok: true, value: false, guessed: true });
    });
  });
});

describe('parseYesNo: what she feared or thought is no answer', () => {
  const breastCancer = { yes: ['是乳腺癌', '得过乳腺癌'] };
  it.each([
    '怕是乳腺癌 查了没事',
    '我怕是乳腺癌',
    '以为是乳腺癌 结果不是',
    '俺担心是乳腺癌',
    '医生讲怕是乳腺癌 后来查了是良性的',
    '当时说可能是乳腺癌 后来切片不是',
  ])('%s: not a yes', (text) => {
    expect(parseYesNo(text, breastCancer)).toMatchObject({ ok: false });
  });
  it.each(['前几年开过刀的 是乳腺癌', '是乳腺癌', '得过乳腺癌'])('%s: a yes', (text) => {
    expect(parseYesNo(text, breastCancer)).toEqual({ ok: true, value: true });
  });
  it('还以为怀上了 (she thought so): no yes to 您现在怀孕了吗', () => {
    expect(parseYesNo('还以为怀上了')).toMatchObject({ ok: false });
  });
});

describe('a condition and what she wants then', () => {
  const wait = { yes: ['喊我', '告诉我', '挂起'], no: ['不等'] };
  it('a wish is no condition of hers (要是怀上了就好了)', () => {
    expect(parseYesNo('要是怀上了就好了', { yes: ['怀上了'] })).not.toEqual({ ok: true, value: true });
    expect(parseYesNo('有人来了就好了', { yes: ['喊我'] })).toEqual({ ok: false, error: 'unrecognised' });
  });

  it.each([
    ['有人退了就喊我', true],
    ['满了啊 那帮我挂起 有人退了就喊我', true],
    ['有人不去就告诉我', true],
  ])('%s is %s', (text, value) => {
    expect(parseYesNo(text, wait)).toEqual({ ok: true, value });
  });
});

describe('a yes in her words', () => {
  it.each([
    ['那还用说 俩孩子都上学了', true],
    ['现在怀孕了', true],
    ['我现在怀孕了', true],
    ['现在没有', false],
  ])('%s → %s', (text, value) => {
    expect(parseYesNo(text, { yes: ['怀孕了'], no: [] })).toEqual({ ok: true, value });
  });
});
