// The days her reminders will come on (pure), read forwards from a day: exactly the days the
// planner's inverse lookup (dueDatesWithAlertsOn, birthDatesWithAlertsOn) puts her alerts on.
// Windows and alerts are the Henan profile's (profiles/henan.yaml on profiles/national.yaml).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../../src/domain/calendarDay.js';
import { birthDatesWithAlertsOn } from '../../../src/domain/reminders/newbornAlerts.js';
import { dueDatesWithAlertsOn } from '../../../src/domain/reminders/prenatalAlerts.js';
import { upcomingNewbornAlerts, upcomingPrenatalAlerts } from '../../../src/domain/reminders/upcomingAlerts.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';
import { buildReminderConfig, prenatalAlertScreenings } from '../../../src/services/reminders/reminderConfig.js';

const profiles = loadProfiles(path.resolve('profiles'));
const henan = prenatalAlertScreenings(profiles.get('henan')!);
const newborn = buildReminderConfig(profiles.get('henan')!, () => '').newborn;
const DUE = '2026-10-20'; // → LMP 2026-01-13; 8w6d on 2026-03-16
const ids = (list: { alerts: { screening: { id: string }; alert: { id: string } }[] }) => list.alerts.map((a) => `${a.screening.id}.${a.alert.id}`);

describe('upcomingPrenatalAlerts', () => {
  const all = new Set(henan.map((s) => s.id));

  it('gives her next alert days, soonest first, from the day on', () => {
    const days = upcomingPrenatalAlerts(henan, DUE, new Set(['first-visit', 'nt', 'nipt']), '2026-03-16');
    expect(days.slice(0, 4).map((d) => [d.day, ids(d)])).toEqual([
      ['2026-03-28', ['nt.soon']], // NT opens 11w0d = 3月31日, 3 days before
      ['2026-03-31', ['nt.open']],
      ['2026-04-04', ['nipt.soon']],
      ['2026-04-07', ['nipt.open']],
    ]);
    // the first visit's window opened before: only its closing alert (13w6d − 7 days) is ahead
    expect(days.find((d) => ids(d).includes('first-visit.closing'))?.day).toBe('2026-04-13');
    expect(days.flatMap(ids)).not.toContain('first-visit.open');
  });

  it('includes the day itself and groups the alerts of one day as one message', () => {
    const days = upcomingPrenatalAlerts(henan, DUE, new Set(['nt', 'first-visit']), '2026-04-13');
    expect(days[0]).toMatchObject({ day: '2026-04-13' });
    expect(ids(days[0])).toEqual(['first-visit.closing', 'nt.closing']);
  });

  it('leaves out the screenings not pending (done, booked, missed, not offered)', () => {
    const days = upcomingPrenatalAlerts(henan, DUE, new Set(['serum-mid']), '2026-03-16');
    expect(days.flatMap(ids).every((k) => k.startsWith('serum-mid.'))).toBe(true);
    expect(upcomingPrenatalAlerts(henan, DUE, new Set(), '2026-03-16')).toEqual([]);
  });

  it('names the same days as the planner finds her due date on', () => {
    const from = '2026-03-16';
    const ahead = upcomingPrenatalAlerts(henan, DUE, all, from);
    const planned = eachDay(from, addDays(from, 200)).filter((day) => dueDatesWithAlertsOn(henan, day).has(DUE));
    expect(ahead.map((d) => d.day)).toEqual(planned);
  });
});

describe('upcomingNewbornAlerts', () => {
  it('gives her baby’s next alert days for the screens still needed', () => {
    const birth = '2026-05-01';
    const days = upcomingNewbornAlerts(newborn, birth, new Set(['heel-blood', 'hearing-rescreen']), '2026-05-02');
    expect(days.map((d) => [d.day, d.alerts.map((a) => `${a.screen.id}.${a.alert.id}`)])).toEqual([
      ['2026-05-04', ['heel-blood.open']],
      ['2026-05-07', ['heel-blood.last']],
      ['2026-05-31', ['hearing-rescreen.open']],
      ['2026-06-09', ['hearing-rescreen.last']],
    ]);
    for (const d of days) expect(birthDatesWithAlertsOn(newborn, d.day).has(birth)).toBe(true);
    expect(upcomingNewbornAlerts(newborn, birth, new Set(['hearing-rescreen']), '2026-05-02').map((d) => d.day)).toEqual(['2026-05-31', '2026-06-09']);
  });
});
