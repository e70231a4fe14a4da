// The cut-off stops bookings and changes, never giving a booking back (until its session ends); a
// seat freed after the cut-off is held for a woman waiting only until an hour before its session.
import { describe, expect, it } from 'vitest';
import { canCancel, offerHoldEnd } from '../../../src/domain/booking/bookableDays.js';
import { isBookingNews } from '../../../src/services/outbox/bookingNews.js';
import { noticeKey } from '../../../src/services/booking/notices.js';

const rules = {
  horizonDays: 14,
  cutoffHour: 16,
  offerHoldMinutes: 120,
  sessionHours: { am: { starts: '08:00', ends: '12:00' }, pm: { starts: '14:00', ends: '17:00' } },
};
const at = (s: string) => new Date(s);

describe('canCancel', () => {
  it('tomorrow after the cut-off, today until the session ends, never a day past', () => {
    expect(canCancel('2026-03-03', 'am', at('2026-03-02T22:00:00+08:00'), rules)).toBe(true);
    expect(canCancel('2026-03-03', 'am', at('2026-03-03T11:59:00+08:00'), rules)).toBe(true);
    expect(canCancel('2026-03-03', 'am', at('2026-03-03T12:00:00+08:00'), rules)).toBe(false);
    expect(canCancel('2026-03-03', 'pm', at('2026-03-03T12:00:00+08:00'), rules)).toBe(true);
    expect(canCancel('2026-03-02', 'pm', at('2026-03-03T08:00:00+08:00'), rules)).toBe(false);
  });
});

describe('offerHoldEnd', () => {
  it('a bookable day: the full hold from when she can read it', () => {
    const now = at('2026-03-02T10:00:00+08:00');
    expect(offerHoldEnd({ day: '2026-03-04', session: 'am' }, now, now, rules)?.toISOString()).toBe('2026-03-02T04:00:00.000Z');
  });
  it('tomorrow after the cut-off or today: ends an hour before the session, at least 30 minutes, else none', () => {
    const evening = at('2026-03-02T19:00:00+08:00');
    expect(offerHoldEnd({ day: '2026-03-03', session: 'am' }, evening, evening, rules)?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    const morning = at('2026-03-03T08:00:00+08:00');
    expect(offerHoldEnd({ day: '2026-03-03', session: 'am' }, at('2026-03-02T22:30:00+08:00'), morning, rules)).toBeUndefined();
    expect(offerHoldEnd({ day: '2026-03-03', session: 'pm' }, morning, morning, rules)?.toISOString()).toBe('2026-03-03T02:00:00.000Z');
    const late = at('2026-03-03T12:20:00+08:00');
    expect(offerHoldEnd({ day: '2026-03-03', session: 'pm' }, late, late, rules)?.toISOString()).toBe('2026-03-03T05:00:00.000Z');
    const tooLate = at('2026-03-03T12:40:00+08:00');
    expect(offerHoldEnd({ day: '2026-03-03', session: 'pm' }, tooLate, tooLate, rules)).toBeUndefined();
    expect(offerHoldEnd({ day: '2026-03-02', session: 'pm' }, morning, morning, rules)).toBeUndefined();
  });
});

describe('booking news (sent even after 退订)', () => {
  const b = { id: 'b1', code: 'XC7K3P', contactId: 'c1', hospitalId: 'h', day: '2026-03-03', session: 'am', heldUntil: null };
  it('a closure and a no-show are; offers, their expiry, the end of a waiting place and reminders are not', () => {
    expect(isBookingNews(noticeKey('closed', b))).toBe(true);
    expect(isBookingNews(noticeKey('noShow', b))).toBe(true);
    for (const k of ['waitlistOffer', 'offerExpired', 'waitlistEnded'] as const) expect(isBookingNews(noticeKey(k, b))).toBe(false);
    expect(isBookingNews('reminder:b1:2026-03-03:am')).toBe(false);
    expect(isBookingNews('rescreen:c1:2026-03-03')).toBe(false);
  });
});
