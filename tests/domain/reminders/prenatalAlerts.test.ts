// Prenatal window alerts (pure): which alerts fall on which calendar day for a due date, the inverse
// lookup the planner uses (the due dates with an alert on a day), and whom a screening is offered to.
// Windows and alerts are the Henan profile's (profiles/henan.yaml on profiles/national.yaml).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../../src/domain/calendarDay.js';
import {
  alertGestationDay,
  alertSetKey,
  closedPrerequisite,
  alertsOn,
  dueDateWithWindowClosedBefore,
  dueDatesWithAlertsOn,
  screeningApplies,
  toAlertScreening,
  windowOf,
  type AlertScreening,
  type DueAlert,
  type PregnancyFacts,
} from '../../../src/domain/reminders/prenatalAlerts.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';
import { prenatalAlertScreenings } from '../../../src/services/reminders/reminderConfig.js';

const profiles = loadProfiles(path.resolve('profiles'));
const henan = prenatalAlertScreenings(profiles.get('henan')!);
const national = prenatalAlertScreenings(profiles.get('national')!);
const byId = (list: AlertScreening[], id: string) => list.find((s) => s.id === id)!;
const keys = (alerts: readonly DueAlert[]) => alerts.map((a) => `${a.screening.id}.${a.alert.id}`).sort();

const DUE = '2026-09-28'; // → LMP 2025-12-22

describe('windows of a pregnancy due 2026-09-28 (LMP 2025-12-22)', () => {
  it('gives the calendar days of each window, both ends included', () => {
    expect(addDays(DUE, -280)).toBe('2025-12-22');
    const w = (id: string) => windowOf(byId(henan, id), DUE);
    expect(w('first-visit')).toEqual({ from: '2026-02-02', to: '2026-03-29' }); // 6w0d–13w6d
    expect(w('nt')).toEqual({ from: '2026-03-09', to: '2026-03-29' }); // 11w0d–13w6d
    expect(w('nipt')).toEqual({ from: '2026-03-16', to: '2026-05-31' }); // 12w0d–22w6d
    expect(w('serum-mid')).toEqual({ from: '2026-04-06', to: '2026-05-17' }); // 15w0d–20w6d
    expect(w('fallback-us')).toEqual({ from: '2026-04-13', to: '2026-05-10' }); // 16w0d–19w6d
    expect(w('prenatal-diagnosis')).toEqual({ from: '2026-04-13', to: '2026-05-31' }); // 16w0d–22w6d
    expect(w('anomaly-us')).toEqual({ from: '2026-05-11', to: '2026-06-14' }); // 20w0d–24w6d
    expect(w('ogtt')).toEqual({ from: '2026-06-08', to: '2026-07-12' }); // 24w0d–28w6d
  });

  it('puts each alert on its day: 3 days before a window opens, the day it opens, 7 days before it closes', () => {
    const nt = byId(henan, 'nt');
    expect(nt.alerts.map((a) => [a.id, alertGestationDay(nt, a)])).toEqual([
      ['soon', 74],
      ['open', 77],
      ['closing', 90],
    ]);
    // prenatal diagnosis is arranged by her doctor: its own alerts, no "soon"
    const diagnosis = byId(henan, 'prenatal-diagnosis');
    expect(diagnosis.alerts.map((a) => [a.id, alertGestationDay(diagnosis, a), a.text])).toEqual([
      ['open', 112, 'alert_diagnosis_open'],
      ['closing', 153, 'alert_diagnosis_closing'],
    ]);
    // every day from 20 days before the LMP to the due date, and what falls on it
    const got: Record<string, string[]> = {};
    for (const day of eachDay('2025-12-02', DUE)) {
      const alerts = alertsOn(henan, DUE, day);
      if (alerts.length > 0) got[day] = keys(alerts);
    }
    expect(got).toEqual({
      '2026-02-02': ['first-visit.open'],
      '2026-03-06': ['nt.soon'],
      '2026-03-09': ['nt.open'],
      '2026-03-13': ['nipt.soon'],
      '2026-03-16': ['nipt.open'],
      // NT and the dating visit close the same day: one message lists both
      '2026-03-22': ['first-visit.closing', 'nt.closing'],
      '2026-04-03': ['serum-mid.soon'],
      '2026-04-06': ['serum-mid.open'],
      '2026-04-10': ['fallback-us.soon'],
      '2026-04-13': ['fallback-us.open', 'prenatal-diagnosis.open'],
      '2026-05-03': ['fallback-us.closing'],
      '2026-05-08': ['anomaly-us.soon'],
      '2026-05-10': ['serum-mid.closing'],
      '2026-05-11': ['anomaly-us.open'],
      '2026-05-24': ['nipt.closing', 'prenatal-diagnosis.closing'],
      '2026-06-05': ['ogtt.soon'],
      '2026-06-07': ['anomaly-us.closing'],
      '2026-06-08': ['ogtt.open'],
      '2026-07-05': ['ogtt.closing'],
    });
  });

  it('groups NT and the early serum screen (national profile) on the same days', () => {
    expect(keys(alertsOn(national, DUE, '2026-03-09'))).toEqual(['nt.open', 'serum-early.open']);
    expect(keys(alertsOn(national, DUE, '2026-03-22'))).toEqual(['first-visit.closing', 'nt.closing', 'serum-early.closing']);
  });
});

describe('dueDatesWithAlertsOn', () => {
  it('finds the due dates with an alert on a day', () => {
    const m = dueDatesWithAlertsOn(henan, '2026-03-22');
    expect(keys(m.get(DUE)!)).toEqual(['first-visit.closing', 'nt.closing']);
    // NT opens on 2026-03-22 for a pregnancy 13 days younger
    expect(keys(m.get(addDays(DUE, 13))!)).toEqual(['nt.open']);
    // 22 alerts (6 screenings × 3; the first visit and prenatal diagnosis have their own 2) on 19
    // distinct due dates (three pairs share a gestational day)
    expect([...m.values()].reduce((n, l) => n + l.length, 0)).toBe(22);
    expect(m.size).toBe(19);
  });

  it('is the exact inverse of alertsOn over a year of days and due dates', () => {
    const days = eachDay('2026-01-01', '2026-12-31');
    const dueDates = eachDay('2026-01-01', '2027-10-31');
    const inRange = new Set(dueDates);
    let pairs = 0;
    const wrong: string[] = [];
    for (const day of days) {
      const m = dueDatesWithAlertsOn(henan, day);
      for (const due of dueDates) {
        const direct = keys(alertsOn(henan, due, day)).join();
        if (keys(m.get(due) ?? []).join() !== direct) wrong.push(`${due} on ${day}`);
        if (direct) pairs++;
      }
      // every due date it names was compared above
      for (const due of m.keys()) if (!inRange.has(due)) wrong.push(`${due} out of range on ${day}`);
    }
    expect(wrong).toEqual([]);
    // each of the 19 distinct gestational days once per calendar day
    expect(pairs).toBe(days.length * 19);
  });
});

describe('dueDateWithWindowClosedBefore', () => {
  it('finds the due date whose window closed the day before', () => {
    const nt = byId(henan, 'nt');
    expect(dueDateWithWindowClosedBefore(nt, '2026-03-30')).toBe(DUE);
    expect(windowOf(nt, dueDateWithWindowClosedBefore(nt, '2026-03-30')).to).toBe('2026-03-29');
    for (const day of eachDay('2026-01-01', '2026-03-31')) {
      for (const s of henan) expect(windowOf(s, dueDateWithWindowClosedBefore(s, day)).to).toBe(addDays(day, -1));
    }
  });
});

describe('screeningApplies', () => {
  const facts = (p: Partial<PregnancyFacts> = {}): PregnancyFacts => ({ ageOnDueDate: 30, twins: false, referred: false, missed: new Set(), ...p });
  const serumMid = byId(henan, 'serum-mid');
  const diagnosis = byId(henan, 'prenatal-diagnosis');
  const fallback = byId(henan, 'fallback-us');
  const nt = byId(henan, 'nt');

  it('offers unconditional screenings to everyone', () => {
    for (const p of [facts(), facts({ twins: true, ageOnDueDate: 44 }), facts({ ageOnDueDate: null })]) expect(screeningApplies(nt, p)).toBe(true);
  });

  it('Henan serum-mid: a single pregnancy, age on the due date at most 34', () => {
    expect(serumMid.maxAgeOnDueDate).toBe(34);
    expect(serumMid.singleOnly).toBe(true);
    expect(screeningApplies(serumMid, facts({ ageOnDueDate: 34 }))).toBe(true);
    expect(screeningApplies(serumMid, facts({ ageOnDueDate: 35 }))).toBe(false);
    expect(screeningApplies(serumMid, facts({ ageOnDueDate: 20, twins: true }))).toBe(false);
    // age unknown: offered (she is told the condition in the message)
    expect(screeningApplies(serumMid, facts({ ageOnDueDate: null }))).toBe(true);
    // national: no single-pregnancy condition
    expect(screeningApplies(byId(national, 'serum-mid'), facts({ twins: true }))).toBe(true);
  });

  it('prenatal diagnosis: referred, or 35 or older on the due date, or 32 or older with twins', () => {
    expect(screeningApplies(diagnosis, facts())).toBe(false);
    expect(screeningApplies(diagnosis, facts({ referred: true }))).toBe(true);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: 34 }))).toBe(false);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: 35 }))).toBe(true);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: 31, twins: true }))).toBe(false);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: 32, twins: true }))).toBe(true);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: 32 }))).toBe(false);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: null }))).toBe(false);
    expect(screeningApplies(diagnosis, facts({ ageOnDueDate: null, referred: true }))).toBe(true);
  });

  it('fallback scan: only when NT was marked missed', () => {
    expect(screeningApplies(fallback, facts())).toBe(false);
    expect(screeningApplies(fallback, facts({ missed: new Set(['first-visit']) }))).toBe(false);
    expect(screeningApplies(fallback, facts({ missed: new Set(['nt']) }))).toBe(true);
  });

  it('a maximum age and a condition must both hold', () => {
    const s: AlertScreening = { ...diagnosis, maxAgeOnDueDate: 40 };
    expect(screeningApplies(s, facts({ ageOnDueDate: 38 }))).toBe(true);
    expect(screeningApplies(s, facts({ ageOnDueDate: 41 }))).toBe(false);
    expect(screeningApplies(s, facts({ ageOnDueDate: 41, referred: true }))).toBe(false);
  });
});

describe('toAlertScreening', () => {
  const defaults = [{ id: 'open', anchor: 'opens' as const, days: 0, text: 'alert_open' }];
  it('has no alerts without a window, its own alerts when given, the defaults otherwise', () => {
    expect(toAlertScreening({ id: 'x', name: 'X' }, defaults)).toBeUndefined();
    const own = toAlertScreening({ id: 'x', name: 'X', window: { opens: '6w0d', closes: '13w6d' }, alerts: [] }, defaults)!;
    expect(own).toEqual({ id: 'x', name: 'X', opensDay: 42, closesDay: 97, alerts: [], maxAgeOnDueDate: undefined, singleOnly: false, onlyIf: undefined });
    expect(alertsOn([own], DUE, '2026-02-02')).toEqual([]);
    const dflt = toAlertScreening({ id: 'x', name: 'X', window: { opens: '6w0d', closes: '13w6d' } }, defaults)!;
    expect(keys(alertsOn([dflt], DUE, '2026-02-02'))).toEqual(['x.open']);
  });
});

describe('alertSetKey', () => {
  it('is the same for the same alerts in any order, and differs when one is added or missing', () => {
    const on = alertsOn(henan, DUE, '2026-04-13');
    expect(alertSetKey(on)).toBe('fallback-us.open+prenatal-diagnosis.open');
    expect(alertSetKey([...on].reverse())).toBe('fallback-us.open+prenatal-diagnosis.open');
    expect(alertSetKey(on.slice(0, 1))).toBe('fallback-us.open');
    expect(alertSetKey(alertsOn(henan, DUE, '2026-03-22'))).toBe('first-visit.closing+nt.closing');
    expect(alertSetKey([])).toBe('');
  });
});

describe('closedPrerequisite (asked of a late registrant)', () => {
  // due 2026-09-28: NT closes 2026-03-29, Henan's fallback scan (after a missed NT) closes 2026-05-10
  it.each([
    ['2026-03-29', undefined], // NT still open today
    ['2026-03-30', 'nt'],
    ['2026-05-10', 'nt'], // the fallback scan's last day
    ['2026-05-11', undefined], // nothing left that depends on it
  ])('henan, today %s → %s', (today, id) => {
    expect(closedPrerequisite(henan, DUE, today)?.id).toBe(id);
  });

  it('national: no screening depends on a missed one, nothing to ask', () => {
    expect(closedPrerequisite(national, DUE, '2026-04-20')).toBeUndefined();
  });
});
