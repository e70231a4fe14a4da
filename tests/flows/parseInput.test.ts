// Reading answers by input type: the inputs the pregnancy conversations added (dating, an integer
// with "none" words). Today is Monday 2026-03-02.
import { describe, expect, it } from 'vitest';
import { inputSpecSchema } from '../../src/domain/parse/inputSpec.js';
import { parseInput } from '../../src/flows/parseInput.js';

const TODAY = '2026-03-02';
const read = (spec: unknown, text: string) => parseInput(inputSpecSchema.parse(spec), text, TODAY);

describe('dating: the due date and which form she gave', () => {
  it.each([
    ['孕11周', { dueDate: '2026-09-21', from: 'weeks' }],
    ['12周3天', { dueDate: '2026-09-11', from: 'weeks' }],
    ['预产期2026年10月12日', { dueDate: '2026-10-12', from: 'dueDate' }],
    ['10月12号生', { dueDate: '2026-10-12', from: 'dueDate' }],
    ['末次月经1月5号', { dueDate: '2026-10-12', from: 'lastPeriod' }],
    // 农历十一月初一 is 2025-12-20
    ['末次月经农历十一月初一', { dueDate: '2026-09-26', from: 'lastPeriod' }],
  ])('%s → %o', (text, value) => {
    expect(read({ type: 'dating' }, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['预产期2027年5月1日', 'out_of_range'],
    ['孕50周', 'out_of_range'],
    ['末次月经4月1号', 'out_of_range'], // a year ago: no year given, a last period lies in the past
    ['末次月经2026年4月1号', 'in_future'],
    ['不知道', 'unrecognised'],
  ])('%s → %s', (text, error) => {
    expect(read({ type: 'dating' }, text)).toEqual({ ok: false, error });
  });

  it('a date written alone: asked which it is, unless the question asked for a due date (改预产期)', () => {
    expect(read({ type: 'gestation' }, '10月12日')).toEqual({ ok: false, error: 'ambiguous' });
    expect(read({ type: 'gestation', bareDate: 'dueDate' }, '10月12日')).toEqual({ ok: true, value: '2026-10-12' });
    // words still win: her last period, or weeks
    expect(read({ type: 'gestation', bareDate: 'dueDate' }, '末次月经1月5号')).toEqual({ ok: true, value: '2026-10-12' });
    expect(read({ type: 'gestation', bareDate: 'dueDate' }, '孕11周')).toEqual({ ok: true, value: '2026-09-21' });
  });

  it('gestation still gives the due date alone', () => {
    expect(read({ type: 'gestation' }, '孕11周')).toEqual({ ok: true, value: '2026-09-21' });
  });
});

describe('integer with noneWords', () => {
  const cycle = { type: 'integer', min: 20, max: 60, noneWords: ['不规律', '不记得', '一个月'] };
  it.each([
    ['35', 35],
    ['35天', 35],
    ['三十天', 30],
    ['不太规律，大概35天', 35],
    ['不规律', null],
    ['我不记得了', null],
    // a number out of range that is a "none" word: 一个月
    ['一个月一次', null],
  ])('%s → %o', (text, value) => {
    expect(read(cycle, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['100天', 'out_of_range'],
    ['好多天', 'unrecognised'],
  ])('%s → %s', (text, error) => {
    expect(read(cycle, text)).toEqual({ ok: false, error });
  });

  it('without noneWords a word is not read', () => {
    expect(read({ type: 'integer', min: 20, max: 60 }, '不记得')).toEqual({ ok: false, error: 'unrecognised' });
  });

  it('units count weeks as days', () => {
    const weeks = { ...cycle, units: { 礼拜: 7, 星期: 7 } };
    expect(read(weeks, '差不多四个礼拜来一回')).toEqual({ ok: true, value: 28 });
    expect(read(weeks, '五个星期')).toEqual({ ok: true, value: 35 });
  });
});

describe('yesno with gestationIsYes (您现在怀孕了吗): how far along she is, said instead of a yes', () => {
  const pregnant = { type: 'yesno', yesWords: ['怀着', '怀上了', '怀孕了'], noWords: ['绝经', '结扎'], gestationIsYes: true };
  it.each(['医院说七周零五天', '孕8周', '12周3天', '怀孕50天', '预产期10月15'])('%j is a yes', (text) => {
    expect(read(pregnant, text)).toEqual({ ok: true, value: true });
  });
  it.each([
    // a no stays a no; a last period alone says nothing (she may be past them); a plain yes as before
    ['没有 七周前流产了', { ok: true, value: false }],
    ['绝经好几年了', { ok: true, value: false }],
    ['末次月经2月10号', { ok: false, error: 'unrecognised' }],
    ['是的', { ok: true, value: true }],
    // another woman's weeks are not hers
    ['我妹妹怀孕12周', { ok: false, error: 'unrecognised' }],
  ])('%j → %j', (text, expected) => {
    expect(read(pregnant, text)).toEqual(expected);
  });
  it('without it, weeks alone are not read as a yes', () => {
    expect(read({ type: 'yesno' }, '医院说七周零五天')).toEqual({ ok: false, error: 'unrecognised' });
  });
});
