import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../src/flows/flowSchema.js';
import { birthDayAgain, exactBirthDate, saidBefore, type EarlierAnswers } from '../../src/flows/saidBefore.js';
import { loadAllProfiles } from '../../src/profiles/loadProfiles.js';
import { createProgrammePort } from '../../src/profiles/profileProgrammes.js';

const { profiles, counties } = loadAllProfiles(path.resolve(__dirname, '../../profiles'));
const programmes = createProgrammePort(profiles.get('henan')!, counties.get('xiangcheng')!, () => ({}) as Messages);
const at = (facts: Record<string, unknown>): EarlierAnswers => ({
  programmes,
  programme: 'twoCancer',
  answered: Object.keys(facts),
  facts,
  today: '2026-03-10',
});

describe('saidBefore: the same answer again in its option’s words', () => {
  it('户口就在这 after her 户口 was taken; not another answer', () => {
    expect(saidBefore(at({ residence: 'hukou' }), '户口就在这')).toBe(true);
    expect(saidBefore(at({ residence: 'hukou' }), '低保户')).toBe(false);
  });
});

describe('exactBirthDate: her birth date to the day after her age or year', () => {
  it('七三年八月二十一 after 今年五十二: stored to the day', () => {
    expect(exactBirthDate(at({ birthDate: { age: 52, on: '2026-03-10' } }), '七三年八月二十一')).toEqual({ fact: 'birthDate', value: '1973-08-21' });
    expect(exactBirthDate(at({ birthDate: { date: '1973-01-01', precision: 'year' } }), '1973年8月21日')).toEqual({ fact: 'birthDate', value: '1973-08-21' });
  });

  it('nothing when she gave it to the day already, or says only a year again', () => {
    expect(exactBirthDate(at({ birthDate: '1973-08-21' }), '1973年8月21日')).toBeUndefined();
    expect(exactBirthDate(at({ birthDate: { age: 52, on: '2026-03-10' } }), '七三年的')).toBeUndefined();
  });
});

describe('birthDayAgain: the month and day of her birth date said again, without the year', () => {
  it('阳历是九月二十号 after 七五年八月十五 农历 (1975-09-20); not another day, not a lunar one', () => {
    expect(birthDayAgain(at({ birthDate: '1975-09-20' }), '阳历是九月二十号')).toBe(true);
    expect(birthDayAgain(at({ birthDate: '1975-09-20' }), '9月21号')).toBe(false);
    expect(birthDayAgain(at({ birthDate: '1975-09-20' }), '农历九月二十')).toBe(false);
    expect(birthDayAgain(at({ birthDate: { date: '1975-01-01', precision: 'year' } }), '9月20号')).toBe(false);
  });
});
