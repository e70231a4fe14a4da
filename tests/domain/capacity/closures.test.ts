// Closures: a whole day ('all') closes both sessions, one session closes only itself.
import { describe, expect, it } from 'vitest';
import { applyClosures, closedSessions, isClosed, type ClosureLike } from '../../../src/domain/capacity/closures.js';
import { expandRules } from '../../../src/domain/capacity/rules.js';

describe('isClosed', () => {
  const closures: ClosureLike[] = [
    { day: '2026-03-04', session: 'all' },
    { day: '2026-03-05', session: 'am' },
    { day: '2026-03-06', session: 'pm' },
    { day: '2026-01-01', session: 'all' },
  ];
  it.each([
    ['2026-03-04', 'am', true],
    ['2026-03-04', 'pm', true],
    ['2026-03-05', 'am', true],
    ['2026-03-05', 'pm', false],
    ['2026-03-06', 'am', false],
    ['2026-03-06', 'pm', true],
    ['2026-03-07', 'am', false],
    ['2026-01-01', 'am', true],
    ['2025-12-31', 'am', false],
  ] as const)('%s %s closed: %s', (day, session, closed) => {
    expect(isClosed(closures, day, session)).toBe(closed);
  });

  it('no closures, nothing closed', () => {
    expect(isClosed([], '2026-03-04', 'am')).toBe(false);
  });
});

describe('closedSessions', () => {
  it.each([
    ['all', ['am', 'pm']],
    ['am', ['am']],
    ['pm', ['pm']],
  ] as const)('%s → %j', (session, expected) => {
    expect(closedSessions(session)).toEqual(expected);
  });
});

describe('applyClosures', () => {
  it('marks the planned slots a closure covers, whole day vs one session', () => {
    const planned = expandRules(
      [3, 4].flatMap((weekday) => [
        { weekday, session: 'am' as const, capacity: 10 },
        { weekday, session: 'pm' as const, capacity: 5 },
      ]),
      '2026-03-02',
      '2026-03-08',
    );
    const marked = applyClosures(planned, [
      { day: '2026-03-04', session: 'all' },
      { day: '2026-03-05', session: 'pm' },
    ]);
    expect(marked.map((s) => `${s.day} ${s.session} ${s.closed ? 'closed' : 'open'}`)).toEqual([
      '2026-03-04 am closed',
      '2026-03-04 pm closed',
      '2026-03-05 am open',
      '2026-03-05 pm closed',
    ]);
  });
});
