// Yes and no as women write them: dialect particles and padding, "no problem" idioms, rhetorical
// questions, a no that is only a word of a longer clause, a clause asked back, thanks. Her message is
// read as the engine reads it (spoken forms of flows/spoken.yaml first).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYesNo, plainYesNo, type AnswerWords } from '../../../src/domain/parse/parseYesNo.js';
import { messageReader } from '../../../src/domain/parse/readMessage.js';
import { spokenFormsSchema } from '../../../src/domain/parse/spokenForms.js';
import { readYamlFile } from '../../../src/support/readYaml.js';

const read = messageReader(readYamlFile(path.resolve('flows', 'spoken.yaml'), spokenFormsSchema), ['一个', '预约']);
const yesNo = (text: string, words?: AnswerWords) => parseYesNo(read(text), words);

describe('a yes with a dialect particle or padding', () => {
  it.each([
    '要得咯',
    '要得哒',
    '要得嘛',
    '那要得',
    '那就要得咯',
    '可以咯',
    '可以哒',
    '可以噻',
    '行咯',
    '好哒',
    '好咯',
    '中嘞',
    '中咧',
    '那中吧',
    '那中',
    '那就中',
    '是哩',
    '对头咯',
    '嗯咯',
    '嗯呐',
    '要得 你问咯',
    '好吧 那我就同意咯',
    '那好吧',
    '同意哒',
    '中 俺同意',
  ])('%s is yes', (text) => {
    expect(yesNo(text)).toEqual({ ok: true, value: true });
  });
});

describe('"no problem" idioms are yes, never a no for their 没/不', () => {
  it.each([
    '没问题',
    '没得问题',
    '冇得问题',
    '冇得问题 你问咯',
    '木有问题',
    '没啥问题',
    '没什么问题',
    '不要紧',
    '无所谓',
    '没关系',
    '不碍事',
    '都行',
    '都可以',
    '没毛病',
  ])('%s is yes', (text) => {
    expect(yesNo(text)).toEqual({ ok: true, value: true });
  });

  it('没事 / 冇得事 agree where the question says so (the privacy notice), and are no sure answer elsewhere', () => {
    const notice = { yes: ['没事', '没有事', '没什么事'] };
    expect(yesNo('没得事', notice)).toEqual({ ok: true, value: true });
    expect(yesNo('冇得事咯', notice)).toEqual({ ok: true, value: true });
    expect(yesNo('没啥事', notice)).toEqual({ ok: true, value: true });
    expect(yesNo('没事')).toEqual({ ok: false, error: 'unrecognised' });
  });
});

describe('a no in dialect or in so many words', () => {
  it.each([
    ['不要哒', undefined],
    ['不要了咯', undefined],
    ['冇得', undefined],
    ['木有', undefined],
    ['没得', undefined],
    ['明个俺走亲戚没空 不要了', undefined],
    ['那天冇得空咯 不要哒', undefined],
    ['没时间 不约了', undefined],
    ['俺去不了', undefined],
    ['来不了哒', undefined],
    ['不用了 谢谢你们', undefined],
    ['不排了', { yes: ['排', '排队'] }],
  ] as [string, AnswerWords | undefined][])('%s is no', (text, words) => {
    expect(yesNo(text, words)).toEqual({ ok: true, value: false });
  });
});

describe('a rhetorical question is a no', () => {
  const pregnant = { yes: ['怀着', '怀上了', '怀孕了', '怀了'], no: ['结扎', '绝经', '绝经了'] };
  it.each(['都绝经好几年了 怀啥孕', '怀什么孕啊', '还怀么子孕哦', '俺都五十多了 怀啥孕？', '哪有', '哪有啊 早就不来了', '咋可能', '怎么可能', '不可能'])(
    '%s to 您现在怀孕了吗 is no',
    (text) => {
      expect(yesNo(text, pregnant)).toMatchObject({ ok: true, value: false });
    },
  );

  it('a verb said twice around 什么 (查啥查) is no; a real question is not', () => {
    expect(yesNo('查啥查')).toEqual({ ok: true, value: false });
    expect(yesNo('做什么检查')).toEqual({ ok: false, error: 'unrecognised' });
    expect(yesNo('要填些啥啊')).toEqual({ ok: false, error: 'unrecognised' });
  });
});

describe('a no read from only part of her words is a guess', () => {
  it.each(['俺不会写字', '我不识字', '不认字', '这个要填些啥啊 俺不会写字', '没有做过检查', '我没法去'])('%s is a guessed no', (text) => {
    expect(yesNo(text)).toEqual({ ok: true, value: false, guessed: true });
  });

  it('a clear no is not a guess', () => {
    for (const text of ['不同意', '不要', '算了', '不用了', '没有', '不是', '不要哒', '不愿意']) {
      expect(yesNo(text), text).toEqual({ ok: true, value: false });
    }
  });

  it('a guess and a clear answer together: the clear one decides, not a guess', () => {
    expect(yesNo('那中吧 同意')).toEqual({ ok: true, value: true });
    expect(yesNo('俺不识字 同意')).toEqual({ ok: false, error: 'ambiguous' });
  });
});

describe('a clause she asks back answers nothing', () => {
  const waitlist = { yes: ['排', '排队', '等号', '等着'] };
  it.each([
    ['冇得位置哒？那我就等着咯', true],
    ['没有号了？那就排队吧', true],
    ['满了？那算了', false],
    ['没得空位了？不排了', false],
  ] as const)('%s', (text, value) => {
    expect(yesNo(text, waitlist)).toEqual({ ok: true, value });
  });

  it('alone, it is no answer', () => {
    expect(yesNo('冇得位置哒？', waitlist)).toEqual({ ok: false, error: 'unrecognised' });
    expect(yesNo('没有了?', waitlist)).toEqual({ ok: false, error: 'unrecognised' });
  });
});

describe('thanks and acknowledgements are fillers', () => {
  it.each([
    ['好的 謝謝你們通知我', true],
    ['好的谢谢你们通知我', true],
    ['行 麻烦你了', true],
    ['要 辛苦了', true],
    ['晓得哒 同意', true],
    ['知道了 好的', true],
    ['收到 不要了', false],
    ['谢谢你们 不用了', false],
  ] as const)('%s', (text, value) => {
    expect(yesNo(text)).toEqual({ ok: true, value });
  });

  it('alone they are neither yes nor no', () => {
    for (const text of ['晓得哒', '知道了', '收到', '谢谢你们通知我', '谢谢']) {
      expect(yesNo(text).ok, text).toBe(false);
      expect(plainYesNo(read(text)), text).toBeUndefined();
    }
  });

  it('a plain yes with thanks is still a plain yes', () => {
    expect(plainYesNo(read('好的 謝謝你們通知我'))).toBe(true);
    expect(plainYesNo(read('要得咯 谢谢'))).toBe(true);
  });
});
