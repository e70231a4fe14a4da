import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineJustEligible } from '../../../src/flows/booking/justEligible.js';
import { bookingMenu } from '../../../src/profiles/bookable.js';
import { loadAllProfiles } from '../../../src/profiles/loadProfiles.js';

const { profiles, counties } = loadAllProfiles(path.resolve(__dirname, '../../../profiles'));
const profile = profiles.get('henan')!;
const menu = bookingMenu(profile, counties.get('xiangcheng')!);
const NOW = new Date('2026-03-02T02:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe('the booking she asks for right after she was told she may join', () => {
  it('is the line with all the screenings of that programme (两癌: 宫颈 and 乳腺)', () => {
    const line = lineJustEligible(menu, profile, {}, [{ programme: 'twoCancer', eligible: true, checkedAt: minutesAgo(5) }], NOW);
    expect(line?.split(',').sort()).toEqual(['breast', 'cervical']);
  });

  it('is none when her answers took a screening away (no uterus), or she was not eligible, or long ago', () => {
    const check = { programme: 'twoCancer', eligible: true, checkedAt: minutesAgo(5) };
    expect(lineJustEligible(menu, profile, { hysterectomy: true }, [check], NOW)).toBeUndefined();
    expect(lineJustEligible(menu, profile, {}, [{ ...check, eligible: false }], NOW)).toBeUndefined();
    expect(lineJustEligible(menu, profile, {}, [{ ...check, checkedAt: minutesAgo(3 * 60) }], NOW)).toBeUndefined();
  });

  it('is none for the prenatal programme (each line one screening: which is hers to say) or two programmes at once', () => {
    const prenatal = { programme: 'prenatal', eligible: true, checkedAt: minutesAgo(5) };
    expect(lineJustEligible(menu, profile, {}, [prenatal], NOW)).toBeUndefined();
    expect(lineJustEligible(menu, profile, {}, [prenatal, { ...prenatal, programme: 'twoCancer' }], NOW)).toBeUndefined();
  });
});
