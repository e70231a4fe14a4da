import { describe, expect, it } from 'vitest';
import { chooseDay, pastWeekdayDay, readDayWords } from '../../../src/domain/booking/readDay.js';

// Monday 2 March 2026; the list a woman sees for 两癌 (weekdays, nothing for today)
const TODAY = '2026-03-02';
const SHOWN = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'];

describe('readDayWords', () => {
  it.each([
    ['5号', '2026-03-05'],
    ['五号', '2026-03-05'],
    ['12号', '2026-03-12'],
    ['3月5日', '2026-03-05'],
    ['3月5号', '2026-03-05'],
    ['3.5', '2026-03-05'],
    ['2026年3月9日 周一', '2026-03-09'],
    ['就9号', '2026-03-09'],
    ['三号吧', '2026-03-03'],
    // weekdays: alone, the next one after today; 这周 / 下周 / 下下周 by the week (Monday to Sunday)
    ['周三', '2026-03-04'],
    ['星期三', '2026-03-04'],
    ['礼拜三', '2026-03-04'],
    ['这周三', '2026-03-04'],
    ['本周五', '2026-03-06'],
    ['下周三', '2026-03-11'],
    ['下个星期一', '2026-03-09'],
    ['下礼拜一', '2026-03-09'],
    ['下下周五', '2026-03-20'],
    ['周一', '2026-03-09'],
    ['周日', '2026-03-08'],
    // her weeks beside the day are no weekday (12周3天: not 周三)
    ['我12周3天了 礼拜五', '2026-03-06'],
    ['十二周零三天 周五', '2026-03-06'],
    ['星期天', '2026-03-08'],
    ['这周一', '2026-03-02'],
    // counted from today
    ['今天', '2026-03-02'],
    ['明天', '2026-03-03'],
    ['后天', '2026-03-04'],
    ['大后天', '2026-03-05'],
    // Henan (今儿个, 明儿个, 后儿个, 大后儿个, 赶明儿) and Hunan (后日, 大后日)
    ['今儿个', '2026-03-02'],
    ['明儿个', '2026-03-03'],
    ['赶明儿', '2026-03-03'],
    ['后儿个', '2026-03-04'],
    ['后儿个去', '2026-03-04'],
    ['后日', '2026-03-04'],
    ['后日去得不', '2026-03-04'],
    ['大后儿个', '2026-03-05'],
    ['大后日', '2026-03-05'],
    // a date without a year lies ahead, unless that is half a year away
    ['28号', '2026-03-28'],
    ['3月1日', '2026-03-01'],
    // the option copied back
    ['2026年3月5日 周四（还剩60个）', '2026-03-05'],
    ['3月5日（周四）', '2026-03-05'],
  ])('%s is %s', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    ['星期三上午', 'am'],
    ['还是8号吧 上午去', 'am'],
    ['10号下午', 'pm'],
    ['明天早上', 'am'],
    ['后天下半天', 'pm'],
    ['大后儿个上午', 'am'],
    ['明儿个后晌', 'pm'],
  ])('%s also names the session %s', (text, session) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', session });
  });

  it.each([
    ['明天上晌', 'am'],
    ['周四前晌', 'am'],
    ['周五后晌', 'pm'],
    ['下周一下晌', 'pm'],
    ['明天早点去', 'am'],
  ])('%s names the session %s in the words of Henan', (text, session) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', session });
  });

  it.each([
    ['6号不行 9号吧', '2026-03-09'],
    ['周三不行，周四吧', '2026-03-05'],
    ['不要周三 要周五', '2026-03-06'],
    ['3月5号那天不行，6号', '2026-03-06'],
    ['明天有事，后天', '2026-03-04'],
  ])('%s: the day she turns down is not the one she picks', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    ['7号 哦不对 还是8号吧', '2026-03-08'],
    ['7号哦不对还是8号吧', '2026-03-08'],
    ['周三吧 算了 改成周四', '2026-03-05'],
    ['下周三 哦不 下周四', '2026-03-12'],
    ['明天 不对不对 后天', '2026-03-04'],
    ['5号，说错了，6号', '2026-03-06'],
    ['9号 换成10号吧', '2026-03-10'],
    ['8号还是9号吧', '2026-03-09'],
    ['礼拜三 还是礼拜五吧', '2026-03-06'],
    // a booking moved from one day to another
    ['礼拜三那个号 能往后挪到礼拜五不 家里有事', '2026-03-06'],
    ['周三的推到周四', '2026-03-05'],
  ])('%s: the day she settles on after correcting herself', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    ['19号我有事 还是20号吧', '2026-03-20'],
    ['19号我有事，20号', '2026-03-20'],
    ['13号要上班 14号吧', '2026-03-14'],
    ['周三我不行 周五', '2026-03-06'],
    ['周二家里有事 周四吧', '2026-03-05'],
  ])('%s: a day she cannot come (in her words) is not the one she picks', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    ['10号要回娘家 还是9号吧', '2026-03-09'],
    ['礼拜一要走亲戚 改到5号吧', '2026-03-05'],
    ['周三得送孙子上学 周五吧', '2026-03-06'],
    ['4号屋里收晚稻 6号', '2026-03-06'],
  ])('%s: a day she gives a reason she cannot go is not the one she picks', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it('a day with a reason she cannot go, alone, names no day', () => {
    expect(readDayWords('10号要回娘家', TODAY).kind).toBe('none');
    // (going there is no reason not to: 10号要去)
    expect(readDayWords('10号要去', TODAY)).toMatchObject({ kind: 'day', day: '2026-03-10' });
  });

  it("a weekday alone after a day she picked before is the one of that day's week", () => {
    // 11 March is a Wednesday: 周四 is the 12th, not the 5th
    expect(readDayWords('还是周四吧', TODAY, '2026-03-11')).toMatchObject({ kind: 'day', day: '2026-03-12' });
    expect(readDayWords('周二', TODAY, '2026-03-11')).toMatchObject({ kind: 'day', day: '2026-03-10' });
    // (not a day already past: the next one, as without it; 下周四 is read as always)
    expect(readDayWords('周一', TODAY, '2026-03-04')).toMatchObject({ kind: 'day', day: '2026-03-09' });
    expect(readDayWords('下周四', TODAY, '2026-03-11')).toMatchObject({ kind: 'day', day: '2026-03-12' });
    expect(readDayWords('这周四', TODAY, '2026-03-11')).toMatchObject({ kind: 'day', day: '2026-03-05' });
  });

  it.each(['8号还是9号', '周三还是周四', '7号还是8号都行'])('%s asks between two days: not a correction', (text) => {
    expect(readDayWords(text, TODAY)).toEqual({ kind: 'conflict' });
  });

  it('a day turned down alone names no day', () => {
    expect(readDayWords('6号不行', TODAY).kind).toBe('none');
    expect(readDayWords('周三去不了', TODAY).kind).toBe('none');
  });

  it.each([
    ['週三', '2026-03-04'],
    ['禮拜四', '2026-03-05'],
    ['這週五', '2026-03-06'],
    ['这礼拜六', '2026-03-07'],
    ['这个礼拜三', '2026-03-04'],
    ['这个星期五', '2026-03-06'],
    ['下礼拜天', '2026-03-15'],
    ['本礼拜日', '2026-03-08'],
  ])('%s (繁体) is %s', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it('does not name a session when it names both', () => {
    expect(readDayWords('明天上午下午都行', TODAY)).toEqual({ kind: 'day', day: '2026-03-03', session: undefined });
  });

  it.each([
    ['大后天后晌 妇幼那 前晌得看孙子走不开', 'pm'],
    ['明天上午 下午没空', 'am'],
    ['明天下午去 上午要送孩子', 'pm'],
    ['后天 上午要上班 下午不上班', 'pm'],
    ['后天下午不忙 上午要下地', 'pm'],
  ])('of two sessions, %s names the one she can go (%s)', (text, session) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', session });
  });

  it.each([
    ['5', 5],
    ['5吧', 5],
    ['还是5吧', 5],
    ['五', 5],
    ['12', 12],
    ['5 上午', 5],
  ])('a number alone: %s', (text, n) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'number', n });
  });

  it.each([
    ['第5个', 5, undefined],
    ['第五个 上午', 5, 'am'],
    ['第五个咯', 5, undefined],
    ['第5天下午', 5, 'pm'],
    ['就第三个吧', 3, undefined],
    ['选第2个', 2, undefined],
    ['头一个', 1, undefined],
    ['头一天', 1, undefined],
    ['头个上晌', 1, 'am'],
    ['最后一个', 'last', undefined],
    ['最后那天 下午', 'last', 'pm'],
  ])('a place in the list: %s', (text, n, session) => {
    expect(readDayWords(text, TODAY)).toEqual({ kind: 'position', n, session });
  });

  it.each(['选5', '项城市妇幼保健院', '上午', '不知道', '头疼', '最后再说', ''])('%s names no day', (text) => {
    expect(readDayWords(text, TODAY).kind).toBe('none');
  });

  it.each(['5号或者6号', '明天或者后天', '5号周四 还是6号'])('%s names two different days', (text) => {
    expect(readDayWords(text, TODAY)).toEqual({ kind: 'conflict' });
  });

  it('agrees when the date and the weekday are the same day', () => {
    expect(readDayWords('3月5号周四', TODAY)).toMatchObject({ kind: 'day', day: '2026-03-05' });
  });

  it.each([
    // a weekday alone is the weekday of the date, in whatever week (13 March is next week's Friday)
    ['约两癌 13号那天去 礼拜五', '2026-03-13'],
    ['13号 星期五上午', '2026-03-13'],
    ['礼拜五 就是13号', '2026-03-13'],
    ['周一 16号', '2026-03-16'],
    // a weekday of a week said: that very day
    ['下周五 13号', '2026-03-13'],
    ['下下礼拜一 16号', '2026-03-16'],
    ['明天 礼拜二', '2026-03-03'],
  ])('%s: a date and its weekday are one day', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    // her birth date beside the day (a date a year or more away is no day to book)
    ['俺是1975年腊月初八哩 想约下礼拜三去妇幼', '2026-03-11'],
    ['1976年3月5号生的 明天去', '2026-03-03'],
    // her last period or due date beside it
    ['末次月经是1月20号 再约个NT 礼拜五上午', '2026-03-06'],
    ['预产期9月14日 想约周四', '2026-03-05'],
  ])('%s: a date of her birth or pregnancy is not the day she names', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it('takes a day she goes on with her child or goes out early as that day', () => {
    expect(readDayWords('周六带孩子一起去', TODAY)).toMatchObject({ kind: 'day', day: '2026-03-07' });
    expect(readDayWords('周四出门早点去', TODAY)).toMatchObject({ kind: 'day', day: '2026-03-05' });
  });

  it('does not take the day of the booking she cannot go to (明儿那个号俺去不了) for the day she asks for', () => {
    expect(readDayWords('明儿那个号俺去不了 孩子他奶奶摔住了 这礼拜六中不中 还是上午', TODAY)).toEqual({ kind: 'day', day: '2026-03-07', session: 'am' });
  });

  it('keeps the session of a date said with its weekday', () => {
    expect(readDayWords('13号 星期五上午', TODAY)).toEqual({ kind: 'day', day: '2026-03-13', session: 'am' });
  });

  it.each([
    ['3月5号周三', '2026-03-05', 3],
    ['13号 礼拜四', '2026-03-13', 4],
    // 这周五 is 6 March, not the 13th (a Friday too)
    ['这周五 13号', '2026-03-13', 5],
    ['明天 礼拜五', '2026-03-03', 5],
  ])('%s: a date and a weekday that differ are a mismatch, never one of them', (text, day, weekday) => {
    expect(readDayWords(text, TODAY)).toEqual({ kind: 'mismatch', day, weekday });
  });

  it.each([
    ['下下周一', '2026-03-16'],
    ['下下礼拜一', '2026-03-16'],
    ['下下个礼拜一', '2026-03-16'],
    ['下下个星期五', '2026-03-20'],
    ['下下周天 上午', '2026-03-22'],
  ])('%s: the weekday of the week after next', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });

  it.each([
    ['下个礼拜的星期三吧这个礼拜要去闺女家看外孙', '2026-03-11'],
    ['下周星期三', '2026-03-11'],
    ['这个星期的礼拜五', '2026-03-06'],
  ])('%s: the week named before its weekday', (text, day) => {
    expect(readDayWords(text, TODAY)).toMatchObject({ kind: 'day', day });
  });
});

describe('chooseDay', () => {
  it('chooses by the day of the month, never the option number', () => {
    expect(chooseDay('5号', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 2, session: undefined });
    expect(chooseDay('9号', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 4, session: undefined });
  });

  it('asks which when a bare number is the position of one day and the day of the month of another', () => {
    expect(chooseDay('5', SHOWN, TODAY)).toEqual({ kind: 'which', n: 5, positionIndex: 4, dayIndex: 2, session: undefined });
    expect(chooseDay('3 上午', SHOWN, TODAY)).toEqual({ kind: 'which', n: 3, positionIndex: 2, dayIndex: 0, session: 'am' });
  });

  it('takes a bare number that is only one of them as that one', () => {
    // 2号 is today, not in the list: the second option
    expect(chooseDay('2', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 1 });
    // no 9th option: the 9th
    expect(chooseDay('9', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 4 });
    expect(chooseDay('1', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 0 });
  });

  it('takes a number that is the same day both ways without asking', () => {
    const fromFirst = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(chooseDay('3', fromFirst, '2026-02-27')).toMatchObject({ kind: 'chosen', index: 2 });
  });

  it('says a day she names is not offered when it is not in the list', () => {
    expect(chooseDay('8号', SHOWN, TODAY)).toEqual({ kind: 'notOffered', day: '2026-03-08' });
    expect(chooseDay('周日', SHOWN, TODAY)).toEqual({ kind: 'notOffered', day: '2026-03-08' });
    expect(chooseDay('今天', SHOWN, TODAY)).toEqual({ kind: 'notOffered', day: '2026-03-02' });
  });

  it('says a day after the last she may choose is beyond, with that last day', () => {
    expect(chooseDay('25', SHOWN, TODAY)).toEqual({ kind: 'beyond', day: '2026-03-25', last: '2026-03-11' });
    expect(chooseDay('下下周五', SHOWN, TODAY)).toEqual({ kind: 'beyond', day: '2026-03-20', last: '2026-03-11' });
  });

  // the week listed, and the days she may book after it (not shown)
  const ALL = [...SHOWN, '2026-03-12', '2026-03-13', '2026-03-16'];

  it('chooses a day after those listed when she names it', () => {
    expect(chooseDay('约两癌 13号那天去 礼拜五', ALL, TODAY, 7)).toEqual({ kind: 'chosen', index: 8, session: undefined });
    expect(chooseDay('下下周一 上午', ALL, TODAY, 7)).toEqual({ kind: 'chosen', index: 9, session: 'am' });
    expect(chooseDay('12', ALL, TODAY, 7)).toEqual({ kind: 'chosen', index: 7, session: undefined });
    expect(chooseDay('15号', ALL, TODAY, 7)).toEqual({ kind: 'notOffered', day: '2026-03-15' });
    expect(chooseDay('17号', ALL, TODAY, 7)).toEqual({ kind: 'beyond', day: '2026-03-17', last: '2026-03-16' });
  });

  it('counts places and numbers as places only in the days listed', () => {
    expect(chooseDay('第9个', ALL, TODAY, 7)).toEqual({ kind: 'none' });
    expect(chooseDay('最后一个', ALL, TODAY, 7)).toEqual({ kind: 'chosen', index: 6, session: undefined });
    expect(chooseDay('8', ALL, TODAY, 7)).toEqual({ kind: 'notOffered', day: '2026-03-08' });
    // 1 shown, 1号 (1 April) not listed: the first day listed, not asked about
    const late = ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-30', '2026-03-31', '2026-04-01'];
    expect(chooseDay('1', late, '2026-03-18', 7)).toEqual({ kind: 'chosen', index: 0, session: undefined });
    expect(chooseDay('1号', late, '2026-03-18', 7)).toEqual({ kind: 'chosen', index: 8, session: undefined });
  });

  it('asks about a date and a weekday that differ', () => {
    expect(chooseDay('13号 礼拜四', ALL, TODAY, 7)).toEqual({ kind: 'mismatch', day: '2026-03-13', weekday: 4 });
  });

  it('weekdays and days counted from today', () => {
    expect(chooseDay('周三', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 1 });
    expect(chooseDay('下周三', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 6 });
    expect(chooseDay('星期三上午', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 1, session: 'am' });
    expect(chooseDay('大后天', SHOWN, TODAY)).toMatchObject({ kind: 'chosen', index: 2 });
  });

  it('takes a place said as one as that place, with its session', () => {
    expect(chooseDay('第5个', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 4, session: undefined });
    expect(chooseDay('第五个 上午', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 4, session: 'am' });
    expect(chooseDay('头一个', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 0, session: undefined });
    expect(chooseDay('最后一个', SHOWN, TODAY)).toEqual({ kind: 'chosen', index: 6, session: undefined });
    expect(chooseDay('第9个', SHOWN, TODAY)).toEqual({ kind: 'none' });
  });

  it('leaves anything else to the ordinary choice', () => {
    expect(chooseDay('40', SHOWN, TODAY)).toEqual({ kind: 'none' });
    expect(chooseDay('5号或6号', SHOWN, TODAY)).toEqual({ kind: 'conflict' });
  });
});

describe('pastWeekdayDay', () => {
  it('reads a weekday of the past, not the days of how far along she was', () => {
    expect(pastWeekdayDay('上个礼拜四生的', TODAY)).toBe('2026-02-26');
    expect(pastWeekdayDay('生了 37周3天剖的', TODAY)).toBeUndefined();
  });
});
