// Newborn-screening alerts (pure): days after the birth (the birth day is day 0), the inverse lookup
// by day, and which screens are still needed. Screens and days are the profile's (national.yaml).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../../src/domain/calendarDay.js';
import {
  birthDatesWithAlertsOn,
  newbornAlertsOn,
  newbornScreenNeeded,
  type NewbornDueAlert,
  type NewbornScreen,
} from '../../../src/domain/reminders/newbornAlerts.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';

const screens: NewbornScreen[] = loadProfiles(path.resolve('profiles')).get('henan')!.reminders.newborn;
const keys = (alerts: readonly NewbornDueAlert[]) => alerts.map((a) => `${a.screen.id}.${a.alert.id}`).sort();
const heel = screens.find((s) => s.id === 'heel-blood')!;
const hearing = screens.find((s) => s.id === 'hearing-rescreen')!;

describe('newborn alerts of a baby born 2026-05-01', () => {
  const BIRTH = '2026-05-01';

  it('heel blood on days 3 and 6, hearing re-screen on days 30 and 39, nothing else', () => {
    const got: Record<string, string[]> = {};
    for (const day of eachDay(addDays(BIRTH, -5), addDays(BIRTH, 120))) {
      const a = newbornAlertsOn(screens, BIRTH, day);
      if (a.length > 0) got[day] = keys(a);
    }
    expect(got).toEqual({
      '2026-05-04': ['heel-blood.open'],
      '2026-05-07': ['heel-blood.last'],
      '2026-05-31': ['hearing-rescreen.open'],
      '2026-06-09': ['hearing-rescreen.last'],
    });
  });

  it('finds the birth dates with an alert on a day, the exact inverse of newbornAlertsOn', () => {
    const m = birthDatesWithAlertsOn(screens, '2026-05-31');
    expect(Object.fromEntries([...m].map(([d, a]) => [d, keys(a)]))).toEqual({
      '2026-05-28': ['heel-blood.open'],
      '2026-05-25': ['heel-blood.last'],
      '2026-05-01': ['hearing-rescreen.open'],
      '2026-04-22': ['hearing-rescreen.last'],
    });
    const wrong: string[] = [];
    for (const day of eachDay('2026-01-01', '2026-12-31')) {
      const byBirth = birthDatesWithAlertsOn(screens, day);
      for (const birth of eachDay('2025-11-01', '2026-12-31')) {
        if (keys(byBirth.get(birth) ?? []).join() !== keys(newbornAlertsOn(screens, birth, day)).join()) wrong.push(`${birth} on ${day}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('newbornScreenNeeded', () => {
  it('heel blood: needed unless she said it was done', () => {
    expect(newbornScreenNeeded(heel, { heelBloodDone: null, hearingFirst: null })).toBe(true);
    expect(newbornScreenNeeded(heel, { heelBloodDone: false, hearingFirst: 'passed' })).toBe(true);
    expect(newbornScreenNeeded(heel, { heelBloodDone: true, hearingFirst: null })).toBe(false);
  });

  it('hearing re-screen: needed unless the first screen was passed', () => {
    expect(newbornScreenNeeded(hearing, { heelBloodDone: true, hearingFirst: 'failed' })).toBe(true);
    expect(newbornScreenNeeded(hearing, { heelBloodDone: true, hearingFirst: 'notDone' })).toBe(true);
    expect(newbornScreenNeeded(hearing, { heelBloodDone: true, hearingFirst: null })).toBe(true);
    expect(newbornScreenNeeded(hearing, { heelBloodDone: false, hearingFirst: 'passed' })).toBe(false);
  });
});
