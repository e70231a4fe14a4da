import { describe, expect, it } from 'vitest';
import { screeningsOfKey } from '../../../src/services/reminders/remindedScreenings.js';

describe('screeningsOfKey', () => {
  it('reads the screenings of a prenatal alert', () => {
    expect(screeningsOfKey('preg:p1:2026-03-27:nt.soon')).toEqual(['nt']);
    expect(screeningsOfKey('preg:p1:2026-10-26:serum-mid.open')).toEqual(['serum-mid']);
    expect(screeningsOfKey('preg:p1:2026-03-27:nipt.open+nt.open')).toEqual(['nipt', 'nt']);
    expect(screeningsOfKey('preg:p1:2026-03-27:nt.open+nt.last')).toEqual(['nt']);
  });

  it('reads none from any other message', () => {
    expect(screeningsOfKey('preg:p1:2026-10-12:birth-check')).toEqual([]);
    expect(screeningsOfKey('waitlist-offer:b1')).toEqual([]);
    expect(screeningsOfKey('newborn:p1:2026-10-12:hearing.open')).toEqual([]);
  });
});
