// One clause, two answers: her weeks say yes to 您现在怀孕了吗 and stay for the weeks question. Today is 2026-03-02.
import { describe, expect, it } from 'vitest';
import { inputSpecSchema } from '../../src/domain/parse/inputSpec.js';
import { impliedYes, restatesGestation } from '../../src/flows/impliedYes.js';

const TODAY = '2026-03-02';
const pregnant = inputSpecSchema.parse({ type: 'yesno', yesWords: ['怀着', '怀孕了'], noWords: ['结扎', '绝经'], gestationIsYes: true });

describe('impliedYes (您现在怀孕了吗)', () => {
  it.each([
    [['想约唐筛', '18周了'], '18周了'],
    [['怀孕11周了', '想约NT'], '怀孕11周了'],
    [['俺现在17周'], '俺现在17周'],
    [['预产期8月20号', '想约唐筛'], '预产期8月20号'],
    [['唐筛', '我十二周零三天了'], '我十二周零三天了'],
    // months date nothing, but say she is pregnant as surely
    [['唐筛要钱不', '俺怀孕四个月了'], '俺怀孕四个月了'],
    [['四个多月了'], '四个多月了'],
  ])('%j: yes, by %j', (clauses, clause) => {
    expect(impliedYes(pregnant, clauses, TODAY)).toBe(clause);
  });
  it.each([
    // another woman's weeks, or her no beside them: she is asked
    [['我妹妹怀孕12周', '想约NT']],
    [['不是我', '是我儿媳妇', '18周了']],
    [['结扎了', '问问18周能不能做']],
    // a last period alone says nothing (she may be past them); no weeks at all
    [['末次月经2月10号']],
    [['想约唐筛']],
    // months of something else
    [['宝宝三个月了']],
    [['俺闺女怀孕四个月了']],
  ])('%j: no yes', (clauses) => {
    expect(impliedYes(pregnant, clauses, TODAY)).toBeUndefined();
  });
  it('only for a question marked gestationIsYes', () => {
    expect(impliedYes(inputSpecSchema.parse({ type: 'yesno' }), ['18周了'], TODAY)).toBeUndefined();
  });
});

describe('restatesGestation: her weeks again, with at most a yes', () => {
  it.each([
    ['是的 十三周哒', true],
    ['是啊 11周3天了', true],
    ['是的十三周了', true],
    ['是的', false],
    ['1', false],
    ['户口在本县 13周了', false],
    ['是的 四个多月了', true],
  ])('%j → %j', (text, expected) => {
    expect(restatesGestation(text, TODAY)).toBe(expected);
  });
});
