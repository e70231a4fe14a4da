// A lunar date without a year (农历三月初五, 阴历腊月十二): resolved when only one reading is plausible
// (a last period a pregnancy going on today can have begun with, a due date it can have), asked about
// only when both are. Checked against every lunar year the date can fall in, over a whole year of days.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendarDay.js';
import { lunarToSolar } from '../../../src/domain/parse/lunarDay.js';
import { bareDateReadings, parseGestation } from '../../../src/domain/pregnancy/parseGestation.js';
import { plausibleDueDate } from '../../../src/domain/pregnancy/plausibleDueDate.js';

const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const DAYS: [string, number][] = [
  ['初五', 5],
  ['十五', 15],
  ['廿三', 23],
];

/** The Gregorian days a yearless lunar date can be, around today. */
function candidates(month: number, day: number, today: string): string[] {
  const y = Number(today.slice(0, 4));
  return [y - 2, y - 1, y, y + 1].flatMap((year) => lunarToSolar({ year, month, day, leap: false }) ?? []);
}

/** Lets the test worker's event loop turn (a long synchronous test keeps it from answering the runner). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a yearless lunar date, every 5th day of a year', () => {
  // (about 10 s of reading on an idle 2-core machine, 35 s on a busy one)
  it('is read the one plausible way, or asked about when both are', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (let i = 0; i < 366; i += 5) {
      await breathe();
      const today = addDays('2025-11-01', i);
      MONTHS.forEach((name, m) => {
        for (const [dayName, day] of DAYS) {
          const days = candidates(m + 1, day, today);
          const lmp = days.filter((d) => d <= today && plausibleDueDate(addDays(d, 280), today)).map((d) => addDays(d, 280));
          const due = days.filter((d) => d >= today && plausibleDueDate(d, today));
          const said = `${name}月${dayName}`;
          const check = (text: string, want: string) => {
            const r = parseGestation(text, today);
            const got = r.ok ? r.value.dueDate : r.error === 'ambiguous' ? 'ask' : 'refused';
            if (got !== want) wrong.push(`${today} ${text}: ${got}, not ${want}`);
          };
          check(`末次月经农历${said}`, lmp.length === 1 ? lmp[0] : 'refused');
          check(`预产期农历${said}`, due.length === 1 ? due[0] : 'refused');
          check(`农历${said}`, lmp.length + due.length === 2 ? 'ask' : (lmp[0] ?? due[0] ?? 'refused'));
        }
      });
    }
    expect(wrong).toEqual([]);
  });
});

describe('bareDateReadings', () => {
  it('gives both readings of a date that reads both ways', () => {
    expect(bareDateReadings('农历三月初五', '2026-09-20')).toEqual({ lastPeriod: { date: '2026-04-21', dueDate: '2027-01-26' }, dueDate: '2027-04-11' });
  });
  it('gives the one plausible reading', () => {
    expect(bareDateReadings('阴历腊月十二', '2026-03-02')).toEqual({ lastPeriod: { date: '2026-01-30', dueDate: '2026-11-06' } });
    expect(bareDateReadings('农历九月初九', '2026-09-20')).toEqual({ dueDate: '2026-10-18' });
  });
  it.each(['末次月经农历三月初五', '预产期农历三月初五', '2026年农历三月初五', '孕12周', '上个月5号'])('%s says which: none', (text) => {
    expect(bareDateReadings(text, '2026-09-20')).toBeUndefined();
  });
});
