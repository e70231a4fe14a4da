// Expanding weekly rules over a date range, checking rule lists, and the county file's capacity.
import { describe, expect, it } from 'vitest';
import { expandRules, ruleCapacity, ruleProblems, rulesFromCounty, type WeeklyRule } from '../../../src/domain/capacity/rules.js';

const weekdaysAm = (capacity: number): WeeklyRule[] => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, session: 'am', capacity }));

describe('expandRules', () => {
  const cases: { name: string; rules: WeeklyRule[]; from: string; to: string; expected: string[] }[] = [
    {
      name: 'weekday mornings over one week',
      rules: weekdaysAm(40),
      from: '2026-03-02',
      to: '2026-03-08',
      expected: ['2026-03-02 am 40', '2026-03-03 am 40', '2026-03-04 am 40', '2026-03-05 am 40', '2026-03-06 am 40'],
    },
    {
      name: 'a Sunday rule (weekday 7) opens Sundays only',
      rules: [{ weekday: 7, session: 'pm', capacity: 5 }],
      from: '2026-03-01',
      to: '2026-03-15',
      expected: ['2026-03-01 pm 5', '2026-03-08 pm 5', '2026-03-15 pm 5'],
    },
    {
      name: 'both sessions, morning first',
      rules: [
        { weekday: 3, session: 'pm', capacity: 20 },
        { weekday: 3, session: 'am', capacity: 40 },
      ],
      from: '2026-03-02',
      to: '2026-03-08',
      expected: ['2026-03-04 am 40', '2026-03-04 pm 20'],
    },
    {
      name: 'across the year boundary (Wed 31 Dec, Thu 1 Jan)',
      rules: [
        { weekday: 3, session: 'am', capacity: 10 },
        { weekday: 4, session: 'am', capacity: 11 },
      ],
      from: '2025-12-29',
      to: '2026-01-04',
      expected: ['2025-12-31 am 10', '2026-01-01 am 11'],
    },
    {
      name: 'a rule with 0 seats opens nothing',
      rules: [
        { weekday: 1, session: 'am', capacity: 0 },
        { weekday: 1, session: 'pm', capacity: 3 },
      ],
      from: '2026-03-02',
      to: '2026-03-02',
      expected: ['2026-03-02 pm 3'],
    },
    { name: 'no rules, no slots', rules: [], from: '2026-03-02', to: '2026-03-31', expected: [] },
    { name: 'a reversed range is empty', rules: weekdaysAm(1), from: '2026-03-03', to: '2026-03-02', expected: [] },
  ];
  it.each(cases)('$name', ({ rules, from, to, expected }) => {
    expect(expandRules(rules, from, to).map((s) => `${s.day} ${s.session} ${s.capacity}`)).toEqual(expected);
  });

  it('gives each slot its weekday', () => {
    expect(expandRules([{ weekday: 7, session: 'am', capacity: 1 }], '2026-03-08', '2026-03-08')).toEqual([
      { day: '2026-03-08', weekday: 7, session: 'am', capacity: 1 },
    ]);
  });
});

describe('ruleCapacity', () => {
  it.each([
    ['2026-03-02', 'am', 40],
    ['2026-03-02', 'pm', 0],
    ['2026-03-08', 'am', 0],
  ] as const)('%s %s → %i', (day, session, seats) => {
    expect(ruleCapacity(weekdaysAm(40), day, session)).toBe(seats);
  });
});

describe('ruleProblems', () => {
  it.each([
    { name: 'a good list', rules: weekdaysAm(3), expected: [] },
    { name: 'weekday 0', rules: [{ weekday: 0, session: 'am', capacity: 1 }], expected: ['0 weekday'] },
    { name: 'weekday 8', rules: [{ weekday: 8, session: 'am', capacity: 1 }], expected: ['0 weekday'] },
    { name: 'negative seats', rules: [{ weekday: 1, session: 'am', capacity: -1 }], expected: ['0 capacity'] },
    { name: 'fractional seats', rules: [{ weekday: 1, session: 'am', capacity: 1.5 }], expected: ['0 capacity'] },
    { name: 'a bad session', rules: [{ weekday: 1, session: 'noon', capacity: 1 }], expected: ['0 session'] },
    {
      name: 'the same weekday × session twice',
      rules: [
        { weekday: 1, session: 'am', capacity: 1 },
        { weekday: 1, session: 'am', capacity: 2 },
      ],
      expected: ['1 session'],
    },
  ])('$name', ({ rules, expected }) => {
    expect(ruleProblems(rules as WeeklyRule[]).map((p) => `${p.index} ${p.field}`)).toEqual(expected);
  });
});

describe('rulesFromCounty', () => {
  it('expands weekdays per service, sorted; a repeated entry wins over the earlier one', () => {
    const rules = rulesFromCounty([
      { service: 'cervical', weekdays: [1, 3], session: 'pm', seats: 20 },
      { service: 'cervical', weekdays: [3, 1], session: 'am', seats: 40 },
      { service: 'nt', weekdays: [7], session: 'am', seats: 5 },
      { service: 'cervical', weekdays: [3], session: 'pm', seats: 25 },
    ]);
    expect([...rules.keys()]).toEqual(['cervical', 'nt']);
    expect(rules.get('cervical')).toEqual([
      { weekday: 1, session: 'am', capacity: 40 },
      { weekday: 1, session: 'pm', capacity: 20 },
      { weekday: 3, session: 'am', capacity: 40 },
      { weekday: 3, session: 'pm', capacity: 25 },
    ]);
    expect(rules.get('nt')).toEqual([{ weekday: 7, session: 'am', capacity: 5 }]);
  });
});
