import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllProfiles } from '../../src/profiles/loadProfiles.js';
import { matchSideAnswers, withoutSideClauses } from '../../src/flows/matchWords.js';

const { profiles } = loadAllProfiles(path.resolve(__dirname, '../../profiles'));
const questions = profiles.get('henan')!.sideQuestions;
const asked = (text: string) => {
  const found = matchSideAnswers(text, Object.values(questions));
  return Object.entries(questions)
    .filter(([, q]) => found.includes(q))
    .sort(([, a], [, b]) => found.indexOf(a) - found.indexOf(b))
    .map(([id]) => id);
};

describe("the profile's frequent questions, in her words", () => {
  it.each([
    ['后天去做NT要带啥 要不要空腹啊', ['bring', 'fasting']],
    ['明天去检查要带么子东西咯', ['bring']],
    ['那个我想问问我那个预约是不是明天上午啊明天要带啥东西啊身份证要不要带', ['bring']],
    ['唐筛抽血要不要饿肚子', ['fasting']],
    ['早上能吃东西不', ['fasting']],
    ['做这些检查收费吗', ['cost']],
    ['无创多少钱', ['cost']],
    // whether it is free, in her words, is the price
    ['无创是免费的不', ['cost']],
    ['大排畸免费不', ['cost']],
    ['糖耐量免费吗', ['cost']],
    ['NT收费不', ['cost']],
    ['做四维花钱不', ['cost']],
    ['唐筛是不是免费的', ['cost']],
    ['OGTT要自费吗', ['cost']],
    ['医院几点开门', ['hours']],
    ['礼拜天上班不', ['hours']],
    ['妇幼在哪里 怎么走', ['place']],
    ['结果多久能出来', ['results']],
    ['唐筛几天出结果', ['results']],
    ['你是机器人还是真人啊', ['robot']],
    ['你是谁啊', ['robot']],
  ])('%s: %j', (text, want) => {
    expect(asked(text)).toEqual(want);
  });

  it.each([
    // a request, not a question on the side
    '在哪里预约',
    '我要找真人',
    '转人工',
    // whether she qualifies is the eligibility check's
    '我能免费做两癌吗',
    '可以免费搞不',
    // news, not a question
    '乳腺年前在县医院自己花钱查过了',
    '下午 上午得送孙子上学',
  ])('%s: none', (text) => {
    expect(asked(text)).toEqual([]);
  });

  it('her other words are the clauses without a side question (the answer beside it is taken)', () => {
    const found = matchSideAnswers('72年4月18号 去要带啥', Object.values(questions));
    expect(withoutSideClauses('72年4月18号 去要带啥', found)).toBe('72年4月18号');
  });
});
