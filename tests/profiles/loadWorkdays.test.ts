// The holiday and 调休 calendar file: the shipped 2026 schedule, and a bad file refused naming the
// file, the path inside it and the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eachDay } from '../../src/domain/calendarDay.js';
import { loadWorkdays, WORKDAYS_FILE } from '../../src/profiles/loadWorkdays.js';

const SHIPPED = path.resolve('profiles', WORKDAYS_FILE);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workdays-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Loads `yaml` as the calendar file; the error message when it is refused. */
function load(yaml: string) {
  const file = path.join(tmp, 'workdays.yaml');
  fs.writeFileSync(file, yaml);
  try {
    return loadWorkdays(file);
  } catch (err) {
    return (err as Error).message.replace(file, 'FILE').replace(path.relative(process.cwd(), file), 'FILE');
  }
}
const year = (holidays: string) => `years:\n  2026:\n    source: test\n    holidays:\n${holidays}`;

describe('the calendar file', () => {
  it('ships the 2026 notice: every day off and every 调休 working day, nothing else', () => {
    const y = loadWorkdays(SHIPPED).years.get(2026)!;
    expect([...y.holidays].sort()).toEqual([
      ...eachDay('2026-01-01', '2026-01-03'), // 元旦
      ...eachDay('2026-02-15', '2026-02-23'), // 春节
      ...eachDay('2026-04-04', '2026-04-06'), // 清明节
      ...eachDay('2026-05-01', '2026-05-05'), // 劳动节
      ...eachDay('2026-06-19', '2026-06-21'), // 端午节
      ...eachDay('2026-09-25', '2026-09-27'), // 中秋节
      ...eachDay('2026-10-01', '2026-10-07'), // 国庆节
    ]);
    expect([...y.workdays].sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('no file: no year is known (each counts Monday to Friday)', () => {
    expect(loadWorkdays(path.join(tmp, 'none.yaml')).years.size).toBe(0);
  });

  it('refuses a day that is not one, naming the path', () => {
    expect(load(year(`      - { name: 春节, off: { from: 2026-02-15, to: 2026-02-30 } }\n`))).toBe(
      'FILE: years.2026.holidays[0].off.to: must be a real day written YYYY-MM-DD',
    );
    expect(load(year(`      - { name: 春节, off: { from: 2026-02-15, to: 2026-02-23 }, workdays: [14 Feb] }\n`))).toBe(
      'FILE: years.2026.holidays[0].workdays[0]: must be a real day written YYYY-MM-DD',
    );
  });

  it('refuses a day both off and worked, a weekday made a working day, a day of another year', () => {
    expect(load(year(`      - { name: 春节, off: { from: 2026-02-15, to: 2026-02-23 }, workdays: [2026-02-22] }\n`))).toBe(
      'FILE: years.2026.holidays[0].workdays[0]: 2026-02-22 is both a day off (春节) and a working day',
    );
    expect(load(year(`      - { name: 春节, off: { from: 2026-02-15, to: 2026-02-23 }, workdays: [2026-02-27] }\n`))).toBe(
      'FILE: years.2026.holidays[0].workdays[0]: 2026-02-27 is a weekday: only a Saturday or Sunday is made a working day',
    );
    expect(load(year(`      - { name: 元旦, off: { from: 2027-01-01, to: 2027-01-01 } }\n`))).toBe(
      'FILE: years.2026.holidays[0].off.from: 2027-01-01 is not in 2026',
    );
    expect(load(year(`      - { name: 元旦, off: { from: 2026-01-01, to: 2026-01-03 }, workdays: [2025-12-28] }\n`))).toBe(
      'FILE: years.2026.holidays[0].workdays[0]: 2025-12-28 is not in 2026',
    );
  });

  it('refuses a holiday whose days are not as many as the notice says, and two holidays on one day', () => {
    expect(load(year(`      - { name: 国庆节, off: { from: 2026-10-01, to: 2026-10-07 }, days: 8 }\n`))).toBe(
      'FILE: years.2026.holidays[0].days: 2026-10-01 to 2026-10-07 is 7 days, not 8',
    );
    expect(
      load(year(`      - { name: 中秋节, off: { from: 2026-09-25, to: 2026-10-01 } }\n      - { name: 国庆节, off: { from: 2026-10-01, to: 2026-10-07 } }\n`)),
    ).toBe('FILE: years.2026.holidays[1].off: 2026-10-01 is already a day off of 中秋节');
  });

  it('refuses a year that is not one, an unknown key, and YAML that is not', () => {
    expect(load(`years:\n  26:\n    source: x\n    holidays: []\n`)).toBe('FILE: years.26: must be a year like 2026');
    expect(load(year(`      - { name: 春节, of: { from: 2026-02-15, to: 2026-02-23 } }\n`))).toBe('FILE: years.2026.holidays[0].off: Required');
    expect(load(year(`      - { name: 春节, off: { from: 2026-02-15, to: 2026-02-23 }, day: 9 }\n`))).toMatch(
      /^FILE: years\.2026\.holidays\[0\]: Unrecognized key\(s\) in object: 'day'/,
    );
    expect(load('years: [\n')).toMatch(/^FILE: line \d+, column \d+: not valid YAML/);
  });
});
