import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesSchema } from '../../src/flows/flowSchema.js';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { readEarlierChoice, readShownChoice, restatedDay } from '../../src/flows/readShownChoice.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import type { AskStep } from '../../src/flows/flowSchema.js';
import type { ShownOption } from '../../src/services/conversationStore.js';
import { readYamlFile } from '../../src/support/readYaml.js';

const messages = readYamlFile(path.resolve('flows/messages.yaml'), messagesSchema);
const TODAY = '2026-03-02';
const days: ShownOption[] = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'].map((day) => ({
  value: day,
  label: `${day} 的名额`,
  words: [],
  day,
}));
const hospitals: ShownOption[] = [
  { value: 'a', label: '项城市妇幼保健院', words: [] },
  { value: 'b', label: '项城市第一人民医院', words: [] },
];
const DYNAMIC = { type: 'dynamicChoice', source: 'booking.days' } as const;
const read = (text: string, shown: ShownOption[] = days) => readShownChoice(text, DYNAMIC, shown, TODAY, messages)!;
const chosen = (value: string, nextAnswer?: string) => ({ kind: 'read', read: { ok: true, value }, ...(nextAnswer ? { nextAnswer } : {}) });
const failed = (error: string) => ({ kind: 'read', read: { ok: false, error } });

describe('readShownChoice', () => {
  it('reads options without days as an ordinary choice', () => {
    expect(read('2', hospitals)).toEqual(chosen('b'));
    expect(read('5号', hospitals)).toEqual(failed('out_of_range'));
    expect(read('妇幼', hospitals)).toEqual(chosen('a'));
  });

  it('reads a hospital by a part of its name that no other has', () => {
    expect(read('妇幼保健院那个', hospitals)).toEqual({ kind: 'read', read: { ok: true, value: 'a', guessed: true } });
    expect(read('就去人民医院吧', hospitals)).toEqual({ kind: 'read', read: { ok: true, value: 'b', guessed: true } });
    expect(read('一院', hospitals)).toEqual({ kind: 'read', read: { ok: true, value: 'b', guessed: true } });
    expect(read('医院', hospitals)).toEqual(failed('unrecognised'));
  });

  it('reads a day by the day she names, and hands a session on to the next question', () => {
    expect(read('5号')).toEqual(chosen('2026-03-05'));
    expect(read('星期三上午')).toEqual(chosen('2026-03-04', 'am'));
    expect(read('第5个')).toEqual(chosen('2026-03-09'));
  });

  it('asks once whether a bare number is the position, naming the two days, and reads the answer', () => {
    const asked = read('5');
    expect(asked).toEqual({
      kind: 'again',
      say: '您是说第5个（3月9日 周一），对吗？要是5号（3月5日 周四），请回复“不是”。',
      shown: expect.any(Array),
      // her yes is the position, her no the day of the month (the engine reads them)
      guess: { value: '2026-03-09', instead: '2026-03-05', label: expect.any(String) },
    });
    const shown = (asked as { shown: ShownOption[] }).shown;
    expect(shown.filter((o) => o.which).map((o) => [o.value, o.which])).toEqual([
      ['2026-03-05', 'day'],
      ['2026-03-09', 'position'],
    ]);
    expect(read('5号', shown)).toEqual(chosen('2026-03-05'));
    expect(read('第5个', shown)).toEqual(chosen('2026-03-09'));
    expect(read('前面那个', shown)).toEqual(chosen('2026-03-09'));
    expect(read('后一个吧', shown)).toEqual(chosen('2026-03-05'));
    expect(read('周一', shown)).toEqual(chosen('2026-03-09'));
    // the same number again, or another number alone: not read as either, nor as a new pick (the ordinary re-prompt follows)
    expect(read('5', shown)).toEqual(failed('ambiguous'));
    expect(read('2', shown)).toEqual(failed('ambiguous'));
  });

  it('answers a day not in the list kindly, with the list again', () => {
    const r = read('8号');
    expect(r.kind).toBe('again');
    expect((r as { say: string }).say.split('\n')).toEqual([
      '抱歉，3月8日（周日）这天约不了。下面这些日子可以约，回复数字或者日子都行：',
      ...days.map((d, i) => `${i + 1}. ${d.label}`),
    ]);
  });

  it('gives the year of a day not in this year', () => {
    const late = ['2026-12-29', '2026-12-30', '2027-01-04', '2027-01-06'].map((day) => ({ value: day, label: day, words: [], day }));
    const r = readShownChoice('1月5号', DYNAMIC, late, '2026-12-28', messages);
    expect((r as { say: string }).say).toContain('抱歉，2027年1月5日（周二）这天约不了。');
    const after = readShownChoice('1月8号', DYNAMIC, late, '2026-12-28', messages);
    expect((after as { say: string }).say).toContain('抱歉，2027年1月8日（周五）还太远，现在最晚只能约到2027年1月6日（周三）。');
  });

  it('for another kind of question, only the readings kept for it', () => {
    expect(readShownChoice('2', { type: 'yesno', yesWords: [], noWords: [] }, undefined, TODAY, messages)).toBeUndefined();
    expect(readShownChoice('5号', { type: 'dating' }, days, TODAY, messages)).toBeUndefined();
  });

  it('two different days are ambiguous', () => {
    expect(read('5号或者6号')).toEqual(failed('ambiguous'));
  });

  // the week listed, then the days she may book that the list leaves out
  const more: ShownOption[] = ['2026-03-12', '2026-03-13', '2026-03-16'].map((day) => ({ value: day, label: `${day} 的名额`, words: [], day, more: true }));
  const withMore = [...days, ...more];
  const listLines = days.map((d, i) => `${i + 1}. ${d.label}`);

  it('chooses a day after the list when she names it, never by a number or a place', () => {
    expect(read('约两癌 13号那天去 礼拜五', withMore)).toEqual(chosen('2026-03-13'));
    expect(read('下下礼拜一上午', withMore)).toEqual(chosen('2026-03-16', 'am'));
    expect(read('12', withMore)).toEqual(chosen('2026-03-12'));
    expect(read('第8个', withMore)).toEqual(failed('out_of_range'));
    expect(read('最后一个', withMore)).toEqual(chosen('2026-03-11'));
  });

  it('answers a day after the last she may book with that last day, and the list (without the days not listed)', () => {
    const r = read('17号', withMore);
    expect(r.kind).toBe('again');
    expect((r as { say: string }).say.split('\n')).toEqual([
      '抱歉，3月17日（周二）还太远，现在最晚只能约到3月16日（周一）。下面这些日子可以约，回复数字或者日子都行：',
      ...listLines,
    ]);
    expect((r as { shown: ShownOption[] }).shown).toHaveLength(10);
  });

  it('asks about a date and a weekday that are not the same day, never taking one', () => {
    const r = read('13号那天去 礼拜四', withMore);
    expect(r.kind).toBe('again');
    expect((r as { say: string }).say.split('\n')).toEqual([
      '3月13日是周五，不是周四。您要约哪一天？请回复日子（比如“3月13日”），或者下面的数字：',
      ...listLines,
    ]);
  });
});

describe('readEarlierChoice', () => {
  const earlier = (text: string, shown: ShownOption[] = days) => readEarlierChoice(text, shown, TODAY);

  it('takes a day of the list she named with the booking, and its session', () => {
    expect(earlier('糖耐量预约 周四去')).toEqual({ read: { ok: true, value: '2026-03-05' } });
    expect(earlier('我要约无创 这个星期五上午')).toEqual({ read: { ok: true, value: '2026-03-06' }, nextAnswer: 'am' });
    expect(earlier('那再帮我约个NT 后天下午')).toEqual({ read: { ok: true, value: '2026-03-04' }, nextAnswer: 'pm' });
    expect(earlier('我要预约NT 这个礼拜三去')).toEqual({ read: { ok: true, value: '2026-03-04' } });
  });

  it('never a bare number, a day not offered, or two days', () => {
    expect(earlier('3').read.ok).toBe(false);
    expect(earlier('预约 8号').read.ok).toBe(false);
    expect(earlier('周三或者周四').read.ok).toBe(false);
    expect(earlier('想约NT 12周了').read.ok).toBe(false);
  });

  it('takes a day after the list she named, a date with its weekday; never a date and a weekday that differ', () => {
    const more: ShownOption = { value: '2026-03-13', label: '3月13日', words: [], day: '2026-03-13', more: true };
    expect(earlier('约两癌 13号那天去 礼拜五', [...days, more])).toEqual({ read: { ok: true, value: '2026-03-13' } });
    expect(earlier('约两癌 13号那天去 礼拜四', [...days, more])).toEqual({ read: { ok: false, error: 'ambiguous' } });
  });

  it('reads any other list as an ordinary choice', () => {
    expect(earlier('2', hospitals)).toEqual({ read: { ok: true, value: 'b' } });
  });

  it('reads a hospital named beside the day she wants, the day words not counted against it', () => {
    const named: ShownOption[] = [
      { value: 'a', label: '项城市妇幼保健院', words: ['妇幼保健院', '妇幼'] },
      { value: 'b', label: '项城市第一人民医院', words: ['第一人民医院', '人民医院', '一院'] },
    ];
    expect(earlier('人民医院星期六能查不', named)).toEqual({ read: { ok: true, value: 'b' } });
    expect(earlier('妇幼后天下午', named)).toEqual({ read: { ok: true, value: 'a' } });
  });

  it("a weekday alone after a day she picked before is of that day's week", () => {
    const picked = days.map((o) => (o.day === '2026-03-04' ? { ...o, picked: true } : o));
    const later: ShownOption = { value: '2026-03-12', label: '3月12日', words: [], day: '2026-03-12' };
    expect(earlier('还是周四吧', [...picked, later])).toEqual({ read: { ok: true, value: '2026-03-05' } });
    const pickedLater = [...days, { ...later }].map((o) => (o.day === '2026-03-11' ? { ...o, picked: true } : o));
    expect(earlier('还是周四吧', pickedLater)).toEqual({ read: { ok: true, value: '2026-03-12' } });
  });

  it('takes the day she moves a booking to (挪到礼拜四), not the day she leaves', () => {
    expect(earlier('礼拜二那个号 能挪到礼拜四不 礼拜二俺侄子结婚')).toEqual({ read: { ok: true, value: '2026-03-05' } });
    expect(earlier('改到周五上午吧')).toEqual({ read: { ok: true, value: '2026-03-06' }, nextAnswer: 'am' });
  });

  it('takes the day she leaves only with the other session she moves it to (换成那天后晌, 改约到3月4日下午)', () => {
    const leaving = days.map((o) => (o.day === '2026-03-04' ? { ...o, leaving: true } : o));
    expect(earlier('周三早上我得送孙子上学 能换成那天下午不', leaving)).toEqual({ read: { ok: true, value: '2026-03-04' }, nextAnswer: 'pm' });
    expect(earlier('改约到3月4日下午', leaving)).toEqual({ read: { ok: true, value: '2026-03-04' }, nextAnswer: 'pm' });
    expect(earlier('周三那个预约换一下', leaving).read.ok).toBe(false);
    expect(earlier('改到3月4日', leaving).read.ok).toBe(false);
  });
});

describe('restatedDay', () => {
  const booking = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES).flows.get('booking')!;
  const confirm = booking.steps.find((s) => s.id === 'confirm') as AskStep;
  const vars = { day: '2026-03-06', session: 'am' };
  const restated = (text: string) => restatedDay(text, booking, confirm, vars, TODAY);

  it('the day and session asked about is yes', () => {
    expect(restated('就周五')).toEqual({ ok: true, value: true });
    expect(restated('3月6号')).toEqual({ ok: true, value: true });
    expect(restated('周五上午')).toEqual({ ok: true, value: true });
    expect(restated('上午')).toEqual({ ok: true, value: true });
  });

  it('another day or session is no', () => {
    expect(restated('还是20号吧')).toEqual({ ok: true, value: false });
    // (a weekday alone is of the week of the day asked about: the 5th is 周四 before the 6th)
    expect(restatedDay('还是周四吧', booking, confirm, { day: '2026-03-11', session: 'am' }, TODAY)).toEqual({ ok: true, value: false });
    expect(restatedDay('就周三', booking, confirm, { day: '2026-03-11', session: 'am' }, TODAY)).toEqual({ ok: true, value: true });
    expect(restated('周五下午')).toEqual({ ok: true, value: false });
    expect(restated('下午')).toEqual({ ok: true, value: false });
  });

  it('nothing else, and no other question', () => {
    expect(restated('3')).toBeUndefined();
    expect(restated('不知道')).toBeUndefined();
    const keep = booking.steps.find((s) => s.id === 'has_active') as AskStep;
    expect(restatedDay('就周五', booking, keep, vars, TODAY)).toBeUndefined();
  });
});
