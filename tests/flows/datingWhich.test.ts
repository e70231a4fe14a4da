import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datingWhich, readingChosen } from '../../src/flows/datingWhich.js';
import { messagesSchema } from '../../src/flows/flowSchema.js';
import { readYamlFile } from '../../src/support/readYaml.js';

const messages = readYamlFile(path.resolve('flows/messages.yaml'), messagesSchema);
const TODAY = '2026-09-20';

describe('datingWhich', () => {
  it('names both days of a date that reads both ways, and reads her answer', () => {
    const which = datingWhich({ type: 'dating' }, '农历三月初五', TODAY, messages)!;
    expect(which.say).toBe(
      '您说的这个日子，是末次月经第一天（2026年4月21日，那样预产期是2027年1月26日），还是预产期（2027年4月11日）？请回复“末次月经”或“预产期”。',
    );
    for (const said of ['末次月经', '是月经', '例假', '前面那个', '1']) {
      expect(readingChosen(said, which.shown)).toMatchObject({ ok: true, value: { dueDate: '2027-01-26', from: 'lastPeriod' } });
    }
    for (const said of ['预产期', '是预产期', '后面的', '2']) {
      expect(readingChosen(said, which.shown)).toMatchObject({ ok: true, value: { dueDate: '2027-04-11', from: 'dueDate' } });
    }
    expect(readingChosen('不知道', which.shown)).toBeUndefined();
  });

  it('gives the due date alone for a gestation question', () => {
    const which = datingWhich({ type: 'gestation', bareDate: 'ask' }, '农历三月初五', TODAY, messages)!;
    expect(readingChosen('预产期', which.shown)).toEqual({ ok: true, value: '2027-04-11' });
  });

  it('does not ask about a date that reads one way, or another kind of question', () => {
    expect(datingWhich({ type: 'dating' }, '农历九月初九', TODAY, messages)).toBeUndefined();
    expect(datingWhich({ type: 'dating' }, '3月5号还是6号', TODAY, messages)).toBeUndefined();
    expect(datingWhich({ type: 'date', calendar: 'gregorian', direction: 'past', noneWords: [] }, '农历三月初五', TODAY, messages)).toBeUndefined();
  });
});
