import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spokenFormReader, spokenFormsSchema } from '../../../src/domain/parse/spokenForms.js';
import { messageReader } from '../../../src/domain/parse/readMessage.js';
import { readYamlFile } from '../../../src/support/readYaml.js';

const shipped = readYamlFile(path.resolve('flows', 'spoken.yaml'), spokenFormsSchema);
const read = spokenFormReader(shipped);

describe('spoken forms (flows/spoken.yaml)', () => {
  it.each([
    ['俺想问问两癌咋查', '我想问问两癌怎么查'],
    ['俺们这里', '我们这里'],
    ['等会 俺先看看俺哩信息', '等会 我先看看我的信息'],
    ['恁哩电话多少', '你的电话多少'],
    ['怀着哩', '怀着哩'],
    ['要带啥', '要带什么'],
    ['木有', '没有'],
    ['冇', '没有'],
    ['冇得', '没有'],
    ['嗯呐', '嗯'],
    ['嗯哪', '嗯'],
    // whole answers only
    ['中', '是'],
    ['中！', '是！'],
    ['中中中', '是'],
    ['中啊', '是'],
    ['中，明天上午去', '是，明天上午去'],
    ['得行', '行'],
    ['要得', '好'],
    ['要得嘛', '好'],
    ['嗯要得', '好'],
    ['恩那就要得', '好'],
    ['中午', '中午'],
    ['我看中医', '我看中医'],
    ['那就中午吧', '那就中午吧'],
    ['我要得到名额', '我要得到名额'],
    ['中不中', '中不中'],
    ['娃没了', '孩子没了'],
    ['周四上晌', '周四上午'],
    ['后晌', '下午'],
    ['下礼拜一', '下周一'],
    ['礼拜天', '周日'],
    // Hunan: 哒 is 了, 晓得 is 知道, 么子 is 什么, 冇得准 (not regular) is 不准
    ['好几个月哒', '好几个月了'],
    ['晓得哒', '知道了'],
    ['不晓得', '不知道'],
    ['要交么子钱不', '要交什么钱不'],
    ['冇得准的', '不准的'],
    ['没得准', '不准'],
    ['冇得空', '没有空'],
    // a whole answer with a closing particle or an opening 那/那就
    ['要得咯', '好'],
    ['要得哒', '好'],
    ['中嘞', '是'],
    ['中咯', '是'],
    ['那中吧', '是'],
    ['那就中', '是'],
    ['那我就要得', '好'],
    ['那就中午吧', '那就中午吧'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads 繁体 first, then the spoken forms', () => {
    const message = messageReader(shipped);
    expect(message('俺懷孕十週兩天')).toBe('我怀孕十周两天');
    expect(message('沒有')).toBe('没有');
    expect(message('中')).toBe('是');
  });

  it('refuses a form in 繁体 and a word that is a form again', () => {
    expect(spokenFormsSchema.safeParse({ anywhere: { 沒有: '没有' } }).success).toBe(false);
    const loop = spokenFormsSchema.safeParse({ anywhere: { 咋: '俺怎么', 俺: '我' } });
    expect(loop.success).toBe(false);
    expect(loop.error?.issues[0].path).toEqual(['anywhere', '咋']);
    expect(spokenFormsSchema.safeParse({ everywhere: {} }).success).toBe(false);
  });
});
