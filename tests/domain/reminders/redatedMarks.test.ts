// Missed marks after a new due date (pure), with the Henan profile's windows: NT 11w0d–13w6d, the
// fallback scan 16w0d–19w6d only after a missed NT, the first visit 6w0d–13w6d.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redatedMarks, type RedatingInput } from '../../../src/domain/reminders/redatedMarks.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';
import { prenatalAlertScreenings } from '../../../src/services/reminders/reminderConfig.js';

const henan = prenatalAlertScreenings(loadProfiles(path.resolve('profiles')).get('henan')!);
const TODAY = '2026-04-20';
// due 2026-09-28: LMP 2025-12-22, NT closed 2026-03-29, today 17w0d (fallback scan open)
const base: RedatingInput = {
  screenings: henan,
  dueDate: '2026-09-28',
  today: TODAY,
  registeredOn: '2026-03-01',
  marks: new Map(),
  booked: new Set(),
  facts: { ageOnDueDate: 30, twins: false, referred: false },
};
const marks = (o: Record<string, string>) => new Map(Object.entries(o));

describe('redatedMarks', () => {
  const cases: [string, Partial<RedatingInput>, { drop: string[]; add: [string, string][] }][] = [
    [
      'a few days later, NT still closed: its mark and the fallback scan stay',
      { dueDate: '2026-10-01', marks: marks({ 'first-visit': 'missed', nt: 'missed' }) },
      { drop: [], add: [] },
    ],
    [
      'five weeks later (she is 12 weeks by the ultrasound): NT is open again, its mark goes',
      { dueDate: '2026-11-02', marks: marks({ 'first-visit': 'missed', nt: 'missed' }) },
      { drop: ['first-visit', 'nt'], add: [] },
    ],
    [
      'earlier: NT, open under the old dating, closed already: marked, with the day it closed',
      { dueDate: '2026-09-28', registeredOn: '2026-03-20', marks: marks({}) },
      {
        drop: [],
        add: [
          ['first-visit', '2026-03-29'],
          ['nt', '2026-03-29'],
        ],
      },
    ],
    [
      'a booked or done NT is never marked missed (and so no fallback scan)',
      { booked: new Set(['nt']), marks: marks({ 'first-visit': 'done' }) },
      { drop: [], add: [] },
    ],
    ['a window that closed before she registered was never hers to miss', { registeredOn: '2026-04-01' }, { drop: [], add: [] }],
  ];
  it.each(cases)('%s', (_name, over, want) => {
    const r = redatedMarks({ ...base, ...over });
    expect(r).toEqual({ drop: want.drop, add: want.add.map(([screeningId, closedOn]) => ({ screeningId, closedOn })) });
  });
});
