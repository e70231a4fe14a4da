import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSomeQuestion, answersToOtherQuestions, keepForInterview, readsAs, type OtherQuestions } from '../../src/flows/otherAnswer.js';
import { loadAllProfiles } from '../../src/profiles/loadProfiles.js';
import { createProgrammePort } from '../../src/profiles/profileProgrammes.js';
import { emptyEngineState } from '../../src/services/conversationState.js';
import type { Messages } from '../../src/flows/flowSchema.js';

const TODAY = '2026-04-13';
const { profiles, counties } = loadAllProfiles(path.resolve(__dirname, '../../profiles'));
const programmes = createProgrammePort(profiles.get('henan')!, counties.get('xiangcheng')!, () => ({}) as Messages);
const at = (asking: string | undefined, more: Partial<OtherQuestions> = {}): OtherQuestions => ({
  programmes,
  programmeIds: ['twoCancer'],
  asking,
  facts: {},
  healthConsent: false,
  today: TODAY,
  ...more,
});

describe('the facts an interview may ask', () => {
  it('are those of its rules, in order, that have a question', () => {
    expect(programmes.facts('twoCancer')).toEqual([
      'birthDate',
      'residence',
      'group',
      'employerCheckup',
      'pregnant',
      'lastScreening',
      'hysterectomy',
      'sexualHistory',
      'breastCancer',
    ]);
    expect(programmes.facts('prenatal')).toEqual(['pregnant', 'residenceHenan']);
  });
});

describe('her answer to another question of the interview than the one asked', () => {
  it('is kept for the question it answers: the next one (农村的 at the 户口 question)', () => {
    expect(answersToOtherQuestions('农村的', at('residence'))).toEqual(['农村的']);
  });

  it('is kept at the programme choice for a question of either interview (her birth date, in 农历 too)', () => {
    const choice = at(undefined, { programmeIds: ['twoCancer', 'prenatal'] });
    expect(answersToOtherQuestions('一九七五年农历六月初二', choice)).toEqual(['一九七五年农历六月初二']);
    expect(answersToOtherQuestions('我是1975年3月5号出生的', choice)).toEqual(['我是1975年3月5号出生的']);
  });

  it('keeps only the clauses that answer one, all of her words when they do together', () => {
    expect(answersToOtherQuestions('前几年查过一回 好像是2019年', at('group', { healthConsent: true }))).toEqual(['前几年查过一回 好像是2019年']);
    expect(answersToOtherQuestions('俺是农村的，你问这个干啥', at('residence'))).toEqual(['俺是农村的']);
  });

  it('keeps a health answer only after the health consent', () => {
    expect(answersToOtherQuestions('都五十多了怀啥孕啊', at('group', { healthConsent: true }))).toEqual(['都五十多了怀啥孕啊']);
    expect(answersToOtherQuestions('都五十多了怀啥孕啊', at('group'))).toBeUndefined();
    expect(answersToOtherQuestions('前几年查过一回 好像是2019年', at('group'))).toBeUndefined();
  });

  it('is not kept when the question asked reads it: its own answer wins', () => {
    expect(answersToOtherQuestions('本地户口', at('residence'))).toBeUndefined();
    expect(answersToOtherQuestions('农村的', at('group'))).toBeUndefined();
  });

  it('is not kept when it answers none', () => {
    expect(answersToOtherQuestions('你们是哪个医院的', at('residence', { healthConsent: true }))).toBeUndefined();
    expect(answersToOtherQuestions('不知道', at('residence', { healthConsent: true }))).toBeUndefined();
  });

  it('goes to the first question of the interview not answered yet that reads it (a date: her birth date first)', () => {
    expect(answersToOtherQuestions('1975年7月10日', at('residence', { healthConsent: true }))).toEqual(['1975年7月10日']);
  });

  it('is not kept when a question answered before reads it otherwise (a year: her birth year, or when she was screened)', () => {
    const born = { birthDate: '1975-07-10' };
    expect(answersToOtherQuestions('1975年', at('group', { healthConsent: true, facts: born }))).toBeUndefined();
    expect(answersToOtherQuestions('1976年7月10日', at('group', { healthConsent: true, facts: born }))).toBeUndefined();
  });

  it('takes no bare yes or no, and no bare number of a list she was not shown', () => {
    expect(answersToOtherQuestions('没有', at('residence', { healthConsent: true }))).toBeUndefined();
    expect(answersToOtherQuestions('会', at('residence'))).toBeUndefined();
    expect(answersToOtherQuestions('3', at(undefined, { programmeIds: ['twoCancer', 'prenatal'] }))).toBeUndefined();
    expect(readsAs(programmes.question('twoCancer', 'group')!.input, '1', TODAY)).toBeUndefined();
  });

  it('to a question answered before, the same answer again: nothing to keep, but no failed answer', () => {
    expect(answersToOtherQuestions('1975年7月10日', at('group', { facts: { birthDate: '1975-07-10' } }))).toEqual([]);
  });

  it('waits with the clauses the interview reads when it comes to that question', () => {
    const engine = emptyEngineState();
    keepForInterview(engine, ['农村的']);
    keepForInterview(engine, ['都五十多了怀啥孕啊']);
    expect(engine.interview).toEqual({ answered: [], carried: ['农村的', '都五十多了怀啥孕啊'] });
  });
});

describe('a clause left beside another answer that answers some interview question', () => {
  it('is never a day without a year (a day she wants to go is no past screening)', () => {
    expect(answersSomeQuestion('15号上午去', programmes, TODAY)).toBe(false);
    expect(answersSomeQuestion('腊月初八', programmes, TODAY)).toBe(false);
  });

  it('is a date with its year: her birth date said with the consent, a screening of last year', () => {
    expect(answersSomeQuestion('俺是1977年6月12嘞', programmes, TODAY)).toBe(true);
    expect(answersSomeQuestion('去年5月查过', programmes, TODAY, ['twoCancer'], true)).toBe(true);
  });
});
