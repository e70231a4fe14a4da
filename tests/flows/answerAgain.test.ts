// Which of her answers a correction names (户口写错了, 生日不对), by the topics of flows/messages.yaml.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { namedAnswer } from '../../src/flows/answerAgain.js';

const { correction } = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES).messages;

describe('namedAnswer', () => {
  it.each([
    ['户口写错了', 'residence'],
    ['户口那个我点错了', 'residence'],
    ['生日写错了', 'birthDate'],
    ['出生日期不对', 'birthDate'],
    ['我那个生日弄错了 应该是87年不是78年', 'birthDate'],
    ['低保那个我选错了', 'group'],
    ['农村城镇选错了', 'group'],
    ['单位体检答错了', 'employerCheckup'],
    ['怀孕那个说错了', 'pregnant'],
  ])('%s → %s', (text, fact) => expect(namedAnswer(text, correction)).toBe(fact));

  it.each([
    ['写错了'], // no topic: back one question
    ['预产期写错了'], // pregnancy_redate moves it
    ['宝宝出生日期不对'], // her baby's, not hers
    ['户口别写错了'],
    ['户口写错了怎么办'],
    ['户口在项城'], // an answer, not a correction
    ['这两天子宫不对劲'],
    ['等会儿 我先看看我的信息 你记的生日对不对'], // she asks to see it (我的信息)
  ])('%s names none', (text) => expect(namedAnswer(text, correction)).toBeUndefined());
});
